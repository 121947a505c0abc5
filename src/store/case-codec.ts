import { CASE_STATUSES, type Case, type CaseStatus, type CaseTriage } from '../helpdesk/case.js';
import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import { parseInstant } from './instant.js';
import { requireKeyText } from './key-text.js';

/** A case as both backends write it: the JSON document plus copies of the parts queries use. */
export interface CaseRow {
  readonly number: number;
  readonly requesterObjectId: string;
  readonly requestId: string;
  readonly caseRequestNumber: number;
  readonly status: CaseStatus;
  readonly version: number;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds. */
  readonly updatedAt: number;
  /** JSON text of the whole case. */
  readonly document: string;
}

/**
 * Refuses anything about to enter a case that is shaped like a recovery password, with both guards: the
 * domain's (what the port promises) and the store's wider one, which also reads JSON held in strings
 * (the requester's conversation reference), where escapes such as `\u002d` would hide separators.
 * @throws RecoveryPasswordRefusedError (`RECOVERY_PASSWORD_IN_CASE`) naming the field, never the value.
 */
export function refuseRecoveryPasswordInCase(value: unknown): void {
  const field = findRecoveryPassword(value);
  if (field !== undefined) throw new RecoveryPasswordRefusedError('RECOVERY_PASSWORD_IN_CASE', field);
}

/**
 * Checks a case and turns it into a row. Throws `RecoveryPasswordRefusedError` (`RECOVERY_PASSWORD_IN_CASE`)
 * for a recovery-password shape anywhere in it, and a `TypeError` or `RangeError` naming the field (never its
 * value) for values the columns cannot hold the same way on both backends.
 */
export function encodeCase(value: Case): CaseRow {
  refuseRecoveryPasswordInCase(value);
  if (value === null || typeof value !== 'object') throw new TypeError('case must be an object');
  const number = requirePositiveInteger(value.number, 'case number');
  const version = requirePositiveInteger(value.version, 'case version');
  const caseRequestNumber = requirePositiveInteger(value.caseRequestNumber, 'case caseRequestNumber');
  if (!(CASE_STATUSES as readonly unknown[]).includes(value.status)) {
    throw new TypeError('case status is not a known case status');
  }
  return {
    number,
    requesterObjectId: requireKeyText(value.requester?.objectId, 'case requester.objectId'),
    requestId: requireKeyText(value.requestId, 'case requestId'),
    caseRequestNumber,
    status: value.status,
    version,
    createdAt: parseInstant(value.createdAt, 'case createdAt'),
    updatedAt: parseInstant(value.updatedAt, 'case updatedAt'),
    document: JSON.stringify(value),
  };
}

/** The fields a case holds as `undefined` when empty: JSON drops them, decoding puts them back. */
const EMPTY_CASE_FIELDS = {
  keyId: undefined,
  evidence: undefined,
  owner: undefined,
  verification: undefined,
  waitingSince: undefined,
  post: undefined,
  announcedAt: undefined,
  releasedAt: undefined,
  closedAt: undefined,
} as const satisfies Partial<Case>;

const EMPTY_TRIAGE_FIELDS = {
  rootCause: undefined,
  reasonCode: undefined,
  errorCode: undefined,
  deviceKind: undefined,
} as const satisfies Partial<CaseTriage>;

/** A stored document back into a `Case`, with every `… | undefined` field present as the domain builds it. */
export function decodeCase(document: string): Case {
  // Documents are written only by `encodeCase` from typed values, so the JSON has this shape.
  const stored = JSON.parse(document) as Case;
  return {
    ...EMPTY_CASE_FIELDS,
    ...stored,
    triage: { ...EMPTY_TRIAGE_FIELDS, ...stored.triage },
  };
}

/** A case number or version from a caller: a positive safe integer, or a `RangeError` naming `field`. */
export function requirePositiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${field} must be a positive integer`);
  }
  return value;
}

/**
 * The error for an update whose case names another requester, request or case request than the stored
 * one: a bug in the caller, not a race, so it is not reported as a version conflict.
 */
export function identityChanged(number: number): TypeError {
  return new TypeError(`case ${number}: an update may not change its requester, request id or case request`);
}
