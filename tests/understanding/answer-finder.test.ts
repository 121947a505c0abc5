import { containerBootstrap } from '@nlpjs/core';
import { type EnumRule, ExtractorEnum } from '@nlpjs/ner';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrefilteredExtractor } from '../../src/understanding/answer-finder.js';
import { readCorpus, readEntityWords } from '../../src/understanding/corpus.js';
import { LANGUAGES, type Language } from '../../src/understanding/languages.js';
import { plainText } from '../../src/understanding/plain-text.js';

const THRESHOLD = 0.8;

/** The three entities of a language, as `Ner` holds them. */
function rulesOf(language: Language): EnumRule[] {
  const words = readEntityWords(language);
  const optionsOf = (map: ReadonlyMap<string, readonly string[]>) =>
    [...map].map(([option, texts]) => ({ option, texts: texts.map(plainText) }));
  return [
    { name: 'rootCause', type: 'enum', rules: optionsOf(words.rootCause) },
    { name: 'deviceKind', type: 'enum', rules: optionsOf(words.deviceKind) },
    {
      name: 'topic',
      type: 'enum',
      rules: [{ option: 'recoveryScreen', texts: words.recoveryScreen.map(plainText) }],
    },
  ];
}

describe('PrefilteredExtractor', () => {
  let exhaustive: ExtractorEnum;
  let prefiltered: PrefilteredExtractor;
  const rules = new Map(LANGUAGES.map((language) => [language, rulesOf(language)] as const));
  const extractWith = (extractor: ExtractorEnum, language: Language, text: string) =>
    (rules.get(language) ?? []).flatMap((rule) =>
      extractor.extractFromRule(text, rule, undefined, THRESHOLD),
    );

  beforeAll(async () => {
    const container = await containerBootstrap();
    exhaustive = new ExtractorEnum(container);
    prefiltered = new PrefilteredExtractor(container);
  });

  it('finds exactly what NLP.js finds in every held-out utterance', () => {
    const texts = LANGUAGES.flatMap((language) =>
      readCorpus('heldout', language).map((item) => [language, plainText(item.text)] as const),
    );
    let found = 0;
    for (const [language, text] of texts) {
      const expected = extractWith(exhaustive, language, text);
      expect(extractWith(prefiltered, language, text), text).toEqual(expected);
      found += expected.length;
    }
    // The comparison means something only if many phrases are found.
    expect(found).toBeGreaterThan(texts.length / 2);
  });

  it('finds exactly what NLP.js finds in listed phrases with typos, inside other words', () => {
    const phrases = [...rules].flatMap(([language, ofLanguage]) =>
      ofLanguage.flatMap((rule) =>
        rule.rules.flatMap((option) => option.texts.map((text) => [language, text] as const)),
      ),
    );
    const typo = fc
      .tuple(fc.constantFrom(...phrases), fc.nat(), fc.constantFrom('', 'x', 'ab'), fc.nat(3))
      .map(([[language, phrase], at, insert, cut]) => {
        const i = at % (phrase.length + 1);
        return [language, phrase.slice(0, i) + insert + phrase.slice(i + Math.min(cut, 2))] as const;
      });
    const words = fc.constantFrom('my', 'laptop', 'after', 'the', 'pc', 'bitlocker', 'ok', 'mein', 'le');
    const message = fc
      .tuple(fc.array(words, { maxLength: 4 }), typo, fc.array(words, { maxLength: 4 }))
      .map(
        ([before, [language, phrase], after]) => [language, [...before, phrase, ...after].join(' ')] as const,
      );
    fc.assert(
      fc.property(message, ([language, text]) => {
        expect(extractWith(prefiltered, language, text)).toEqual(extractWith(exhaustive, language, text));
      }),
      { numRuns: 300 },
    );
  });
});
