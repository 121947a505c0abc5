import { parseKeyId } from '../recovery/key-id.js';
import { containsRecoveryPasswordShape } from '../recovery/recovery-password.js';
import {
  type DeviceKind,
  type Intent,
  isSuggestible,
  type KeyIdReading,
  type PendingQuestion,
  type SuggestibleIntent,
  type Utterance,
} from '../recovery/triage-types.js';
import type { AnswerFinder } from './answer-finder.js';
import type { IntentClassifier, Scored } from './intent-classifier.js';
import type { DetectedLanguage } from './language-detector.js';
import type { Language } from './languages.js';

/** Where the conversation stands when a message arrives. */
export interface UnderstandingContext {
  /** The conversation's language so far (the Teams locale, or the last clearly detected language). */
  readonly language: Language;
  /** What the bot is waiting for, if anything. */
  readonly pending: PendingQuestion | undefined;
}

/** A message, understood; or the one thing that stops all reading: a recovery password in it. */
export type Understood =
  | { readonly kind: 'recoveryPassword' }
  | {
      readonly kind: 'utterance';
      readonly utterance: Utterance;
      /** The language the message was read in; different from the context's when it clearly switched. */
      readonly language: Language;
      /** The classifier's top score, for logs and the evaluation (never the text). */
      readonly confidence: number;
    };

export interface Understanding {
  understand(text: string, context: UnderstandingContext): Promise<Understood>;
}

/** Longest message worth reading; the rest of a pasted essay adds nothing but work. */
const MAX_TEXT_LENGTH = 500;
/**
 * Below this top score the bot asks "Did you mean …?" instead of acting. Chosen by cross-validation on the
 * training data (the held-out set is only measured): a lower threshold acts on more out-of-scope text, a
 * higher one asks about too much that it did understand.
 */
export const SURE_SCORE = 0.4;
/** An intent this likely is worth offering as a "Did you mean …?" button. */
const SUGGEST_SCORE = 0.05;

export interface UnderstandingParts {
  readonly classifier: IntentClassifier;
  readonly answers: AnswerFinder;
  readonly detectLanguage: (text: string, current: Language) => DetectedLanguage;
}

/**
 * The understanding step between the Teams edge and the triage machine. A recovery password is caught
 * before anything else sees the text (it never reaches the classifier, its caches or a log). Then the
 * Key ID, the language, the intent and the triage answers are read. The result never holds the text.
 */
export function createUnderstanding(parts: UnderstandingParts): Understanding {
  return {
    async understand(raw, context) {
      if (containsRecoveryPasswordShape(raw)) return { kind: 'recoveryPassword' };
      const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH);
      const { language } = parts.detectLanguage(text, context.language);
      const keyId = keyIdReading(text);
      const [ranked, found] = await Promise.all([
        parts.classifier.classify(language, text),
        parts.answers.find(language, text),
      ]);
      const [top] = ranked;
      const { mentionsRecoveryScreen, ...answers } = found;
      const intent = chooseIntent(text, ranked, keyId, context.pending, mentionsRecoveryScreen);
      const confidence = top?.score ?? 0;
      const sure = intent !== top?.intent || confidence >= SURE_SCORE;
      return {
        kind: 'utterance',
        language,
        confidence,
        utterance: {
          intent,
          sure,
          alternatives: alternativesTo(intent, sure, ranked),
          keyId,
          ...answers,
          deviceKind: answers.deviceKind ?? DEVICE_KIND_OF[intent],
        },
      };
    },
  };
}

/** Saying it is a personal or second-hand PC answers "which PC is it?" too. */
const DEVICE_KIND_OF: { readonly [intent in Intent]?: DeviceKind } = {
  personalPc: 'personalPc',
  secondHand: 'secondHand',
};

/**
 * The classifier's intent, except where the message itself settles it: a lone "?" asks for help; with no
 * clue at all, a Key ID attempt (or anything while the bot waits for one) is an answer, which gets "that
 * does not look like a Key ID" rather than a guess, and anything else is out of scope. A message that
 * speaks of the BitLocker recovery screen is never out of scope, nor a bare answer: when the classifier
 * says either, or is unsure and the recovery screen is its second guess, it is about the recovery screen.
 */
function chooseIntent(
  text: string,
  ranked: readonly Scored[],
  keyId: KeyIdReading,
  pending: PendingQuestion | undefined,
  mentionsRecoveryScreen: boolean,
): Intent {
  const [top, second] = ranked;
  if (!/[\p{L}\p{N}]/u.test(text) && text.includes('?')) return 'help';
  if (!top) {
    if (mentionsRecoveryScreen) return 'recoveryScreen';
    return keyId.kind === 'none' && pending !== 'keyId' ? 'outOfScope' : 'answer';
  }
  if (mentionsRecoveryScreen) {
    // By the corpus's own definition an answer that describes the lockout is a recovery-screen message.
    if (top.intent === 'outOfScope' || top.intent === 'answer') return 'recoveryScreen';
    if (top.score < SURE_SCORE && second?.intent === 'recoveryScreen') return 'recoveryScreen';
  }
  return top.intent;
}

function alternativesTo(
  intent: Intent,
  sure: boolean,
  ranked: readonly Scored[],
): readonly SuggestibleIntent[] {
  return ranked
    .filter((scored) => scored.score >= SUGGEST_SCORE && (!sure || scored.intent !== intent))
    .map((scored) => scored.intent)
    .filter(isSuggestible);
}

function keyIdReading(text: string): KeyIdReading {
  const parsed = parseKeyId(text);
  if (parsed.kind === 'keyId') return parsed;
  switch (parsed.reason) {
    case 'tooShort':
      return { kind: 'tooShort', digits: parsed.prefix.length };
    case 'ambiguous':
      return { kind: 'ambiguous' };
    default:
      return { kind: 'none' };
  }
}
