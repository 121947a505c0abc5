/**
 * An audit event carried something shaped like a BitLocker recovery password. The audit trail is read by
 * people and exported to other systems, so a key must never land in it, whatever bug upstream put it there.
 * The message names where the shape was found, never the value, so the error is safe to log.
 */
export class SecretInAuditError extends Error {
  readonly code = 'SECRET_IN_AUDIT' as const;
  /** Path of the offending field, e.g. `event.reason` or `event.verification.method`. */
  readonly field: string;

  constructor(field: string) {
    super(`audit event refused: ${field} holds something shaped like a recovery password`);
    this.name = 'SecretInAuditError';
    this.field = field;
  }
}
