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

/** True when `password` is 8 dash-separated 6-digit blocks, each divisible by 11 and below 720896. */
export function isValidRecoveryPassword(password: string): boolean {
  if (!/^\d{6}(-\d{6}){7}$/.test(password)) return false;
  return password.split('-').every((block) => {
    const value = Number(block);
    return value % BLOCK_FACTOR === 0 && value < BLOCK_VALUES * BLOCK_FACTOR;
  });
}
