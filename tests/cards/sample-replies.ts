import {
  ESCALATION_REASONS,
  GUIDES,
  type RecoveryRequest,
  type Reply,
  type TriageState,
} from '../../src/recovery/triage-types.js';

const AT = '2025-03-04T09:15:00.000Z';

/** A request as the triage machine hands it to verification; override what a test is about. */
export function aRequest(overrides: Partial<RecoveryRequest> = {}): RecoveryRequest {
  return {
    id: 'R-M7UX3K2O',
    keyId: '4290B6C0',
    rootCause: 'firmwareUpdate',
    reasonCode: 'FIRMWARE_UPDATE',
    errorCode: undefined,
    deviceKind: 'workPc',
    riskStop: false,
    startedAt: AT,
    ...overrides,
  };
}

/** One state per step, and every way an idle conversation can remember its last request. */
export const SAMPLE_STATES: readonly TriageState[] = [
  { step: 'idle', updatedAt: AT, misses: 0 },
  { step: 'idle', updatedAt: AT, misses: 0, last: { kind: 'verification', request: aRequest() } },
  {
    step: 'idle',
    updatedAt: AT,
    misses: 0,
    last: { kind: 'case', request: aRequest({ keyId: undefined }), reason: 'requesterAsked' },
  },
  { step: 'idle', updatedAt: AT, misses: 0, last: { kind: 'guided', guide: 'secondHand' } },
  { step: 'idle', updatedAt: AT, misses: 0, last: { kind: 'cancelled' } },
  { step: 'awaitingKeyId', requestId: 'R-1', startedAt: AT, updatedAt: AT, misses: 1 },
  {
    step: 'awaitingKeyId',
    requestId: 'R-1',
    startedAt: AT,
    updatedAt: AT,
    misses: 0,
    noted: { rootCause: 'firmwareUpdate', deviceKind: 'workPc' },
  },
  {
    step: 'confirmingKeyId',
    requestId: 'R-1',
    startedAt: AT,
    updatedAt: AT,
    misses: 0,
    candidate: '4290B6C0',
  },
  {
    step: 'awaitingAnswers',
    requestId: 'R-1',
    startedAt: AT,
    updatedAt: AT,
    misses: 0,
    keyId: '4290B6C01A2B3C4D5E6F708192A3B4C5',
  },
];

type RepliesByType = { readonly [type in Reply['type']]: readonly Extract<Reply, { type: type }>[] };

/** At least one of every `Reply` variant; a new variant fails to compile here until it has samples. */
export const SAMPLE_REPLIES: RepliesByType = {
  welcome: [{ type: 'welcome' }],
  greetAgain: [{ type: 'greetAgain' }],
  acknowledged: [{ type: 'acknowledged' }],
  help: [{ type: 'help' }],
  askKeyId: [
    { type: 'askKeyId', noted: {} },
    {
      type: 'askKeyId',
      noted: { rootCause: 'wrongPin', deviceKind: 'workPc', errorCode: 'E_FVE_DEVICE_LOCKEDOUT' },
    },
  ],
  whereIsKeyId: [{ type: 'whereIsKeyId' }],
  keyIdTooShort: [
    { type: 'keyIdTooShort', digits: 1 },
    { type: 'keyIdTooShort', digits: 6 },
  ],
  notAKeyId: [{ type: 'notAKeyId' }],
  twoKeyIds: [{ type: 'twoKeyIds' }],
  passwordPasted: [{ type: 'passwordPasted' }],
  confirmKeyId: [
    { type: 'confirmKeyId', keyId: '4290B6C0', corrections: ['O → 0'] },
    { type: 'confirmKeyId', keyId: '4290B6C01A2B', corrections: ['O → 0', 'o → 0'] },
    { type: 'confirmKeyId', keyId: '4290B6C0', corrections: [] },
  ],
  askAnswers: [
    { type: 'askAnswers', keyId: '4290B6C0', askDeviceKind: true },
    { type: 'askAnswers', keyId: '4290B6C01A2B3C4D5E6F708192A3B4C5', askDeviceKind: false },
  ],
  verify: [
    { type: 'verify', request: aRequest() },
    {
      type: 'verify',
      request: aRequest({
        errorCode: 'E_FVE_DEVICE_LOCKEDOUT',
        rootCause: 'wrongPin',
        deviceKind: 'notSure',
      }),
    },
    { type: 'verify', request: aRequest(), again: true },
  ],
  guide: GUIDES.map((guide) => ({ type: 'guide', guide })),
  riskStop: [{ type: 'riskStop' }],
  caseRequested: [
    ...ESCALATION_REASONS.map((reason) => ({ type: 'caseRequested', reason, keyId: '4290B6C0' }) as const),
    { type: 'caseRequested', reason: 'requesterAsked', keyId: undefined },
    {
      type: 'caseRequested',
      reason: 'alreadyReleased',
      keyId: '4290B6C0',
      releasedAt: '2025-03-04T08:42:10.123Z',
    },
  ],
  offerIt: [{ type: 'offerIt' }],
  cancelled: [
    { type: 'cancelled', hadRequest: true },
    { type: 'cancelled', hadRequest: false },
  ],
  status: SAMPLE_STATES.map((state) => ({ type: 'status', state })),
  expired: [{ type: 'expired' }],
  missLimit: [{ type: 'missLimit' }],
  staleCard: [{ type: 'staleCard' }],
  didYouMean: [
    { type: 'didYouMean', options: ['whereKeyId', 'noKeyAnywhere', 'ownCopy'] },
    { type: 'didYouMean', options: [] },
  ],
  outOfScope: [{ type: 'outOfScope', options: ['recoveryScreen', 'whereKeyId'] }],
  glad: [
    { type: 'glad', keyWasShown: true },
    { type: 'glad', keyWasShown: false },
  ],
};

/** Every sample, flattened, with a readable name for `it.each`. */
export function allSampleReplies(): readonly { readonly name: string; readonly reply: Reply }[] {
  return Object.values(SAMPLE_REPLIES).flatMap((replies: readonly Reply[]) =>
    replies.map((reply, index) => ({ name: `${reply.type} #${index + 1}`, reply })),
  );
}

/** Key IDs and codes the samples carry: data the cards may show besides catalogue words. */
export const SAMPLE_DATA: readonly string[] = [
  '4290B6C0-1A2B-3C4D-5E6F-708192A3B4C5',
  '4290B6C0-1A2B',
  '4290B6C0',
  'E_FVE_DEVICE_LOCKEDOUT',
];
