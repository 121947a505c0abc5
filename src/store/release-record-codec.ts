import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import type { ReleaseRecord } from '../recovery/release-ports.js';
import { formatInstant, parseInstant } from './instant.js';
import { requireKeyText } from './key-text.js';

/** A release as both backends write it: one column per field, the time in epoch milliseconds. */
export interface ReleaseRow {
  readonly requestId: string;
  readonly requesterObjectId: string;
  readonly deviceId: string;
  readonly keyId: string;
  readonly releasedAt: number;
}

/**
 * Checks a release record and turns it into a row. Throws `RecoveryPasswordRefusedError`
 * (`SECRET_IN_RELEASE`) when any field is shaped like a recovery password, and a `TypeError` naming the field
 * (never its value) when a field is empty or the time is not an ISO instant.
 */
export function encodeReleaseRecord(record: ReleaseRecord): ReleaseRow {
  const secretAt = findRecoveryPassword(record, 'release');
  if (secretAt !== undefined) throw new RecoveryPasswordRefusedError('SECRET_IN_RELEASE', secretAt);
  if (record === null || typeof record !== 'object') throw new TypeError('release record must be an object');
  return {
    requestId: requireKeyText(record.requestId, 'release requestId'),
    requesterObjectId: requireKeyText(record.requesterObjectId, 'release requesterObjectId'),
    deviceId: requireKeyText(record.deviceId, 'release deviceId'),
    keyId: requireKeyText(record.keyId, 'release keyId'),
    releasedAt: parseInstant(record.releasedAt, 'release releasedAt'),
  };
}

/** A stored row back into the record; the time in the form `Date#toISOString` writes. */
export function decodeReleaseRecord(row: ReleaseRow): ReleaseRecord {
  return {
    requestId: row.requestId,
    requesterObjectId: row.requesterObjectId,
    deviceId: row.deviceId,
    keyId: row.keyId,
    releasedAt: formatInstant(row.releasedAt),
  };
}
