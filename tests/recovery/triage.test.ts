import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsRecoveryPasswordShape } from '../../src/recovery/recovery-password.js';
import { initialTriageState, TRIAGE_EXPIRY_MS, transition } from '../../src/recovery/triage.js';
import {
  COMMANDS,
  DEVICE_KINDS,
  GUIDES,
  type Outcome,
  type RecoveryRequest,
  ROOT_CAUSES,
  type Transition,
  type TriageEffect,
  type TriageEvent,
  type TriageState,
} from '../../src/recovery/triage-types.js';
import {
  A_KEY_ID,
  A_RECOVERY_PASSWORD,
  A_REQUEST_ID,
  aCommand,
  aFixedClock,
  anIdleState,
  aRequest,
  aText,
  awaitingAnswers,
  awaitingKeyId,
  confirmingKeyId,
  HOUR_MS,
  idleAfterCase,
  idleAfterVerification,
  MINUTE_MS,
  someAnswers,
  T0,
} from '../support/triage-builders.js';

/** Every built state is from T0; the matrix acts a minute later, well inside the 24 h window. */
const NOW = new Date(T0.getTime() + MINUTE_MS);

/** What built states hold. */
const K = A_KEY_ID;
/** What the person types in the matrix: a different Key ID, so "kept" and "replaced" can be told apart. */
const TYPED = '5E6F7A80';
const TYPED_FULL = '5E6F7A801A2B3C4D9E0F7A8B9C0D1E2F';

const STATES = {
  'idle, fresh': anIdleState(),
  'idle, greeted': anIdleState({ greeted: true }),
  'idle, after verification': idleAfterVerification(),
  'idle, after case': idleAfterCase(),
  awaitingKeyId: awaitingKeyId(),
  'awaitingKeyId, 1 miss': awaitingKeyId({ misses: 1 }),
  confirmingKeyId: confirmingKeyId({ candidate: K }),
  awaitingAnswers: awaitingAnswers({ keyId: K }),
  'awaitingAnswers, 1 miss': awaitingAnswers({ keyId: K, misses: 1 }),
} as const satisfies { readonly [name: string]: TriageState };
type StateName = keyof typeof STATES;

const ANSWER_EVENTS = {
  'answers: work PC': someAnswers({ rootCause: 'firmwareUpdate', deviceKind: 'workPc' }),
  'answers: not sure': someAnswers({ rootCause: 'windowsUpdate', deviceKind: 'notSure' }),
  'answers: personal PC': someAnswers({ rootCause: 'nothingUnusual', deviceKind: 'personalPc' }),
  'answers: second-hand': someAnswers({ rootCause: 'hardwareChange', deviceKind: 'secondHand' }),
  'answers: old domain PC': someAnswers({ rootCause: 'wrongPin', deviceKind: 'oldDomainPc' }),
  'answers: risk, work PC': someAnswers({ rootCause: 'outOfMyHands', deviceKind: 'workPc' }),
  'answers: risk, not sure': someAnswers({ rootCause: 'outOfMyHands', deviceKind: 'notSure' }),
  'answers: risk, personal PC': someAnswers({ rootCause: 'outOfMyHands', deviceKind: 'personalPc' }),
  'answers: risk, second-hand': someAnswers({ rootCause: 'outOfMyHands', deviceKind: 'secondHand' }),
  'answers: risk, old domain PC': someAnswers({ rootCause: 'outOfMyHands', deviceKind: 'oldDomainPc' }),
  'answers: no root cause': someAnswers({ deviceKind: 'workPc' }),
  'answers: no device kind': someAnswers({ rootCause: 'dockOrPeripheral' }),
  'answers: nothing chosen': someAnswers({}),
  'answers: valid E_FVE code': someAnswers({
    rootCause: 'dockOrPeripheral',
    deviceKind: 'workPc',
    errorCode: ' e_fve pcr-mismatch ',
  }),
  'answers: invalid E_FVE code': someAnswers({
    rootCause: 'dockOrPeripheral',
    deviceKind: 'workPc',
    errorCode: 'E_FVE',
  }),
} as const satisfies { readonly [name: string]: TriageEvent };

const GUIDE_EVENTS = {
  'guide: whereIsKeyId': { type: 'showGuide', guide: 'whereIsKeyId' },
  'guide: personalAccount': { type: 'showGuide', guide: 'personalAccount' },
  'guide: secondHand': { type: 'showGuide', guide: 'secondHand' },
  'guide: noKeyAnywhere': { type: 'showGuide', guide: 'noKeyAnywhere' },
  'guide: whyThisHappened': { type: 'showGuide', guide: 'whyThisHappened' },
} as const satisfies { readonly [name: string]: TriageEvent };

const EVENTS = {
  greet: { type: 'greet' },
  startRecovery: { type: 'startRecovery' },
  'text: Key ID': aText(TYPED),
  'text: Key ID in a sentence': aText(`my key id is ${TYPED.toLowerCase()}`),
  'text: Key ID with O for 0': aText('5E6F7A8O'),
  'text: GUID in braces': aText('{5E6F7A80-1A2B-3C4D-9E0F-7A8B9C0D1E2F}'),
  'text: too short': aText('4290'),
  'text: nonsense': aText('blah'),
  'text: hex-ish sentence': aText('I added a dock'),
  'text: recovery password': aText(A_RECOVERY_PASSWORD),
  'text: recovery password, spaced': aText(A_RECOVERY_PASSWORD.replaceAll('-', ' ')),
  'text: two Key IDs': aText(`${K} or ${TYPED}`),
  'text: yes': aText('yes'),
  'text: no': aText('no'),
  help: aCommand('help'),
  restart: aCommand('restart'),
  cancel: aCommand('cancel'),
  status: aCommand('status'),
  talkToIt: aCommand('talkToIt'),
  'confirm: yes': { type: 'confirmKeyId', accepted: true },
  'confirm: no': { type: 'confirmKeyId', accepted: false },
  ...ANSWER_EVENTS,
  ...GUIDE_EVENTS,
} as const satisfies { readonly [name: string]: TriageEvent };
type EventName = keyof typeof EVENTS;

/**
 * The parts of the next state a row asserts. `request` is `same` (the request the person was in, same id and
 * start), `new` (another id, started now) or a description of anything else, so a failure says what it saw.
 * `last` reads like "case riskStop same".
 */
type Next =
  | { readonly step: 'idle'; readonly misses: number; readonly greeted: boolean; readonly last?: string }
  | { readonly step: 'awaitingKeyId'; readonly misses: number; readonly request: string }
  | {
      readonly step: 'confirmingKeyId';
      readonly misses: number;
      readonly request: string;
      readonly candidate: string;
    }
  | {
      readonly step: 'awaitingAnswers';
      readonly misses: number;
      readonly request: string;
      readonly keyId: string;
    };

/** The request handed on (to verification or IT), with `id` as a relation like `Next.request`. */
interface Sent extends Omit<RecoveryRequest, 'id' | 'startedAt'> {
  readonly id: string;
}

type Relation = 'same' | 'new';

function idle({
  misses = 0,
  greeted = false,
  last,
}: {
  readonly misses?: number;
  readonly greeted?: boolean;
  readonly last?: string;
} = {}): Next {
  return { step: 'idle', misses, greeted, ...(last === undefined ? {} : { last }) };
}

function askingKeyId(request: Relation, misses = 0): Next {
  return { step: 'awaitingKeyId', misses, request };
}

function confirming(candidate: string, request: Relation, misses = 0): Next {
  return { step: 'confirmingKeyId', misses, request, candidate };
}

function askingAnswers(keyId: string, request: Relation, misses = 0): Next {
  return { step: 'awaitingAnswers', misses, request, keyId };
}

function sent(id: Relation, fields: Partial<Omit<Sent, 'id'>> = {}): Sent {
  return {
    id,
    keyId: undefined,
    rootCause: undefined,
    reasonCode: undefined,
    errorCode: undefined,
    deviceKind: undefined,
    riskStop: false,
    ...fields,
  };
}

type Row = readonly [event: EventName, next: Next, effects: readonly string[], sent?: Sent];

/** Answers submitted on a step that does not ask for them (a card from earlier): say so, then ask again. */
function staleAnswers(next: Next, question: string): Row[] {
  return Object.keys(ANSWER_EVENTS).map(
    (name): Row => [name as EventName, next, ['reply:staleCard', question]],
  );
}

/** Guides answer a question without moving the conversation. */
function guides(next: Next): Row[] {
  return [
    ['guide: whereIsKeyId', next, ['reply:whereIsKeyId']],
    ['guide: personalAccount', next, ['reply:guide(personalAccount)']],
    ['guide: secondHand', next, ['reply:guide(secondHand)']],
    ['guide: noKeyAnywhere', next, ['reply:guide(noKeyAnywhere)']],
    ['guide: whyThisHappened', next, ['reply:guide(whyThisHappened)']],
  ];
}

const CASE_REQUESTED = ['requestCase(requesterAsked)', 'reply:caseRequested(requesterAsked)'];
const RISK_STOP = ['requestCase(riskStop)', 'reply:riskStop'];
const VERIFY = ['reply:verify', 'handOffToVerification'];
/** The request the built idle states remember (see `aRequest`). */
const REMEMBERED = sent('same', {
  keyId: K,
  rootCause: 'firmwareUpdate',
  reasonCode: 'FIRMWARE_UPDATE',
  deviceKind: 'workPc',
});
const RISK = { rootCause: 'outOfMyHands', reasonCode: 'RISK_DEVICE_OUT_OF_HANDS', riskStop: true } as const;

/** Submitting complete answers ends the request the same way however many misses came before. */
const COMPLETE_ANSWERS: readonly Row[] = [
  [
    'answers: work PC',
    idle({ greeted: true, last: 'verification same' }),
    VERIFY,
    sent('same', {
      keyId: K,
      rootCause: 'firmwareUpdate',
      reasonCode: 'FIRMWARE_UPDATE',
      deviceKind: 'workPc',
    }),
  ],
  [
    'answers: not sure',
    idle({ greeted: true, last: 'verification same' }),
    VERIFY,
    sent('same', {
      keyId: K,
      rootCause: 'windowsUpdate',
      reasonCode: 'WINDOWS_UPDATE',
      deviceKind: 'notSure',
    }),
  ],
  ['answers: personal PC', idle({ last: 'guided personalAccount' }), ['reply:guide(personalAccount)']],
  ['answers: second-hand', idle({ last: 'guided secondHand' }), ['reply:guide(secondHand)']],
  [
    'answers: old domain PC',
    idle({ greeted: true, last: 'case onPremisesDevice same' }),
    ['requestCase(onPremisesDevice)', 'reply:caseRequested(onPremisesDevice)'],
    sent('same', { keyId: K, rootCause: 'wrongPin', reasonCode: 'PIN_LOCKOUT', deviceKind: 'oldDomainPc' }),
  ],
  [
    'answers: risk, work PC',
    idle({ greeted: true, last: 'case riskStop same' }),
    RISK_STOP,
    sent('same', { keyId: K, ...RISK, deviceKind: 'workPc' }),
  ],
  [
    'answers: risk, not sure',
    idle({ greeted: true, last: 'case riskStop same' }),
    RISK_STOP,
    sent('same', { keyId: K, ...RISK, deviceKind: 'notSure' }),
  ],
  [
    'answers: risk, personal PC',
    idle({ greeted: true, last: 'case riskStop same' }),
    RISK_STOP,
    sent('same', { keyId: K, ...RISK, deviceKind: 'personalPc' }),
  ],
  [
    'answers: risk, second-hand',
    idle({ greeted: true, last: 'case riskStop same' }),
    RISK_STOP,
    sent('same', { keyId: K, ...RISK, deviceKind: 'secondHand' }),
  ],
  [
    'answers: risk, old domain PC',
    idle({ greeted: true, last: 'case riskStop same' }),
    RISK_STOP,
    sent('same', { keyId: K, ...RISK, deviceKind: 'oldDomainPc' }),
  ],
  [
    'answers: valid E_FVE code',
    idle({ greeted: true, last: 'verification same' }),
    VERIFY,
    sent('same', {
      keyId: K,
      rootCause: 'dockOrPeripheral',
      reasonCode: 'PERIPHERAL_CHANGE',
      deviceKind: 'workPc',
      errorCode: 'E_FVE_PCR_MISMATCH',
    }),
  ],
  [
    'answers: invalid E_FVE code',
    idle({ greeted: true, last: 'verification same' }),
    VERIFY,
    sent('same', {
      keyId: K,
      rootCause: 'dockOrPeripheral',
      reasonCode: 'PERIPHERAL_CHANGE',
      deviceKind: 'workPc',
    }),
  ],
];

/** Where the person is → what they do → where they end up, what the bot does, and what it hands on. */
const MATRIX: { readonly [state in StateName]: readonly Row[] } = {
  'idle, fresh': [
    ['greet', idle({ greeted: true }), ['reply:welcome']],
    ['startRecovery', askingKeyId('new'), ['reply:askKeyId']],
    ['text: Key ID', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'new'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'new'), ['reply:askAnswers']],
    ['text: too short', askingKeyId('new', 1), ['reply:keyIdTooShort(4)']],
    // A first message that is not a Key ID gets the welcome, not "I did not understand".
    ['text: nonsense', idle({ greeted: true }), ['reply:welcome']],
    ['text: hex-ish sentence', idle({ greeted: true }), ['reply:welcome']],
    ['text: recovery password', idle(), ['reply:passwordPasted']],
    ['text: recovery password, spaced', idle(), ['reply:passwordPasted']],
    ['text: two Key IDs', idle({ misses: 1 }), ['reply:twoKeyIds']],
    ['text: yes', idle({ greeted: true }), ['reply:welcome']],
    ['text: no', idle({ greeted: true }), ['reply:welcome']],
    ['help', idle({ greeted: true }), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    ['cancel', idle(), ['reply:cancelled']],
    ['status', idle(), ['reply:status']],
    ['talkToIt', idle({ greeted: true, last: 'case requesterAsked new' }), CASE_REQUESTED, sent('new')],
    ['confirm: yes', idle(), ['reply:staleCard', 'reply:welcome']],
    ['confirm: no', idle(), ['reply:staleCard', 'reply:welcome']],
    ...staleAnswers(idle(), 'reply:welcome'),
    ...guides(idle()),
  ],
  'idle, greeted': [
    ['greet', idle({ greeted: true }), ['reply:welcome']],
    ['startRecovery', askingKeyId('new'), ['reply:askKeyId']],
    ['text: Key ID', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'new'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'new'), ['reply:askAnswers']],
    ['text: too short', askingKeyId('new', 1), ['reply:keyIdTooShort(4)']],
    ['text: nonsense', idle({ greeted: true, misses: 1 }), ['reply:notUnderstood']],
    ['text: hex-ish sentence', idle({ greeted: true, misses: 1 }), ['reply:notUnderstood']],
    ['text: recovery password', idle({ greeted: true }), ['reply:passwordPasted']],
    ['text: recovery password, spaced', idle({ greeted: true }), ['reply:passwordPasted']],
    ['text: two Key IDs', idle({ greeted: true, misses: 1 }), ['reply:twoKeyIds']],
    ['text: yes', idle({ greeted: true, misses: 1 }), ['reply:notUnderstood']],
    ['text: no', idle({ greeted: true, misses: 1 }), ['reply:notUnderstood']],
    ['help', idle({ greeted: true }), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    // After "cancel" the welcome is the menu again.
    ['cancel', idle(), ['reply:cancelled']],
    ['status', idle({ greeted: true }), ['reply:status']],
    ['talkToIt', idle({ greeted: true, last: 'case requesterAsked new' }), CASE_REQUESTED, sent('new')],
    ['confirm: yes', idle({ greeted: true }), ['reply:staleCard', 'reply:welcome']],
    ['confirm: no', idle({ greeted: true }), ['reply:staleCard', 'reply:welcome']],
    ...staleAnswers(idle({ greeted: true }), 'reply:welcome'),
    ...guides(idle({ greeted: true })),
  ],
  'idle, after verification': [
    ['greet', idle({ greeted: true, last: 'verification same' }), ['reply:welcome']],
    ['startRecovery', askingKeyId('new'), ['reply:askKeyId']],
    ['text: Key ID', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'new'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'new'), ['reply:askAnswers']],
    ['text: too short', askingKeyId('new', 1), ['reply:keyIdTooShort(4)']],
    [
      'text: nonsense',
      idle({ greeted: true, misses: 1, last: 'verification same' }),
      ['reply:notUnderstood'],
    ],
    [
      'text: hex-ish sentence',
      idle({ greeted: true, misses: 1, last: 'verification same' }),
      ['reply:notUnderstood'],
    ],
    ['text: recovery password', idle({ greeted: true, last: 'verification same' }), ['reply:passwordPasted']],
    [
      'text: recovery password, spaced',
      idle({ greeted: true, last: 'verification same' }),
      ['reply:passwordPasted'],
    ],
    ['text: two Key IDs', idle({ greeted: true, misses: 1, last: 'verification same' }), ['reply:twoKeyIds']],
    ['text: yes', idle({ greeted: true, misses: 1, last: 'verification same' }), ['reply:notUnderstood']],
    ['text: no', idle({ greeted: true, misses: 1, last: 'verification same' }), ['reply:notUnderstood']],
    ['help', idle({ greeted: true, last: 'verification same' }), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    // The hand-off is done: nothing to cancel, and the outcome stays for `status`.
    ['cancel', idle({ last: 'verification same' }), ['reply:cancelled']],
    ['status', idle({ greeted: true, last: 'verification same' }), ['reply:status']],
    ['talkToIt', idle({ greeted: true, last: 'case requesterAsked same' }), CASE_REQUESTED, REMEMBERED],
    [
      'confirm: yes',
      idle({ greeted: true, last: 'verification same' }),
      ['reply:staleCard', 'reply:welcome'],
    ],
    ['confirm: no', idle({ greeted: true, last: 'verification same' }), ['reply:staleCard', 'reply:welcome']],
    ...staleAnswers(idle({ greeted: true, last: 'verification same' }), 'reply:welcome'),
    ...guides(idle({ greeted: true, last: 'verification same' })),
  ],
  'idle, after case': [
    ['greet', idle({ greeted: true, last: 'case requesterAsked same' }), ['reply:welcome']],
    ['startRecovery', askingKeyId('new'), ['reply:askKeyId']],
    ['text: Key ID', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'new'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'new'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'new'), ['reply:askAnswers']],
    ['text: too short', askingKeyId('new', 1), ['reply:keyIdTooShort(4)']],
    [
      'text: nonsense',
      idle({ greeted: true, misses: 1, last: 'case requesterAsked same' }),
      ['reply:notUnderstood'],
    ],
    [
      'text: hex-ish sentence',
      idle({ greeted: true, misses: 1, last: 'case requesterAsked same' }),
      ['reply:notUnderstood'],
    ],
    [
      'text: recovery password',
      idle({ greeted: true, last: 'case requesterAsked same' }),
      ['reply:passwordPasted'],
    ],
    [
      'text: recovery password, spaced',
      idle({ greeted: true, last: 'case requesterAsked same' }),
      ['reply:passwordPasted'],
    ],
    [
      'text: two Key IDs',
      idle({ greeted: true, misses: 1, last: 'case requesterAsked same' }),
      ['reply:twoKeyIds'],
    ],
    [
      'text: yes',
      idle({ greeted: true, misses: 1, last: 'case requesterAsked same' }),
      ['reply:notUnderstood'],
    ],
    [
      'text: no',
      idle({ greeted: true, misses: 1, last: 'case requesterAsked same' }),
      ['reply:notUnderstood'],
    ],
    ['help', idle({ greeted: true, last: 'case requesterAsked same' }), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    ['cancel', idle({ last: 'case requesterAsked same' }), ['reply:cancelled']],
    ['status', idle({ greeted: true, last: 'case requesterAsked same' }), ['reply:status']],
    // The same request again, so the case store records it once.
    ['talkToIt', idle({ greeted: true, last: 'case requesterAsked same' }), CASE_REQUESTED, REMEMBERED],
    [
      'confirm: yes',
      idle({ greeted: true, last: 'case requesterAsked same' }),
      ['reply:staleCard', 'reply:welcome'],
    ],
    [
      'confirm: no',
      idle({ greeted: true, last: 'case requesterAsked same' }),
      ['reply:staleCard', 'reply:welcome'],
    ],
    ...staleAnswers(idle({ greeted: true, last: 'case requesterAsked same' }), 'reply:welcome'),
    ...guides(idle({ greeted: true, last: 'case requesterAsked same' })),
  ],
  awaitingKeyId: [
    ['greet', askingKeyId('same'), ['reply:askKeyId']],
    ['startRecovery', askingKeyId('same'), ['reply:askKeyId']],
    ['text: Key ID', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'same'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'same'), ['reply:askAnswers']],
    ['text: too short', askingKeyId('same', 1), ['reply:keyIdTooShort(4)']],
    ['text: nonsense', askingKeyId('same', 1), ['reply:notAKeyId']],
    ['text: hex-ish sentence', askingKeyId('same', 1), ['reply:notAKeyId']],
    // A pasted key is not a misunderstanding: the warning is the answer, and the misses stay as they were.
    ['text: recovery password', askingKeyId('same'), ['reply:passwordPasted']],
    ['text: recovery password, spaced', askingKeyId('same'), ['reply:passwordPasted']],
    ['text: two Key IDs', askingKeyId('same', 1), ['reply:twoKeyIds']],
    ['text: yes', askingKeyId('same', 1), ['reply:notAKeyId']],
    ['text: no', askingKeyId('same', 1), ['reply:notAKeyId']],
    ['help', askingKeyId('same'), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    ['cancel', idle({ last: 'cancelled' }), ['reply:cancelled(hadRequest)']],
    ['status', askingKeyId('same'), ['reply:status']],
    ['talkToIt', idle({ greeted: true, last: 'case requesterAsked same' }), CASE_REQUESTED, sent('same')],
    ['confirm: yes', askingKeyId('same'), ['reply:staleCard', 'reply:askKeyId']],
    ['confirm: no', askingKeyId('same'), ['reply:staleCard', 'reply:askKeyId']],
    ...staleAnswers(askingKeyId('same'), 'reply:askKeyId'),
    ...guides(askingKeyId('same')),
  ],
  'awaitingKeyId, 1 miss': [
    ['greet', askingKeyId('same', 1), ['reply:askKeyId']],
    ['startRecovery', askingKeyId('same', 1), ['reply:askKeyId']],
    ['text: Key ID', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'same'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'same'), ['reply:askAnswers']],
    ['text: too short', askingKeyId('same', 2), ['reply:keyIdTooShort(4)', 'reply:offerIt']],
    ['text: nonsense', askingKeyId('same', 2), ['reply:notAKeyId', 'reply:offerIt']],
    ['text: hex-ish sentence', askingKeyId('same', 2), ['reply:notAKeyId', 'reply:offerIt']],
    ['text: recovery password', askingKeyId('same', 1), ['reply:passwordPasted']],
    ['text: recovery password, spaced', askingKeyId('same', 1), ['reply:passwordPasted']],
    ['text: two Key IDs', askingKeyId('same', 2), ['reply:twoKeyIds', 'reply:offerIt']],
    ['text: yes', askingKeyId('same', 2), ['reply:notAKeyId', 'reply:offerIt']],
    ['text: no', askingKeyId('same', 2), ['reply:notAKeyId', 'reply:offerIt']],
    ['help', askingKeyId('same'), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    ['cancel', idle({ last: 'cancelled' }), ['reply:cancelled(hadRequest)']],
    ['status', askingKeyId('same', 1), ['reply:status']],
    ['talkToIt', idle({ greeted: true, last: 'case requesterAsked same' }), CASE_REQUESTED, sent('same')],
    ['confirm: yes', askingKeyId('same', 1), ['reply:staleCard', 'reply:askKeyId']],
    ['confirm: no', askingKeyId('same', 1), ['reply:staleCard', 'reply:askKeyId']],
    ...staleAnswers(askingKeyId('same', 1), 'reply:askKeyId'),
    ...guides(askingKeyId('same', 1)),
  ],
  confirmingKeyId: [
    ['greet', confirming(K, 'same'), ['reply:confirmKeyId']],
    ['startRecovery', confirming(K, 'same'), ['reply:confirmKeyId']],
    // A Key ID typed instead of yes/no replaces the candidate.
    ['text: Key ID', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'same'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'same'), ['reply:askAnswers']],
    ['text: too short', confirming(K, 'same', 1), ['reply:keyIdTooShort(4)']],
    ['text: nonsense', confirming(K, 'same', 1), ['reply:notAKeyId']],
    ['text: hex-ish sentence', confirming(K, 'same', 1), ['reply:notAKeyId']],
    ['text: recovery password', confirming(K, 'same'), ['reply:passwordPasted']],
    ['text: recovery password, spaced', confirming(K, 'same'), ['reply:passwordPasted']],
    ['text: two Key IDs', confirming(K, 'same', 1), ['reply:twoKeyIds']],
    ['text: yes', askingAnswers(K, 'same'), ['reply:askAnswers']],
    ['text: no', askingKeyId('same'), ['reply:askKeyId']],
    ['help', confirming(K, 'same'), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    ['cancel', idle({ last: 'cancelled' }), ['reply:cancelled(hadRequest)']],
    ['status', confirming(K, 'same'), ['reply:status']],
    // IT gets the Key ID as read, even unconfirmed: the agent compares it with the screen anyway.
    [
      'talkToIt',
      idle({ greeted: true, last: 'case requesterAsked same' }),
      CASE_REQUESTED,
      sent('same', { keyId: K }),
    ],
    ['confirm: yes', askingAnswers(K, 'same'), ['reply:askAnswers']],
    ['confirm: no', askingKeyId('same'), ['reply:askKeyId']],
    ...staleAnswers(confirming(K, 'same'), 'reply:confirmKeyId'),
    ...guides(confirming(K, 'same')),
  ],
  awaitingAnswers: [
    ['greet', askingAnswers(K, 'same'), ['reply:askAnswers']],
    ['startRecovery', askingAnswers(K, 'same'), ['reply:askAnswers']],
    ['text: Key ID', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'same'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'same'), ['reply:askAnswers']],
    ['text: too short', askingAnswers(K, 'same', 1), ['reply:keyIdTooShort(4)']],
    ['text: nonsense', askingAnswers(K, 'same', 1), ['reply:askAnswers(rootCause,deviceKind)']],
    ['text: hex-ish sentence', askingAnswers(K, 'same', 1), ['reply:askAnswers(rootCause,deviceKind)']],
    ['text: recovery password', askingAnswers(K, 'same'), ['reply:passwordPasted']],
    ['text: recovery password, spaced', askingAnswers(K, 'same'), ['reply:passwordPasted']],
    ['text: two Key IDs', askingAnswers(K, 'same', 1), ['reply:twoKeyIds']],
    ['text: yes', askingAnswers(K, 'same', 1), ['reply:askAnswers(rootCause,deviceKind)']],
    ['text: no', askingAnswers(K, 'same', 1), ['reply:askAnswers(rootCause,deviceKind)']],
    ['help', askingAnswers(K, 'same'), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    ['cancel', idle({ last: 'cancelled' }), ['reply:cancelled(hadRequest)']],
    ['status', askingAnswers(K, 'same'), ['reply:status']],
    [
      'talkToIt',
      idle({ greeted: true, last: 'case requesterAsked same' }),
      CASE_REQUESTED,
      sent('same', { keyId: K }),
    ],
    ['confirm: yes', askingAnswers(K, 'same'), ['reply:staleCard', 'reply:askAnswers']],
    ['confirm: no', askingAnswers(K, 'same'), ['reply:staleCard', 'reply:askAnswers']],
    ...COMPLETE_ANSWERS,
    ['answers: no root cause', askingAnswers(K, 'same', 1), ['reply:askAnswers(rootCause)']],
    ['answers: no device kind', askingAnswers(K, 'same', 1), ['reply:askAnswers(deviceKind)']],
    ['answers: nothing chosen', askingAnswers(K, 'same', 1), ['reply:askAnswers(rootCause,deviceKind)']],
    ...guides(askingAnswers(K, 'same')),
  ],
  'awaitingAnswers, 1 miss': [
    ['greet', askingAnswers(K, 'same', 1), ['reply:askAnswers']],
    ['startRecovery', askingAnswers(K, 'same', 1), ['reply:askAnswers']],
    ['text: Key ID', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID in a sentence', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['text: Key ID with O for 0', confirming(TYPED, 'same'), ['reply:confirmKeyId(O → 0)']],
    ['text: GUID in braces', askingAnswers(TYPED_FULL, 'same'), ['reply:askAnswers']],
    ['text: too short', askingAnswers(K, 'same', 2), ['reply:keyIdTooShort(4)', 'reply:offerIt']],
    [
      'text: nonsense',
      askingAnswers(K, 'same', 2),
      ['reply:askAnswers(rootCause,deviceKind)', 'reply:offerIt'],
    ],
    [
      'text: hex-ish sentence',
      askingAnswers(K, 'same', 2),
      ['reply:askAnswers(rootCause,deviceKind)', 'reply:offerIt'],
    ],
    ['text: recovery password', askingAnswers(K, 'same', 1), ['reply:passwordPasted']],
    ['text: recovery password, spaced', askingAnswers(K, 'same', 1), ['reply:passwordPasted']],
    ['text: two Key IDs', askingAnswers(K, 'same', 2), ['reply:twoKeyIds', 'reply:offerIt']],
    ['text: yes', askingAnswers(K, 'same', 2), ['reply:askAnswers(rootCause,deviceKind)', 'reply:offerIt']],
    ['text: no', askingAnswers(K, 'same', 2), ['reply:askAnswers(rootCause,deviceKind)', 'reply:offerIt']],
    ['help', askingAnswers(K, 'same'), ['reply:help']],
    ['restart', askingKeyId('new'), ['reply:askKeyId']],
    ['cancel', idle({ last: 'cancelled' }), ['reply:cancelled(hadRequest)']],
    ['status', askingAnswers(K, 'same', 1), ['reply:status']],
    [
      'talkToIt',
      idle({ greeted: true, last: 'case requesterAsked same' }),
      CASE_REQUESTED,
      sent('same', { keyId: K }),
    ],
    ['confirm: yes', askingAnswers(K, 'same', 1), ['reply:staleCard', 'reply:askAnswers']],
    ['confirm: no', askingAnswers(K, 'same', 1), ['reply:staleCard', 'reply:askAnswers']],
    ...COMPLETE_ANSWERS,
    ['answers: no root cause', askingAnswers(K, 'same', 2), ['reply:askAnswers(rootCause)', 'reply:offerIt']],
    [
      'answers: no device kind',
      askingAnswers(K, 'same', 2),
      ['reply:askAnswers(deviceKind)', 'reply:offerIt'],
    ],
    [
      'answers: nothing chosen',
      askingAnswers(K, 'same', 2),
      ['reply:askAnswers(rootCause,deviceKind)', 'reply:offerIt'],
    ],
    ...guides(askingAnswers(K, 'same', 1)),
  ],
};

const ROWS = Object.entries(MATRIX).flatMap(([state, rows]) =>
  rows.map(
    ([event, next, effects, handedOn]) => [state as StateName, event, next, effects, handedOn] as const,
  ),
);

interface RequestRef {
  readonly id: string;
  readonly startedAt: string;
}

/** The request a state is about: the one under way, or the one the last outcome remembers. */
function requestOfState(state: TriageState): RequestRef | undefined {
  if (state.step !== 'idle') return { id: state.requestId, startedAt: state.startedAt };
  const last = state.last;
  return last?.kind === 'verification' || last?.kind === 'case' ? last.request : undefined;
}

function relationTo(before: RequestRef | undefined, after: RequestRef, now: Date): string {
  if (before && after.id === before.id && after.startedAt === before.startedAt) return 'same';
  if (after.id !== before?.id && after.startedAt === now.toISOString()) return 'new';
  return `other (${after.id} from ${after.startedAt})`;
}

function lastTag(before: RequestRef | undefined, last: Outcome | undefined, now: Date): string | undefined {
  switch (last?.kind) {
    case undefined:
      return undefined;
    case 'verification':
      return `verification ${relationTo(before, last.request, now)}`;
    case 'case':
      return `case ${last.reason} ${relationTo(before, last.request, now)}`;
    case 'guided':
      return `guided ${last.guide}`;
    case 'cancelled':
      return 'cancelled';
  }
}

function nextOf(from: TriageState, state: TriageState, now: Date): Next {
  const before = requestOfState(from);
  switch (state.step) {
    case 'idle': {
      const last = lastTag(before, state.last, now);
      return idle({ misses: state.misses, greeted: state.greeted === true, ...(last ? { last } : {}) });
    }
    case 'awaitingKeyId':
      return {
        step: state.step,
        misses: state.misses,
        request: relationTo(before, requestOfState(state)!, now),
      };
    case 'confirmingKeyId':
      return {
        step: state.step,
        misses: state.misses,
        request: relationTo(before, requestOfState(state)!, now),
        candidate: state.candidate,
      };
    case 'awaitingAnswers':
      return {
        step: state.step,
        misses: state.misses,
        request: relationTo(before, requestOfState(state)!, now),
        keyId: state.keyId,
      };
  }
}

/** One effect as a short tag; the details in brackets are the ones a person would notice. */
function effectTag(effect: TriageEffect): string {
  switch (effect.type) {
    case 'handOffToVerification':
      return 'handOffToVerification';
    case 'requestCase':
      return `requestCase(${effect.reason})`;
    case 'reply': {
      const reply = effect.reply;
      switch (reply.type) {
        case 'keyIdTooShort':
          return `reply:keyIdTooShort(${reply.digits})`;
        case 'confirmKeyId':
          return reply.corrections.length > 0
            ? `reply:confirmKeyId(${reply.corrections.join(', ')})`
            : 'reply:confirmKeyId';
        case 'askAnswers':
          return reply.missing.length > 0
            ? `reply:askAnswers(${reply.missing.join(',')})`
            : 'reply:askAnswers';
        case 'guide':
          return `reply:guide(${reply.guide})`;
        case 'caseRequested':
          return `reply:caseRequested(${reply.reason})`;
        case 'cancelled':
          return reply.hadRequest ? 'reply:cancelled(hadRequest)' : 'reply:cancelled';
        default:
          return `reply:${reply.type}`;
      }
    }
  }
}

/** Every request the effects carry; they must all be one and the same. */
function requestsIn(effects: readonly TriageEffect[]): RecoveryRequest[] {
  return effects.flatMap((effect) => {
    if (effect.type === 'handOffToVerification' || effect.type === 'requestCase') return [effect.request];
    if (effect.type === 'reply' && effect.reply.type === 'verify') return [effect.reply.request];
    return [];
  });
}

function sentOf(from: TriageState, effects: readonly TriageEffect[], now: Date): Sent | undefined {
  const [request] = requestsIn(effects);
  if (!request) return undefined;
  const { id, startedAt, ...fields } = request;
  return { id: relationTo(requestOfState(from), { id, startedAt }, now), ...fields };
}

/** What holds for every transition, whatever the row says. */
function expectInvariants(from: TriageState, result: Transition, now: Date): void {
  expect(result.state.updatedAt).toBe(now.toISOString());
  const requests = requestsIn(result.effects);
  for (const request of requests) expect(request).toEqual(requests[0]);
  const state = result.state;
  const expired = result.effects.some((effect) => effect.type === 'reply' && effect.reply.type === 'expired');
  if (state.step === 'idle' && (state.last?.kind === 'verification' || state.last?.kind === 'case')) {
    if (requests[0]) expect(state.last.request).toEqual(requests[0]);
  }
  for (const effect of result.effects) {
    if (effect.type !== 'reply') continue;
    const reply = effect.reply;
    // The Key ID the bot shows is the one it keeps.
    if (reply.type === 'askAnswers')
      expect(state).toMatchObject({ step: 'awaitingAnswers', keyId: reply.keyId });
    if (reply.type === 'confirmKeyId') {
      expect(state).toMatchObject({ step: 'confirmingKeyId', candidate: reply.keyId });
    }
    if (reply.type === 'caseRequested') expect(reply.keyId).toBe(requests[0]?.keyId);
    // `status` describes where the person was when they asked (a fresh start once the request expired).
    if (reply.type === 'status') expect(reply.state).toEqual(expired ? initialTriageState(now) : from);
  }
  // The state lives in turn state: it must survive JSON unchanged.
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
}

describe('transition: every state × every event', () => {
  it('the matrix has exactly one row for every pair', () => {
    const pairs = ROWS.map(([state, event]) => `${state} + ${event}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const expected = Object.keys(STATES).flatMap((state) =>
      Object.keys(EVENTS).map((event) => `${state} + ${event}`),
    );
    expect([...pairs].sort()).toEqual([...expected].sort());
  });

  it.each(ROWS)('%s + %s', (stateName, eventName, next, effects, handedOn) => {
    const from = STATES[stateName];
    const untouched = structuredClone(from);

    const result = transition(from, EVENTS[eventName], NOW);

    expect(nextOf(from, result.state, NOW)).toEqual(next);
    expect(result.effects.map(effectTag)).toEqual(effects);
    expect(sentOf(from, result.effects, NOW)).toEqual(handedOn);
    expectInvariants(from, result, NOW);
    expect(from).toEqual(untouched);
  });
});

describe('transition: 24 hours of silence', () => {
  const JUST_UNDER = TRIAGE_EXPIRY_MS - 1;
  const JUST_OVER = TRIAGE_EXPIRY_MS + 1;

  it.each([
    [
      'awaitingAnswers',
      JUST_UNDER,
      'text: nonsense',
      askingAnswers(K, 'same', 1),
      ['reply:askAnswers(rootCause,deviceKind)'],
    ],
    [
      'awaitingAnswers',
      TRIAGE_EXPIRY_MS,
      'answers: work PC',
      idle({ greeted: true, last: 'verification same' }),
      VERIFY,
    ],
    ['awaitingKeyId', JUST_UNDER, 'text: Key ID', askingAnswers(TYPED, 'same'), ['reply:askAnswers']],
    ['confirmingKeyId', JUST_UNDER, 'confirm: yes', askingAnswers(K, 'same'), ['reply:askAnswers']],
    // Over the limit: say so, then handle the event as if the conversation had just begun.
    [
      'awaitingAnswers',
      JUST_OVER,
      'text: nonsense',
      idle({ greeted: true }),
      ['reply:expired', 'reply:welcome'],
    ],
    [
      'awaitingAnswers',
      25 * HOUR_MS,
      'text: Key ID',
      askingAnswers(TYPED, 'new'),
      ['reply:expired', 'reply:askAnswers'],
    ],
    [
      'awaitingAnswers',
      JUST_OVER,
      'answers: work PC',
      idle(),
      ['reply:expired', 'reply:staleCard', 'reply:welcome'],
    ],
    ['awaitingKeyId', 25 * HOUR_MS, 'greet', idle({ greeted: true }), ['reply:expired', 'reply:welcome']],
    ['awaitingKeyId', 25 * HOUR_MS, 'status', idle(), ['reply:expired', 'reply:status']],
    [
      'confirmingKeyId',
      JUST_OVER,
      'confirm: yes',
      idle(),
      ['reply:expired', 'reply:staleCard', 'reply:welcome'],
    ],
    [
      'confirmingKeyId',
      25 * HOUR_MS,
      'text: yes',
      idle({ greeted: true }),
      ['reply:expired', 'reply:welcome'],
    ],
    [
      'awaitingAnswers, 1 miss',
      25 * HOUR_MS,
      'talkToIt',
      idle({ greeted: true, last: 'case requesterAsked new' }),
      ['reply:expired', ...CASE_REQUESTED],
    ],
    // Idle has nothing half-finished to expire: no "welcome back", and the outcome stays for `status`.
    [
      'idle, after verification',
      25 * HOUR_MS,
      'greet',
      idle({ greeted: true, last: 'verification same' }),
      ['reply:welcome'],
    ],
    [
      'idle, greeted',
      25 * HOUR_MS,
      'text: nonsense',
      idle({ greeted: true, misses: 1 }),
      ['reply:notUnderstood'],
    ],
  ] as const satisfies readonly (readonly [StateName, number, EventName, Next, readonly string[]])[])(
    '%s, then %i ms later: %s',
    (stateName, silenceMs, eventName, next, effects) => {
      const from = STATES[stateName];
      const now = new Date(Date.parse(from.updatedAt) + silenceMs);

      const result = transition(from, EVENTS[eventName], now);

      expect(nextOf(from, result.state, now)).toEqual(next);
      expect(result.effects.map(effectTag)).toEqual(effects);
      expectInvariants(from, result, now);
    },
  );

  it('a Key ID typed 25 h into a request starts a new request with that Key ID', () => {
    const clock = aFixedClock();
    const old = awaitingAnswers({ keyId: K, at: clock.now() });
    const now = clock.advance(25 * HOUR_MS);

    const { state } = transition(old, aText(TYPED), now);

    expect(state).toEqual({
      step: 'awaitingAnswers',
      requestId: expect.not.stringMatching(A_REQUEST_ID),
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      misses: 0,
      keyId: TYPED,
    });
  });

  it.each([
    ['right after the hand-off', 5 * MINUTE_MS, 'same'],
    ['just under a day later', TRIAGE_EXPIRY_MS, 'same'],
    ['more than a day later', TRIAGE_EXPIRY_MS + 1, 'new'],
  ] as const)('"talk to IT" %s is about %s request', (_, silenceMs, relation) => {
    const clock = aFixedClock();
    const from = idleAfterVerification({ at: clock.now() });
    const now = clock.advance(silenceMs);

    const result = transition(from, aCommand('talkToIt'), now);

    // A later lockout must not be filed under last week's Key ID (or a case that may be closed by now).
    expect(sentOf(from, result.effects, now)).toEqual(relation === 'same' ? REMEMBERED : sent('new'));
  });
});

describe('transition: inputs not understood', () => {
  it.each([
    ['awaitingKeyId', 'reply:notAKeyId'],
    ['confirmingKeyId', 'reply:notAKeyId'],
    ['awaitingAnswers', 'reply:askAnswers(rootCause,deviceKind)'],
    ['idle, greeted', 'reply:notUnderstood'],
  ] as const satisfies readonly (readonly [StateName, string])[])(
    '%s: the second miss offers IT, and so does every one after it',
    (stateName, answer) => {
      const clock = aFixedClock(NOW);
      let state: TriageState = STATES[stateName];
      const seen: { misses: number; effects: string[] }[] = [];
      for (let turn = 0; turn < 4; turn += 1) {
        const result = transition(state, aText('blah'), clock.advance(MINUTE_MS));
        state = result.state;
        seen.push({ misses: state.misses, effects: result.effects.map(effectTag) });
      }
      expect(seen).toEqual([
        { misses: 1, effects: [answer] },
        { misses: 2, effects: [answer, 'reply:offerIt'] },
        { misses: 3, effects: [answer, 'reply:offerIt'] },
        { misses: 4, effects: [answer, 'reply:offerIt'] },
      ]);
    },
  );

  it('a first message that is not understood gets the welcome once, then the misses count', () => {
    const clock = aFixedClock(NOW);
    let state = initialTriageState(clock.now());
    const replies: string[][] = [];
    for (const text of ['blah', 'blah', 'blah']) {
      const result = transition(state, aText(text), clock.advance(MINUTE_MS));
      state = result.state;
      replies.push(result.effects.map(effectTag));
    }
    expect(replies).toEqual([
      ['reply:welcome'],
      ['reply:notUnderstood'],
      ['reply:notUnderstood', 'reply:offerIt'],
    ]);
  });

  it('help starts the count again', () => {
    const clock = aFixedClock(NOW);
    const afterHelp = transition(awaitingKeyId({ misses: 3 }), aCommand('help'), clock.advance(MINUTE_MS));
    const nextMiss = transition(afterHelp.state, aText('blah'), clock.advance(MINUTE_MS));
    expect(nextMiss.effects.map(effectTag)).toEqual(['reply:notAKeyId']);
    expect(nextMiss.state.misses).toBe(1);
  });
});

describe('transition: a pasted recovery password leaves no trace', () => {
  const SIX_DIGITS = /\d{6}/;
  const PASTED = [
    ['as shown', A_RECOVERY_PASSWORD],
    ['with spaces', A_RECOVERY_PASSWORD.replaceAll('-', ' ')],
    ['without separators', A_RECOVERY_PASSWORD.replaceAll('-', '')],
    ['inside a sentence', `is it ${A_RECOVERY_PASSWORD}? my key id is ${TYPED}`],
    ['with typographic dashes', A_RECOVERY_PASSWORD.replaceAll('-', '\u2013')],
  ] as const;
  const CASES = Object.keys(STATES).flatMap((state) =>
    PASTED.map(([how, text]) => [state as StateName, how, text] as const),
  );

  it.each(CASES)('%s, pasted %s', (stateName, _, text) => {
    const from = STATES[stateName];

    const result = transition(from, aText(text), NOW);

    expect(result.effects.map(effectTag)).toEqual(['reply:passwordPasted']);
    expect(result.state).toEqual({ ...from, updatedAt: NOW.toISOString() });
    expect(JSON.stringify(result.state)).not.toMatch(SIX_DIGITS);
    expect(JSON.stringify(result.effects)).not.toMatch(SIX_DIGITS);
  });

  it.each([
    ['alone', A_RECOVERY_PASSWORD],
    ['after E_FVE_', `E_FVE_${A_RECOVERY_PASSWORD}`],
    ['after e_fve, with spaces', `e_fve ${A_RECOVERY_PASSWORD.replaceAll('-', ' ')}`],
  ])('typed into the error code field %s, it is dropped', (_, errorCode) => {
    const result = transition(
      awaitingAnswers(),
      someAnswers({ rootCause: 'firmwareUpdate', deviceKind: 'workPc', errorCode }),
      NOW,
    );

    expect(sentOf(awaitingAnswers(), result.effects, NOW)?.errorCode).toBeUndefined();
    expect(containsRecoveryPasswordShape(JSON.stringify(result))).toBe(false);
  });
});

describe('transition: one request, one id', () => {
  it('keeps the id from the start of a request to its hand-off', () => {
    const clock = aFixedClock();
    const events: TriageEvent[] = [
      { type: 'greet' },
      { type: 'startRecovery' },
      aText('5E6F7A8O'),
      aText('yes'),
      aText('blah'),
      someAnswers({ rootCause: 'firmwareUpdate', deviceKind: 'workPc' }),
    ];
    let state = initialTriageState(clock.now());
    const ids: string[] = [];
    let handedOff: RecoveryRequest | undefined;
    for (const event of events) {
      const result = transition(state, event, clock.advance(MINUTE_MS));
      state = result.state;
      if (state.step !== 'idle') ids.push(state.requestId);
      handedOff ??= result.effects.find((effect) => effect.type === 'handOffToVerification')?.request;
    }
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(1);
    expect(handedOff).toMatchObject({
      id: ids[0],
      keyId: TYPED,
      startedAt: new Date(T0.getTime() + 2 * MINUTE_MS).toISOString(),
    });
  });

  it('"talk to IT" right after the verification hand-off escalates that request, Key ID and answers kept', () => {
    const clock = aFixedClock();
    const typed = transition(
      initialTriageState(clock.now()),
      aText(`my key id is ${TYPED}`),
      clock.advance(MINUTE_MS),
    );
    const answered = transition(
      typed.state,
      someAnswers({ rootCause: 'windowsUpdate', deviceKind: 'workPc', errorCode: 'E_FVE_PCR_MISMATCH' }),
      clock.advance(MINUTE_MS),
    );
    const handedOff = requestsIn(answered.effects)[0];

    const escalated = transition(answered.state, aCommand('talkToIt'), clock.advance(MINUTE_MS));

    expect(handedOff).toMatchObject({
      keyId: TYPED,
      errorCode: 'E_FVE_PCR_MISMATCH',
      reasonCode: 'WINDOWS_UPDATE',
    });
    expect(escalated.effects).toEqual([
      { type: 'requestCase', request: handedOff, reason: 'requesterAsked' },
      { type: 'reply', reply: { type: 'caseRequested', reason: 'requesterAsked', keyId: TYPED } },
    ]);
  });

  it.each([
    ['while the Key ID is asked for', awaitingKeyId()],
    ['while the answers are asked for', awaitingAnswers()],
    [
      'after a risk stop',
      idleAfterCase({
        request: aRequest({
          rootCause: 'outOfMyHands',
          reasonCode: 'RISK_DEVICE_OUT_OF_HANDS',
          riskStop: true,
        }),
        reason: 'riskStop',
      }),
    ],
  ])('"talk to IT" twice %s is one request, so the case store records one case', (_, from) => {
    const clock = aFixedClock();
    const first = transition(from, aCommand('talkToIt'), clock.advance(MINUTE_MS));
    const second = transition(first.state, aCommand('talkToIt'), clock.advance(MINUTE_MS));

    const [firstRequest] = requestsIn(first.effects);
    const [secondRequest] = requestsIn(second.effects);
    expect(firstRequest?.id).toBe(A_REQUEST_ID);
    expect(secondRequest).toEqual(firstRequest);
  });

  it('two requests in one conversation get different ids', () => {
    const clock = aFixedClock();
    const first = transition(initialTriageState(clock.now()), aText(K), clock.advance(MINUTE_MS));
    const second = transition(first.state, aCommand('restart'), clock.advance(MINUTE_MS));
    expect(requestOfState(second.state)?.id).not.toBe(requestOfState(first.state)?.id);
  });
});

describe('transition: any stream of events', () => {
  const PASSWORD_FORMS = [
    A_RECOVERY_PASSWORD,
    A_RECOVERY_PASSWORD.replaceAll('-', ' '),
    A_RECOVERY_PASSWORD.replaceAll('-', ''),
  ];
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(/^[0-9A-Fa-fOoIl{} -]{0,40}$/),
    fc.constantFrom(...Object.values(EVENTS).flatMap((event) => (event.type === 'text' ? [event.text] : []))),
    fc
      .tuple(fc.string(), fc.constantFrom(...PASSWORD_FORMS), fc.string())
      .map(([before, password, after]) => `${before}${password}${after}`),
  );
  const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
  const event: fc.Arbitrary<TriageEvent> = fc.oneof(
    fc.constant({ type: 'greet' } as const),
    fc.constant({ type: 'startRecovery' } as const),
    text.map(aText),
    fc.constantFrom(...COMMANDS).map(aCommand),
    fc.boolean().map((accepted) => ({ type: 'confirmKeyId', accepted }) as const),
    fc
      .record({
        rootCause: optional(fc.constantFrom(...ROOT_CAUSES)),
        deviceKind: optional(fc.constantFrom(...DEVICE_KINDS)),
        errorCode: optional(
          fc.oneof(
            fc.string(),
            fc.constant('E_FVE_PCR_MISMATCH'),
            text.map((t) => `E_FVE_${t}`),
          ),
        ),
      })
      .map((answers) => ({ type: 'answers', ...answers }) as const),
    fc
      .constantFrom(...GUIDES, 'whereIsKeyId' as const)
      .map((guide) => ({ type: 'showGuide', guide }) as const),
  );
  const turn = fc.record({
    event,
    silenceMs: fc.oneof(
      fc.integer({ min: 0, max: HOUR_MS }),
      fc.integer({ min: 0, max: 2 * TRIAGE_EXPIRY_MS }),
    ),
  });

  it('never throws, never keeps a recovery password, and every state survives JSON as it is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(STATES) as StateName[])),
        fc.array(turn, { maxLength: 30 }),
        (start, turns) => {
          const clock = aFixedClock();
          let state: TriageState = STATES[start];
          // A second run whose state goes through JSON after every turn, as it does in turn state.
          let stored: TriageState = JSON.parse(JSON.stringify(state));
          for (const { event, silenceMs } of turns) {
            const now = clock.advance(silenceMs);
            const result = transition(state, event, now);
            const fromStored = transition(stored, event, now);

            expect(JSON.stringify(fromStored)).toBe(JSON.stringify(result));
            expect(Number.isInteger(result.state.misses) && result.state.misses >= 0).toBe(true);
            expect(containsRecoveryPasswordShape(JSON.stringify(result))).toBe(false);
            expectInvariants(state, result, now);

            state = result.state;
            stored = JSON.parse(JSON.stringify(fromStored.state));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
