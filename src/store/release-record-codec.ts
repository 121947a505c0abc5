import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import {
  RELEASE_STAGES,
  type ReleaseProgress,
  type ReleaseRecord,
  type ReleaseStage,
  type ShownCard,
} from '../recovery/release-ports.js';
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

/** A release row with its outbox stage and, once shown, where the card is (JSON). */
export interface ProgressRow extends ReleaseRow {
  readonly stage: string;
  readonly card: string | null;
}

export function encodeShownCard(card: ShownCard): string {
  const secretAt = findRecoveryPassword(card, 'card');
  if (secretAt !== undefined) throw new RecoveryPasswordRefusedError('SECRET_IN_RELEASE', secretAt);
  return JSON.stringify({
    conversationReference: requireKeyText(card.conversationReference, 'card conversationReference'),
    activityId: requireKeyText(card.activityId, 'card activityId'),
  });
}

export function decodeProgress(row: ProgressRow): ReleaseProgress {
  if (!(RELEASE_STAGES as readonly string[]).includes(row.stage))
    throw new TypeError('unknown release stage');
  const card = row.card === null ? undefined : (JSON.parse(row.card) as ShownCard);
  return {
    record: decodeReleaseRecord(row),
    stage: row.stage as ReleaseStage,
    ...(card ? { card } : {}),
  };
}
