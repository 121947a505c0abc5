/** Each of the 8 blocks is 11 × k with 0 ≤ k < 65536 (what the pre-boot console checks). */
const BLOCK_COUNT = 8;
const BLOCK_FACTOR = 11;
const BLOCK_VALUES = 65536;

/**
 * A valid BitLocker recovery password drawn from `nextInt` (returns an integer in [0, exclusiveMax)).
 * Sample data passes a seeded source; key rotation passes `crypto.randomInt`.
 */
export function validRecoveryPassword(nextInt: (exclusiveMax: number) => number): string {
  return Array.from({ length: BLOCK_COUNT }, () =>
    String(nextInt(BLOCK_VALUES) * BLOCK_FACTOR).padStart(6, '0'),
  ).join('-');
}

/** The validity rule lives with the domain's recovery password; the demo tenant checks its keys with it. */
export { isValidRecoveryPassword } from '../recovery/recovery-password.js';
