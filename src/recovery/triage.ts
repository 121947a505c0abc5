import { type Correction, parseKeyId } from './key-id.js';
import { containsRecoveryPasswordShape } from './recovery-password.js';
import {
  type Command,
  type DeviceKind,
  type EscalationReason,
  type Guide,
  REASON_CODES,
  type RecoveryRequest,
  type Reply,
  type RootCause,
  type Transition,
  type TriageEffect,
  type TriageEvent,
  type TriageState,
} from './triage-types.js';

/** Silence after which a half-finished conversation starts over. */
export const TRIAGE_EXPIRY_MS = 24 * 60 * 60 * 1000;
/** Inputs not understood at one step before the bot offers IT. */
export const MISSES_BEFORE_OFFERING_IT = 2;

const ERROR_CODE = /^E_FVE_[A-Z0-9_]{2,60}$/;

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

function step(state: TriageState, event: TriageEvent, now: Date): Transition {
  const at = now.toISOString();
  switch (event.type) {
    case 'command':
      return command(state, event.command, now);
    case 'greet':
      if (state.step === 'idle') {
        return {
          state: { ...state, updatedAt: at, misses: 0, greeted: true },
          effects: [say({ type: 'welcome' })],
        };
      }
      return repeatQuestion(state, at);
    case 'startRecovery':
      if (state.step === 'idle') return startRequest(now);
      return repeatQuestion(state, at);
    case 'showGuide':
      return {
        state: { ...state, updatedAt: at },
        effects: [
          say(
            event.guide === 'whereIsKeyId' ? { type: 'whereIsKeyId' } : { type: 'guide', guide: event.guide },
          ),
        ],
      };
    case 'text':
      return text(state, event.text, now);
    case 'confirmKeyId':
      if (state.step !== 'confirmingKeyId') return stale(state, now);
      if (event.accepted) {
        return askAnswers({
          ...state,
          step: 'awaitingAnswers',
          keyId: state.candidate,
          misses: 0,
          updatedAt: at,
        });
      }
      return {
        state: {
          step: 'awaitingKeyId',
          requestId: state.requestId,
          startedAt: state.startedAt,
          updatedAt: at,
          misses: 0,
        },
        effects: [say({ type: 'askKeyId' })],
      };
    case 'answers':
      if (state.step !== 'awaitingAnswers') return stale(state, now);
      return answers(state, event, now);
    case 'escalate':
      return escalate(state, event.reason, now, {});
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

function command(state: TriageState, name: Command, now: Date): Transition {
  const at = now.toISOString();
  switch (name) {
    case 'help':
      return {
        state:
          state.step === 'idle'
            ? { ...state, updatedAt: at, misses: 0, greeted: true }
            : { ...state, updatedAt: at, misses: 0 },
        effects: [say({ type: 'help' })],
      };
    case 'status':
      return { state: { ...state, updatedAt: at }, effects: [say({ type: 'status', state })] };
    case 'restart':
      return startRequest(now);
    case 'cancel': {
      const hadRequest = state.step !== 'idle';
      return {
        state: {
          step: 'idle',
          updatedAt: at,
          misses: 0,
          ...(hadRequest ? { last: { kind: 'cancelled' } } : lastOf(state)),
        },
        effects: [say({ type: 'cancelled', hadRequest })],
      };
    }
    case 'talkToIt':
      return escalate(state, 'requesterAsked', now, {});
  }
}

function text(state: TriageState, input: string, now: Date): Transition {
  const at = now.toISOString();
  const parsed = parseKeyId(input);
  if (parsed.kind === 'rejected' && parsed.reason === 'recoveryPassword') {
    // Nothing of the input is kept: the state below carries no text, and the reply names no digits.
    return { state: { ...state, updatedAt: at }, effects: [say({ type: 'passwordPasted' })] };
  }
  if (parsed.kind === 'keyId') {
    const request =
      state.step === 'idle' ? newRequestIds(now) : { requestId: state.requestId, startedAt: state.startedAt };
    if (parsed.corrected.length > 0) {
      return {
        state: { step: 'confirmingKeyId', ...request, updatedAt: at, misses: 0, candidate: parsed.prefix },
        effects: [
          say({
            type: 'confirmKeyId',
            keyId: parsed.prefix,
            corrections: parsed.corrected.map(describeCorrection),
          }),
        ],
      };
    }
    return askAnswers({
      step: 'awaitingAnswers',
      ...request,
      updatedAt: at,
      misses: 0,
      keyId: parsed.prefix,
    });
  }
  if (state.step === 'confirmingKeyId') {
    const answer = yesOrNo(input);
    if (answer !== undefined) return step(state, { type: 'confirmKeyId', accepted: answer }, now);
  }
  // A short or doubled Key ID is an attempt at one: it gets the Key ID answer, not the welcome.
  if (
    state.step === 'idle' &&
    !state.greeted &&
    parsed.reason !== 'tooShort' &&
    parsed.reason !== 'ambiguous'
  ) {
    return {
      state: { ...state, updatedAt: at, misses: 0, greeted: true },
      effects: [say({ type: 'welcome' })],
    };
  }
  if (parsed.reason === 'tooShort' && state.step === 'idle') {
    const request = newRequestIds(now);
    return {
      state: { step: 'awaitingKeyId', ...request, updatedAt: at, misses: 1 },
      effects: [say({ type: 'keyIdTooShort', digits: parsed.prefix.length })],
    };
  }
  const reply: Reply =
    parsed.reason === 'tooShort'
      ? { type: 'keyIdTooShort', digits: parsed.prefix.length }
      : parsed.reason === 'ambiguous'
        ? { type: 'twoKeyIds' }
        : state.step === 'idle'
          ? { type: 'notUnderstood' }
          : state.step === 'awaitingAnswers'
            ? { type: 'askAnswers', keyId: state.keyId, missing: ['rootCause', 'deviceKind'] }
            : { type: 'notAKeyId' };
  return miss(state, reply, at);
}

function answers(
  state: Extract<TriageState, { step: 'awaitingAnswers' }>,
  event: Extract<TriageEvent, { type: 'answers' }>,
  now: Date,
): Transition {
  const at = now.toISOString();
  const missing = [
    ...(event.rootCause === undefined ? (['rootCause'] as const) : []),
    ...(event.deviceKind === undefined ? (['deviceKind'] as const) : []),
  ];
  if (event.rootCause === undefined || event.deviceKind === undefined) {
    return miss(state, { type: 'askAnswers', keyId: state.keyId, missing }, at);
  }
  const errorCode = normalizeErrorCode(event.errorCode);
  const collected = { rootCause: event.rootCause, deviceKind: event.deviceKind, errorCode };
  if (event.rootCause === 'outOfMyHands') return escalate(state, 'riskStop', now, collected);
  switch (event.deviceKind) {
    case 'workPc':
    case 'notSure': {
      const request = requestOf(state, collected);
      return {
        state: {
          step: 'idle',
          updatedAt: at,
          misses: 0,
          greeted: true,
          last: { kind: 'verification', request },
        },
        effects: [say({ type: 'verify', request }), { type: 'handOffToVerification', request }],
      };
    }
    case 'personalPc':
      return guided('personalAccount', at);
    case 'secondHand':
      return guided('secondHand', at);
    case 'oldDomainPc':
      return escalate(state, 'onPremisesDevice', now, collected);
  }
}

interface Collected {
  readonly rootCause?: RootCause;
  readonly deviceKind?: DeviceKind;
  readonly errorCode?: string | undefined;
}

function escalate(state: TriageState, reason: EscalationReason, now: Date, collected: Collected): Transition {
  const at = now.toISOString();
  // "Talk to IT" right after a hand-off is about that same request, Key ID and answers included; after a
  // day of silence it is about a new lockout, and the old request (maybe a closed case) must not absorb it.
  const recent = now.getTime() - Date.parse(state.updatedAt) <= TRIAGE_EXPIRY_MS;
  const request =
    state.step !== 'idle'
      ? requestOf(state, collected)
      : recent &&
          (state.last?.kind === 'verification' ||
            state.last?.kind === 'released' ||
            state.last?.kind === 'case')
        ? state.last.request
        : requestOf(newRequestIds(now), collected);
  return {
    state: { step: 'idle', updatedAt: at, misses: 0, greeted: true, last: { kind: 'case', request, reason } },
    effects: [
      { type: 'requestCase', request, reason },
      say(
        reason === 'riskStop'
          ? { type: 'riskStop' }
          : { type: 'caseRequested', reason, keyId: request.keyId },
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
  },
  collected: Collected,
): RecoveryRequest {
  return {
    id: state.requestId,
    keyId: state.keyId ?? state.candidate,
    rootCause: collected.rootCause,
    reasonCode: collected.rootCause ? REASON_CODES[collected.rootCause] : undefined,
    errorCode: collected.errorCode,
    deviceKind: collected.deviceKind,
    riskStop: collected.rootCause === 'outOfMyHands',
    startedAt: state.startedAt,
  };
}

function miss(state: TriageState, reply: Reply, at: string): Transition {
  const misses = state.misses + 1;
  return {
    state: { ...state, updatedAt: at, misses },
    effects: misses >= MISSES_BEFORE_OFFERING_IT ? [say(reply), say({ type: 'offerIt' })] : [say(reply)],
  };
}

function stale(state: TriageState, now: Date): Transition {
  const at = now.toISOString();
  return {
    state: { ...state, updatedAt: at },
    effects: [say({ type: 'staleCard' }), ...repeatQuestion(state, at).effects],
  };
}

function repeatQuestion(state: TriageState, at: string): Transition {
  switch (state.step) {
    case 'idle':
      return { state: { ...state, updatedAt: at }, effects: [say({ type: 'welcome' })] };
    case 'awaitingKeyId':
      return { state: { ...state, updatedAt: at }, effects: [say({ type: 'askKeyId' })] };
    case 'confirmingKeyId':
      return {
        state: { ...state, updatedAt: at },
        effects: [say({ type: 'confirmKeyId', keyId: state.candidate, corrections: [] })],
      };
    case 'awaitingAnswers':
      return {
        state: { ...state, updatedAt: at },
        effects: [say({ type: 'askAnswers', keyId: state.keyId, missing: [] })],
      };
  }
}

function startRequest(now: Date): Transition {
  return {
    state: { step: 'awaitingKeyId', ...newRequestIds(now), updatedAt: now.toISOString(), misses: 0 },
    effects: [say({ type: 'askKeyId' })],
  };
}

function askAnswers(state: Extract<TriageState, { step: 'awaitingAnswers' }>): Transition {
  return { state, effects: [say({ type: 'askAnswers', keyId: state.keyId, missing: [] })] };
}

function guided(guide: Guide, at: string): Transition {
  return {
    state: { step: 'idle', updatedAt: at, misses: 0, last: { kind: 'guided', guide } },
    effects: [say({ type: 'guide', guide })],
  };
}

/** Request ids are unique per conversation (millisecond start time); the edge adds who asked. */
function newRequestIds(now: Date): { requestId: string; startedAt: string } {
  return { requestId: `R-${now.getTime().toString(36).toUpperCase()}`, startedAt: now.toISOString() };
}

function lastOf(state: TriageState): { last?: Extract<TriageState, { step: 'idle' }>['last'] } {
  return state.step === 'idle' && state.last ? { last: state.last } : {};
}

function normalizeErrorCode(code: string | undefined): string | undefined {
  const normalized = code
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  // "E_FVE_" and a pasted recovery password fits the pattern; it must not reach the request, the case or logs.
  return normalized && ERROR_CODE.test(normalized) && !containsRecoveryPasswordShape(normalized)
    ? normalized
    : undefined;
}

function yesOrNo(input: string): boolean | undefined {
  const word = input
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (['yes', 'y', 'yep', 'yeah', 'correct', 'right', 'ok', 'okay'].includes(word)) return true;
  if (['no', 'n', 'nope', 'wrong', 'not right'].includes(word)) return false;
  return undefined;
}

function say(reply: Reply): TriageEffect {
  return { type: 'reply', reply };
}

function describeCorrection(correction: Correction): string {
  return `${correction.typed} → ${correction.became}`;
}
