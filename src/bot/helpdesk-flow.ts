import { type Activity, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import {
  type CaseView,
  caseCard,
  caseReminderText,
  type RequesterUpdateKind,
  requesterUpdateCard,
  requesterViewCard,
} from '../cards/case-card.js';
import { helpdeskRefusalText } from '../cards/helpdesk-cards.js';
import { type Messages, messagesFor } from '../cards/messages.js';
import {
  type ActingPerson,
  actOnCase,
  type CaseActionPorts,
  type CaseChanged,
  type CaseInHand,
  type CaseRefused,
  caseForPerson,
  type HelpdeskMembership,
  type HelpdeskRefusal,
  refused,
} from '../helpdesk/act-on-case.js';
import { attachCaseDetails, type CaseDetails } from '../helpdesk/attach-case-details.js';
import type { Case } from '../helpdesk/case.js';
import type { CaseStore } from '../helpdesk/case-store.js';
import { CaseVersionConflictError } from '../helpdesk/case-version-conflict-error.js';
import type { ChannelStore } from '../helpdesk/channel-store.js';
import type { CaseAction, CaseActor, CaseEvent } from '../helpdesk/decide-agent-action.js';
import { dueForReminder } from '../helpdesk/due-for-reminder.js';
import { recordAnnouncement } from '../helpdesk/record-announcement.js';
import type { Logger } from '../observability/logger.js';
import type { CaseRequest } from '../recovery/case-requests.js';
import type { Conversations } from '../recovery/conversations.js';
import type { AuditLog, JobQueue } from '../recovery/release-ports.js';
import { type CaseReminderPayload, newJob } from '../recovery/typed-jobs.js';
import { localeOf } from './teams-conversations.js';

/** Everything the helpdesk needs at the edge. */
export interface HelpdeskServices {
  readonly cases: CaseStore;
  readonly channels: ChannelStore;
  /** HELPDESK_CHANNEL_ID: the channel cases are posted in. */
  readonly channelId: string;
  /**
   * The requester's UPN and registered devices from the directory, for the case card; undefined when the
   * directory cannot say (the case is posted without them rather than late).
   */
  readonly describeRequester?: (objectId: string) => Promise<CaseDetails | undefined>;
  /** SECURITY_CHANNEL_ID: where cases rejected as suspicious are reported, when set. */
  readonly securityChannelId: string | undefined;
  /** Durable jobs (reminders for unclaimed cases). */
  readonly jobs: JobQueue;
  /** CASE_REMIND_MINUTES: an unclaimed case is re-announced after this long. */
  readonly remindMinutes: number;
  /** Group membership of the person acting, from Graph (never from card data); cached briefly by the caller. */
  readonly membership: HelpdeskMembership;
  /** The audit trail, read by the helpdesk's `audit` and `stats` commands. */
  readonly audit: AuditLog;
  /**
   * A user by UPN from the directory, for `audit <user>` (an object id needs no lookup: the audit trail is
   * keyed by it); undefined when there is no such user. Absent where there is no directory.
   */
  readonly findUser?: (userPrincipalName: string) => Promise<HelpdeskUser | undefined>;
}

/** A person as the directory names them. */
export interface HelpdeskUser {
  readonly objectId: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
}

export interface HelpdeskContext {
  readonly conversations: Conversations;
  readonly messages: Messages;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly helpdesk: HelpdeskServices;
}

/** The channel an activity happens in, without the `;messageid=` of a thread. */
export function channelOf(activity: Activity): string | undefined {
  if (activity.conversation?.conversationType !== 'channel') return undefined;
  const data = activity.channelData as
    | { channel?: { id?: string }; settings?: { selectedChannel?: { id?: string } } }
    | undefined;
  return data?.channel?.id ?? data?.settings?.selectedChannel?.id ?? activity.conversation.id.split(';')[0];
}

/**
 * Remembers the helpdesk channel's conversation reference (from the install event or any activity there),
 * then posts the cases that waited for it.
 */
export async function learnHelpdeskChannel(context: TurnContext, deps: HelpdeskContext): Promise<void> {
  const { helpdesk } = deps;
  const channel = channelOf(context.activity);
  if (channel !== undefined && channel === helpdesk.securityChannelId) {
    await helpdesk.channels.save(
      channel,
      JSON.stringify(TurnContext.getConversationReference(context.activity)),
    );
    return;
  }
  if (channel !== helpdesk.channelId) return;
  const known = await helpdesk.channels.get(helpdesk.channelId);
  const reference = JSON.stringify(TurnContext.getConversationReference(context.activity));
  await helpdesk.channels.save(helpdesk.channelId, reference);
  if (known) return;
  deps.logger.info({ channelId: helpdesk.channelId }, 'helpdesk channel learnt; posting waiting cases');
  for (const waiting of await helpdesk.cases.openCases()) {
    if (!waiting.post) await postCase(waiting, deps);
  }
}

/** Opens the case for a case request (once) and posts it in the helpdesk channel when the channel is known. */
export async function openCase(caseRequest: CaseRequest, deps: HelpdeskContext): Promise<Case> {
  const { case: created, created: isNew } = await deps.helpdesk.cases.create(caseRequest, deps.now());
  const opened = isNew ? await withDetails(created, deps) : created;
  if (isNew && opened.escalation === 'suspiciousContact') {
    // Someone tried to get this person's key: security hears it as well as the helpdesk.
    const alert = deps.messages.helpdesk.suspiciousContactAlert(opened.number, opened.requester.displayName);
    await bestEffort(deps, opened.number, 'could not tell security about a suspicious contact', async () => {
      if (await tellSecurity(opened.number, alert, deps))
        deps.logger.warn(
          { security: true, caseNumber: opened.number },
          'suspicious contact reported to security',
        );
    });
  }
  if (!opened.post) return (await postCase(opened, deps)) ?? opened;
  return opened;
}

/** Adds the requester's UPN and candidate devices (product.md §3.3) before the case is first shown. */
async function withDetails(current: Case, deps: HelpdeskContext): Promise<Case> {
  let details: CaseDetails | undefined;
  try {
    details = await deps.helpdesk.describeRequester?.(current.requester.objectId);
  } catch (error) {
    // Directory trouble must not hold the case back: it is posted without the details.
    deps.logger.warn({ err: error, caseNumber: current.number }, 'case details not available');
  }
  if (!details) return current;
  const next = attachCaseDetails(current, details, deps.now());
  try {
    await deps.helpdesk.cases.update(next, current.version);
    return next;
  } catch (error) {
    if (error instanceof CaseVersionConflictError) return current;
    throw error;
  }
}

/** Posts the case card as a new thread in the helpdesk channel and records where it is. */
async function postCase(current: Case, deps: HelpdeskContext): Promise<Case | undefined> {
  const reference = await deps.helpdesk.channels.get(deps.helpdesk.channelId);
  if (!reference) {
    deps.logger.warn({ caseNumber: current.number }, 'helpdesk channel not known yet; the case waits');
    return undefined;
  }
  const thread = await deps.conversations.startThread(reference, deps.helpdesk.channelId, {
    card: caseCard(caseView(current), deps.messages),
  });
  if (!thread) return undefined;
  const posted = recordAnnouncement(current, { kind: 'posted', post: thread }, deps.now());
  try {
    await deps.helpdesk.cases.update(posted, current.version);
    await refreshChannelCard(posted, deps);
  } catch (error) {
    if (!(error instanceof CaseVersionConflictError)) throw error;
    // Another instance changed the case meanwhile; its card is still the one in the channel.
    deps.logger.warn({ caseNumber: current.number }, 'case changed while it was being posted');
  }
  await scheduleReminder(posted, 1, deps);
  return posted;
}

/** What a button press on a case card is answered with: a card for the presser alone, or words only. */
export type CaseAnswer = AdaptiveCard | string;

/** The ports the helpdesk use cases need, from the edge's services. */
export function casePorts(deps: HelpdeskContext): CaseActionPorts {
  const { cases, membership } = deps.helpdesk;
  return { cases, membership, now: deps.now };
}

/** The person who pressed, as the authenticated activity names them (never the card's data). */
export function personOf(context: TurnContext): ActingPerson {
  return { objectId: context.activity.from.aadObjectId ?? '', name: context.activity.from.name ?? '' };
}

/** The presser's words: the helpdesk's language in a channel, their own conversation's in a 1:1 chat. */
export function presserWords(context: TurnContext, deps: HelpdeskContext): Messages {
  return context.activity.conversation?.conversationType === 'personal'
    ? messagesFor(context.activity.locale)
    : deps.messages;
}

/**
 * A button on a case card (Universal Action): the use case decides; the answer is the case as the presser
 * may see it, and the decision's events are carried out. Everyone in the channel sees the change, not only
 * the presser (who may be the requester, in their 1:1 chat).
 */
export async function answerCaseAction(
  context: TurnContext,
  action: CaseAction,
  caseNumber: number,
  expectedVersion: number,
  deps: HelpdeskContext,
): Promise<CaseAnswer> {
  const result = await actOnCase(
    { person: personOf(context), caseNumber, expectedVersion, action },
    casePorts(deps),
  );
  switch (result.kind) {
    case 'membershipUnknown':
      return presserWords(context, deps).helpdesk.refusals.membershipUnknown;
    case 'refused':
      deps.logger.info(
        {
          caseNumber,
          refused: result.refusal.code,
          audience: result.audience,
          actor: context.activity.from.aadObjectId,
        },
        'case action refused',
      );
      return refusalAnswer(context, result, deps);
    case 'changed':
      break;
  }
  deps.logger.info(
    { caseNumber, action: action.type, actor: result.actor.objectId, status: result.case.status },
    'case changed',
  );
  const card = caseCard(caseView(result.case), deps.messages);
  await bestEffort(deps, caseNumber, 'could not update the channel card', () =>
    updateChannelCard(result.case, card, deps),
  );
  for (const event of result.events) await carryOut(event, result, deps);
  return result.audience === 'agent'
    ? card
    : requesterViewCard(caseView(result.case), presserWords(context, deps));
}

/**
 * What a change means beyond the channel card, one case per event. The case is stored already: a failure
 * here is logged and the presser still gets their answer.
 */
async function carryOut(event: CaseEvent, changed: CaseChanged, deps: HelpdeskContext): Promise<void> {
  const current = changed.case;
  const fail = `could not carry out ${event.type}`;
  switch (event.type) {
    case 'claimed':
      return bestEffort(deps, current.number, fail, () => tellRequester(current, 'claimed', deps));
    case 'resolved':
      return bestEffort(deps, current.number, fail, () => tellRequester(current, 'resolved', deps));
    case 'rejectedAsSuspicious':
      await bestEffort(deps, current.number, fail, () => tellRequester(current, 'rejected', deps));
      return bestEffort(deps, current.number, fail, () =>
        alertSecurity(current, event.agent.name, event.note, deps),
      );
    case 'claimReleased':
    case 'verificationRecorded':
    case 'reopened':
    case 'cancelled':
    case 'noteAdded':
      // The channel card says it; the requester hears only what changes things for them.
      return;
    case 'keySentToRequester':
    case 'keyShownToAgent':
      // Decided again and carried out by the key flows once the agent's sign-in comes back.
      return;
  }
}

/** Runs a send whose failure must not undo what was already decided and stored: logged, not thrown. */
export async function bestEffort(
  deps: HelpdeskContext,
  caseNumber: number,
  message: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    // Teams or the connector refused a send: the decision stands, and the log says what was not said.
    deps.logger.warn({ err: error, caseNumber }, message);
  }
}

/** Replaces the case's card in its channel thread, from whatever conversation the change came from. */
export async function updateChannelCard(
  changed: Case,
  card: AdaptiveCard,
  deps: HelpdeskContext,
): Promise<void> {
  const post = changed.post;
  if (!post) return;
  const reference = await deps.helpdesk.channels.get(post.channelId);
  if (!reference) return;
  await deps.conversations.update(deps.conversations.threadOf(reference, post), post.activityId, { card });
}

async function scheduleReminder(current: Case, round: number, deps: HelpdeskContext): Promise<void> {
  if (!(deps.helpdesk.remindMinutes > 0)) return;
  await deps.helpdesk.jobs.schedule(
    newJob(
      `remind:${current.number}:${round}`,
      'caseReminder',
      { caseNumber: current.number, round },
      new Date(deps.now().getTime() + deps.helpdesk.remindMinutes * 60_000).toISOString(),
    ),
  );
}

/**
 * A reminder job: an unclaimed case is re-announced in its thread, and the next reminder is scheduled.
 * Recording the announcement bumps the case's version, so two instances cannot both re-announce.
 */
export async function remindAboutCase(reminder: CaseReminderPayload, deps: HelpdeskContext): Promise<void> {
  const { caseNumber, round } = reminder;
  const current = await deps.helpdesk.cases.get(caseNumber);
  const post = current?.post;
  if (!current || !post) return;
  const now = deps.now();
  if (!dueForReminder(current, now, deps.helpdesk.remindMinutes)) {
    // Claimed or closed meanwhile: nothing to say. Still waiting but announced recently: look again later.
    if (current.status === 'open' || current.status === 'reopened')
      await scheduleReminder(current, round + 1, deps);
    return;
  }
  const reminded = recordAnnouncement(current, { kind: 'reminded' }, now);
  try {
    await deps.helpdesk.cases.update(reminded, current.version);
  } catch (error) {
    // Another instance re-announced it first.
    if (error instanceof CaseVersionConflictError) return;
    throw error;
  }
  const reference = await deps.helpdesk.channels.get(post.channelId);
  if (reference) {
    const text = caseReminderText(caseView(current), now.toISOString(), deps.messages);
    await deps.conversations.send(deps.conversations.threadOf(reference, post), { text });
  }
  await refreshChannelCard(reminded, deps);
  deps.logger.info({ caseNumber, round }, 'unclaimed case re-announced');
  await scheduleReminder(reminded, round + 1, deps);
}

/**
 * Re-renders a posted case's card after a system change (posted, reminded). The card carries the version
 * agents act on: left at the version before the change, its first press would only say "changed".
 */
async function refreshChannelCard(changed: Case, deps: HelpdeskContext): Promise<void> {
  try {
    await updateChannelCard(changed, caseCard(caseView(changed), deps.messages), deps);
  } catch (error) {
    // Not worth failing the turn for: the stale card still works, its first press shows the case as it is.
    deps.logger.warn({ err: error, caseNumber: changed.number }, 'could not refresh the case card');
  }
}

/** A case rejected as suspicious is reported in the security channel (SECURITY_CHANNEL_ID), when known. */
async function alertSecurity(
  rejected: Case,
  agentName: string,
  note: string,
  deps: HelpdeskContext,
): Promise<void> {
  const text = deps.messages.helpdesk.securityAlert({
    caseNumber: rejected.number,
    requesterName: rejected.requester.displayName,
    keyId: rejected.keyId ?? '',
    agentName,
    note,
  });
  if (await tellSecurity(rejected.number, text, deps)) {
    deps.logger.warn(
      { security: true, caseNumber: rejected.number },
      'case rejected as suspicious; security told',
    );
  }
}

/** Posts `text` in the security channel; false when none is configured or it is not known yet (logged). */
async function tellSecurity(caseNumber: number, text: string, deps: HelpdeskContext): Promise<boolean> {
  const channelId = deps.helpdesk.securityChannelId;
  return channelId ? await tellChannel(channelId, text, deps, { caseNumber }) : false;
}

/** Posts `text` as a new message in a channel the bot has learnt; false when it is not known yet (logged). */
async function tellChannel(
  channelId: string,
  text: string,
  deps: HelpdeskContext,
  about: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const reference = await deps.helpdesk.channels.get(channelId);
  if (!reference) {
    deps.logger.warn({ ...about, channelId }, 'channel not known yet; alert only logged');
    return false;
  }
  await deps.conversations.send(reference, { text });
  return true;
}

/**
 * A person's Key IDs matched none of their PCs too often today: the helpdesk (and security, when set) hear it
 * once, as possible probing for other people's keys. Never fails the requester's turn.
 */
export async function alertPossibleProbing(
  requester: { readonly objectId: string; readonly displayName: string },
  misses: number,
  deps: HelpdeskContext,
): Promise<void> {
  await alertHelpdesk(deps.messages.helpdesk.probingAlert(requester.displayName, misses), requester, deps);
  deps.logger.warn(
    { security: true, requester: requester.objectId, misses },
    'possible Key ID probing; helpdesk alerted',
  );
}

/** Someone kept messaging the bot far past the rate limit: the helpdesk (and security) hear it once. */
export async function alertFlood(
  requester: { readonly objectId: string; readonly displayName: string },
  dropped: number,
  deps: HelpdeskContext,
): Promise<void> {
  await alertHelpdesk(deps.messages.helpdesk.floodAlert(requester.displayName, dropped), requester, deps);
}

async function alertHelpdesk(
  text: string,
  requester: { readonly objectId: string },
  deps: HelpdeskContext,
): Promise<void> {
  const channels = [deps.helpdesk.channelId, deps.helpdesk.securityChannelId].filter(
    (id): id is string => id !== undefined,
  );
  for (const channelId of channels) {
    await bestEffort(deps, 0, 'could not post an alert', async () => {
      await tellChannel(channelId, text, deps, { requester: requester.objectId });
    });
  }
}

/**
 * The case a button names, for the agent routes that do not decide right away (Back to the case, Show key
 * to me, Send key): the case and who pressed, or the answer to give instead.
 */
export async function caseInHand(
  context: TurnContext,
  caseNumber: number,
  expectedVersion: number,
  deps: HelpdeskContext,
): Promise<{ readonly kind: 'answer'; readonly answer: CaseAnswer } | CaseInHand> {
  const found = await caseForPerson(
    { person: personOf(context), caseNumber, expectedVersion, requesterButton: false },
    casePorts(deps),
  );
  switch (found.kind) {
    case 'ready':
      return found;
    case 'membershipUnknown':
      return { kind: 'answer', answer: presserWords(context, deps).helpdesk.refusals.membershipUnknown };
    case 'refused':
      return { kind: 'answer', answer: refusalAnswer(context, found, deps) };
  }
}

/** A refusal as its audience may see it: agents the case, its requester their view, anyone else words. */
export function refusalAnswer(context: TurnContext, result: CaseRefused, deps: HelpdeskContext): CaseAnswer {
  switch (result.audience) {
    case 'agent':
      return result.case
        ? refusedCard(result.case, result.refusal, deps)
        : helpdeskRefusalText(result.refusal, deps.messages);
    case 'requester': {
      const words = presserWords(context, deps);
      return requesterViewCard(caseView(result.case), words, helpdeskRefusalText(result.refusal, words));
    }
    case 'nobody':
      return helpdeskRefusalText(result.refusal, presserWords(context, deps));
  }
}

/** Refuses `refusal` to the person in hand, as their audience may hear it. */
export function refuseInHand(
  context: TurnContext,
  inHand: CaseInHand,
  refusal: HelpdeskRefusal,
  deps: HelpdeskContext,
): CaseAnswer {
  return refusalAnswer(
    context,
    refused(inHand.case, refusal, inHand.actor, { requesterButton: false }),
    deps,
  );
}

/** The case as it is, with a line for the agent who pressed saying why nothing changed. */
function refusedCard(current: Case, refusal: HelpdeskRefusal, deps: HelpdeskContext): AdaptiveCard {
  return caseCard(caseView(current), deps.messages, { notice: helpdeskRefusalText(refusal, deps.messages) });
}

/** "Back to the case" from an agent's own view: the base card for agents, their own view for the requester. */
export function caseForAudience(context: TurnContext, inHand: CaseInHand, deps: HelpdeskContext): CaseAnswer {
  return inHand.audience === 'agent'
    ? caseCard(caseView(inHand.case), deps.messages)
    : requesterViewCard(caseView(inHand.case), presserWords(context, deps));
}

/** Who acts after a verified sign-in: identity from the sign-in, groups from Graph (never card data). */
export async function actorOf(objectId: string, name: string, deps: HelpdeskContext): Promise<CaseActor> {
  const groups = objectId
    ? await deps.helpdesk.membership(objectId)
    : { inHelpdeskGroup: false, inAdvancedGroup: false };
  return { objectId, name, ...groups };
}

async function tellRequester(changed: Case, kind: RequesterUpdateKind, deps: HelpdeskContext): Promise<void> {
  const card = requesterUpdateCard(
    { kind, caseNumber: changed.number, caseVersion: changed.version, agentName: changed.owner?.name },
    messagesFor(requesterLocale(changed)),
  );
  await deps.conversations.send(changed.requesterConversation, { card });
}

/**
 * The language of the requester's own chat, as the edge put it on the conversation reference the case was
 * opened with; their updates, key card and notice use it, while the channel keeps the helpdesk's language.
 */
export function requesterLocale(current: Case): string | undefined {
  return localeOf(current.requesterConversation);
}

/** The domain case as the card shows it. */
export function caseView(current: Case): CaseView {
  return {
    number: current.number,
    version: current.version,
    status: current.status,
    requester: { name: current.requester.displayName, upn: current.requester.userPrincipalName ?? '' },
    ...(current.keyId ? { keyId: current.keyId } : {}),
    reason: current.escalation,
    answers: {
      ...(current.triage.rootCause ? { rootCause: current.triage.rootCause } : {}),
      ...(current.triage.deviceKind ? { deviceKind: current.triage.deviceKind } : {}),
      ...(current.triage.errorCode ? { errorCode: current.triage.errorCode } : {}),
    },
    devices: current.devices.map((device) => ({
      name: device.name,
      deviceId: device.deviceId,
      trustType:
        device.joinType === 'AzureAd' || device.joinType === 'ServerAd' || device.joinType === 'Workplace'
          ? device.joinType
          : 'unknown',
      ...(device.lastSignInAt ? { lastSignInAt: device.lastSignInAt } : {}),
    })),
    ...(current.owner ? { owner: { name: current.owner.name } } : {}),
    ...(current.verification
      ? {
          verification: {
            method: current.verification.method,
            by: current.verification.by.name,
            at: current.verification.at,
          },
        }
      : {}),
    history: current.history.map((entry) => ({
      at: entry.at,
      event: entry.action,
      ...(entry.by.kind === 'system' ? {} : { by: entry.by.name }),
      // System entries carry codes (the reason a case was opened), not words for people.
      ...(entry.detail && entry.by.kind !== 'system' ? { note: entry.detail } : {}),
      ...(entry.method ? { method: entry.method } : {}),
    })),
    createdAt: current.createdAt,
    updatedAt: current.updatedAt,
  };
}
