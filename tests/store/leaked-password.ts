import { expect } from 'vitest';
import { RECOVERY_PASSWORD_PATTERN } from '../../src/observability/logger.js';

/** A valid recovery password (each block divisible by 11 and below 720896) that some bug tries to store. */
export const LEAKED_PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';

/**
 * Any two neighbouring blocks of the leaked password with up to three other characters between them: a
 * partial leak in any layout (dashes, spaces, en dashes, nothing). Only this password's own blocks, so the
 * other long digit runs a store's log rightly holds (object ids, the audit mirror's lines) do not count.
 */
const PART_OF_LEAKED_PASSWORD = new RegExp(
  LEAKED_PASSWORD.split('-')
    .slice(1)
    .map((block, index) => `${LEAKED_PASSWORD.split('-')[index]}\\D{0,3}${block}`)
    .join('|'),
);

/** The refusal's text and every log line the store wrote stay free of the leaked password, in any layout. */
export function expectNoLeakedPassword(error: Error, lines: readonly string[]): void {
  expect(error.message).not.toMatch(/\d{6}/);
  expect(String(error.stack)).not.toMatch(RECOVERY_PASSWORD_PATTERN);
  for (const line of lines) expect(line).not.toMatch(PART_OF_LEAKED_PASSWORD);
}
