import { format, inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import {
  type BlockIndex,
  checkTypedBlock,
  containsRecoveryPasswordShape,
  formatBlocks,
  isValidBlock,
  isValidRecoveryPassword,
  parseRecoveryPassword,
  type RecoveryPassword,
} from '../../src/recovery/recovery-password.js';

/** The valid example from platform-facts.md. */
const VALID = '496298-461032-321464-595518-463221-173943-033616-139579';
const VALID_BLOCKS = VALID.split('-');
/** Shaped like Graph's documentation example: right layout, blocks fail the ×11 rule. */
const GRAPH_DOC_STYLE = '123456-231453-123456-231453-123456-231453-123456-231453';

function parsed(text: string): RecoveryPassword {
  const password = parseRecoveryPassword(text);
  if (!password) throw new Error('expected a valid recovery password');
  return password;
}

const blockDigits = fc.integer({ min: 0, max: 65_535 }).map((k) => String(k * 11).padStart(6, '0'));
const validPassword = fc.array(blockDigits, { minLength: 8, maxLength: 8 }).map((blocks) => blocks.join('-'));

describe('isValidBlock', () => {
  it.each([
    ['000000', true, 'zero is 11 × 0'],
    ['000011', true, 'smallest non-zero multiple'],
    ['720885', true, 'largest block, 11 × 65535'],
    ['496298', true, 'first block of the documented example'],
    ['033616', true, 'leading zero kept'],
    ['000010', false, 'not divisible by 11'],
    ['720896', false, '11 × 65536 reaches the limit'],
    ['720907', false, 'divisible by 11 but too big'],
    ['999999', false, 'divisible by 11 but too big'],
    ['123456', false, 'Graph documentation digits'],
    ['00001', false, '5 digits'],
    ['0000011', false, '7 digits'],
    ['', false, 'empty'],
    ['00001a', false, 'a letter'],
    ['0000 1', false, 'a space'],
    ['-00011', false, 'a sign'],
    ['0x0011', false, 'hex notation'],
    ['1e+1', false, 'exponent notation Number() would accept'],
    ['０００００１', false, 'full-width digits are not what the console takes'],
  ])('%s → %s (%s)', (block, expected) => {
    expect(isValidBlock(block)).toBe(expected);
  });

  it('accepts exactly the 65536 multiples of 11 below 720896 among all 6-digit strings', () => {
    let valid = 0;
    for (let value = 0; value < 1_000_000; value += 1) {
      const block = String(value).padStart(6, '0');
      const expected = value % 11 === 0 && value / 11 < 65_536;
      if (isValidBlock(block) !== expected) throw new Error(`block ${block} misjudged`);
      if (expected) valid += 1;
    }
    expect(valid).toBe(65_536);
  });
});

describe('isValidRecoveryPassword', () => {
  it.each([
    [VALID, true, 'the documented valid example'],
    ['000000-000000-000000-000000-000000-000000-000000-000000', true, 'all zero blocks'],
    ['720885-720885-720885-720885-720885-720885-720885-720885', true, 'all largest blocks'],
    [GRAPH_DOC_STYLE, false, "Graph's documentation style"],
    [VALID.replace('139579', '139580'), false, 'last block off by one'],
    [VALID.replace('496298', '720896'), false, 'a block at the limit'],
    [VALID.replace('496298', '720907'), false, 'a block divisible by 11 but too big'],
    [VALID.split('-').slice(0, 7).join('-'), false, '7 blocks'],
    [`${VALID}-000000`, false, '9 blocks'],
    [VALID.replaceAll('-', ' '), false, 'spaces are for parseRecoveryPassword'],
    [VALID.replaceAll('-', ''), false, 'no separators are for parseRecoveryPassword'],
    [` ${VALID}`, false, 'leading space'],
    [`${VALID}\n`, false, 'trailing newline'],
    [VALID.replace('496298', '49629'), false, 'a 5-digit block'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (text, expected) => {
    expect(isValidRecoveryPassword(text)).toBe(expected);
  });

  it('accepts every password built from valid blocks', () => {
    fc.assert(fc.property(validPassword, (password) => isValidRecoveryPassword(password)));
  });
});

describe('parseRecoveryPassword', () => {
  it.each([
    ['dashes', VALID],
    ['spaces', VALID.replaceAll('-', ' ')],
    ['several spaces and tabs', VALID.replaceAll('-', ' \t ')],
    ['line breaks', VALID.replaceAll('-', '\n')],
    ['no separators', VALID.replaceAll('-', '')],
    ['a mix of dashes and spaces', '496298 461032-321464 - 595518 463221-173943 033616-139579'],
    ['typographic dashes', VALID.replaceAll('-', '\u2013')],
    ['full-width digits', VALID.replace('496298', '４９６２９８')],
    ['surrounding whitespace', `  ${VALID}\n`],
  ])('reads %s', (_, text) => {
    expect(parsed(text).reveal()).toBe(VALID);
  });

  it.each([
    ["Graph's documentation style", GRAPH_DOC_STYLE],
    ['one block failing the ×11 rule', VALID.replace('173943', '173944')],
    ['one block too big', VALID.replace('173943', '720896')],
    ['47 digits', VALID.replaceAll('-', '').slice(1)],
    ['49 digits', `${VALID.replaceAll('-', '')}0`],
    ['7 blocks', VALID.split('-').slice(1).join('-')],
    ['a letter inside', VALID.replace('461032', '46103a')],
    ['words around it', `my key is ${VALID}`],
    ['a block of 5 and one of 7 digits', VALID.replace('496298-461032', '49629-8461032')],
    ['empty text', ''],
  ])('refuses %s', (_, text) => {
    expect(parseRecoveryPassword(text)).toBeUndefined();
  });

  it('reads any valid password in any separator style back to the same digits', () => {
    const separator = fc.constantFrom('-', ' ', '', '  ', '\u2011', ' - ');
    fc.assert(
      fc.property(fc.array(blockDigits, { minLength: 8, maxLength: 8 }), separator, (blocks, between) => {
        const password = parseRecoveryPassword(blocks.join(between));
        return password?.reveal() === blocks.join('-');
      }),
    );
  });
});

describe('RecoveryPassword never leaks by accident', () => {
  const password = parsed(VALID);

  function leaks(text: string): boolean {
    return VALID_BLOCKS.some((block) => text.includes(block));
  }

  it.each([
    ['String()', () => String(password)],
    ['toString()', () => password.toString()],
    ['a template literal', () => `key: ${password}`],
    // biome-ignore lint/style/useTemplate: `+` converts with the 'default' hint, a path templates do not take
    ['concatenation', () => 'key: ' + password],
    ['JSON.stringify of the value', () => JSON.stringify(password)],
    ['JSON.stringify of an object holding it', () => JSON.stringify({ p: password, nested: [{ password }] })],
    ['util.inspect', () => inspect(password)],
    ['util.inspect with hidden fields', () => inspect({ p: password }, { showHidden: true, depth: null })],
    [
      'util.inspect bypassing custom inspection',
      () => inspect(password, { customInspect: false, showHidden: true }),
    ],
    ['util.format %s %o %O %j', () => format('%s %o %O %j', password, password, password, password)],
    ['an error message', () => new Error(`could not use ${password}`).message],
    ['its own enumerable properties', () => JSON.stringify(Object.entries(password))],
    ['a spread copy', () => JSON.stringify({ ...password })],
    ['structuredClone', () => inspect(structuredClone(password), { showHidden: true })],
  ])('%s', (_, render) => {
    const text = render();
    expect(leaks(text)).toBe(false);
  });

  it('turns into [recovery password] wherever it is stringified', () => {
    expect(String(password)).toBe('[recovery password]');
    expect(JSON.parse(JSON.stringify({ p: password }))).toEqual({ p: '[recovery password]' });
    expect(inspect(password)).toBe('[recovery password]');
  });

  it('stays hidden in log lines written through the pino logger', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'trace',
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.info({ released: password, detail: { password } }, `released ${password}`);
    expect(lines).toHaveLength(1);
    expect(leaks(lines.join(''))).toBe(false);
  });

  it('gives the digits only through reveal() and blocks()', () => {
    expect(password.reveal()).toBe(VALID);
    expect(password.blocks()).toEqual(VALID_BLOCKS);
  });

  it('cannot be changed through what blocks() returns', () => {
    const blocks = password.blocks() as string[];
    expect(() => {
      blocks[0] = '000000';
    }).toThrow(TypeError);
    expect(password.reveal()).toBe(VALID);
  });

  it('is not interchangeable with a plain string', () => {
    // @ts-expect-error a string is not a checked RecoveryPassword: the brand makes this a compile error
    expect(() => checkTypedBlock(VALID, 1, '496298')).toThrow(TypeError);
  });
});

describe('formatBlocks', () => {
  it('numbers the 8 blocks from 1 for "block 3 of 8"', () => {
    expect(formatBlocks(parsed(VALID))).toEqual(
      VALID_BLOCKS.map((digits, position) => ({ index: position + 1, digits })),
    );
  });

  it('keeps the order and digits of any valid password', () => {
    fc.assert(
      fc.property(validPassword, (text) => {
        const blocks = formatBlocks(parsed(text));
        return (
          blocks.map((block) => block.digits).join('-') === text && blocks.every((b, i) => b.index === i + 1)
        );
      }),
    );
  });
});

describe('checkTypedBlock', () => {
  const password = parsed(VALID);

  it.each<[BlockIndex, string, 'match' | 'mismatch' | 'invalidBlock', string]>([
    [1, '496298', 'match', 'the right block'],
    [7, '033616', 'match', 'leading zero'],
    [8, '139579', 'match', 'the last block'],
    [3, ' 321 464 ', 'match', 'spaces typed inside and around'],
    [3, '３２１４６４', 'match', 'full-width digits from a phone keyboard'],
    [1, '461032', 'mismatch', 'a valid block, but block 2'],
    [2, '000000', 'mismatch', 'a valid block that is not this one'],
    [1, '496299', 'invalidBlock', 'one digit off breaks the ×11 rule'],
    [1, '469298', 'invalidBlock', 'two digits swapped'],
    [1, '49629', 'invalidBlock', '5 digits'],
    [1, '4962988', 'invalidBlock', '7 digits'],
    [1, '49629B', 'invalidBlock', 'a letter'],
    [1, '720896', 'invalidBlock', 'above the largest block'],
    [1, '', 'invalidBlock', 'nothing typed'],
  ])('block %i typed as %j → %s (%s)', (index, typed, expected) => {
    expect(checkTypedBlock(password, index, typed)).toBe(expected);
  });

  it.each([0, 9, 1.5])('refuses block index %d', (index) => {
    expect(() => checkTypedBlock(password, index as BlockIndex, '496298')).toThrow(RangeError);
  });

  it('matches every block of any valid password at its own index', () => {
    fc.assert(
      fc.property(validPassword, (text) => {
        const random = parsed(text);
        return random
          .blocks()
          .every((block, i) => checkTypedBlock(random, (i + 1) as BlockIndex, block) === 'match');
      }),
    );
  });
});

describe('containsRecoveryPasswordShape', () => {
  it.each([
    ['a full password', VALID],
    ['an invalid password of the right shape', GRAPH_DOC_STYLE],
    ['with spaces', VALID.replaceAll('-', ' ')],
    ['48 digits in a row', VALID.replaceAll('-', '')],
    ['inside a sentence', `is this it? ${VALID} thanks`],
    ['two blocks', 'the first part is 496298-461032'],
    ['two blocks with a comma', '496298, 461032'],
    ['glued to letters', `key${VALID}end`],
    ['grouped in fours', '4962 9846 1032 3214 6459 5518 4632 2117 3943 0336 1613 9579'],
    ['36 digits', VALID.replaceAll('-', '').slice(0, 36)],
    ['full-width digits', '４９６２９８-４６１０３２'],
    ['Arabic-Indic digits', '٤٩٦٢٩٨-٤٦١٠٣٢'],
    ['typographic dashes', VALID.replaceAll('-', '\u2014')],
  ])('finds %s', (_, text) => {
    expect(containsRecoveryPasswordShape(text)).toBe(true);
  });

  it.each([
    ['a Key ID', '4290B6C0-1A2B-3C4D-5E6F-7A8B9C0D1E2F'],
    ['a Key ID of digits only', '12345678-1234-1234-1234-123456789012'],
    ['a 32-digit Key ID without dashes', '12345678123412341234123456789012'],
    ['one 6-digit block', 'block 1 is 496298'],
    ['6-digit numbers apart in a sentence', 'I tried 496298 and then 461032'],
    ['a 7-digit and a 6-digit group', '4962981-461032'],
    ['a date and a time', '2024-07-19 10:30'],
    ['a phone number', '+1 425 555 0100'],
    ['no digits', 'my screen is blue'],
  ])('does not flag %s', (_, text) => {
    expect(containsRecoveryPasswordShape(text)).toBe(false);
  });
});
