/**
 * A release record carried something shaped like a BitLocker recovery password. The ledger keeps which
 * key was released, never the key itself. The message names the field, never the value.
 */
export class SecretInReleaseError extends Error {
  readonly code = 'SECRET_IN_RELEASE' as const;
  /** Path of the offending field, e.g. `release.keyId`. */
  readonly field: string;

  constructor(field: string) {
    super(`release record refused: ${field} holds something shaped like a recovery password`);
    this.name = 'SecretInReleaseError';
    this.field = field;
  }
}
