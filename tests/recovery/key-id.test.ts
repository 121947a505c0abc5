import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatKeyIdForDisplay,
  type KeyIdParse,
  keyIdMatches,
  parseKeyId,
} from '../../src/recovery/key-id.js';
import { containsRecoveryPasswordShape } from '../../src/recovery/recovery-password.js';

const KEY_ID = '4290B6C0-1A2B-3C4D-5E6F-7A8B9C0D1E2F';
const KEY_ID_DIGITS = '4290B6C01A2B3C4D5E6F7A8B9C0D1E2F';
const RECOVERY_PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';

/** The expected result for a Key ID read without look-alike corrections. */
function keyId(prefix: string): KeyIdParse {
  return { kind: 'keyId', prefix, corrected: [], complete: prefix.length === 32 };
}

describe('parseKeyId: finding the Key ID', () => {
  it.each([
    ['8 digits alone', '4290B6C0', '4290B6C0'],
    ['lower case', '4290b6c0', '4290B6C0'],
    ['mixed case', '4290b6C0-1a2B', '4290B6C01A2B'],
    ['inside a sentence', 'my key id is 4290b6c0', '4290B6C0'],
    ['after "Key ID:" with braces', `Key ID: {${KEY_ID}}`, KEY_ID_DIGITS],
    ['the whole GUID with dashes', KEY_ID, KEY_ID_DIGITS],
    ['the whole GUID without dashes', KEY_ID_DIGITS.toLowerCase(), KEY_ID_DIGITS],
    ['groups separated by spaces', '4290b6c0 1a2b 3c4d 5e6f 7a8b9c0d1e2f', KEY_ID_DIGITS],
    ['groups separated by " - "', '4290B6C0 - 1A2B - 3C4D', '4290B6C01A2B3C4D'],
    ['a partial GUID prefix', '4290B6C0-1A2B', '4290B6C01A2B'],
    ['a partial last group', '4290B6C0-1A2B-3C4D-5E6F-7A8B', '4290B6C01A2B3C4D5E6F7A8B'],
    ['groups of four with spaces', '4290 B6C0 1A2B', '4290B6C01A2B'],
    ['groups of four with dashes', '4290-B6C0', '4290B6C0'],
    ['a spaced group without digits between digit groups', '4290B6C0 ABCD 3C4D', '4290B6C0ABCD3C4D'],
    ['a dashed group without digits', '4290B6C0-ABCD', '4290B6C0ABCD'],
    ['typographic dashes from a phone', '4290B6C0\u20131A2B', '4290B6C01A2B'],
    ['full-width characters', '４２９０Ｂ６Ｃ０', '4290B6C0'],
    ['quoted, with punctuation', '"4290B6C0"?', '4290B6C0'],
    ['first group of plain hex letters', 'DEADBEEF', 'DEADBEEF'],
    ['plain hex letters then digits', 'ABCDEFAB-1A2B', 'ABCDEFAB1A2B'],
    ['digits only', '42901234', '42901234'],
    ['the short form, then the full one', `4290B6C0, I mean ${KEY_ID}`, KEY_ID_DIGITS],
    ['the same prefix twice', '4290B6C0 or was it 4290b6c0', '4290B6C0'],
    ['next to small numbers and English', 'Windows 11 says 4290B6C0 on 2 PCs', '4290B6C0'],
    ['next to a non-hex code', 'after KB5034441 it asks for 4290B6C0', '4290B6C0'],
    ['after "ID-" (the misplaced join starts a new candidate)', 'Key ID-4290B6C0', '4290B6C0'],
    ['with a misplaced dash', '4290B6C01-A2B', '4290B6C01'],
  ])('%s', (_, input, prefix) => {
    expect(parseKeyId(input)).toEqual(keyId(prefix));
  });

  it.each([
    ['a hex word after the Key ID', '4290B6C0 bad', '4290B6C0'],
    ['a 4-letter hex word after the Key ID', '4290B6C0 face', '4290B6C0'],
    ['a hex word before the Key ID', 'cafe 4290 B6C0', '4290B6C0'],
    ['"be" before the Key ID', 'be 4290B6C0', '4290B6C0'],
    ['a count after the Key ID', '4290B6C0 3 times', '4290B6C0'],
    ['a year after the Key ID', 'typed 4290B6C0, 2024', '4290B6C0'],
    ['a hex word after the full Key ID', `${KEY_ID} added`, KEY_ID_DIGITS],
    ['a number after the full Key ID', `${KEY_ID} 1234`, KEY_ID_DIGITS],
    ['"a" before the Key ID', 'a 4290b6c0 key', '4290B6C0'],
  ])('does not join %s', (_, input, prefix) => {
    expect(parseKeyId(input)).toEqual(keyId(prefix));
  });

  it('reports complete only for all 32 digits', () => {
    expect(parseKeyId(KEY_ID)).toMatchObject({ kind: 'keyId', complete: true });
    expect(parseKeyId(KEY_ID.slice(0, -1))).toMatchObject({ kind: 'keyId', complete: false });
  });
});

describe('parseKeyId: look-alike letters', () => {
  it.each([
    ['O for zero', '4290B6CO', '4290B6C0', [{ index: 7, typed: 'O', became: '0' }]],
    ['o for zero', '429ob6c0', '4290B6C0', [{ index: 3, typed: 'o', became: '0' }]],
    ['I for one', '4290B6C0-IA2B', '4290B6C01A2B', [{ index: 8, typed: 'I', became: '1' }]],
    ['l for one', '4290b6c0-la2b', '4290B6C01A2B', [{ index: 8, typed: 'l', became: '1' }]],
    ['i for one', '4290b6c0-ia2b', '4290B6C01A2B', [{ index: 8, typed: 'i', became: '1' }]],
    [
      'several at once',
      '429OB6CO-lA2B',
      '4290B6C01A2B',
      [
        { index: 3, typed: 'O', became: '0' },
        { index: 7, typed: 'O', became: '0' },
        { index: 8, typed: 'l', became: '1' },
      ],
    ],
    [
      'in a dashed group of letters',
      '4290B6C0-FOOD',
      '4290B6C0F00D',
      [
        { index: 9, typed: 'O', became: '0' },
        { index: 10, typed: 'O', became: '0' },
      ],
    ],
  ])('reads %s and says so', (_, input, prefix, corrected) => {
    expect(parseKeyId(input)).toEqual({ kind: 'keyId', prefix, corrected, complete: false });
  });

  it.each([
    ['uppercase L (it does not look like 1)', '4290B6CL'],
    ['S for 5 (a guess, not a look-alike)', '4290B6CS'],
    ['G for 6', '4290G6C0'],
    ['Z for 2', '4Z90B6C0'],
  ])('does not guess %s', (_, input) => {
    expect(parseKeyId(input)).toEqual({ kind: 'rejected', reason: 'notHex' });
  });

  it.each([
    ['"codified" (letters and look-alikes only)', 'I codified the policy'],
    ['"coffee"', 'coffee first'],
    ['"OFFICE" in capitals', 'OFFICE laptop'],
    ['"ID" next to a small number', 'ID 12'],
  ])('does not turn words into digits: %s', (_, input) => {
    expect(parseKeyId(input)).toMatchObject({ kind: 'rejected' });
  });
});

describe('parseKeyId: rejections', () => {
  it.each([
    ['nothing', '', 'empty'],
    ['whitespace', ' \n\t ', 'empty'],
    ['punctuation only', '?!', 'empty'],
    ['plain English', 'my screen is blue', 'noKeyId'],
    ['English made of hex letters', 'I added a dock', 'noKeyId'],
    ['hex words', 'bad cafe added deed face be', 'noKeyId'],
    ['a 7-letter hex word', 'the screen was defaced', 'noKeyId'],
    ['a Windows version', 'Windows 11 24H2', 'noKeyId'],
    ['a 3-digit number', 'it happened 3 times on 2 PCs in 100 minutes', 'noKeyId'],
    ['an error code', 'E_FVE_BAD_CODE_ID', 'noKeyId'],
    ['a non-hex letter in a code', '4290G6C0', 'notHex'],
    ['a non-hex letter in a dashed group', '4290B6C0-1A2G', 'notHex'],
    ['a KB number', 'KB5034441', 'notHex'],
    ['two Key IDs', '4290B6C0 and 5390A7D1', 'ambiguous'],
    ['two Key IDs side by side', '4290B6C0 5390A7D1', 'ambiguous'],
    ['two full GUIDs', `${KEY_ID}\n5390A7D1-1A2B-3C4D-5E6F-7A8B9C0D1E2F`, 'ambiguous'],
  ])('%s → %s', (_, input, reason) => {
    expect(parseKeyId(input)).toEqual(expect.objectContaining({ kind: 'rejected', reason }));
  });

  it.each([
    ['4290B6', '4290B6'],
    ['my key starts with 4290', '4290'],
    ['429OB6C', '4290B6C'],
    ['4290-b6c', '4290B6C'],
    ['a date: 2024-07-19', '202407'],
    ['a phone number: 425-555-0100 (any 4–7 digit group reads as a short Key ID)', '0100'],
  ])('%s is too short, and says what was read', (input, prefix) => {
    expect(parseKeyId(input)).toEqual({ kind: 'rejected', reason: 'tooShort', prefix });
  });

  it.each([
    ['33 hex digits', `${KEY_ID_DIGITS}3`, 33],
    ['a longer last group', `${KEY_ID}3`, 33],
    ['an extra dashed group', `${KEY_ID}-1234`, 36],
    ['a SHA-256 hash', 'ab'.repeat(32), 64],
    ['two GUIDs run together', `${KEY_ID_DIGITS}${KEY_ID_DIGITS}`, 64],
  ])('%s is too long', (_, input, length) => {
    expect(parseKeyId(input)).toEqual({ kind: 'rejected', reason: 'tooLong', length });
  });

  it('counts the different Key IDs without echoing them', () => {
    expect(parseKeyId('4290B6C0, 5390A7D1 or 6490C8E2?')).toEqual({
      kind: 'rejected',
      reason: 'ambiguous',
      count: 3,
    });
  });

  it.each([
    ['the password alone', RECOVERY_PASSWORD],
    ['inside a sentence', `is my key ${RECOVERY_PASSWORD}?`],
    ['with spaces', RECOVERY_PASSWORD.replaceAll('-', ' ')],
    ['48 digits in a row', RECOVERY_PASSWORD.replaceAll('-', '')],
    ['with typographic dashes', RECOVERY_PASSWORD.replaceAll('-', '\u2013')],
    ['a few blocks', 'it starts 496298-461032-321464'],
    ['two blocks with spaces', '496298 461032'],
    ['next to the Key ID', `Key ID 4290B6C0, key ${RECOVERY_PASSWORD}`],
    ['an invalid password of the right shape', '123456-231453-123456-231453-123456-231453-123456-231453'],
    ['blocks glued to hex letters', `ab${RECOVERY_PASSWORD.replaceAll('-', '')}cd`],
  ])('refuses a recovery password: %s', (_, input) => {
    expect(parseKeyId(input)).toEqual({ kind: 'rejected', reason: 'recoveryPassword' });
  });
});

describe('parseKeyId: properties', () => {
  const keyish = fc.string({
    unit: fc.constantFrom(...'0123456789abcdefABCDEFOoIilLSxyz -{}\u2013\t,.'.split('')),
    maxLength: 60,
  });
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
    keyish,
  );

  it('never throws, and every Key ID it returns is 8–32 uppercase hex digits', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = parseKeyId(input);
        if (result.kind !== 'keyId') return true;
        return (
          /^[0-9A-F]{8,32}$/.test(result.prefix) &&
          result.complete === (result.prefix.length === 32) &&
          result.corrected.every((fix) => result.prefix[fix.index] === fix.became)
        );
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: parsing a returned prefix gives the same prefix, with nothing corrected', () => {
    fc.assert(
      fc.property(keyish, (input) => {
        const result = parseKeyId(input);
        if (result.kind !== 'keyId') return true;
        expect(parseKeyId(result.prefix)).toEqual({ ...result, corrected: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('reads any 8–32 hex digits back as themselves', () => {
    const hex = fc.string({
      unit: fc.constantFrom(...'0123456789abcdefABCDEF'.split('')),
      minLength: 8,
      maxLength: 32,
    });
    fc.assert(
      fc.property(hex, (digits) => {
        expect(parseKeyId(digits)).toEqual(keyId(digits.toUpperCase()));
      }),
    );
  });

  const before = fc.constantFrom(
    '',
    'my key id is',
    'Key ID:',
    'the blue screen says',
    'I added a dock, now',
    'bad',
    'be',
    'cafe',
    'Windows 11:',
    '(',
  );
  const after = fc.constantFrom(
    '',
    'thanks!',
    '?',
    ')',
    'bad',
    'added',
    'be',
    'on 2 PCs',
    'E_FVE_BAD_CODE_ID',
  );
  const casing = fc.array(fc.boolean(), { minLength: 36, maxLength: 36 });

  function recase(text: string, upper: readonly boolean[]): string {
    return [...text]
      .map((character, i) => (upper[i] ? character.toUpperCase() : character.toLowerCase()))
      .join('');
  }

  it('reads any GUID with or without dashes or braces, in any case, inside text, as the same Key ID', () => {
    const layout = fc.constantFrom('dashes', 'braces', 'plain', 'braces without dashes');
    fc.assert(
      fc.property(fc.uuid(), casing, layout, before, after, (guid, upper, style, head, tail) => {
        const cased = recase(guid, upper);
        const written = {
          dashes: cased,
          braces: `{${cased}}`,
          plain: cased.replaceAll('-', ''),
          'braces without dashes': `{${cased.replaceAll('-', '')}}`,
        }[style];
        // As below: digits before a digits-only GUID make a run the password guard refuses first.
        fc.pre(!containsRecoveryPasswordShape(`${head} ${written} ${tail}`));
        expect(parseKeyId(`${head} ${written} ${tail}`)).toEqual(
          keyId(guid.replaceAll('-', '').toUpperCase()),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads a GUID written with spaces between its groups as the same Key ID', () => {
    fc.assert(
      fc.property(fc.uuid(), casing, before, after, (guid, upper, head, tail) => {
        // A digit-free group joins across a space only between groups with digits (see parseKeyId rule 3).
        const groups = guid.split('-');
        fc.pre(groups.slice(1).every((group, i) => /[0-9]/.test(group) || /[0-9]/.test(groups[i + 2] ?? '')));
        const written = recase(guid, upper).replaceAll('-', ' ');
        // Rule 1 comes first: a digits-only GUID right after other digits ("Windows 11: 00000000 0000 …")
        // is a run of more than 32 digits, which the password guard refuses on purpose.
        fc.pre(!containsRecoveryPasswordShape(`${head} ${written} ${tail}`));
        expect(parseKeyId(`${head} ${written} ${tail}`)).toEqual(
          keyId(guid.replaceAll('-', '').toUpperCase()),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a valid recovery password anywhere in any text, whatever separates its blocks', () => {
    const block = fc.integer({ min: 0, max: 65_535 }).map((k) => String(k * 11).padStart(6, '0'));
    const separators = fc.array(fc.constantFrom('-', ' ', '', '\u2013', '  '), {
      minLength: 7,
      maxLength: 7,
    });
    fc.assert(
      fc.property(
        anyText,
        fc.array(block, { minLength: 8, maxLength: 8 }),
        separators,
        anyText,
        (head, blocks, between, tail) => {
          const password = blocks.map((digits, i) => `${digits}${between[i] ?? ''}`).join('');
          expect(parseKeyId(`${head}${password}${tail}`)).toEqual({
            kind: 'rejected',
            reason: 'recoveryPassword',
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatKeyIdForDisplay', () => {
  it.each([
    ['4290B6C0', '4290B6C0'],
    ['4290b6c0', '4290B6C0'],
    ['4290B6C01', '4290B6C0-1'],
    ['4290B6C01A2B', '4290B6C0-1A2B'],
    ['4290B6C01A2B3C4D5E6F7A8B', '4290B6C0-1A2B-3C4D-5E6F-7A8B'],
    [KEY_ID_DIGITS, KEY_ID],
    [`{${KEY_ID.toLowerCase()}}`, KEY_ID],
    ['4290', '4290'],
  ])('%s → %s', (prefix, shown) => {
    expect(formatKeyIdForDisplay(prefix)).toBe(shown);
  });

  it.each([
    ['empty', ''],
    ['non-hex', '4290G6C0'],
    ['33 digits', `${KEY_ID_DIGITS}0`],
  ])('refuses %s', (_, prefix) => {
    expect(() => formatKeyIdForDisplay(prefix)).toThrow(RangeError);
  });

  it('round-trips through parseKeyId', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 8, max: 32 }), (guid, length) => {
        const prefix = guid.replaceAll('-', '').toUpperCase().slice(0, length);
        expect(parseKeyId(formatKeyIdForDisplay(prefix))).toEqual(keyId(prefix));
      }),
    );
  });
});

describe('keyIdMatches', () => {
  const graphId = KEY_ID.toLowerCase();

  it.each([
    ['the first 8 digits', '4290B6C0', true],
    ['lower case', '4290b6c0', true],
    ['with dashes', '4290B6C0-1A2B', true],
    ['with braces and spaces', '{4290B6C0 1A2B', true],
    ['the whole Key ID', `{${KEY_ID}}`, true],
    ['a different prefix', '4290B6C1', false],
    ['digits from the middle', '1A2B3C4D', false],
    ['longer than the Key ID', `${KEY_ID_DIGITS}0`, false],
    ['an empty prefix', '', false],
    ['separators only', ' -{}', false],
  ])('%s → %s', (_, prefix, expected) => {
    expect(keyIdMatches(prefix, graphId)).toBe(expected);
  });

  it('matches every prefix of a key protector id, however both are written', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 36 }), (guid, length) => {
        return keyIdMatches(guid.slice(0, length).toUpperCase(), `{${guid}}`);
      }),
    );
  });
});
