import { describe, expect, it } from 'vitest';
import { parseKeyId } from '../../src/recovery/key-id.js';
import { containsRecoveryPasswordShape } from '../../src/recovery/recovery-password.js';
import { DEVICE_KINDS, INTENTS, ROOT_CAUSES } from '../../src/recovery/triage-types.js';
import {
  parseCorpus,
  parseEntityWords,
  readCorpus,
  readEntityWords,
} from '../../src/understanding/corpus.js';
import { LANGUAGES } from '../../src/understanding/languages.js';

/** The same words, whatever the case, accents left as typed, punctuation and spacing. */
const same = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('the understanding corpus', () => {
  it.each(LANGUAGES)('%s: no held-out utterance is also in the training data', (language) => {
    const training = new Set(readCorpus('train', language).map((utterance) => same(utterance.text)));
    const repeated = readCorpus('heldout', language).filter((utterance) =>
      training.has(same(utterance.text)),
    );
    expect(repeated.map((utterance) => `${utterance.source}: ${utterance.text}`)).toEqual([]);
  });

  it.each(LANGUAGES)('%s: every intent is trained and tested', (language) => {
    const trained = new Set(readCorpus('train', language).map((utterance) => utterance.intent));
    const tested = new Set(readCorpus('heldout', language).map((utterance) => utterance.intent));
    expect([...trained].sort()).toEqual([...INTENTS].sort());
    expect([...tested].sort()).toEqual([...INTENTS].sort());
  });

  it('holds at least 600 labelled utterances over all intents and languages, held-out apart', () => {
    const heldOut = LANGUAGES.flatMap((language) => readCorpus('heldout', language));
    const training = LANGUAGES.flatMap((language) => readCorpus('train', language));
    expect(heldOut.length + training.length).toBeGreaterThanOrEqual(600);
    expect(heldOut.length).toBeGreaterThanOrEqual(400);
  });

  it.each(LANGUAGES)(
    '%s: labels agree with the text (Key IDs where labelled, never a recovery password)',
    (language) => {
      for (const utterance of [...readCorpus('train', language), ...readCorpus('heldout', language)]) {
        expect(containsRecoveryPasswordShape(utterance.text), utterance.source).toBe(false);
        if (utterance.keyId)
          expect(parseKeyId(utterance.text).kind, `${utterance.source} has a Key ID`).toBe('keyId');
      }
    },
  );

  it.each(LANGUAGES)(
    '%s: names every cause and PC type, and the words of the recovery screen',
    (language) => {
      const words = readEntityWords(language);
      expect([...words.rootCause.keys()].sort()).toEqual([...ROOT_CAUSES].sort());
      expect([...words.deviceKind.keys()].sort()).toEqual([...DEVICE_KINDS].sort());
      expect(words.recoveryScreen).toContain('bitlocker');
    },
  );

  it('refuses what it does not know, naming the file and line', () => {
    expect(() => parseCorpus('[greeting]\nhi\n[greting]\nhello', 'x.txt')).toThrow(
      'x.txt:3: unknown intent "greting"',
    );
    expect(() => parseCorpus('[answer rootCause=sunspots]\nx', 'x.txt')).toThrow(
      'unknown label "rootCause=sunspots"',
    );
    expect(() => parseCorpus('hello', 'x.txt')).toThrow('x.txt:1: an utterance before any [intent] header');
    expect(() => parseEntityWords('[deviceKind tablet]\nipad', 'e.txt')).toThrow(
      'e.txt:1: unknown deviceKind value "tablet"',
    );
  });

  it('reads labels: Key ID, cause, PC type and what the bot was waiting for', () => {
    const [utterance] = parseCorpus(
      '# a comment\n[recoveryScreen keyId rootCause=wrongPin deviceKind=workPc @rootCause]\n  pin wrong 4290B6C0  \n',
      'x.txt',
    );
    expect(utterance).toEqual({
      intent: 'recoveryScreen',
      text: 'pin wrong 4290B6C0',
      keyId: true,
      rootCause: 'wrongPin',
      deviceKind: 'workPc',
      pending: 'rootCause',
      source: 'x.txt:3',
    });
  });
});
