import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRecoveryPassword } from '../../src/recovery/find-recovery-password.js';

/** A valid recovery password (every block divisible by 11 and below 720896). */
const PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';
const BLOCKS = PASSWORD.split('-');

describe('findRecoveryPassword', () => {
  it.each([
    ['dashes', PASSWORD],
    ['spaces', BLOCKS.join(' ')],
    ['no separators (48 digits)', BLOCKS.join('')],
    ['mixed separators', `${BLOCKS.slice(0, 4).join('-')} ${BLOCKS.slice(4).join('')}`],
    ['spaced dashes', BLOCKS.join(' - ')],
    ['en dashes', BLOCKS.join('\u2013')],
    ['line breaks', BLOCKS.join('\n')],
    ['non-breaking spaces', BLOCKS.join('\u00a0')],
    ['full-width digits', PASSWORD.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)))],
    ['inside a sentence', `my key is ${PASSWORD}, thanks`],
  ])('finds a password written with %s', (_label, text) => {
    expect(findRecoveryPassword({ note: text })).toBe('$.note');
  });

  it.each([
    ['two blocks', BLOCKS.slice(0, 2).join('-')],
    ['seven blocks', BLOCKS.slice(0, 7).join('-')],
    ['47 digits', BLOCKS.join('').slice(1)],
    ['blocks of five digits', BLOCKS.map((block) => block.slice(1)).join('-')],
  ])('refuses part of a password too (%s): broad on purpose, a part is most of a key', (_label, text) => {
    expect(findRecoveryPassword({ note: text })).toBe('$.note');
  });

  it.each([
    ['a Key ID', '4290B6C0-1F2E-4D3C-9B8A-7C6D5E4F3A2B'],
    ['a Key ID of digits only', '{12345678-1234-5678-9012-345678901234}'],
    ['a Teams activity id', '1718900000000'],
    ['a Teams thread id', '19:demo-helpdesk@thread.tacv2;messageid=1764121368000'],
    ['a time', '2026-11-26T01:42:48.123Z'],
    ['an error code', 'E_FVE_BAD_CODE_ID 0x80310028'],
    ['blocks too far apart', BLOCKS.join(' -  ')],
    ['blocks separated by words', BLOCKS.join(' and ')],
  ])('leaves %s alone', (_label, text) => {
    expect(findRecoveryPassword({ note: text })).toBeUndefined();
  });

  it('names the path of nested values, array items and property names, never the value', () => {
    expect(findRecoveryPassword({ a: { b: [1, 'x', PASSWORD] } }, 'root')).toBe('root.a.b[2]');
    const path = findRecoveryPassword({ a: { [PASSWORD]: true } }, 'root');
    expect(path).toBe('root.a.<property name>');
    expect(path).not.toMatch(/\d{6}/);
  });

  it('looks inside strings that are serialized JSON, where escapes could hide separators', () => {
    // `\u002d` is a dash and `\n` a line break only once the JSON is parsed.
    const escaped = `{"user":{"name":"${BLOCKS.join('\\u002d')}"}}`;
    expect(escaped).not.toContain(PASSWORD);
    expect(findRecoveryPassword({ ref: escaped })).toBe('$.ref.user.name');
    expect(findRecoveryPassword({ ref: `[{"n":"${BLOCKS.join('\\n')}"}]` })).toBe('$.ref[0].n');
    expect(findRecoveryPassword({ ref: '{"not json' })).toBeUndefined();
  });

  it('ignores numbers, booleans and null, and refuses nesting too deep to read', () => {
    expect(findRecoveryPassword({ n: 496298461032, b: true, z: null, u: undefined })).toBeUndefined();
    let deep: unknown = 'leaf';
    for (let level = 0; level < 40; level += 1) deep = { deeper: deep };
    expect(findRecoveryPassword(deep)).toMatch(/^\$(\.deeper)+$/);
  });

  it('finds any password with any separators, anywhere in any string', () => {
    const block = fc.integer({ min: 0, max: 65535 }).map((k) => String(k * 11).padStart(6, '0'));
    const separator = fc.constantFrom('', '-', ' ', '\u2013', '\u2212', '\t', ' - ', '\r\n');
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 8, maxLength: 8 }),
        fc.array(separator, { minLength: 7, maxLength: 7 }),
        fc.string(),
        fc.string(),
        fc.constantFrom('requester.displayName', 'request.keyId', 'conversationReference'),
        (blocks, separators, before, after, field) => {
          const password = blocks
            .map((b, index) => (index === 0 ? b : `${separators[index - 1]}${b}`))
            .join('');
          const [outer, inner] = field.split('.') as [string, string | undefined];
          const text = `${before}${password}${after}`;
          const value = { [outer]: inner === undefined ? text : { [inner]: text } };
          expect(findRecoveryPassword(value, 'caseRequest')).toBe(`caseRequest.${field}`);
        },
      ),
    );
  });
});
