import type { DeviceKind, RootCause, SuggestibleIntent } from '../recovery/triage-types.js';

/** The subset of Adaptive Card 1.5 JSON this bot emits. Cards are plain data; `bot/` wraps them in attachments. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  /** Shown by clients that cannot render the card (and read by screen readers in some hosts). */
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

/** A line of text; always wrapping, because a phone is 360 px wide and nothing may scroll sideways. */
export interface TextBlockElement {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly weight?: 'Bolder';
  // No 'Warning': Teams renders it yellow on white, about 1.5:1 contrast, unreadable on a phone outdoors.
  readonly color?: 'Attention' | 'Good' | 'Accent';
  readonly isSubtle?: true;
  readonly spacing?: 'None' | 'Small' | 'Medium' | 'Large';
  /** `heading` (1.5) lets screen readers announce the card's title as a heading. */
  readonly style?: 'heading';
  /** Digits people copy by eye: monospace keeps 0/8 and 1/7 apart and the blocks aligned. */
  readonly fontType?: 'Monospace';
}

/** Label/value pairs; Teams stacks them readably on a phone, unlike a ColumnSet. */
export interface FactSetElement {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

/** A free-text input. `label` is always set: it is what a screen reader reads and what the person sees. */
export interface TextInputElement {
  readonly type: 'Input.Text';
  readonly id: CardInputId;
  readonly label: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly isRequired?: true;
  readonly errorMessage?: string;
  /**
   * A send button right beside the box. Teams and the Agents Playground also run it on Ctrl+Enter in the
   * box; a plain Enter in a card's box sends nothing in either, so cards say the chat works too.
   */
  readonly inlineAction?: SubmitAction;
}

/** A choice among known values; `expanded` renders radio buttons, which are big tap targets on a phone. */
export interface ChoiceSetInputElement {
  readonly type: 'Input.ChoiceSet';
  readonly id: CardInputId;
  readonly label: string;
  readonly style: 'expanded';
  readonly wrap: true;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  readonly isRequired?: true;
  readonly errorMessage?: string;
}

/** A group of elements that `Action.ToggleVisibility` can show or hide without a round trip to the bot. */
export interface ContainerElement {
  readonly type: 'Container';
  readonly id?: string;
  readonly isVisible?: false;
  readonly items: readonly CardElement[];
  readonly style?: 'emphasis';
  readonly spacing?: 'None' | 'Small' | 'Medium' | 'Large';
}

/** Buttons inside the body (the card-level `actions` always sit at the bottom). */
export interface ActionSetElement {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export type CardElement =
  | TextBlockElement
  | FactSetElement
  | TextInputElement
  | ChoiceSetInputElement
  | ContainerElement
  | ActionSetElement;

/** Card verbs the bot understands. A typo in a verb fails to compile. */
export const CARD_VERBS = {
  startRecovery: 'startRecovery',
  whereKeyId: 'whereKeyId',
  talkToIt: 'talkToIt',
  help: 'help',
  submitKeyId: 'submitKeyId',
  confirmKeyIdYes: 'confirmKeyIdYes',
  confirmKeyIdNo: 'confirmKeyIdNo',
  answers: 'answers',
  guideWhyThisHappened: 'guideWhyThisHappened',
  guideNoKeyAnywhere: 'guideNoKeyAnywhere',
  /** A button that stands for an intent ("Did you mean …?"); `data.intent` names it. */
  chose: 'chose',
  /** "Report it" on the security advice. */
  reportSuspiciousContact: 'reportSuspiciousContact',
  restart: 'restart',
  keyWorked: 'keyWorked',
  keyDidNotWork: 'keyDidNotWork',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/**
 * Verbs of the helpdesk's Universal Actions (`Action.Execute` → invoke `adaptiveCard/action` with
 * `value.action.verb`). Kept apart from {@link CARD_VERBS} because they arrive as invokes, not message
 * submits, and the triage's exhaustive switch over `CardVerb` must not have to know them.
 */
export const CASE_VERBS = {
  claim: 'caseClaim',
  releaseClaim: 'caseReleaseClaim',
  recordVerification: 'caseRecordVerification',
  sendKey: 'caseSendKey',
  resolve: 'caseResolve',
  reject: 'caseReject',
  reopen: 'caseReopen',
  /** Opens the advanced agent's own view, which asks for the reason. */
  showKeyToMe: 'caseShowKeyToMe',
  /** Sends the reason typed in that view and starts the agent's sign-in; the key goes to their private chat. */
  revealKey: 'caseRevealKey',
  /** "Hide key" on the revealed key in the agent's private chat. */
  hideKey: 'caseHideKey',
  /** "Back to the case" from the agent's own view (no card carries an automatic `refresh`). */
  refresh: 'caseRefresh',
  /** The requester's own buttons, in their 1:1 chat. */
  addNote: 'caseAddNote',
  cancel: 'caseCancel',
} as const;

export type CaseVerb = (typeof CASE_VERBS)[keyof typeof CASE_VERBS];

/**
 * What every helpdesk `Action.Execute` carries. The server re-reads the case and re-authorizes the
 * invoking user; `expectedVersion` makes a click on an out-of-date card fail instead of acting on a
 * state the agent never saw (optimistic concurrency).
 */
export interface CaseActionData {
  readonly caseNumber: number;
  readonly expectedVersion: number;
}

/**
 * The ids of card inputs. Teams merges input values into the submit data under these names, so the
 * edge's parser must use the same ones.
 */
export const CARD_INPUTS = {
  keyId: 'keyId',
  rootCause: 'rootCause',
  deviceKind: 'deviceKind',
  errorCode: 'errorCode',
  verificationMethod: 'verificationMethod',
  verificationNote: 'verificationNote',
  showKeyReason: 'showKeyReason',
  requesterNote: 'requesterNote',
} as const;

export type CardInputId = (typeof CARD_INPUTS)[keyof typeof CARD_INPUTS];

/** What a button posts besides its verb: which release, which intent, which answer it stands for. */
export interface SubmitData {
  /** Ties buttons on a release card to that release. */
  readonly requestId?: string;
  readonly intent?: SuggestibleIntent;
  readonly rootCause?: RootCause;
  readonly deviceKind?: DeviceKind;
}

/** A button that posts `{ verb, ...data, ...inputs }` back to the bot. */
export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: { readonly verb: CardVerb } & SubmitData;
  readonly style?: 'positive';
  /** `none` skips the card's required-input validation, for side buttons such as "Where is it?". */
  readonly associatedInputs?: 'none';
}

/** A button that opens a web page (a sign-in, or a Microsoft site) in the browser. */
export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
  readonly style?: 'positive';
}

/** Shows and hides body elements on the person's device only; nothing is sent to the bot. */
export interface ToggleVisibilityAction {
  readonly type: 'Action.ToggleVisibility';
  readonly title: string;
  readonly targetElements: readonly { readonly elementId: string; readonly isVisible: boolean }[];
}

/**
 * A Universal Action: Teams sends an `adaptiveCard/action` invoke with `verb` and `data` (merged with the
 * card's inputs) and shows the card the bot answers with, to the person who pressed it.
 */
export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: CaseVerb;
  readonly data: CaseActionData;
  readonly style?: 'positive' | 'destructive';
  /** `none` skips required-input validation, for buttons that do not use the card's inputs. */
  readonly associatedInputs?: 'none';
}

export type CardAction = SubmitAction | OpenUrlAction | ToggleVisibilityAction | ExecuteAction;

export function adaptiveCard(
  fallbackText: string,
  body: readonly CardElement[],
  actions?: readonly CardAction[],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}

export function text(
  value: string,
  style: Omit<TextBlockElement, 'type' | 'text' | 'wrap'> = {},
): TextBlockElement {
  return { type: 'TextBlock', text: value, wrap: true, ...style };
}

/** The first line of a card: what `describeCard` in transcripts and screen readers pick up as its title. */
export function title(value: string): TextBlockElement {
  return text(value, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

export function submit(
  label: string,
  verb: CardVerb,
  options: Pick<SubmitAction, 'style' | 'associatedInputs'> = {},
  data: SubmitData = {},
): SubmitAction {
  return { type: 'Action.Submit', title: label, data: { verb, ...data }, ...options };
}

export function execute(
  label: string,
  verb: CaseVerb,
  data: CaseActionData,
  options: Pick<ExecuteAction, 'style' | 'associatedInputs'> = {},
): ExecuteAction {
  // Only the two fields: inputs merged by the client must not be shadowed by stray view data.
  return {
    type: 'Action.Execute',
    title: label,
    verb,
    data: { caseNumber: data.caseNumber, expectedVersion: data.expectedVersion },
    ...options,
  };
}

export function openUrl(
  label: string,
  url: string,
  options: Pick<OpenUrlAction, 'style'> = {},
): OpenUrlAction {
  return { type: 'Action.OpenUrl', title: label, url, ...options };
}

/**
 * Fallback text that says what the card says: its lines and facts in reading order. Inputs and buttons
 * are left out; a client that cannot render the card cannot use them either.
 */
export function fallbackFor(body: readonly CardElement[]): string {
  return plainTimes(body.flatMap(elementWords).join('\n'));
}

/**
 * `{{DATE(…)}}` and `{{TIME(…)}}` are formatted by a rendering client in the reader's time zone; a client
 * showing the fallback text would print the markup, so it gets the UTC date and time instead.
 */
function plainTimes(value: string): string {
  return value
    .replace(/\{\{DATE\((\d{4}-\d{2}-\d{2})T[^)]*\)\}\}/g, '$1')
    .replace(/\{\{TIME\(\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}):\d{2}Z\)\}\}/g, '$1 UTC');
}

function elementWords(element: CardElement): readonly string[] {
  switch (element.type) {
    case 'TextBlock':
      return [element.text];
    case 'FactSet':
      return element.facts.map((fact) => `${fact.title}: ${fact.value}`);
    case 'Container':
      return element.isVisible === false ? [] : element.items.flatMap(elementWords);
    case 'Input.Text':
    case 'Input.ChoiceSet':
    case 'ActionSet':
      return [];
  }
}

/** A card whose fallback text is its own words. */
export function cardOf(body: readonly CardElement[], actions?: readonly CardAction[]): AdaptiveCard {
  return adaptiveCard(fallbackFor(body), body, actions);
}
