/**
 * Something shaped like a recovery password was about to enter a case. Thrown only for data that should
 * have been stopped upstream (a case request, directory details); text typed by people is refused as a
 * value instead. The message names the field, never the value, so the error is safe to log.
 */
export class RecoveryPasswordInCaseError extends Error {
  readonly code = 'RECOVERY_PASSWORD_IN_CASE' as const;
  /** Path of the offending field, e.g. `$.request.errorCode`. */
  readonly field: string;

  constructor(field: string) {
    super(`case refused: ${field} holds something shaped like a recovery password`);
    this.name = 'RecoveryPasswordInCaseError';
    this.field = field;
  }
}
