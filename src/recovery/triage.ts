import type { Correction } from './key-id.js';
import {
  type Command,
  type DeviceKind,
  type EscalationReason,
  type Guide,
  type Intent,
  type KeyIdReading,
  type Noted,
  type Offer,
  type Outcome,
  type PendingQuestion,
  REASON_CODES,
  type RecoveryRequest,
  type Reply,
  type SuggestibleIntent,
  type Transition,
  type TriageEffect,
  type TriageEvent,
  type TriageState,
  type Utterance,
} from './triage-types.js';

/** Silence after which a half-finished conversation starts over. */
export const TRIAGE_EXPIRY_MS = 24 * 60 * 60 * 1000;
/** Inputs not understood at one step before the bot offers IT instead of guessing again. */
export const MISSES_BEFORE_OFFERING_IT = 2;
/** "Did you mean …?" offers at most this many intents, then Talk to IT. */
const MAX_SUGGESTIONS = 3;
/** What an unclear first message or out-of-scope text is offered when nothing closer is known. */
const DEFAULT_SUGGESTIONS: readonly SuggestibleIntent[] = ['recoveryScreen', 'whereKeyId'];

/**
 * Intents whose words may answer the pending question ("no, it was after the bios update"). A question of
 * its own ("why does a bios update do that?") is answered, not taken as an answer.
 */
const ANSWERING_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'answer',
  'recoveryScreen',
  'greeting',
  'yes',
  'no',
  'outOfScope',
]);
/** Intents that win over a Key ID in the same message: the person asked for something else. */
const KEY_ID_IGNORED_BY: ReadonlySet<Intent> = new Set<Intent>([
  'cancel',
  'status',
  'help',
  'security',
  'keyDidNotWork',
  'itWorked',
]);

type RequestState = Exclude<TriageState, { step: 'idle' }>;
type IdleState = Extract<TriageState, { step: 'idle' }>;

/** What the bot is waiting for in this state, so the understanding can read a short answer in its light. */
export function pendingQuestion(state: TriageState | undefined): PendingQuestion | undefined {
  switch (state?.step) {
    case 'awaitingKeyId':
      return 'keyId';
    case 'confirmingKeyId':
      return 'confirmKeyId';
    case 'awaitingAnswers':
      return 'rootCause';
    default:
      return undefined;
  }
}

/** The state of a conversation that never started. */
export function initialTriageState(now: Date): TriageState {
  return { step: 'idle', updatedAt: now.toISOString(), misses: 0 };
}

/**
 * The triage conversation as a pure function: the current state and what the person did, in; the next
 * state and what the bot must do, out. Never throws on any event; time comes from `now`.
 */
export function transition(state: TriageState, event: TriageEvent, now: Date): Transition {
  if (state.step !== 'idle' && now.getTime() - Date.parse(state.updatedAt) > TRIAGE_EXPIRY_MS) {
    const fresh = step(initialTriageState(now), event, now);
    return { state: fresh.state, effects: [say({ type: 'expired' }), ...fresh.effects] };
  }
  return step(state, event, now);
}

function step(current: TriageState, event: TriageEvent, now: Date): Transition {
  const offer = current.offer;
  // An offer is answered by the very next message or not at all.
  const state = withoutOffer(current);
  const at = now.toISOString();
  switch (event.type) {
    case 'greet':
      if (state.step === 'idle' && !state.greeted) return welcome(state, at);
      return { state: touch(state, at), effects: [] };
    case 'said':
      return said(state, event.utterance, offer, now);
    case 'recoveryPasswordTyped':
      // Nothing of the input is kept: the state carries no text, and the reply names no digits.
      return { state: touch(state, at), effects: [say({ type: 'passwordPasted' })] };
    case 'chose':
      return act(state, event.intent, undefined, now);
    case 'command':
      return command(state, event.command, now);
    case 'showGuide':
      return event.guide === 'whereIsKeyId'
        ? { state: touched(state, at), effects: [say({ type: 'whereIsKeyId' })] }
        : aside(state, { type: 'guide', guide: event.guide }, at);
    case 'confirmKeyId':
      if (state.step !== 'confirmingKeyId') return stale(state, now);
      return confirmKeyId(state, event.accepted, now);
    case 'answers':
      if (state.step !== 'awaitingAnswers') return stale(state, now);
      return answer(state, event, now);
    case 'reportSuspiciousContact':
      return escalate(state, 'suspiciousContact', now, {});
    case 'selfServiceChecked':
      return selfServiceChecked(state, event.requestId, event.allowed, now);
    case 'escalate':
      return escalate(state, event.reason, now, {}, event.releasedAt);
    case 'missLimitReached':
      return {
        // No request stands: nothing waits for a sign-in, and no case was opened.
        state: { step: 'idle', updatedAt: now.toISOString(), misses: 0, greeted: true },
        effects: [say({ type: 'missLimit' })],
      };
    case 'released':
      if (
        state.step !== 'idle' ||
        state.last?.kind !== 'verification' ||
        state.last.request.id !== event.requestId
      ) {
        return { state, effects: [] };
      }
      return {
        state: { ...state, updatedAt: at, last: { kind: 'released', request: state.last.request } },
        effects: [],
      };
  }
}

/** A typed message: a Key ID first, then answers to the pending question, then what it asks for. */
function said(state: TriageState, utterance: Utterance, offer: Offer | undefined, now: Date): Transition {
  const at = now.toISOString();
  const { intent, keyId } = utterance;
  if (keyId.kind === 'keyId' && (!utterance.sure || !KEY_ID_IGNORED_BY.has(intent))) {
    const noted = notedFrom(utterance);
    if (intent === 'talkToIt') return escalate(state, 'requesterAsked', now, noted, undefined, keyId.prefix);
    const from = intent === 'restart' ? startRequest(now, {}).state : state;
    return keyIdGiven(from, keyId, noted, now);
  }
  if ((keyId.kind === 'tooShort' || keyId.kind === 'ambiguous') && answersPending(utterance, state)) {
    const reply: Reply =
      keyId.kind === 'tooShort' ? { type: 'keyIdTooShort', digits: keyId.digits } : { type: 'twoKeyIds' };
    // A short Key ID as the first message is an attempt at one: the request starts here.
    const from = state.step === 'idle' ? startRequest(now, notedFrom(utterance)).state : state;
    return miss(from, reply, at);
  }
  if (state.step === 'confirmingKeyId' && (intent === 'yes' || intent === 'no') && utterance.sure) {
    return confirmKeyId(state, intent === 'yes', now);
  }
  const [offered] = offer ?? [];
  if (offered !== undefined && intent === 'yes' && utterance.sure) return act(state, offered, undefined, now);
  const noted = notedFrom(utterance);
  if (hasNotes(noted) && (ANSWERING_INTENTS.has(intent) || !utterance.sure)) {
    const answered = notedAnswer(state, noted, now);
    if (answered) return answered;
  }
  if (!utterance.sure) return unsure(state, utterance, now);
  return act(state, intent, utterance, now);
}

/** Does the message try to answer what the bot asked (a Key ID attempt counts only where one is expected)? */
function answersPending(utterance: Utterance, state: TriageState): boolean {
  return (
    state.step === 'awaitingKeyId' ||
    state.step === 'confirmingKeyId' ||
    utterance.intent === 'answer' ||
    utterance.intent === 'recoveryScreen' ||
    !utterance.sure
  );
}

/** Answers given in words: they fill the pending question, or wait in `noted` until it is asked. */
function notedAnswer(state: TriageState, noted: Noted, now: Date): Transition | undefined {
  const at = now.toISOString();
  const guide = guideFor(noted.deviceKind);
  if (guide) return guided(guide, at);
  switch (state.step) {
    case 'idle':
      // "my work laptop, after the bios update": the request starts with what they said.
      return startRequest(now, noted);
    case 'awaitingKeyId':
    case 'confirmingKeyId': {
      const next = { ...state, updatedAt: at, misses: 0, noted: { ...state.noted, ...noted } };
      return { state: next, effects: repeatQuestion(next) };
    }
    case 'awaitingAnswers':
      return answer(state, noted, now);
  }
}

/** What an intent does, at any step. `utterance` is absent when a button chose the intent. */
function act(state: TriageState, intent: Intent, utterance: Utterance | undefined, now: Date): Transition {
  const at = now.toISOString();
  switch (intent) {
    case 'greeting':
      if (awaitingSignIn(state)) return remindSignIn(state, at);
      if (state.step === 'idle') {
        return state.greeted
          ? { state: touched(state, at), effects: [say({ type: 'greetAgain' })] }
          : welcome(state, at);
      }
      return { state: touch(state, at), effects: repeatQuestion(state) };
    case 'recoveryScreen':
      if (awaitingSignIn(state)) return remindSignIn(state, at);
      if (state.step === 'idle') return startRequest(now, utterance ? notedFrom(utterance) : {});
      return { state: touch(state, at), effects: repeatQuestion(state) };
    case 'answer':
      // Nothing usable in it (no Key ID, no answer): the same as a message not understood here.
      return state.step === 'idle' ? unsure(state, utterance, now) : miss(state, missReply(state), at);
    case 'whereKeyId':
      // The help card has its own box for the Key ID, so the question needs no repeating.
      return state.step === 'awaitingKeyId' || state.step === 'idle'
        ? { state: touched(state, at), effects: [say({ type: 'whereIsKeyId' })] }
        : aside(state, { type: 'whereIsKeyId' }, at);
    case 'whyHappened':
      return aside(state, { type: 'guide', guide: 'whyThisHappened' }, at);
    case 'personalPc':
      return guided('personalAccount', at);
    case 'secondHand':
      return guided('secondHand', at);
    case 'ownCopy':
      return aside(state, { type: 'guide', guide: 'ownCopy' }, at);
    case 'noKeyAnywhere':
      return aside(state, { type: 'guide', guide: 'noKeyAnywhere' }, at);
    case 'prevention':
      return aside(state, { type: 'guide', guide: 'prevention' }, at);
    case 'security':
      return aside(state, { type: 'guide', guide: 'security' }, at);
    case 'keyDidNotWork':
      return keyDidNotWork(state, now);
    case 'itWorked':
      return itWorked(state, now);
    case 'talkToIt':
    case 'status':
    case 'cancel':
    case 'restart':
    case 'help':
      return command(state, intent, now);
    case 'yes':
    case 'no':
      if (awaitingSignIn(state)) return remindSignIn(state, at);
      return state.step === 'idle'
        ? { state: touched(state, at), effects: [say({ type: 'acknowledged' })] }
        : { state: touch(state, at), effects: repeatQuestion(state) };
    case 'outOfScope': {
      // Understood, just not the bot's job: the scope statement every time (no "I'm not getting this"),
      // then the pending question, so the person knows where they are.
      const options = suggestions(utterance);
      return {
        state: { ...state, updatedAt: at, offer: options },
        effects: [say({ type: 'outOfScope', options }), ...repeatQuestion(state)],
      };
    }
  }
}

function command(state: TriageState, name: Command, now: Date): Transition {
  const at = now.toISOString();
  switch (name) {
    case 'help':
      return state.step === 'idle'
        ? { state: { ...state, updatedAt: at, misses: 0, greeted: true }, effects: [say({ type: 'help' })] }
        : aside(state, { type: 'help' }, at);
    case 'status':
      return { state: touch(state, at), effects: [say({ type: 'status', state })] };
    case 'restart':
      return startRequest(now, {});
    case 'cancel': {
      const hadRequest = state.step !== 'idle';
      return {
        state: {
          step: 'idle',
          updatedAt: at,
          misses: 0,
          greeted: true,
          ...(hadRequest ? { last: { kind: 'cancelled' } } : lastOf(state)),
        },
        effects: [say({ type: 'cancelled', hadRequest })],
      };
    }
    case 'talkToIt':
      return escalate(state, 'requesterAsked', now, {});
  }
}

function keyIdGiven(
  state: TriageState,
  keyId: Extract<KeyIdReading, { kind: 'keyId' }>,
  noted: Noted,
  now: Date,
): Transition {
  const at = now.toISOString();
  const request =
    state.step === 'idle' ? newRequestIds(now) : { requestId: state.requestId, startedAt: state.startedAt };
  const allNoted: Noted = { ...(state.step === 'idle' ? {} : state.noted), ...noted };
  if (keyId.corrected.length > 0) {
    return {
      state: {
        step: 'confirmingKeyId',
        ...request,
        updatedAt: at,
        misses: 0,
        candidate: keyId.prefix,
        noted: allNoted,
      },
      effects: [
        say({
          type: 'confirmKeyId',
          keyId: keyId.prefix,
          corrections: keyId.corrected.map(describeCorrection),
        }),
      ],
    };
  }
  return answer(
    { step: 'awaitingAnswers', ...request, updatedAt: at, misses: 0, keyId: keyId.prefix, noted: allNoted },
    {},
    now,
  );
}

function confirmKeyId(
  state: Extract<TriageState, { step: 'confirmingKeyId' }>,
  accepted: boolean,
  now: Date,
): Transition {
  const at = now.toISOString();
  const { candidate: _candidate, ...rest } = state;
  if (accepted) {
    return answer(
      { ...rest, step: 'awaitingAnswers', keyId: state.candidate, misses: 0, updatedAt: at },
      {},
      now,
    );
  }
  const next: TriageState = { ...rest, step: 'awaitingKeyId', updatedAt: at, misses: 0 };
  return { state: next, effects: repeatQuestion(next) };
}

/** Adds answers (taps or words) to a request that has its Key ID; once the cause is known it is complete. */
function answer(
  state: Extract<TriageState, { step: 'awaitingAnswers' }>,
  given: Noted,
  now: Date,
): Transition {
  const at = now.toISOString();
  const noted: Noted = {
    ...state.noted,
    ...(given.rootCause ? { rootCause: given.rootCause } : {}),
    ...(given.deviceKind ? { deviceKind: given.deviceKind } : {}),
    ...(given.errorCode ? { errorCode: given.errorCode } : {}),
  };
  const guide = guideFor(noted.deviceKind);
  if (guide) return guided(guide, at);
  const next = { ...state, updatedAt: at, misses: 0, noted };
  if (noted.rootCause === undefined) return { state: next, effects: repeatQuestion(next) };
  if (noted.rootCause === 'outOfMyHands') return escalate(next, 'riskStop', now, {});
  if (noted.deviceKind === 'oldDomainPc') return escalate(next, 'onPremisesDevice', now, {});
  const request = requestOf(next, {});
  return {
    state: { step: 'idle', updatedAt: at, misses: 0, greeted: true, last: { kind: 'verification', request } },
    effects: [{ type: 'checkSelfService', request }],
  };
}

/** Idle with a complete request whose sign-in was offered and no key shown for it yet. */
type AwaitingSignIn = IdleState & {
  readonly last: Extract<Outcome, { kind: 'verification' }>;
};

function awaitingSignIn(state: TriageState): state is AwaitingSignIn {
  return state.step === 'idle' && state.last?.kind === 'verification';
}

/**
 * "hi", "ok", "my PC is still locked" after the sign-in was offered: the next step is that sign-in, with a
 * fresh link (the first may have expired, or be far up the chat).
 */
function remindSignIn(state: AwaitingSignIn, at: string): Transition {
  const { request } = state.last;
  return {
    state: touched(state, at),
    effects: [say({ type: 'verify', request, again: true }), { type: 'handOffToVerification', request }],
  };
}

function selfServiceChecked(
  state: TriageState,
  requestId: string,
  allowed: boolean | undefined,
  now: Date,
): Transition {
  if (state.step !== 'idle' || state.last?.kind !== 'verification' || state.last.request.id !== requestId) {
    return { state, effects: [] };
  }
  const { request } = state.last;
  if (allowed === false) return escalate(state, 'notInSelfServiceGroup', now, {});
  return {
    state: { ...state, updatedAt: now.toISOString() },
    effects: [say({ type: 'verify', request }), { type: 'handOffToVerification', request }],
  };
}

function keyDidNotWork(state: TriageState, now: Date): Transition {
  const at = now.toISOString();
  // A key this bot showed: the same as its "It didn't work" button. Any other key: what to check first.
  if (state.step === 'idle' && state.last?.kind === 'released') {
    const escalated = escalate(state, 'keyDidNotWork', now, {});
    return { ...escalated, effects: [say({ type: 'guide', guide: 'keyRejected' }), ...escalated.effects] };
  }
  return aside(state, { type: 'guide', guide: 'keyRejected' }, at);
}

function itWorked(state: TriageState, now: Date): Transition {
  const at = now.toISOString();
  if (state.step === 'idle' && state.last?.kind === 'released') {
    return {
      state: touched(state, at),
      effects: [
        { type: 'keyWorked', requestId: state.last.request.id },
        say({ type: 'glad', keyWasShown: true }),
      ],
    };
  }
  if (state.step !== 'idle') return { state: touch(state, at), effects: repeatQuestion(state) };
  return { state: touched(state, at), effects: [say({ type: 'glad', keyWasShown: false })] };
}

function unsure(state: TriageState, utterance: Utterance | undefined, now: Date): Transition {
  const at = now.toISOString();
  // The first thing someone writes gets the welcome, which says what the bot does and how to start.
  if (state.step === 'idle' && !state.greeted) return welcome(state, at);
  return miss(state, { type: 'didYouMean', options: suggestions(utterance) }, at, true);
}

function suggestions(utterance: Utterance | undefined): readonly SuggestibleIntent[] {
  const closest = (utterance?.alternatives ?? []).filter((intent) => intent !== 'talkToIt');
  const options = closest.length > 0 ? closest : DEFAULT_SUGGESTIONS;
  return options.slice(0, MAX_SUGGESTIONS);
}

interface Collected {
  readonly rootCause?: Noted['rootCause'];
  readonly deviceKind?: DeviceKind;
  readonly errorCode?: string | undefined;
}

function escalate(
  state: TriageState,
  reason: EscalationReason,
  now: Date,
  collected: Collected,
  releasedAt?: string,
  keyId?: string,
): Transition {
  const at = now.toISOString();
  // "Talk to IT" right after a hand-off is about that same request, Key ID and answers included; after a
  // day of silence it is about a new lockout, and the old request (maybe a closed case) must not absorb it.
  const recent = now.getTime() - Date.parse(state.updatedAt) <= TRIAGE_EXPIRY_MS;
  const request =
    state.step !== 'idle'
      ? requestOf(state, collected, keyId)
      : recent &&
          keyId === undefined &&
          (state.last?.kind === 'verification' ||
            state.last?.kind === 'released' ||
            state.last?.kind === 'case')
        ? state.last.request
        : requestOf(newRequestIds(now), collected, keyId);
  return {
    state: { step: 'idle', updatedAt: at, misses: 0, greeted: true, last: { kind: 'case', request, reason } },
    effects: [
      { type: 'requestCase', request, reason },
      say(
        reason === 'riskStop'
          ? { type: 'riskStop' }
          : { type: 'caseRequested', reason, keyId: request.keyId, ...(releasedAt ? { releasedAt } : {}) },
      ),
    ],
  };
}

function requestOf(
  state: {
    readonly requestId: string;
    readonly startedAt: string;
    readonly keyId?: string;
    readonly candidate?: string;
    readonly noted?: Noted;
  },
  collected: Collected,
  keyId?: string,
): RecoveryRequest {
  const rootCause = collected.rootCause ?? state.noted?.rootCause;
  return {
    id: state.requestId,
    keyId: keyId ?? state.keyId ?? state.candidate,
    rootCause,
    reasonCode: rootCause ? REASON_CODES[rootCause] : undefined,
    errorCode: collected.errorCode ?? state.noted?.errorCode,
    deviceKind: collected.deviceKind ?? state.noted?.deviceKind,
    riskStop: rootCause === 'outOfMyHands',
    startedAt: state.startedAt,
  };
}

/** A message not understood at this step; after a few the bot stops guessing and offers a person. */
function miss(state: TriageState, reply: Reply, at: string, offersButtons = false): Transition {
  const misses = state.misses + 1;
  if (misses >= MISSES_BEFORE_OFFERING_IT) {
    return {
      state: { ...state, updatedAt: at, misses, offer: ['talkToIt', 'restart'] },
      effects: offersButtons ? [say({ type: 'offerIt' })] : [say(reply), say({ type: 'offerIt' })],
    };
  }
  const options = reply.type === 'didYouMean' || reply.type === 'outOfScope' ? reply.options : undefined;
  return {
    state: { ...state, updatedAt: at, misses, ...(options ? { offer: options } : {}) },
    effects: [say(reply)],
  };
}

/** A miss while a question is pending: "that does not look like a Key ID", or the question again. */
function missReply(state: RequestState): Reply {
  return state.step === 'awaitingKeyId' ? { type: 'notAKeyId' } : questionOf(state);
}

function stale(state: TriageState, now: Date): Transition {
  const at = now.toISOString();
  // Most often a second tap on the card that just completed the request: the sign-in is next.
  if (awaitingSignIn(state)) return remindSignIn(state, at);
  return {
    state: touch(state, at),
    effects: [
      say({ type: 'staleCard' }),
      ...(state.step === 'idle' ? [say({ type: 'greetAgain' })] : repeatQuestion(state)),
    ],
  };
}

/** A side question answered, then the pending question asked again so the person knows where they are. */
function aside(state: TriageState, reply: Reply, at: string): Transition {
  return { state: touched(state, at), effects: [say(reply), ...repeatQuestion(state)] };
}

function repeatQuestion(state: TriageState): TriageEffect[] {
  return state.step === 'idle' ? [] : [say(questionOf(state))];
}

/** The question a step of a request waits on. */
function questionOf(state: RequestState): Reply {
  switch (state.step) {
    case 'awaitingKeyId':
      return { type: 'askKeyId', noted: state.noted ?? {} };
    case 'confirmingKeyId':
      return { type: 'confirmKeyId', keyId: state.candidate, corrections: [] };
    case 'awaitingAnswers':
      return { type: 'askAnswers', keyId: state.keyId, askDeviceKind: state.noted?.deviceKind === undefined };
  }
}

function startRequest(now: Date, noted: Noted): Transition {
  const guide = guideFor(noted.deviceKind);
  if (guide) return guided(guide, now.toISOString());
  const state: TriageState = {
    step: 'awaitingKeyId',
    ...newRequestIds(now),
    updatedAt: now.toISOString(),
    misses: 0,
    noted,
  };
  return { state, effects: repeatQuestion(state) };
}

function welcome(state: IdleState, at: string): Transition {
  return {
    state: { ...state, updatedAt: at, misses: 0, greeted: true },
    effects: [say({ type: 'welcome' })],
  };
}

function guided(guide: Guide, at: string): Transition {
  return {
    state: { step: 'idle', updatedAt: at, misses: 0, greeted: true, last: { kind: 'guided', guide } },
    effects: [say({ type: 'guide', guide })],
  };
}

/** Personal and second-hand PCs have their own guides: no key from the organization can help there. */
function guideFor(deviceKind: DeviceKind | undefined): Guide | undefined {
  if (deviceKind === 'personalPc') return 'personalAccount';
  if (deviceKind === 'secondHand') return 'secondHand';
  return undefined;
}

function notedFrom(utterance: Utterance): Noted {
  return {
    ...(utterance.rootCause ? { rootCause: utterance.rootCause } : {}),
    ...(utterance.deviceKind ? { deviceKind: utterance.deviceKind } : {}),
    ...(utterance.errorCode ? { errorCode: utterance.errorCode } : {}),
  };
}

function hasNotes(noted: Noted): boolean {
  return noted.rootCause !== undefined || noted.deviceKind !== undefined || noted.errorCode !== undefined;
}

/** The same state, a little later; a reply was said, so the welcome counts as done. */
function touched(state: TriageState, at: string): TriageState {
  return state.step === 'idle' ? { ...state, updatedAt: at, greeted: true } : { ...state, updatedAt: at };
}

function touch(state: TriageState, at: string): TriageState {
  return { ...state, updatedAt: at };
}

function withoutOffer(state: TriageState): TriageState {
  if (state.offer === undefined) return state;
  const { offer: _offer, ...rest } = state;
  return rest;
}

/** Request ids are unique per conversation (millisecond start time); the edge adds who asked. */
function newRequestIds(now: Date): { requestId: string; startedAt: string } {
  return { requestId: `R-${now.getTime().toString(36).toUpperCase()}`, startedAt: now.toISOString() };
}

function lastOf(state: TriageState): { last?: IdleState['last'] } {
  return state.step === 'idle' && state.last ? { last: state.last } : {};
}

function say(reply: Reply): TriageEffect {
  return { type: 'reply', reply };
}

function describeCorrection(correction: Correction): string {
  return `${correction.typed} → ${correction.became}`;
}
