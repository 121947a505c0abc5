import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangEs } from '@nlpjs/lang-es';
import { LangFr } from '@nlpjs/lang-fr';
import { LangIt } from '@nlpjs/lang-it';
import { LangNl } from '@nlpjs/lang-nl';
import { LangPl } from '@nlpjs/lang-pl';
import { LangPt } from '@nlpjs/lang-pt';
import { Language as LanguageGuesser } from '@nlpjs/language';
import { NluManager, NluNeural } from '@nlpjs/nlu';
import { INTENTS, type Intent } from '../recovery/triage-types.js';
import type { LabelledUtterance } from './corpus.js';
import { LANGUAGES, type Language } from './languages.js';
import { plainText } from './plain-text.js';

/** One intent and how likely the classifier thinks it is (the scores of a message add up to 1). */
export interface Scored {
  readonly intent: Intent;
  readonly score: number;
}

/** A trained classifier: per language, the intents of a message, most likely first (none: not a clue). */
export interface IntentClassifier {
  classify(language: Language, text: string): Promise<readonly Scored[]>;
  /** Trigram language guesses, best first, over the supported languages (the training data included). */
  guessLanguages(text: string): readonly { readonly language: Language; readonly score: number }[];
}

/** Stands for any Key ID in the text, so the classifier learns "a Key ID is here", not the digits. */
export const KEY_ID_TOKEN = 'keyidcode';
/** Stands for any `E_FVE_…` code. */
export const ERROR_CODE_TOKEN = 'fveerrorcode';

const SILENT_LOGGER = Object.fromEntries(
  ['trace', 'debug', 'info', 'log', 'warn', 'error', 'fatal'].map((level) => [level, () => undefined]),
);
/** More words than this next to a Key ID make a sentence about something, not a Key ID answer. */
const MAX_WORDS_BESIDE_A_KEY_ID = 4;
const NLPJS_LANGUAGE_PACKS = [LangEn, LangDe, LangFr, LangEs, LangNl, LangPl, LangIt, LangPt];
const KEY_ID_LIKE = /[{(]?\b(?=[0-9a-f-]*\d)[0-9a-f]{4,}(?:[-\s]{1,3}[0-9a-f]{4,})*\b[})]?/gi;
const ERROR_CODE_LIKE = /\b(?:E_FVE|FVE_E)_[A-Z0-9_]+\b/gi;

/**
 * What the classifier sees of a message. Key IDs and error codes become one placeholder word each, so a
 * random hex string never becomes a feature and "key id 4290b6c0" looks like every other Key ID answer;
 * in a longer sentence the Key ID is dropped, because there the words say what it is about ("my laptop is
 * locked, key id …"). Then every pair of neighbouring words is added as one more word ("nie dziala",
 * "not working" → "niedziala", "notworking"): NLP.js classifies a bag of stems, and the pairs give it the
 * little word order that negations and "how do I …" questions need (held-out accuracy +3 points).
 */
export function classifierText(text: string): string {
  const masked = text
    .normalize('NFKC')
    .replace(ERROR_CODE_LIKE, ` ${ERROR_CODE_TOKEN} `)
    .replace(KEY_ID_LIKE, (match) =>
      match.replace(/[^0-9a-f]/gi, '').length >= 8 ? ` ${KEY_ID_TOKEN} ` : match,
    )
    .replace(/\s+/g, ' ')
    .trim();
  const words = masked.split(' ').filter((word) => word !== KEY_ID_TOKEN && /\p{L}{2,}/u.test(word));
  const sentence =
    words.length > MAX_WORDS_BESIDE_A_KEY_ID
      ? masked.replaceAll(KEY_ID_TOKEN, ' ').replace(/\s+/g, ' ').trim()
      : masked;
  const plain = plainText(sentence).match(/[\p{L}\p{N}]+/gu) ?? [];
  const pairs = plain.slice(1).map((word, index) => `${plain[index]}${word}`);
  return [sentence, ...pairs].join(' ');
}

/** A trained model as JSON (NLP.js's own export), to keep and load instead of training again. */
export interface IntentModel {
  readonly format: typeof MODEL_FORMAT;
  readonly nlu: unknown;
}

/** Changes whenever what the classifier sees of a text changes, so older saved models are not loaded. */
export const MODEL_FORMAT = 'nlpjs-4/word-pairs-1';

/**
 * Trains NLP.js's intent classifier (per language: its normalizer, tokenizer, stemmer and a one-layer
 * neural network over the stems, with spell correction against the known words) from the corpus. Training
 * is deterministic: the network starts from zero weights, and the same corpus gives the same model.
 */
export async function trainIntentClassifier(
  corpora: ReadonlyMap<Language, readonly LabelledUtterance[]>,
): Promise<IntentClassifier & { readonly model: () => IntentModel }> {
  const { manager, guesser } = await nluManager();
  for (const [language, utterances] of corpora) {
    for (const utterance of utterances)
      manager.add(language, classifierText(utterance.text), utterance.intent);
  }
  await manager.train();
  return {
    ...classifierOf(manager, guesser),
    model: () => ({ format: MODEL_FORMAT, nlu: manager.toJSON() }),
  };
}

/** A classifier from a model that {@link trainIntentClassifier} made (much faster than training). */
export async function loadIntentClassifier(model: IntentModel): Promise<IntentClassifier> {
  if (model.format !== MODEL_FORMAT)
    throw new Error(`intent model format ${model.format} is not ${MODEL_FORMAT}`);
  const { manager, guesser } = await nluManager();
  manager.fromJSON(model.nlu);
  return classifierOf(manager, guesser);
}

async function nluManager(): Promise<{ manager: NluManager; guesser: LanguageGuesser }> {
  const container = await containerBootstrap();
  // The full language guesser (the default one lacks Polish); registered first so the language packs add
  // their trigram models to it, and NluManager adds every training sentence to it as well.
  container.register('Language', LanguageGuesser, false);
  for (const pack of NLPJS_LANGUAGE_PACKS) container.use(pack);
  container.use(NluNeural);
  // NLP.js logs to the console (training warnings such as "only stop words"); the bot's logs are its own.
  container.register('logger', SILENT_LOGGER, true);
  container.registerConfiguration('nlu-??', { log: false, spellCheck: true, spellCheckDistance: 1 }, true);
  const manager = new NluManager({ locales: [...LANGUAGES], useNoneFeature: true }, container);
  return { manager, guesser: container.get('Language') as LanguageGuesser };
}

function classifierOf(manager: NluManager, guesser: LanguageGuesser): IntentClassifier {
  return {
    async classify(language, text) {
      const result = await manager.process(language, classifierText(text));
      return result.classifications
        .filter((scored): scored is Scored => isIntent(scored.intent) && scored.score > 0)
        .map(({ intent, score }) => ({ intent, score }));
    },
    guessLanguages(text) {
      return guesser
        .guess(text, LANGUAGES, LANGUAGES.length)
        .filter((guess) => (LANGUAGES as readonly string[]).includes(guess.alpha2))
        .map((guess) => ({ language: guess.alpha2 as Language, score: guess.score }));
    },
  };
}

function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
