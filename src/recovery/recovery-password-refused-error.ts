/**
 * What each refusal code refuses, by the words its message starts with. The codes are kept as they were
 * when each store had its own error class, because logs and alerts match on them.
 */
export const RECOVERY_PASSWORD_REFUSALS = {
  /** The audit trail is read by people and exported to other systems. */
  SECRET_IN_AUDIT: 'audit event',
  /** A new case request, refused by the store before it is recorded. */
  SECRET_IN_CASE: 'case request',
  /** A channel's conversation reference: every bot instance reads it to post where every agent sees. */
  SECRET_IN_CHANNEL: 'helpdesk channel',
  /** Jobs sit in the database for hours (the rotation check runs a day later). */
  SECRET_IN_JOB: 'job',
  /** The release ledger keeps which key was released, never the key itself. */
  SECRET_IN_RELEASE: 'release record',
  /** A case (or details attached to it) that should have been stopped upstream. */
  RECOVERY_PASSWORD_IN_CASE: 'case',
} as const;

export type RecoveryPasswordRefusalCode = keyof typeof RECOVERY_PASSWORD_REFUSALS;

/**
 * Something shaped like a BitLocker recovery password was about to be stored: in an audit event, a case
 * request, a case, a helpdesk channel, a job or a release record (`code` says which). A key must never land
 * there, whatever bug upstream put it there. The message names where the shape was found, never the value,
 * so the error is safe to log.
 */
export class RecoveryPasswordRefusedError extends Error {
  readonly code: RecoveryPasswordRefusalCode;
  /** Path of the offending field, e.g. `event.reason`, `release.keyId` or `$.request.errorCode`. */
  readonly field: string;

  constructor(code: RecoveryPasswordRefusalCode, field: string) {
    super(
      `${RECOVERY_PASSWORD_REFUSALS[code]} refused: ${field} holds something shaped like a recovery password`,
    );
    this.name = 'RecoveryPasswordRefusedError';
    this.code = code;
    this.field = field;
  }
}
