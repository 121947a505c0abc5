/**
 * A job carried something shaped like a BitLocker recovery password. Jobs sit in the database for hours
 * (the rotation check runs a day later), so a key must never ride along in a payload. The message names
 * the field, never the value.
 */
export class SecretInJobError extends Error {
  readonly code = 'SECRET_IN_JOB' as const;
  /** Path of the offending field, e.g. `job.payload.activity.text`. */
  readonly field: string;

  constructor(field: string) {
    super(`job refused: ${field} holds something shaped like a recovery password`);
    this.name = 'SecretInJobError';
    this.field = field;
  }
}
