/**
 * A case request carried something shaped like a BitLocker recovery password. The store refuses it: a
 * key must never reach a case, whatever bug upstream put it there. The message names where the shape was
 * found, never the value, so the error is safe to log.
 */
export class SecretInCaseError extends Error {
  readonly code = 'SECRET_IN_CASE' as const;
  /** Path of the offending field, e.g. `request.keyId` or `conversationReference.user.name`. */
  readonly field: string;

  constructor(field: string) {
    super(`case request refused: ${field} holds something shaped like a recovery password`);
    this.name = 'SecretInCaseError';
    this.field = field;
  }
}
