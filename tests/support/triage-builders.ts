import type { Correction } from '../../src/recovery/key-id.js';
import type {
  Command,
  DeviceKind,
  EscalationReason,
  Intent,
  KeyIdReading,
  Noted,
  Offer,
  Outcome,
  RecoveryRequest,
  RootCause,
  TriageEvent,
  TriageState,
  Utterance,
} from '../../src/recovery/triage-types.js';

/** The instant every triage test starts from, unless it says otherwise. */
export const T0 = new Date('2025-03-04T09:00:00.000Z');

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;

/** A Key ID prefix as the machine stores it (uppercase, no separators). */
export const A_KEY_ID = '4290B6C0';
/**
 * The request id every built state carries. The machine makes ids from the clock (`R-<base 36 ms>`), so this
 * one can never collide with an id the machine makes up, and "same request" vs "new request" stays visible.
 */
export const A_REQUEST_ID = 'R-BUILT';

/**
 * A valid recovery password (every block divisible by 11 and below 720896), for tests that prove it leaves
 * no trace. It is the well-known example from Microsoft's documentation, not anyone's key.
 */
export const A_RECOVERY_PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';

/** A clock that moves only when the test says so. */
export interface FixedClock {
  now(): Date;
  /** Moves the clock forward and returns the new time. */
  advance(ms: number): Date;
}

export function aFixedClock(start: Date = T0): FixedClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
      return new Date(current);
    },
  };
}

/** A request as the machine hands it on: built for `A_REQUEST_ID`, a work PC and a firmware update. */
export function aRequest(overrides: Partial<RecoveryRequest> = {}): RecoveryRequest {
  return {
    id: A_REQUEST_ID,
    keyId: A_KEY_ID,
    rootCause: 'firmwareUpdate',
    reasonCode: 'FIRMWARE_UPDATE',
    errorCode: undefined,
    deviceKind: 'workPc',
    riskStop: false,
    startedAt: T0.toISOString(),
    ...overrides,
  };
}

interface IdleOptions {
  readonly greeted?: boolean;
  readonly misses?: number;
  readonly last?: Outcome;
  readonly at?: Date;
  readonly offer?: Offer;
}

/** No request under way; by default a conversation that never started (not greeted, no outcome). */
export function anIdleState({ greeted, misses = 0, last, at = T0, offer }: IdleOptions = {}): TriageState {
  return {
    step: 'idle',
    updatedAt: at.toISOString(),
    misses,
    ...(greeted === undefined ? {} : { greeted }),
    ...(last === undefined ? {} : { last }),
    ...(offer === undefined ? {} : { offer }),
  };
}

/** Idle after the key of `request` was shown (it can still be reported as working or not). */
export function idleAfterRelease({
  request = aRequest(),
  at = T0,
}: {
  readonly request?: RecoveryRequest;
  readonly at?: Date;
} = {}): TriageState {
  return anIdleState({ greeted: true, at, last: { kind: 'released', request } });
}

/** Idle right after the self-service hand-off, as the machine leaves it (greeted, outcome `verification`). */
export function idleAfterVerification({
  request = aRequest(),
  at = T0,
}: {
  readonly request?: RecoveryRequest;
  readonly at?: Date;
} = {}): TriageState {
  return anIdleState({ greeted: true, at, last: { kind: 'verification', request } });
}

/** Idle right after a case request, as the machine leaves it (greeted, outcome `case`). */
export function idleAfterCase({
  request = aRequest(),
  reason = 'requesterAsked',
  at = T0,
}: {
  readonly request?: RecoveryRequest;
  readonly reason?: EscalationReason;
  readonly at?: Date;
} = {}): TriageState {
  return anIdleState({ greeted: true, at, last: { kind: 'case', request, reason } });
}

interface RequestStepOptions {
  readonly misses?: number;
  readonly requestId?: string;
  readonly at?: Date;
  readonly noted?: Noted;
}

function requestFields({ misses = 0, requestId = A_REQUEST_ID, at = T0, noted }: RequestStepOptions) {
  return {
    requestId,
    startedAt: at.toISOString(),
    updatedAt: at.toISOString(),
    misses,
    ...(noted === undefined ? {} : { noted }),
  };
}

/** A request was started and the bot asked for the Key ID. */
export function awaitingKeyId(options: RequestStepOptions = {}): TriageState {
  return { step: 'awaitingKeyId', ...requestFields(options) };
}

/** The bot read a Key ID with look-alike corrections and asked "is it this one?". */
export function confirmingKeyId({
  candidate = A_KEY_ID,
  ...options
}: RequestStepOptions & { readonly candidate?: string } = {}): TriageState {
  return { step: 'confirmingKeyId', ...requestFields(options), candidate };
}

/** The Key ID is known; the bot asked what happened just before (and, unless known, offers other PC kinds). */
export function awaitingAnswers({
  keyId = A_KEY_ID,
  ...options
}: RequestStepOptions & { readonly keyId?: string } = {}): TriageState {
  return { step: 'awaitingAnswers', ...requestFields(options), keyId };
}

/** A Key ID as the understanding reads it from a message. */
export function aKeyIdReading(
  prefix: string = A_KEY_ID,
  corrected: readonly Correction[] = [],
): KeyIdReading {
  return { kind: 'keyId', prefix, corrected, complete: prefix.length === 32 };
}

/** What the understanding made of a message: by default a sure intent with nothing else in it. */
export function anUtterance(intent: Intent, overrides: Partial<Utterance> = {}): Utterance {
  return {
    intent,
    sure: true,
    alternatives: [],
    keyId: { kind: 'none' },
    rootCause: undefined,
    deviceKind: undefined,
    errorCode: undefined,
    ...overrides,
  };
}

/** A typed message, understood. */
export function said(intent: Intent, overrides: Partial<Utterance> = {}): TriageEvent {
  return { type: 'said', utterance: anUtterance(intent, overrides) };
}

export function aCommand(command: Command): TriageEvent {
  return { type: 'command', command };
}

/** The answers card as submitted; every field can be left out, like on the card. */
export function someAnswers({
  rootCause,
  deviceKind,
  errorCode,
}: {
  readonly rootCause?: RootCause;
  readonly deviceKind?: DeviceKind;
  readonly errorCode?: string;
}): TriageEvent {
  return { type: 'answers', rootCause, deviceKind, errorCode };
}
