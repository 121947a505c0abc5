import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger, RECOVERY_PASSWORD_PATTERN } from '../../src/observability/logger.js';

const PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines, text: () => lines.join('') };
}

describe('logger redaction', () => {
  it('removes recovery passwords from messages, fields, nested objects, arrays and errors', () => {
    const { logger, text } = capture();
    logger.info(`the key is ${PASSWORD}`);
    logger.info({ note: `typed ${PASSWORD} by mistake`, nested: { list: [PASSWORD] } }, 'field');
    logger.error({ err: new Error(`failed with ${PASSWORD}`) }, 'error');
    logger.child({ context: PASSWORD }).warn('child binding');
    expect(text()).not.toMatch(RECOVERY_PASSWORD_PATTERN);
    expect(text()).toContain('[REDACTED]');
  });

  it.each([
    ['spaces', ' '],
    ['en dashes', '\u2013'],
    ['nothing (48 digits)', ''],
    ['spaced dashes', ' - '],
  ])('removes a recovery password written with %s between its blocks', (_label, separator) => {
    const { logger, text } = capture();
    const written = PASSWORD.split('-').join(separator);
    logger.info(`the key is ${written}`);
    logger.info({ note: `pasted ${written}` }, 'field');
    expect(text()).not.toContain(written);
    for (const block of PASSWORD.split('-')) expect(text()).not.toContain(block);
  });

  it('removes tokens, secrets and Authorization headers', () => {
    const { logger, text } = capture();
    logger.info(
      { headers: { Authorization: `Bearer ${JWT}` }, clientSecret: 'hunter2', access_token: 'abc' },
      'request',
    );
    logger.info(`calling with Bearer ${JWT}`);
    logger.info({ detail: `token ${JWT} leaked` }, 'text');
    expect(text()).not.toContain(JWT);
    expect(text()).not.toContain('hunter2');
    expect(text()).not.toContain('"abc"');
  });

  it('keeps ordinary data and the correlation id', () => {
    const { logger, lines } = capture();
    logger.child({ correlationId: 'c-1' }).info({ keyIdPrefix: '4290B6C0', count: 3 }, 'lookup');
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({ correlationId: 'c-1', keyIdPrefix: '4290B6C0', count: 3, msg: 'lookup' });
  });

  it('never lets any password-shaped string through, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.integer({ min: 0, max: 999_999 }), { minLength: 8, maxLength: 8 }),
        fc.string(),
        (before, blocks, after) => {
          const { logger, text } = capture();
          const password = blocks.map((block) => String(block).padStart(6, '0')).join('-');
          logger.info({ value: `${before}${password}${after}` }, `${before}${password}${after}`);
          return !text().includes(password);
        },
      ),
      { numRuns: 200 },
    );
  });
});
