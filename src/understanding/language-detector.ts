import { ERROR_CODE_TOKEN, KEY_ID_TOKEN } from './intent-classifier.js';
import { LANGUAGES, type Language } from './languages.js';

/** The language a message is written in, and whether that is clear enough to switch to it. */
export interface DetectedLanguage {
  readonly language: Language;
  readonly clear: boolean;
}

/** Letters that only one of the supported languages uses. */
const TELLTALE_LETTERS: readonly { readonly letters: RegExp; readonly language: Language }[] = [
  { letters: /[ßäöü]/, language: 'de' },
  { letters: /[ąęłńśźżć]/, language: 'pl' },
  { letters: /[ñ¿¡]/, language: 'es' },
  { letters: /[ãõ]/, language: 'pt' },
];
/** Words that say nothing about the language: loan words every language's corpus shares. */
const MIN_WORDS = 2;
/** A language is clear when its evidence is at least this … */
const MIN_EVIDENCE = 1.5;
/** … and this many times the next language's. */
const MIN_LEAD = 1.6;

/**
 * Tells which supported language a message is in from the words people actually write to this bot: each
 * word counts for the languages whose training utterances use it (shared loan words such as "bitlocker"
 * or "laptop" count little), letters only one language has count extra, and NLP.js's trigram guess breaks
 * ties. Short messages ("ok", "hi") are never clear, so they never switch the conversation's language.
 */
export function createLanguageDetector(
  vocabularies: ReadonlyMap<Language, ReadonlySet<string>>,
  guess: (text: string) => readonly { readonly language: Language; readonly score: number }[],
): (text: string, current: Language) => DetectedLanguage {
  return (text, current) => {
    const lower = text.normalize('NFC').toLowerCase();
    const words = wordsOf(lower);
    if (words.length < MIN_WORDS) return { language: current, clear: false };
    const evidence = new Map<Language, number>(LANGUAGES.map((language) => [language, 0]));
    for (const word of new Set(words)) {
      const users = LANGUAGES.filter((language) => vocabularies.get(language)?.has(word));
      for (const language of users) evidence.set(language, evidence.get(language)! + 1 / users.length);
    }
    for (const { letters, language } of TELLTALE_LETTERS) {
      if (letters.test(lower)) evidence.set(language, evidence.get(language)! + 1);
    }
    for (const { language, score } of guess(lower))
      evidence.set(language, evidence.get(language)! + score / 4);
    const ranked = [...evidence].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked as [[Language, number], [Language, number]];
    const clear = best[1] >= MIN_EVIDENCE && best[1] >= MIN_LEAD * second[1];
    return clear ? { language: best[0], clear } : { language: current, clear: false };
  };
}

/** The words of a text for language detection: letters only, without the classifier's placeholders. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{2,}/gu) ?? []).filter(
    (word) => word !== KEY_ID_TOKEN && word !== ERROR_CODE_TOKEN,
  );
}
