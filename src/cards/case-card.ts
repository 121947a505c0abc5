import type { RecoveryPassword } from '../recovery/recovery-password.js';
import { containsRecoveryPasswordShape } from '../recovery/recovery-password.js';
import type { DeviceKind, EscalationReason, RootCause } from '../recovery/triage-types.js';
import {
  type AdaptiveCard,
  adaptiveCard,
  CARD_INPUTS,
  CASE_VERBS,
  type CardAction,
  type CardElement,
  type CaseActionData,
  type CaseVerb,
  cardOf,
  execute,
  type FactSetElement,
  openUrl,
  type TextBlockElement,
  text,
  title,
} from './adaptive-card.js';
import { formatKeyId } from './format-key-id.js';
import type { HelpdeskMessages, Messages } from './messages.js';
import { releaseCard } from './release-card.js';

// The card speaks the helpdesk domain's vocabulary: one list of statuses, methods and history actions.
export {
  CASE_HISTORY_ACTIONS as CASE_EVENTS,
  CASE_STATUSES,
  type CaseHistoryAction as CaseEvent,
  type CaseStatus,
  VERIFICATION_METHODS,
  type VerificationMethod,
} from '../helpdesk/case.js';

import {
  type CaseHistoryAction as CaseEvent,
  type CaseStatus,
  VERIFICATION_METHODS,
  type VerificationMethod,
} from '../helpdesk/case.js';

/** Entra `trustType`: joined, hybrid/on-premises joined, registered (BYOD); `unknown` when Graph omits it. */
export const DEVICE_TRUST_TYPES = ['AzureAd', 'ServerAd', 'Workplace', 'unknown'] as const;
export type DeviceTrustType = (typeof DEVICE_TRUST_TYPES)[number];

/** A device the Key ID may belong to, as the case recorded it. */
export interface CaseDeviceView {
  readonly name: string;
  /** Entra `deviceId` (not the directory object id): what `audit <device>` searches for. */
  readonly deviceId: string;
  readonly trustType: DeviceTrustType;
  /** ISO time of `approximateLastSignInDateTime`, when known. */
  readonly lastSignInAt?: string;
}

/** One line of a case's history. */
export interface CaseHistoryLine {
  /** ISO time. */
  readonly at: string;
  readonly event: CaseEvent;
  /** Display name of who acted; absent when the bot did (reminders, system-raised cases). */
  readonly by?: string;
  /** Free text that came with the event (a requester's note, a verification note). */
  readonly note?: string;
  /** How the requester was verified, on a verification line. */
  readonly method?: VerificationMethod;
}

/**
 * Everything the case cards show, mapped from the helpdesk domain by the edge. Plain data with no key:
 * the base card is seen by the whole channel, so nothing secret may ever be put here.
 */
export interface CaseView {
  readonly number: number;
  /** The case's optimistic-concurrency version; every button sends it back as `expectedVersion`. */
  readonly version: number;
  readonly status: CaseStatus;
  readonly requester: { readonly name: string; readonly upn: string };
  /** Normalized Key ID (prefix) as the requester typed it; absent when they had none. */
  readonly keyId?: string;
  readonly reason: EscalationReason;
  readonly answers: {
    readonly rootCause?: RootCause;
    readonly deviceKind?: DeviceKind;
    readonly errorCode?: string;
  };
  readonly devices: readonly CaseDeviceView[];
  readonly owner?: { readonly name: string };
  readonly verification?: {
    readonly method: VerificationMethod;
    readonly by: string;
    /** ISO time. */
    readonly at: string;
  };
  /** Oldest first. */
  readonly history: readonly CaseHistoryLine[];
  /** ISO times. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * The buttons the base card offers in each status. The server still decides (it re-authorizes and checks
 * the transition); this only keeps buttons that cannot work off the card.
 */
export const CASE_ACTIONS: { readonly [status in CaseStatus]: readonly CaseVerb[] } = {
  open: [CASE_VERBS.claim, CASE_VERBS.reject],
  reopened: [CASE_VERBS.claim, CASE_VERBS.reject],
  claimed: [CASE_VERBS.recordVerification, CASE_VERBS.releaseClaim, CASE_VERBS.resolve, CASE_VERBS.reject],
  verified: [
    CASE_VERBS.sendKey,
    CASE_VERBS.showKeyToMe,
    CASE_VERBS.releaseClaim,
    CASE_VERBS.resolve,
    CASE_VERBS.reject,
  ],
  released: [CASE_VERBS.resolve, CASE_VERBS.reject],
  resolved: [CASE_VERBS.reopen],
  cancelled: [],
  rejected: [CASE_VERBS.reopen],
};

/** Only the latest lines fit on a phone; older ones are counted, and `case <n>` is one card anyway. */
const HISTORY_LINES = 8;
const DEVICES_SHOWN = 5;
const NOTE_MAX_LENGTH = 500;
const REJECT_CONFIRM = 'reject-confirm';
const CLOSED: ReadonlySet<CaseStatus> = new Set(['resolved', 'cancelled', 'rejected']);

/** Extra for the card answered to the one agent who pressed a button. */
export interface CaseCardOptions {
  /** A line for that agent only ("Megan claimed this just before you"), shown above the case. */
  readonly notice?: string;
}

/**
 * The case card everyone in the helpdesk channel sees, updated in place: status, requester, Key ID,
 * why it came to IT, the triage answers, candidate devices, owner, verification, history, and the
 * buttons the status allows. Never a key: the advanced agent's key goes only into {@link revealedKeyView}.
 */
export function caseCard(view: CaseView, messages: Messages, options: CaseCardOptions = {}): AdaptiveCard {
  const m = messages.helpdesk;
  const data = actionData(view);
  const allowed = new Set(CASE_ACTIONS[view.status]);
  const body: CardElement[] = [
    ...(options.notice === undefined ? [] : [text(options.notice, { color: 'Attention', weight: 'Bolder' })]),
    ...summary(view, messages),
    ...devices(view, m),
    ...history(view, m),
    ...(allowed.has(CASE_VERBS.recordVerification) ? verificationInputs(data, m) : []),
    ...(allowed.has(CASE_VERBS.sendKey) ? [text(m.sendKeyHint, { isSubtle: true, size: 'Small' })] : []),
    ...(allowed.has(CASE_VERBS.reject) ? [rejectConfirmation(data, m)] : []),
    ...(CLOSED.has(view.status) ? [text(m.closedHint, { isSubtle: true, size: 'Small' })] : []),
  ];
  const actions: CardAction[] = [];
  for (const verb of CASE_ACTIONS[view.status]) {
    const action = baseAction(verb, data, m);
    if (action) actions.push(action);
  }
  return adaptiveCard(
    m.caseSummary(view.number, safe(view.requester.name, m), statusWords(view, m)),
    body,
    actions,
  );
}

/**
 * What the advanced agent sees after pressing "Show key to me": the case, what showing a key means, and the
 * required reason. It is the answer to their own button press, so only they see it (no `refresh`: in a
 * channel of fewer than 60 people every member's client would invoke it).
 */
export function advancedView(
  view: CaseView,
  messages: Messages,
  options: CaseCardOptions = {},
): AdaptiveCard {
  const m = messages.helpdesk;
  const data = actionData(view);
  return cardOf(
    [
      ...(options.notice === undefined
        ? []
        : [text(options.notice, { color: 'Attention', weight: 'Bolder' })]),
      title(m.advanced.title(view.number)),
      keyFacts(view, messages),
      ...m.advanced.lines.map((line) => text(line)),
      {
        type: 'Input.Text',
        id: CARD_INPUTS.showKeyReason,
        label: m.advanced.reasonLabel,
        placeholder: m.advanced.reasonPlaceholder,
        maxLength: NOTE_MAX_LENGTH,
        isRequired: true,
        errorMessage: m.advanced.reasonRequired,
      },
    ],
    [
      execute(m.advanced.reveal, CASE_VERBS.revealKey, data, { style: 'positive' }),
      execute(m.advanced.back, CASE_VERBS.refresh, data, { associatedInputs: 'none' }),
    ],
  );
}

/** The agent's own sign-in step before a key is read (Send key, Show key to me): what happens, and the link. */
export interface AgentSignInView {
  readonly case: CaseView;
  /** What signing in leads to, in one or two sentences. */
  readonly notice: string;
  readonly button: string;
  /** `${PUBLIC_BASE_URL}/auth/start?s=…`: single use, bound to this agent. */
  readonly url: string;
}

/**
 * The answer to the agent's own press (so only they see the link): the case in brief, what signing in
 * leads to, and the button. Nothing else to press: the link is the next step.
 */
export function agentSignInCard(view: AgentSignInView, messages: Messages): AdaptiveCard {
  const m = messages.helpdesk;
  return adaptiveCard(
    view.notice,
    [
      title(m.caseTitle(view.case.number)),
      keyFacts(view.case, messages),
      text(view.notice, { weight: 'Bolder' }),
    ],
    [openUrl(view.button, view.url, { style: 'positive' })],
  );
}

/** What the revealed-key view shows besides the key. */
export interface RevealedKeyView {
  readonly caseNumber: number;
  /** The case's version once the key is shown; the Hide button sends it like every case button. */
  readonly caseVersion: number;
  readonly requesterName: string;
  readonly deviceName: string;
  /** The full Key ID of the key being shown. */
  readonly keyId: string;
  readonly visibleMinutes: number;
}

/**
 * The key, for the one advanced agent who asked and gave a reason, in their private chat with the bot: the
 * release card's numbered blocks (the layout the requester gets, one block at a time on the agent's device).
 * The only helpdesk card that may carry a key; its fallback never does.
 */
export function revealedKeyView(
  reveal: RevealedKeyView,
  password: RecoveryPassword,
  messages: Messages,
): AdaptiveCard {
  const m = messages.helpdesk;
  const requesterName = safe(reveal.requesterName, m);
  const release = releaseCard(
    {
      requestId: `case-${reveal.caseNumber}`,
      deviceName: reveal.deviceName,
      keyId: reveal.keyId,
      visibleMinutes: reveal.visibleMinutes,
    },
    password,
    messages,
  );
  // The block containers and the one-block toggle; the release card's own submits belong to the requester.
  const blocks = release.body.filter((element) => element.type === 'Container');
  const toggles = (release.actions ?? []).filter((action) => action.type === 'Action.ToggleVisibility');
  return adaptiveCard(
    m.revealed.fallback(reveal.caseNumber),
    [
      title(m.revealed.title(reveal.caseNumber)),
      {
        type: 'FactSet',
        facts: [
          { title: m.requesterLabel, value: requesterName },
          { title: messages.release.deviceLabel, value: safe(reveal.deviceName, m) },
          { title: messages.keyIdLabel, value: formatKeyId(reveal.keyId) },
        ],
      },
      text(m.revealed.onlyYou(requesterName), { color: 'Attention' }),
      ...blocks,
      text(m.revealed.hidesIn(reveal.visibleMinutes), { isSubtle: true, size: 'Small' }),
    ],
    [
      execute(
        m.revealed.hide,
        CASE_VERBS.hideKey,
        { caseNumber: reveal.caseNumber, expectedVersion: reveal.caseVersion },
        { associatedInputs: 'none' },
      ),
      ...toggles,
    ],
  );
}

/** What replaces the revealed key in the agent's chat, when they hide it or the time is up. */
export function revealedKeyHiddenCard(caseNumber: number, messages: Messages): AdaptiveCard {
  const m = messages.helpdesk.revealed;
  return cardOf([title(m.hiddenTitle(caseNumber)), text(m.hiddenBody)]);
}

/** What the requester is told about their case. */
export const REQUESTER_UPDATE_KINDS = [
  'opened',
  'claimed',
  'claimReleased',
  'verified',
  'keySent',
  'noteAdded',
  'resolved',
  'rejected',
  'cancelled',
] as const;
export type RequesterUpdateKind = (typeof REQUESTER_UPDATE_KINDS)[number];

/** One proactive update to the requester's 1:1 chat. */
export interface RequesterUpdate {
  readonly kind: RequesterUpdateKind;
  readonly caseNumber: number;
  readonly caseVersion: number;
  /** The agent who acted, so the requester knows who from IT will contact them. */
  readonly agentName?: string;
}

/** While IT has not finished, the requester can still add a note or cancel. */
const STILL_OPEN: ReadonlySet<RequesterUpdateKind> = new Set([
  'opened',
  'claimed',
  'claimReleased',
  'verified',
  'noteAdded',
]);
const NOTE_FORM = 'note-form';

/** The requester's update: the case number, what just happened, what happens next, and their options. */
export function requesterUpdateCard(
  update: RequesterUpdate,
  messages: Messages,
  options: { readonly notice?: string } = {},
): AdaptiveCard {
  const m = messages.helpdesk;
  const r = m.requester;
  const data: CaseActionData = { caseNumber: update.caseNumber, expectedVersion: update.caseVersion };
  const agent = update.agentName === undefined ? undefined : safe(update.agentName, m);
  const open = STILL_OPEN.has(update.kind);
  const body: CardElement[] = [
    ...(options.notice === undefined ? [] : [text(options.notice, { weight: 'Bolder' })]),
    title(r.title(update.caseNumber)),
    text(r.updates[update.kind](agent)),
    { type: 'FactSet', facts: [{ title: r.caseNumberLabel, value: String(update.caseNumber) }] },
    text(r.next[update.kind]),
    ...(open
      ? [
          {
            type: 'Container' as const,
            id: NOTE_FORM,
            isVisible: false as const,
            items: [
              {
                type: 'Input.Text' as const,
                id: CARD_INPUTS.requesterNote,
                label: r.noteLabel,
                placeholder: r.notePlaceholder,
                maxLength: NOTE_MAX_LENGTH,
                isRequired: true as const,
                errorMessage: r.noteRequired,
              },
              { type: 'ActionSet' as const, actions: [execute(r.sendNote, CASE_VERBS.addNote, data)] },
            ],
          },
        ]
      : []),
  ];
  const actions: CardAction[] = open
    ? [
        {
          type: 'Action.ToggleVisibility',
          title: r.addNote,
          targetElements: [{ elementId: NOTE_FORM, isVisible: true }],
        },
        execute(r.cancelRequest, CASE_VERBS.cancel, data, { associatedInputs: 'none' }),
      ]
    : [];
  return cardOf(body, actions);
}

/** How a case's status reads in the requester's own view of it. */
const REQUESTER_VIEW_OF: { readonly [status in CaseStatus]: RequesterUpdateKind } = {
  open: 'opened',
  reopened: 'opened',
  claimed: 'claimed',
  verified: 'verified',
  released: 'keySent',
  resolved: 'resolved',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

/**
 * The requester's view of their own case as it now is: the update card for its status, never the agents'
 * card (no notes, no history, no devices). `notice` says why nothing changed, when something was refused.
 */
export function requesterViewCard(
  view: Pick<CaseView, 'number' | 'version' | 'status' | 'owner'>,
  messages: Messages,
  notice?: string,
): AdaptiveCard {
  return requesterUpdateCard(
    {
      kind: REQUESTER_VIEW_OF[view.status],
      caseNumber: view.number,
      caseVersion: view.version,
      ...(view.owner ? { agentName: view.owner.name } : {}),
    },
    messages,
    notice === undefined ? {} : { notice },
  );
}

/** The re-announcement posted in an unclaimed case's thread after `CASE_REMIND_MINUTES`. */
export function caseReminderText(
  view: Pick<CaseView, 'number' | 'requester' | 'createdAt'>,
  now: string,
  messages: Messages,
): string {
  const m = messages.helpdesk;
  return m.reminder(view.number, safe(view.requester.name, m), minutesBetween(view.createdAt, now));
}

/**
 * Card markup for an instant that each reader's Teams client shows in their own time zone and language.
 * The renderer only accepts whole seconds with `Z` or an offset, so the instant is normalized here.
 */
export function cardTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const utc = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${utc}, SHORT)}} {{TIME(${utc})}}`;
}

/** Whole minutes from `from` to `to` (never negative: clocks of two instances may disagree a little). */
export function minutesBetween(from: string, to: string): number {
  const minutes = Math.floor((Date.parse(to) - Date.parse(from)) / 60_000);
  return Number.isFinite(minutes) ? Math.max(0, minutes) : 0;
}

/**
 * Free text from people and directories (names, notes, device names) goes on cards the whole channel
 * reads. Anything shaped like a recovery password is withheld whole, not masked: a partial key is still
 * most of a key.
 */
export function safe(value: string, messages: HelpdeskMessages): string {
  return containsRecoveryPasswordShape(value) ? messages.textWithheld : value;
}

function actionData(view: Pick<CaseView, 'number' | 'version'>): CaseActionData {
  return { caseNumber: view.number, expectedVersion: view.version };
}

function statusWords(view: CaseView, m: HelpdeskMessages): string {
  return m.statuses[view.status];
}

function summary(view: CaseView, messages: Messages): CardElement[] {
  const m = messages.helpdesk;
  return [
    title(m.caseTitle(view.number)),
    statusLine(view, m),
    keyFacts(view, messages),
    {
      type: 'FactSet',
      facts: [
        { title: m.reasonLabel, value: m.reasons[view.reason] },
        ...(view.answers.rootCause === undefined
          ? []
          : [{ title: messages.rootCauseFact, value: messages.rootCauseChoices[view.answers.rootCause] }]),
        ...(view.answers.deviceKind === undefined
          ? []
          : [{ title: messages.deviceKindFact, value: messages.deviceKindChoices[view.answers.deviceKind] }]),
        ...(view.answers.errorCode === undefined
          ? []
          : [{ title: messages.errorCodeFact, value: safe(view.answers.errorCode, m) }]),
        { title: m.ownerLabel, value: view.owner ? safe(view.owner.name, m) : m.nobodyYet },
        {
          title: m.verificationLabel,
          value: view.verification
            ? m.verifiedBy(m.verificationMethods[view.verification.method], safe(view.verification.by, m))
            : m.notVerifiedYet,
        },
      ],
    },
  ];
}

/** Requester and Key ID: the two things an agent compares with what the caller says. */
function keyFacts(view: CaseView, messages: Messages): FactSetElement {
  const m = messages.helpdesk;
  return {
    type: 'FactSet',
    facts: [
      {
        title: m.requesterLabel,
        value: `${safe(view.requester.name, m)} (${safe(view.requester.upn, m)})`,
      },
      ...(view.keyId === undefined ? [] : [{ title: messages.keyIdLabel, value: formatKeyId(view.keyId) }]),
    ],
  };
}

function statusLine(view: CaseView, m: HelpdeskMessages): TextBlockElement {
  const color = statusColor(view.status);
  return text(statusWords(view, m), { weight: 'Bolder', spacing: 'None', ...(color ? { color } : {}) });
}

function statusColor(status: CaseStatus): TextBlockElement['color'] {
  switch (status) {
    case 'open':
    case 'reopened':
      return 'Attention';
    case 'claimed':
    case 'verified':
      return 'Accent';
    case 'released':
    case 'resolved':
      return 'Good';
    case 'cancelled':
      return undefined;
    case 'rejected':
      return 'Attention';
  }
}

function devices(view: CaseView, m: HelpdeskMessages): CardElement[] {
  const shown = view.devices.slice(0, DEVICES_SHOWN);
  const hidden = view.devices.length - shown.length;
  return [
    text(m.devicesTitle, { weight: 'Bolder', spacing: 'Medium' }),
    ...(shown.length === 0 ? [text(m.noDevices, { isSubtle: true })] : []),
    ...shown.flatMap((device) => [
      text(`${safe(device.name, m)} · ${m.trustTypes[device.trustType]}`, { spacing: 'Small' }),
      text(
        [
          safe(device.deviceId, m),
          ...(device.lastSignInAt === undefined ? [] : [m.lastSignIn(cardTime(device.lastSignInAt))]),
        ].join(' · '),
        { isSubtle: true, size: 'Small', spacing: 'None' },
      ),
    ]),
    ...(hidden > 0 ? [text(m.moreDevices(hidden), { isSubtle: true, size: 'Small' })] : []),
  ];
}

function history(view: CaseView, m: HelpdeskMessages): CardElement[] {
  const shown = view.history.slice(-HISTORY_LINES);
  const earlier = view.history.length - shown.length;
  return [
    text(m.historyTitle, { weight: 'Bolder', spacing: 'Medium' }),
    ...(earlier > 0 ? [text(m.earlierHistory(earlier), { isSubtle: true, size: 'Small' })] : []),
    ...shown.map((line) => {
      const words = m.events[line.event](line.by === undefined ? undefined : safe(line.by, m));
      const method = line.method === undefined ? '' : ` (${m.verificationMethods[line.method]})`;
      const note = line.note === undefined || line.note.trim() === '' ? '' : `: "${safe(line.note, m)}"`;
      return text(`${cardTime(line.at)} · ${words}${method}${note}`, { size: 'Small', spacing: 'Small' });
    }),
  ];
}

function verificationInputs(data: CaseActionData, m: HelpdeskMessages): CardElement[] {
  return [
    text(m.recordVerificationTitle, { weight: 'Bolder', spacing: 'Medium' }),
    {
      type: 'Input.ChoiceSet',
      id: CARD_INPUTS.verificationMethod,
      label: m.verificationMethodLabel,
      style: 'expanded',
      wrap: true,
      choices: VERIFICATION_METHODS.map((method) => ({
        title: m.verificationMethods[method],
        value: method,
      })),
      isRequired: true,
      errorMessage: m.verificationMethodRequired,
    },
    {
      type: 'Input.Text',
      id: CARD_INPUTS.verificationNote,
      label: m.verificationNoteLabel,
      placeholder: m.verificationNotePlaceholder,
      maxLength: NOTE_MAX_LENGTH,
    },
    // Right under the inputs: on a phone the card's own buttons can be a long scroll away.
    {
      type: 'ActionSet',
      actions: [execute(m.saveVerification, CASE_VERBS.recordVerification, data, { style: 'positive' })],
    },
  ];
}

/** Rejecting alerts security and ends the case: one more tap, so a slip of the thumb does not do it. */
function rejectConfirmation(data: CaseActionData, m: HelpdeskMessages): CardElement {
  return {
    type: 'Container',
    id: REJECT_CONFIRM,
    isVisible: false,
    style: 'emphasis',
    items: [
      text(m.rejectWarning),
      {
        type: 'ActionSet',
        actions: [
          execute(m.rejectConfirm, CASE_VERBS.reject, data, {
            style: 'destructive',
            associatedInputs: 'none',
          }),
        ],
      },
    ],
  };
}

function baseAction(verb: CaseVerb, data: CaseActionData, m: HelpdeskMessages): CardAction | undefined {
  const plain = { associatedInputs: 'none' } as const;
  switch (verb) {
    case CASE_VERBS.claim:
      return execute(m.claim, verb, data, { style: 'positive', associatedInputs: 'none' });
    case CASE_VERBS.releaseClaim:
      return execute(m.releaseClaim, verb, data, plain);
    case CASE_VERBS.sendKey:
      return execute(m.sendKey, verb, data, { style: 'positive', associatedInputs: 'none' });
    case CASE_VERBS.showKeyToMe:
      return execute(m.showKeyToMe, verb, data, plain);
    case CASE_VERBS.resolve:
      return execute(m.resolve, verb, data, plain);
    case CASE_VERBS.reopen:
      return execute(m.reopen, verb, data, plain);
    case CASE_VERBS.reject:
      return {
        type: 'Action.ToggleVisibility',
        title: m.rejectOpen,
        targetElements: [{ elementId: REJECT_CONFIRM, isVisible: true }],
      };
    // Its button sits under its inputs in the body.
    case CASE_VERBS.recordVerification:
      return undefined;
    case CASE_VERBS.revealKey:
    case CASE_VERBS.hideKey:
    case CASE_VERBS.refresh:
    case CASE_VERBS.addNote:
    case CASE_VERBS.cancel:
      return undefined;
  }
}
