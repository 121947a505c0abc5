import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { CARD_INPUTS, CARD_VERBS, type CardVerb } from '../cards/adaptive-card.js';
import { type Command, DEVICE_KINDS, ROOT_CAUSES, type TriageEvent } from '../recovery/triage-types.js';

/**
 * Typed commands that work at any point, matched against the whole message (after the @mention is removed).
 * Order matters: the first match wins. Everything else is text for the triage machine.
 */
const TEXT_COMMANDS: readonly { readonly pattern: RegExp; readonly event: TriageEvent }[] = [
  { pattern: /^(help|\?|what can you do\??|menu)$/i, event: command('help') },
  { pattern: /^(restart|start over|start again|reset|new request)$/i, event: command('restart') },
  { pattern: /^(cancel|stop|never ?mind|quit|exit)$/i, event: command('cancel') },
  { pattern: /^(status|my (case|request)|where is my (case|request)\??)$/i, event: command('status') },
  {
    pattern:
      /^(talk to (it|the it|a person|a human|someone|the helpdesk|helpdesk|support)|contact it|human|helpdesk)$/i,
    event: command('talkToIt'),
  },
  { pattern: /^(hi|hello|hey|hiya|yo|start|good (morning|afternoon|evening))$/i, event: { type: 'greet' } },
  {
    pattern:
      /^(my pc shows a bitlocker recovery screen|bitlocker( recovery)?|i('m| am) locked out|locked out)$/i,
    event: { type: 'startRecovery' },
  },
];

const optionalText = z
  .string()
  .max(200)
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** Card submits (`Action.Submit` data merged with the card's inputs), by verb. Unknown shapes are ignored. */
const submitSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(CARD_VERBS.startRecovery) }),
  z.object({ verb: z.literal(CARD_VERBS.whereKeyId) }),
  z.object({ verb: z.literal(CARD_VERBS.talkToIt) }),
  z.object({ verb: z.literal(CARD_VERBS.help) }),
  z.object({ verb: z.literal(CARD_VERBS.restart) }),
  z.object({ verb: z.literal(CARD_VERBS.submitKeyId), [CARD_INPUTS.keyId]: optionalText }),
  z.object({ verb: z.literal(CARD_VERBS.confirmKeyIdYes) }),
  z.object({ verb: z.literal(CARD_VERBS.confirmKeyIdNo) }),
  z.object({
    verb: z.literal(CARD_VERBS.answers),
    [CARD_INPUTS.rootCause]: z.enum(ROOT_CAUSES).optional().catch(undefined),
    [CARD_INPUTS.deviceKind]: z.enum(DEVICE_KINDS).optional().catch(undefined),
    [CARD_INPUTS.errorCode]: optionalText,
  }),
  z.object({ verb: z.literal(CARD_VERBS.guideWhyThisHappened) }),
  z.object({ verb: z.literal(CARD_VERBS.guideNoKeyAnywhere) }),
]);

type Submit = z.infer<typeof submitSchema>;

/** Buttons on a release card; they act on that release, not on the triage. */
export type ReleaseAction = { readonly kind: 'keyWorked' | 'keyDidNotWork'; readonly requestId: string };

const releaseActionSchema = z.object({
  verb: z.enum([CARD_VERBS.keyWorked, CARD_VERBS.keyDidNotWork]),
  requestId: z.string().min(1).max(100),
});

/** A release-card button press, or `undefined` for anything else. */
export function toReleaseAction(activity: Pick<Activity, 'text' | 'value'>): ReleaseAction | undefined {
  if (activity.value === undefined || (activity.text ?? '').trim() !== '') return undefined;
  const parsed = releaseActionSchema.safeParse(activity.value);
  return parsed.success ? { kind: parsed.data.verb, requestId: parsed.data.requestId } : undefined;
}

/** Turns a message (typed text or a card submit) into a triage event; `undefined` for an unreadable submit. */
export function toTriageEvent(activity: Pick<Activity, 'text' | 'value'>): TriageEvent | undefined {
  const text = (activity.text ?? '').trim();
  if (activity.value !== undefined && text === '') {
    const parsed = submitSchema.safeParse(activity.value);
    return parsed.success ? fromSubmit(parsed.data) : undefined;
  }
  const normalized = text.replace(/\s+/g, ' ').replace(/[.!]+$/, '');
  return TEXT_COMMANDS.find((entry) => entry.pattern.test(normalized))?.event ?? { type: 'text', text };
}

function fromSubmit(submit: Submit): TriageEvent {
  const verb: CardVerb = submit.verb;
  switch (submit.verb) {
    case CARD_VERBS.startRecovery:
      return { type: 'startRecovery' };
    case CARD_VERBS.whereKeyId:
      return { type: 'showGuide', guide: 'whereIsKeyId' };
    case CARD_VERBS.talkToIt:
      return command('talkToIt');
    case CARD_VERBS.help:
      return command('help');
    case CARD_VERBS.restart:
      return command('restart');
    case CARD_VERBS.submitKeyId:
      return { type: 'text', text: submit.keyId ?? '' };
    case CARD_VERBS.confirmKeyIdYes:
      return { type: 'confirmKeyId', accepted: true };
    case CARD_VERBS.confirmKeyIdNo:
      return { type: 'confirmKeyId', accepted: false };
    case CARD_VERBS.answers:
      return {
        type: 'answers',
        rootCause: submit.rootCause,
        deviceKind: submit.deviceKind,
        errorCode: submit.errorCode,
      };
    case CARD_VERBS.guideWhyThisHappened:
      return { type: 'showGuide', guide: 'whyThisHappened' };
    case CARD_VERBS.guideNoKeyAnywhere:
      return { type: 'showGuide', guide: 'noKeyAnywhere' };
    default:
      return assertNever(submit, verb);
  }
}

function command(name: Command): TriageEvent {
  return { type: 'command', command: name };
}

function assertNever(_submit: never, verb: CardVerb): never {
  throw new Error(`unhandled card verb ${verb}`);
}
