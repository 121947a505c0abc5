import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsRecoveryPasswordShape } from '../../src/recovery/recovery-password.js';
import {
  initialTriageState,
  MISSES_BEFORE_OFFERING_IT,
  pendingQuestion,
  TRIAGE_EXPIRY_MS,
  transition,
} from '../../src/recovery/triage.js';
import {
  COMMANDS,
  DEVICE_KINDS,
  ESCALATION_REASONS,
  GUIDES,
  INTENTS,
  type Intent,
  type RecoveryRequest,
  ROOT_CAUSES,
  SUGGESTIBLE_INTENTS,
  type Transition,
  type TriageEffect,
  type TriageEvent,
  type TriageState,
  type Utterance,
} from '../../src/recovery/triage-types.js';
import {
  A_KEY_ID,
  A_REQUEST_ID,
  aCommand,
  aFixedClock,
  aKeyIdReading,
  anIdleState,
  aRequest,
  awaitingAnswers,
  awaitingKeyId,
  confirmingKeyId,
  HOUR_MS,
  idleAfterCase,
  idleAfterRelease,
  idleAfterVerification,
  MINUTE_MS,
  said,
  someAnswers,
  T0,
} from '../support/triage-builders.js';

/** Every built state is from T0; the tests act a minute later, well inside the 24 h window. */
const NOW = new Date(T0.getTime() + MINUTE_MS);
const TYPED = '5E6F7A80';

/** `reply:<type>` (with the interesting detail), `checkSelfService`, `case(<reason>)`, … */
function tag(effect: TriageEffect): string {
  switch (effect.type) {
    case 'reply': {
      const { reply } = effect;
      switch (reply.type) {
        case 'guide':
          return `reply:guide(${reply.guide})`;
        case 'caseRequested':
          return `reply:caseRequested(${reply.reason}${reply.releasedAt ? ` at ${reply.releasedAt}` : ''})`;
        case 'didYouMean':
        case 'outOfScope':
          return `reply:${reply.type}(${reply.options.join(',')})`;
        case 'askAnswers':
          return `reply:askAnswers${reply.askDeviceKind ? '' : '(cause only)'}`;
        case 'askKeyId': {
          const noted = Object.values(reply.noted).join(',');
          return noted ? `reply:askKeyId(${noted})` : 'reply:askKeyId';
        }
        case 'keyIdTooShort':
          return `reply:keyIdTooShort(${reply.digits})`;
        case 'confirmKeyId':
          return `reply:confirmKeyId(${reply.keyId}${reply.corrections.length ? ` ${reply.corrections.join(',')}` : ''})`;
        case 'cancelled':
          return `reply:cancelled${reply.hadRequest ? '(hadRequest)' : ''}`;
        case 'glad':
          return `reply:glad${reply.keyWasShown ? '(shown)' : ''}`;
        case 'verify':
          return `reply:verify${reply.again ? '(again)' : ''}`;
        default:
          return `reply:${reply.type}`;
      }
    }
    case 'checkSelfService':
      return 'checkSelfService';
    case 'handOffToVerification':
      return 'handOff';
    case 'requestCase':
      return `case(${effect.reason})`;
    case 'keyWorked':
      return `keyWorked(${effect.requestId})`;
  }
}

function run(state: TriageState, event: TriageEvent, now = NOW): Transition & { tags: string[] } {
  const result = transition(state, event, now);
  return { ...result, tags: result.effects.map(tag) };
}

/** The request an effect hands on (to verification, to IT), if any. */
function handedOn(result: Transition): RecoveryRequest | undefined {
  for (const effect of result.effects) {
    if (
      effect.type === 'checkSelfService' ||
      effect.type === 'handOffToVerification' ||
      effect.type === 'requestCase'
    ) {
      return effect.request;
    }
  }
  return undefined;
}

const keyIdSaid = (prefix = TYPED, overrides: Partial<Utterance> = {}) =>
  said('answer', { keyId: aKeyIdReading(prefix), ...overrides });

describe('transition: what each intent does when nothing is pending', () => {
  const GREETED = anIdleState({ greeted: true });
  it.each<[Intent, string[], string]>([
    ['greeting', ['reply:greetAgain'], 'idle'],
    ['recoveryScreen', ['reply:askKeyId'], 'awaitingKeyId'],
    ['whereKeyId', ['reply:whereIsKeyId'], 'idle'],
    ['whyHappened', ['reply:guide(whyThisHappened)'], 'idle'],
    ['personalPc', ['reply:guide(personalAccount)'], 'idle'],
    ['secondHand', ['reply:guide(secondHand)'], 'idle'],
    ['ownCopy', ['reply:guide(ownCopy)'], 'idle'],
    ['noKeyAnywhere', ['reply:guide(noKeyAnywhere)'], 'idle'],
    ['keyDidNotWork', ['reply:guide(keyRejected)'], 'idle'],
    ['itWorked', ['reply:glad'], 'idle'],
    ['talkToIt', ['case(requesterAsked)', 'reply:caseRequested(requesterAsked)'], 'idle'],
    ['status', ['reply:status'], 'idle'],
    ['cancel', ['reply:cancelled'], 'idle'],
    ['restart', ['reply:askKeyId'], 'awaitingKeyId'],
    ['help', ['reply:help'], 'idle'],
    ['prevention', ['reply:guide(prevention)'], 'idle'],
    ['security', ['reply:guide(security)'], 'idle'],
    ['yes', ['reply:acknowledged'], 'idle'],
    ['no', ['reply:acknowledged'], 'idle'],
    ['answer', ['reply:didYouMean(recoveryScreen,whereKeyId)'], 'idle'],
    ['outOfScope', ['reply:outOfScope(recoveryScreen,whereKeyId)'], 'idle'],
  ])('%s → %j', (intent, tags, step) => {
    const result = run(GREETED, said(intent));
    expect(result.tags).toEqual(tags);
    expect(result.state.step).toBe(step);
  });

  it('covers every intent', () => {
    const covered = new Set<Intent>();
    for (const intent of INTENTS) if (run(GREETED, said(intent)).effects.length > 0) covered.add(intent);
    expect([...covered].sort()).toEqual([...INTENTS].sort());
  });

  it('the very first message, when not understood, gets the welcome (which says what the bot does)', () => {
    expect(run(anIdleState(), said('outOfScope', { sure: false })).tags).toEqual(['reply:welcome']);
    expect(run(anIdleState(), said('greeting')).tags).toEqual(['reply:welcome']);
  });

  it('installing the bot welcomes once; a later "hi" is a short line, not the card again', () => {
    const installed = run(anIdleState(), { type: 'greet' });
    expect(installed.tags).toEqual(['reply:welcome']);
    expect(run(installed.state, { type: 'greet' }).tags).toEqual([]);
    expect(run(installed.state, said('greeting')).tags).toEqual(['reply:greetAgain']);
  });
});

describe('transition: a question asked mid-flow is answered, then the pending question is asked again', () => {
  const STEPS = {
    awaitingKeyId: { state: awaitingKeyId(), question: 'reply:askKeyId' },
    confirmingKeyId: {
      state: confirmingKeyId({ candidate: A_KEY_ID }),
      question: `reply:confirmKeyId(${A_KEY_ID})`,
    },
    awaitingAnswers: { state: awaitingAnswers(), question: 'reply:askAnswers' },
  } as const;
  const ASIDES: readonly [Intent, string][] = [
    ['whyHappened', 'reply:guide(whyThisHappened)'],
    ['noKeyAnywhere', 'reply:guide(noKeyAnywhere)'],
    ['ownCopy', 'reply:guide(ownCopy)'],
    ['prevention', 'reply:guide(prevention)'],
    ['security', 'reply:guide(security)'],
    ['keyDidNotWork', 'reply:guide(keyRejected)'],
    ['help', 'reply:help'],
  ];
  const rows = Object.entries(STEPS).flatMap(([step, { state, question }]) =>
    ASIDES.map(([intent, answer]) => [step, intent, state, [answer, question]] as const),
  );
  it.each(rows)('%s + %s', (_step, intent, state, tags) => {
    const result = run(state, said(intent));
    expect(result.tags).toEqual(tags);
    expect(result.state.step).toBe(state.step);
    expect(result.state.step !== 'idle' && result.state.requestId).toBe(A_REQUEST_ID);
  });

  it('"where do I find it?" while the Key ID is awaited shows the help card, which has its own box', () => {
    expect(run(awaitingKeyId(), said('whereKeyId')).tags).toEqual(['reply:whereIsKeyId']);
    expect(run(awaitingAnswers(), said('whereKeyId')).tags).toEqual([
      'reply:whereIsKeyId',
      'reply:askAnswers',
    ]);
  });

  it.each([
    ['greeting', 'awaitingKeyId'],
    ['recoveryScreen', 'awaitingKeyId'],
    ['yes', 'awaitingAnswers'],
    ['itWorked', 'awaitingAnswers'],
  ] as const)('%s while %s repeats the question and loses nothing', (intent, step) => {
    const state = step === 'awaitingKeyId' ? awaitingKeyId() : awaitingAnswers();
    const result = run(state, said(intent));
    expect(result.state).toEqual({ ...state, updatedAt: NOW.toISOString() });
    expect(result.tags).toEqual([step === 'awaitingKeyId' ? 'reply:askKeyId' : 'reply:askAnswers']);
  });

  it('"talk to IT" / "just open a ticket" mid-flow hands IT the request as far as it got', () => {
    const result = run(awaitingAnswers({ noted: { deviceKind: 'workPc' } }), said('talkToIt'));
    expect(result.tags).toEqual(['case(requesterAsked)', 'reply:caseRequested(requesterAsked)']);
    expect(handedOn(result)).toMatchObject({ id: A_REQUEST_ID, keyId: A_KEY_ID, deviceKind: 'workPc' });
  });

  it('personal or second-hand PC mid-flow ends the request with its guide', () => {
    expect(run(awaitingKeyId(), said('personalPc')).tags).toEqual(['reply:guide(personalAccount)']);
    expect(run(awaitingAnswers(), said('secondHand', { deviceKind: 'secondHand' })).state).toMatchObject({
      step: 'idle',
      last: { kind: 'guided', guide: 'secondHand' },
    });
  });
});

describe('transition: the Key ID, from words or the box', () => {
  it.each([
    ['idle', anIdleState({ greeted: true }), 'new'],
    ['awaitingKeyId', awaitingKeyId(), 'same'],
    ['awaitingAnswers (a corrected Key ID)', awaitingAnswers(), 'same'],
  ] as const)('%s + a Key ID → what happened just before', (_name, state, request) => {
    const result = run(state, keyIdSaid());
    expect(result.tags).toEqual(['reply:askAnswers']);
    expect(result.state).toMatchObject({ step: 'awaitingAnswers', keyId: TYPED, misses: 0 });
    if (result.state.step === 'idle') throw new Error('unreachable');
    expect(result.state.requestId === A_REQUEST_ID).toBe(request === 'same');
  });

  it('a Key ID inside a question still counts ("is it 4290B6C0?" while waiting for it)', () => {
    expect(run(awaitingKeyId(), said('whereKeyId', { keyId: aKeyIdReading(TYPED) })).state.step).toBe(
      'awaitingAnswers',
    );
  });

  it('look-alikes are confirmed first, then yes moves on and no asks again', () => {
    const reading = aKeyIdReading(TYPED, [{ index: 7, typed: 'O', became: '0' }]);
    const asked = run(awaitingKeyId(), said('answer', { keyId: reading }));
    expect(asked.tags).toEqual([`reply:confirmKeyId(${TYPED} O → 0)`]);
    expect(pendingQuestion(asked.state)).toBe('confirmKeyId');
    expect(run(asked.state, said('yes')).state).toMatchObject({ step: 'awaitingAnswers', keyId: TYPED });
    expect(run(asked.state, { type: 'confirmKeyId', accepted: true }).state.step).toBe('awaitingAnswers');
    const no = run(asked.state, said('no'));
    expect(no.state.step).toBe('awaitingKeyId');
    expect(no.tags).toEqual(['reply:askKeyId']);
  });

  it.each([
    ['too short', { kind: 'tooShort', digits: 4 } as const, 'reply:keyIdTooShort(4)'],
    ['two Key IDs', { kind: 'ambiguous' } as const, 'reply:twoKeyIds'],
  ])('%s while waiting for it is a miss with the reason', (_name, keyId, reply) => {
    const result = run(awaitingKeyId(), said('answer', { keyId }));
    expect(result.tags).toEqual([reply]);
    expect(result.state.misses).toBe(1);
  });

  it('a short Key ID as the first message starts the request (it is an attempt at one)', () => {
    const result = run(anIdleState(), said('answer', { keyId: { kind: 'tooShort', digits: 6 } }));
    expect(result.state).toMatchObject({ step: 'awaitingKeyId', misses: 1 });
  });

  it('words that are no Key ID while waiting for one: "that does not look like a Key ID", twice, then IT', () => {
    const first = run(awaitingKeyId(), said('answer'));
    expect(first.tags).toEqual(['reply:notAKeyId']);
    const second = run(first.state, said('answer'));
    expect(second.tags).toEqual(['reply:notAKeyId', 'reply:offerIt']);
    expect(second.state.offer).toEqual(['talkToIt', 'restart']);
    expect(run(second.state, said('yes')).tags).toEqual([
      'case(requesterAsked)',
      'reply:caseRequested(requesterAsked)',
    ]);
  });

  it('a Key ID with "talk to IT" opens the case with that Key ID', () => {
    const result = run(anIdleState({ greeted: true }), said('talkToIt', { keyId: aKeyIdReading(TYPED) }));
    expect(handedOn(result)).toMatchObject({ keyId: TYPED });
  });
});

describe('transition: answers in taps or words', () => {
  it.each(ROOT_CAUSES.filter((cause) => cause !== 'outOfMyHands'))(
    'a tap on %s completes the request',
    (cause) => {
      const result = run(awaitingAnswers(), someAnswers({ rootCause: cause }));
      expect(result.tags).toEqual(['checkSelfService']);
      expect(handedOn(result)).toMatchObject({
        id: A_REQUEST_ID,
        keyId: A_KEY_ID,
        rootCause: cause,
        riskStop: false,
      });
      expect(result.state).toMatchObject({ step: 'idle', last: { kind: 'verification' } });
    },
  );

  it('out of my hands, lost or stolen is a risk stop, in taps or in words', () => {
    for (const event of [
      someAnswers({ rootCause: 'outOfMyHands' }),
      said('answer', { rootCause: 'outOfMyHands' }),
    ]) {
      const result = run(awaitingAnswers(), event);
      expect(result.tags).toEqual(['case(riskStop)', 'reply:riskStop']);
      expect(handedOn(result)).toMatchObject({ riskStop: true, reasonCode: 'RISK_DEVICE_OUT_OF_HANDS' });
    }
  });

  it.each([
    ['personalPc', 'reply:guide(personalAccount)'],
    ['secondHand', 'reply:guide(secondHand)'],
    ['oldDomainPc', 'case(onPremisesDevice)'],
  ] as const)('"not a work PC" → %s', (kind, first) => {
    const tapped = run(awaitingAnswers(), someAnswers({ deviceKind: kind }));
    if (kind === 'oldDomainPc') {
      // An older domain PC still needs what happened, for IT; the card asks it without the PC question.
      expect(tapped.tags).toEqual(['reply:askAnswers(cause only)']);
      expect(run(tapped.state, someAnswers({ rootCause: 'wrongPin' })).tags[0]).toBe(first);
    } else expect(tapped.tags).toEqual([first]);
  });

  it('"after the bios update" answers the pending question; "it\'s my work laptop" is noted and the cause asked', () => {
    const cause = run(awaitingAnswers(), said('answer', { rootCause: 'firmwareUpdate' }));
    expect(cause.tags).toEqual(['checkSelfService']);
    const kind = run(awaitingAnswers(), said('answer', { deviceKind: 'workPc' }));
    expect(kind.tags).toEqual(['reply:askAnswers(cause only)']);
    expect(run(kind.state, someAnswers({ rootCause: 'windowsUpdate' })).effects).toContainEqual(
      expect.objectContaining({
        type: 'checkSelfService',
        request: expect.objectContaining({ deviceKind: 'workPc' }),
      }),
    );
  });

  it('an unsure message that carries the answer still answers (the words count)', () => {
    expect(
      run(awaitingAnswers(), said('outOfScope', { sure: false, rootCause: 'dockOrPeripheral' })).tags,
    ).toEqual(['checkSelfService']);
  });

  it('a question that mentions a cause is answered, not taken as the answer', () => {
    const result = run(awaitingAnswers(), said('whyHappened', { rootCause: 'firmwareUpdate' }));
    expect(result.tags).toEqual(['reply:guide(whyThisHappened)', 'reply:askAnswers']);
  });

  it('answers given before the Key ID wait for it; the Key ID then goes straight to the check', () => {
    const first = run(
      anIdleState({ greeted: true }),
      said('recoveryScreen', { rootCause: 'firmwareUpdate', deviceKind: 'workPc' }),
    );
    expect(first.tags).toEqual(['reply:askKeyId(firmwareUpdate,workPc)']);
    const second = run(first.state, keyIdSaid());
    expect(second.tags).toEqual(['checkSelfService']);
    expect(handedOn(second)).toMatchObject({
      keyId: TYPED,
      rootCause: 'firmwareUpdate',
      deviceKind: 'workPc',
    });
  });

  it('one sentence with everything ("my work laptop wants the key after a BIOS update, key id …") is complete', () => {
    const result = run(
      anIdleState(),
      said('recoveryScreen', {
        keyId: aKeyIdReading(TYPED),
        rootCause: 'firmwareUpdate',
        deviceKind: 'workPc',
        errorCode: 'E_FVE_BAD_CODE_ID',
      }),
    );
    expect(result.tags).toEqual(['checkSelfService']);
    expect(handedOn(result)).toMatchObject({
      keyId: TYPED,
      rootCause: 'firmwareUpdate',
      reasonCode: 'FIRMWARE_UPDATE',
      deviceKind: 'workPc',
      errorCode: 'E_FVE_BAD_CODE_ID',
    });
  });

  it('answer taps on an old card (no question pending) say so and go on where the person is', () => {
    expect(run(awaitingKeyId(), someAnswers({ rootCause: 'windowsUpdate' })).tags).toEqual([
      'reply:staleCard',
      'reply:askKeyId',
    ]);
    expect(run(anIdleState({ greeted: true }), someAnswers({ rootCause: 'windowsUpdate' })).tags).toEqual([
      'reply:staleCard',
      'reply:greetAgain',
    ]);
  });

  it('a second tap on the answers card that completed the request brings the sign-in back', () => {
    const first = run(awaitingAnswers(), someAnswers({ rootCause: 'windowsUpdate' }));
    expect(first.tags).toEqual(['checkSelfService']);
    const second = run(first.state, someAnswers({ rootCause: 'windowsUpdate' }));
    expect(second.tags).toEqual(['reply:verify(again)', 'handOff']);
  });
});

describe('transition: the self-service check before the sign-in', () => {
  const request = aRequest();
  const waiting = idleAfterVerification({ request });
  it('allowed (or unknown) → the verify card and the hand-off', () => {
    for (const allowed of [true, undefined]) {
      expect(run(waiting, { type: 'selfServiceChecked', requestId: request.id, allowed }).tags).toEqual([
        'reply:verify',
        'handOff',
      ]);
    }
  });

  it('not allowed → straight to IT with the honest reason, before any sign-in', () => {
    const result = run(waiting, { type: 'selfServiceChecked', requestId: request.id, allowed: false });
    expect(result.tags).toEqual([
      'case(notInSelfServiceGroup)',
      'reply:caseRequested(notInSelfServiceGroup)',
    ]);
    expect(handedOn(result)?.id).toBe(request.id);
  });

  it('an answer for another request changes nothing', () => {
    const result = run(waiting, { type: 'selfServiceChecked', requestId: 'R-OTHER', allowed: false });
    expect(result).toEqual({ state: waiting, effects: [], tags: [] });
  });

  it('"hi", "ok", "still locked" before signing in: the sign-in again, with a fresh link, for the same request', () => {
    for (const intent of ['greeting', 'yes', 'no', 'recoveryScreen'] as const) {
      const result = run(waiting, said(intent));
      expect(result.tags, intent).toEqual(['reply:verify(again)', 'handOff']);
      expect(handedOn(result)?.id).toBe(request.id);
      expect(result.state.step).toBe('idle');
    }
  });

  it('a new Key ID before signing in starts a new request instead', () => {
    const result = run(waiting, keyIdSaid('1234ABCD'));
    expect(result.tags).toEqual(['reply:askAnswers']);
  });
});

describe('transition: after the key was shown', () => {
  it('"it worked" / "thanks" hides the key now and says tips once', () => {
    const result = run(idleAfterRelease(), said('itWorked'));
    expect(result.tags).toEqual([`keyWorked(${A_REQUEST_ID})`, 'reply:glad(shown)']);
  });

  it('"the key you gave me doesn\'t work" → what to check, and IT takes over', () => {
    const result = run(idleAfterRelease(), said('keyDidNotWork'));
    expect(result.tags).toEqual([
      'reply:guide(keyRejected)',
      'case(keyDidNotWork)',
      'reply:caseRequested(keyDidNotWork)',
    ]);
    expect(handedOn(result)?.id).toBe(A_REQUEST_ID);
  });

  it("the verified owner hears when their PC's key was already shown", () => {
    const at = '2025-03-04T08:42:00.000Z';
    const result = run(idleAfterVerification(), {
      type: 'escalate',
      reason: 'repeatRecovery',
      releasedAt: at,
    });
    expect(result.tags).toEqual(['case(repeatRecovery)', `reply:caseRequested(repeatRecovery at ${at})`]);
  });

  it('"report it" on the security advice tells IT, whatever step the person was at', () => {
    for (const state of [anIdleState({ greeted: true }), awaitingKeyId(), awaitingAnswers()]) {
      expect(run(state, { type: 'reportSuspiciousContact' }).tags).toEqual([
        'case(suspiciousContact)',
        'reply:caseRequested(suspiciousContact)',
      ]);
    }
  });
});

describe('transition: unsure is never a dead end', () => {
  const unsure = said('outOfScope', {
    sure: false,
    alternatives: ['whereKeyId', 'noKeyAnywhere', 'talkToIt'],
  });

  it('offers the closest intents as buttons (Talk to IT is on every such card) and remembers the offer', () => {
    const result = run(anIdleState({ greeted: true }), unsure);
    expect(result.tags).toEqual(['reply:didYouMean(whereKeyId,noKeyAnywhere)']);
    expect(result.state).toMatchObject({ misses: 1, offer: ['whereKeyId', 'noKeyAnywhere'] });
  });

  it('a typed "yes" takes the first offer; anything else drops the offer', () => {
    const offered = run(anIdleState({ greeted: true }), unsure).state;
    expect(run(offered, said('yes')).tags).toEqual(['reply:whereIsKeyId']);
    expect(run(offered, said('help')).state.offer).toBeUndefined();
  });

  it(`the ${MISSES_BEFORE_OFFERING_IT}nd miss in a row offers a person instead of guessing again`, () => {
    const first = run(awaitingKeyId(), unsure);
    const second = run(first.state, unsure);
    expect(second.tags).toEqual(['reply:offerIt']);
    expect(second.state.step).toBe('awaitingKeyId');
  });

  it('out of scope gets the scope statement and the same kind of offer, every time, not "I am not getting this"', () => {
    const outOfScope = said('outOfScope', { alternatives: ['help'] });
    const first = run(anIdleState({ greeted: true }), outOfScope);
    expect(first.tags).toEqual(['reply:outOfScope(help)']);
    expect(first.state.offer).toEqual(['help']);
    expect(run(first.state, outOfScope).tags).toEqual(['reply:outOfScope(help)']);
  });

  it('out of scope mid-flow: the scope statement, then the pending question again', () => {
    const result = run(awaitingKeyId(), said('outOfScope'));
    expect(result.tags).toEqual(['reply:outOfScope(recoveryScreen,whereKeyId)', 'reply:askKeyId']);
    expect(result.state.step).toBe('awaitingKeyId');
  });

  it('a chosen "Did you mean" button acts on its intent, at any step', () => {
    expect(run(awaitingAnswers(), { type: 'chose', intent: 'whyHappened' }).tags).toEqual([
      'reply:guide(whyThisHappened)',
      'reply:askAnswers',
    ]);
    for (const intent of SUGGESTIBLE_INTENTS) {
      expect(run(awaitingKeyId(), { type: 'chose', intent }).effects.length).toBeGreaterThan(0);
    }
  });
});

describe('transition: commands, cancel and restart', () => {
  it('cancel mid-flow ends the request; status says where things stand', () => {
    expect(run(awaitingAnswers(), aCommand('cancel')).tags).toEqual(['reply:cancelled(hadRequest)']);
    expect(run(awaitingAnswers(), said('status')).tags).toEqual(['reply:status']);
  });

  it('restart starts a new request with a new id', () => {
    const result = run(awaitingAnswers(), said('restart'));
    expect(result.state).toMatchObject({ step: 'awaitingKeyId' });
    expect(result.state.step !== 'idle' && result.state.requestId).not.toBe(A_REQUEST_ID);
  });

  it('"talk to IT" right after the hand-off is about that same request; after a day, a new one', () => {
    const request = aRequest({ rootCause: 'windowsUpdate' });
    const soon = run(idleAfterVerification({ request }), aCommand('talkToIt'));
    expect(handedOn(soon)).toEqual(request);
    const later = run(
      idleAfterCase({ request }),
      aCommand('talkToIt'),
      new Date(T0.getTime() + TRIAGE_EXPIRY_MS + MINUTE_MS),
    );
    expect(handedOn(later)?.id).not.toBe(request.id);
  });
});

describe('transition: 24 hours of silence and a typed recovery password', () => {
  it('a half-finished request expires: the person hears it and starts fresh with what they typed', () => {
    const result = run(awaitingAnswers(), keyIdSaid(), new Date(T0.getTime() + TRIAGE_EXPIRY_MS + HOUR_MS));
    expect(result.tags).toEqual(['reply:expired', 'reply:askAnswers']);
    expect(result.state.step !== 'idle' && result.state.requestId).not.toBe(A_REQUEST_ID);
  });

  it('a typed recovery password is warned about and leaves no trace, at every step', () => {
    for (const state of [
      anIdleState(),
      awaitingKeyId(),
      confirmingKeyId(),
      awaitingAnswers(),
      idleAfterRelease(),
    ]) {
      const result = run(state, { type: 'recoveryPasswordTyped' });
      expect(result.tags).toEqual(['reply:passwordPasted']);
      expect({ ...result.state, updatedAt: state.updatedAt }).toEqual(state);
    }
  });
});

describe('pendingQuestion', () => {
  it.each([
    [anIdleState(), undefined],
    [awaitingKeyId(), 'keyId'],
    [confirmingKeyId(), 'confirmKeyId'],
    [awaitingAnswers(), 'rootCause'],
  ] as const)('%j → %s', (state, pending) => {
    expect(pendingQuestion(state)).toBe(pending);
  });
});

describe('transition: any stream of events', () => {
  const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
  const utterance: fc.Arbitrary<Utterance> = fc.record({
    intent: fc.constantFrom(...INTENTS),
    sure: fc.boolean(),
    alternatives: fc.subarray([...SUGGESTIBLE_INTENTS], { maxLength: 4 }),
    keyId: fc.oneof(
      fc.constant({ kind: 'none' } as const),
      fc.constant({ kind: 'ambiguous' } as const),
      fc.integer({ min: 1, max: 7 }).map((digits) => ({ kind: 'tooShort', digits }) as const),
      fc.stringMatching(/^[0-9A-F]{8,32}$/).map((prefix) => aKeyIdReading(prefix)),
    ),
    rootCause: optional(fc.constantFrom(...ROOT_CAUSES)),
    deviceKind: optional(fc.constantFrom(...DEVICE_KINDS)),
    errorCode: optional(fc.constantFrom('E_FVE_PCR_MISMATCH', 'E_FVE_DEVICE_LOCKEDOUT')),
  });
  const event: fc.Arbitrary<TriageEvent> = fc.oneof(
    fc.constant({ type: 'greet' } as const),
    utterance.map((value) => ({ type: 'said', utterance: value }) as const),
    fc.constant({ type: 'recoveryPasswordTyped' } as const),
    fc.constantFrom(...SUGGESTIBLE_INTENTS).map((intent) => ({ type: 'chose', intent }) as const),
    fc.constantFrom(...COMMANDS).map(aCommand),
    fc.boolean().map((accepted) => ({ type: 'confirmKeyId', accepted }) as const),
    fc
      .record({
        rootCause: optional(fc.constantFrom(...ROOT_CAUSES)),
        deviceKind: optional(fc.constantFrom(...DEVICE_KINDS)),
        errorCode: fc.constant(undefined),
      })
      .map((answers) => ({ type: 'answers', ...answers }) as const),
    fc
      .constantFrom(...GUIDES, 'whereIsKeyId' as const)
      .map((guide) => ({ type: 'showGuide', guide }) as const),
    fc.constant({ type: 'reportSuspiciousContact' } as const),
    fc
      .option(fc.boolean(), { nil: undefined })
      .map((allowed) => ({ type: 'selfServiceChecked', requestId: A_REQUEST_ID, allowed }) as const),
    fc.constantFrom(...ESCALATION_REASONS).map((reason) => ({ type: 'escalate', reason }) as const),
    fc.constant({ type: 'missLimitReached' } as const),
  );
  const turn = fc.record({
    event,
    silenceMs: fc.oneof(
      fc.integer({ min: 0, max: HOUR_MS }),
      fc.integer({ min: 0, max: 2 * TRIAGE_EXPIRY_MS }),
    ),
  });
  const starts = [
    anIdleState(),
    anIdleState({ greeted: true }),
    idleAfterVerification(),
    idleAfterRelease(),
    awaitingKeyId(),
    confirmingKeyId(),
    awaitingAnswers(),
  ];

  it('never throws, always says or does something on a typed message, and every state survives JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(turn, { maxLength: 30 }), (start, turns) => {
        const clock = aFixedClock();
        let state: TriageState = start;
        let stored: TriageState = JSON.parse(JSON.stringify(state));
        for (const { event: next, silenceMs } of turns) {
          const now = clock.advance(silenceMs);
          const result = transition(state, next, now);
          expect(JSON.stringify(transition(stored, next, now))).toBe(JSON.stringify(result));
          expect(result.state.misses).toBeGreaterThanOrEqual(0);
          expect(containsRecoveryPasswordShape(JSON.stringify(result))).toBe(false);
          // A typed message is always answered: no silence, no dead end.
          if (next.type === 'said')
            expect(result.effects.some((effect) => effect.type !== 'keyWorked')).toBe(true);
          // Nothing is handed to verification without the check first, and never a risk stop.
          for (const effect of result.effects) {
            if (effect.type === 'handOffToVerification') expect(effect.request.riskStop).toBe(false);
          }
          state = result.state;
          stored = JSON.parse(JSON.stringify(result.state));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('starts from the initial state', () => {
    expect(initialTriageState(T0)).toEqual({ step: 'idle', updatedAt: T0.toISOString(), misses: 0 });
  });
});
