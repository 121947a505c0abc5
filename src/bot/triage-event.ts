import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { CARD_INPUTS, CARD_VERBS, type CardVerb } from '../cards/adaptive-card.js';
import {
  DEVICE_KINDS,
  ROOT_CAUSES,
  SUGGESTIBLE_INTENTS,
  type TriageEvent,
} from '../recovery/triage-types.js';
import { errorCodeIn } from '../understanding/answer-finder.js';

/** Longest text worth reading from a card's box; a Key ID with dashes and braces is 38 characters. */
const MAX_BOX_TEXT = 200;

/** Card submits (`Action.Submit` data merged with the card's inputs), by verb. Unknown shapes are ignored. */
const submitSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(CARD_VERBS.startRecovery) }),
  z.object({ verb: z.literal(CARD_VERBS.whereKeyId) }),
  z.object({ verb: z.literal(CARD_VERBS.talkToIt) }),
  z.object({ verb: z.literal(CARD_VERBS.help) }),
  z.object({ verb: z.literal(CARD_VERBS.restart) }),
  z.object({
    verb: z.literal(CARD_VERBS.submitKeyId),
    [CARD_INPUTS.keyId]: z.string().max(MAX_BOX_TEXT).optional(),
  }),
  z.object({ verb: z.literal(CARD_VERBS.confirmKeyIdYes) }),
  z.object({ verb: z.literal(CARD_VERBS.confirmKeyIdNo) }),
  z.object({
    verb: z.literal(CARD_VERBS.answers),
    [CARD_INPUTS.rootCause]: z.enum(ROOT_CAUSES).optional().catch(undefined),
    [CARD_INPUTS.deviceKind]: z.enum(DEVICE_KINDS).optional().catch(undefined),
    // Cards sent before answers became one tap each had a box for the error code.
    [CARD_INPUTS.errorCode]: z.string().max(MAX_BOX_TEXT).optional().catch(undefined),
  }),
  z.object({ verb: z.literal(CARD_VERBS.guideWhyThisHappened) }),
  z.object({ verb: z.literal(CARD_VERBS.guideNoKeyAnywhere) }),
  z.object({ verb: z.literal(CARD_VERBS.chose), intent: z.enum(SUGGESTIBLE_INTENTS) }),
  z.object({ verb: z.literal(CARD_VERBS.reportSuspiciousContact) }),
]);

type Submit = z.infer<typeof submitSchema>;

/** Buttons on a release card; they act on that release, not on the triage. */
export type ReleaseAction = { readonly kind: 'keyWorked' | 'keyDidNotWork'; readonly requestId: string };

const releaseActionSchema = z.object({
  verb: z.enum([CARD_VERBS.keyWorked, CARD_VERBS.keyDidNotWork]),
  requestId: z.string().min(1).max(100),
});

/**
 * What a 1:1 message is, before any understanding: words to read (typed, or typed into a card's box), a
 * button press that already is a triage event, or a submit the bot cannot read.
 */
export type IncomingMessage =
  | { readonly kind: 'words'; readonly text: string }
  | { readonly kind: 'event'; readonly event: TriageEvent }
  | { readonly kind: 'unreadable' };

/** A release-card button press, or `undefined` for anything else. */
export function toReleaseAction(activity: Pick<Activity, 'text' | 'value'>): ReleaseAction | undefined {
  if (activity.value === undefined || textOf(activity) !== '') return undefined;
  const parsed = releaseActionSchema.safeParse(activity.value);
  return parsed.success ? { kind: parsed.data.verb, requestId: parsed.data.requestId } : undefined;
}

/** Sorts a message into words, a button's event, or unreadable. Never throws, whatever the activity holds. */
export function readMessage(activity: Pick<Activity, 'text' | 'value'>): IncomingMessage {
  const text = textOf(activity);
  if (activity.value === undefined || text !== '') return { kind: 'words', text };
  const parsed = submitSchema.safeParse(activity.value);
  return parsed.success ? fromSubmit(parsed.data) : { kind: 'unreadable' };
}

/** The typed text; anything that is not a string (a malformed activity) reads as no text at all. */
function textOf(activity: Pick<Activity, 'text'>): string {
  return typeof activity.text === 'string' ? activity.text.trim() : '';
}

function fromSubmit(submit: Submit): IncomingMessage {
  const verb: CardVerb = submit.verb;
  const event = (value: TriageEvent): IncomingMessage => ({ kind: 'event', event: value });
  switch (submit.verb) {
    case CARD_VERBS.startRecovery:
      return event({ type: 'chose', intent: 'recoveryScreen' });
    case CARD_VERBS.whereKeyId:
      return event({ type: 'showGuide', guide: 'whereIsKeyId' });
    case CARD_VERBS.talkToIt:
      return event({ type: 'command', command: 'talkToIt' });
    case CARD_VERBS.help:
      return event({ type: 'command', command: 'help' });
    case CARD_VERBS.restart:
      return event({ type: 'command', command: 'restart' });
    case CARD_VERBS.submitKeyId:
      return { kind: 'words', text: submit.keyId?.trim() ?? '' };
    case CARD_VERBS.confirmKeyIdYes:
      return event({ type: 'confirmKeyId', accepted: true });
    case CARD_VERBS.confirmKeyIdNo:
      return event({ type: 'confirmKeyId', accepted: false });
    case CARD_VERBS.answers:
      return event({
        type: 'answers',
        rootCause: submit.rootCause,
        deviceKind: submit.deviceKind,
        errorCode: submit.errorCode === undefined ? undefined : errorCodeIn(submit.errorCode),
      });
    case CARD_VERBS.guideWhyThisHappened:
      return event({ type: 'showGuide', guide: 'whyThisHappened' });
    case CARD_VERBS.guideNoKeyAnywhere:
      return event({ type: 'showGuide', guide: 'noKeyAnywhere' });
    case CARD_VERBS.chose:
      return event({ type: 'chose', intent: submit.intent });
    case CARD_VERBS.reportSuspiciousContact:
      return event({ type: 'reportSuspiciousContact' });
    default:
      return assertNever(submit, verb);
  }
}

function assertNever(_submit: never, verb: CardVerb): never {
  throw new Error(`unhandled card verb ${verb}`);
}
