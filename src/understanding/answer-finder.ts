import { containerBootstrap } from '@nlpjs/core';
import { type EnumRule, ExtractorEnum, Ner, type NerEntity } from '@nlpjs/ner';
import { containsRecoveryPasswordShape } from '../recovery/recovery-password.js';
import type { DeviceKind, RootCause } from '../recovery/triage-types.js';
import type { EntityWords } from './corpus.js';
import type { Language } from './languages.js';
import { plainText } from './plain-text.js';

/** The triage answers found in a message. */
export interface FoundAnswers {
  readonly rootCause: RootCause | undefined;
  readonly deviceKind: DeviceKind | undefined;
  readonly errorCode: string | undefined;
  /** The message speaks of the BitLocker recovery screen ("bitlocker", "recovery key", "48 digits"). */
  readonly mentionsRecoveryScreen: boolean;
}

export interface AnswerFinder {
  find(language: Language, text: string): Promise<FoundAnswers>;
}

/** How close a typed phrase must be to a listed one (NLP.js's edit-distance similarity, 0–1). */
const SIMILARITY_THRESHOLD = 0.8;
/** `E_FVE_*` as the screen shows it; `FVE_E_*` as Windows' own error constants are written. */
const ERROR_CODE = /\b(?:E_FVE|FVE_E)_[A-Z0-9_]{2,60}\b/i;

/** A negation right before a phrase, in any of the languages (accents already removed). */
const NEGATION =
  /(?:^|[^\p{L}])(?:not|no|isnt|never|nicht|kein|keine|keinen|pas|non|niet|geen|nie|nao|nem|ni)\s+(?:(?:a|an|the|my|ein|eine|mein|un|une|mon|el|la|mi|een|mijn|il|o|um|uma|meu)\s+)?$/u;

/**
 * Which root cause wins when a message names several equally clearly: a possibly stolen or tampered PC
 * first (it changes what the bot may do), "nothing unusual" last (it is what people say around the cause).
 */
const ROOT_CAUSE_PRIORITY: readonly RootCause[] = [
  'outOfMyHands',
  'hardwareChange',
  'firmwareUpdate',
  'windowsUpdate',
  'wrongPin',
  'dockOrPeripheral',
  'nothingUnusual',
];
const DEVICE_KIND_PRIORITY: readonly DeviceKind[] = [
  'secondHand',
  'personalPc',
  'oldDomainPc',
  'workPc',
  'notSure',
];

/**
 * Finds the triage answers in any message with NLP.js's enumerated-entity extractor: the phrases of
 * `entities/<language>.txt`, matched ignoring case and accents and tolerating small typos ("bois update").
 * English phrases are looked for in every language, because IT words travel ("BIOS update", "dock").
 */
export async function createAnswerFinder(words: ReadonlyMap<Language, EntityWords>): Promise<AnswerFinder> {
  const container = await containerBootstrap();
  container.use(new PrefilteredExtractor(container));
  const ner = new Ner({ threshold: SIMILARITY_THRESHOLD }, container);
  for (const [language, lexicon] of words) {
    for (const [cause, phrases] of lexicon.rootCause)
      ner.addRuleOptionTexts(language, 'rootCause', cause, phrases.map(plainText));
    for (const [kind, phrases] of lexicon.deviceKind)
      ner.addRuleOptionTexts(language, 'deviceKind', kind, phrases.map(plainText));
    ner.addRuleOptionTexts(language, 'topic', 'recoveryScreen', lexicon.recoveryScreen.map(plainText));
  }
  const lookIn = async (language: Language, text: string) => {
    const { entities } = await ner.process({ locale: language, text });
    // "not a work laptop", "nicht vom Geschäft": a negated phrase answers nothing.
    return entities.filter((match) => !NEGATION.test(text.slice(Math.max(0, match.start - 12), match.start)));
  };
  return {
    async find(language, text) {
      const simple = plainText(text);
      const found = [
        ...(await lookIn(language, simple)),
        ...(language === 'en' ? [] : await lookIn('en', simple)),
      ];
      const matchesOf = (entity: string) => found.filter((match) => match.entity === entity);
      return {
        rootCause: closest(matchesOf('rootCause'), ROOT_CAUSE_PRIORITY, 'nothingUnusual'),
        deviceKind: closest(matchesOf('deviceKind'), DEVICE_KIND_PRIORITY, 'notSure'),
        errorCode: errorCodeIn(text),
        mentionsRecoveryScreen: matchesOf('topic').length > 0,
      };
    },
  };
}

/**
 * The value the message names most exactly: a phrase typed as listed beats one that merely resembles a
 * listed one ("ordenador de la empresa" is close to "ordenador de casa" too). Equally close, `priority`
 * decides. The vaguest value ("nothing unusual", "not sure") counts only when nothing else was named.
 */
function closest<T extends string>(
  matches: readonly NerEntity[],
  priority: readonly T[],
  vaguest: T,
): T | undefined {
  const named = matches.filter((match): match is NerEntity & { option: T } =>
    (priority as readonly string[]).includes(match.option),
  );
  const specific = named.some((match) => match.option !== vaguest)
    ? named.filter((match) => match.option !== vaguest)
    : named;
  const [best] = [...specific].sort(
    (a, b) => b.accuracy - a.accuracy || priority.indexOf(a.option) - priority.indexOf(b.option),
  );
  return best?.option;
}

/**
 * NLP.js's enumerated-entity extractor, skipping the comparisons that cannot succeed. It measures the
 * edit distance between every listed phrase and every run of words in the message: a few hundred
 * phrases make that milliseconds per message. A run within k edits of a phrase shares at least
 * (length − 1) − 2k of the phrase's character pairs (the q-gram lemma), and the message holds every pair
 * of each of its runs, so a phrase sharing fewer pairs with the whole message is dropped first. What is
 * found is exactly what NLP.js finds; a test compares the two on the held-out corpus and on typo'd phrases.
 */
export class PrefilteredExtractor extends ExtractorEnum {
  private readonly phrasePairs = new Map<string, PairCounts>();
  private lastText = '';
  private lastPairs: PairCounts = new Map();

  override extractFromRule(text: string, rule: EnumRule, words: unknown, threshold: number): NerEntity[] {
    if (threshold >= 1) return super.extractFromRule(text, rule, words, threshold);
    if (text !== this.lastText) {
      this.lastText = text;
      this.lastPairs = pairCounts(text);
    }
    const rules = rule.rules
      .map((option) => ({
        ...option,
        texts: option.texts.filter((phrase) => this.canMatch(phrase, threshold)),
      }))
      .filter((option) => option.texts.length > 0);
    return super.extractFromRule(text, { ...rule, rules }, words, threshold);
  }

  private canMatch(phrase: string, threshold: number): boolean {
    let pairs = this.phrasePairs.get(phrase);
    if (!pairs) {
      pairs = pairCounts(phrase);
      this.phrasePairs.set(phrase, pairs);
    }
    // NLP.js allows length × (1 − threshold) edits, counted on the phrase as listed.
    const edits = Math.floor(phrase.length * (1 - threshold) + 1e-9);
    let needed = -2 * edits;
    for (const count of pairs.values()) needed += count;
    if (needed <= 0) return true;
    let shared = 0;
    for (const [pair, count] of pairs) shared += Math.min(count, this.lastPairs.get(pair) ?? 0);
    return shared >= needed;
  }
}

type PairCounts = Map<string, number>;

/** How often each pair of adjacent characters occurs, compared the way NLP.js compares (no case or accents). */
function pairCounts(text: string): PairCounts {
  const simple = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const counts: PairCounts = new Map();
  for (let i = 0; i + 1 < simple.length; i += 1) {
    const pair = simple.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** The `E_FVE_*` code in a message, upper case with `_`; never anything shaped like a recovery password. */
export function errorCodeIn(text: string): string | undefined {
  const code = ERROR_CODE.exec(text)?.[0].toUpperCase();
  return code && !containsRecoveryPasswordShape(code) ? code : undefined;
}
