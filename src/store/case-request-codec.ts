import type { CaseRequest, NewCaseRequest, Requester } from '../recovery/case-requests.js';
import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import { ESCALATION_REASONS, type EscalationReason, type RecoveryRequest } from '../recovery/triage-types.js';

/**
 * A case request as both backends write it. The identifying fields have their own columns (for the
 * unique constraint and the "latest for requester" index) and are left out of the JSON, so each value
 * has one truth; the rest is JSON text, which round-trips exactly on both backends.
 */
export interface CaseRequestRow {
  readonly requesterObjectId: string;
  readonly requestId: string;
  readonly tenantId: string;
  /** JSON of the requester without `objectId` and `tenantId`. */
  readonly requester: string;
  /** JSON of the recovery request without `id`. */
  readonly request: string;
  readonly reason: EscalationReason;
  /** The serialized conversation reference, verbatim. */
  readonly conversationReference: string;
  /** Canonical ISO-8601 UTC instant with milliseconds (what `Date#toISOString` returns). */
  readonly createdAt: string;
}

/** A row as read back, with the number the database assigned. */
export interface StoredCaseRequestRow extends CaseRequestRow {
  readonly number: number;
}

/**
 * Checks a new case request and turns it into a row. Throws `RecoveryPasswordRefusedError` (`SECRET_IN_CASE`)
 * when anything in it is shaped like a recovery password, and a `TypeError` naming the field (never its
 * value) when a value would not survive both backends the same way, so neither is the first to find out.
 */
export function encodeCaseRequest(caseRequest: NewCaseRequest): CaseRequestRow {
  const secretAt = findRecoveryPassword(caseRequest, 'caseRequest');
  if (secretAt !== undefined) throw new RecoveryPasswordRefusedError('SECRET_IN_CASE', secretAt);
  const { requester, request, reason, conversationReference, createdAt } = caseRequest;
  requireKeyText(requester.objectId, 'requester.objectId');
  requireKeyText(requester.tenantId, 'requester.tenantId');
  requireKeyText(request.id, 'request.id');
  if (!(ESCALATION_REASONS as readonly string[]).includes(reason)) {
    throw new TypeError('case request: reason is not a known escalation reason');
  }
  if (!isJson(conversationReference)) {
    throw new TypeError('case request: conversationReference must be serialized JSON');
  }
  // PostgreSQL keeps microseconds and SQLite keeps text: only the canonical millisecond form reads back
  // identical from both.
  if (typeof createdAt !== 'string' || !isCanonicalInstant(createdAt)) {
    throw new TypeError('case request: createdAt must be an ISO instant as Date#toISOString writes it');
  }
  const { objectId, tenantId, ...requesterRest } = requester;
  const { id, ...requestRest } = request;
  return {
    requesterObjectId: objectId,
    requestId: id,
    tenantId,
    requester: JSON.stringify(requesterRest),
    request: JSON.stringify(requestRest),
    reason,
    conversationReference,
    createdAt,
  };
}

/** A stored row back into the domain's `CaseRequest`; absent optional answers come back as `undefined`. */
export function decodeCaseRequest(row: StoredCaseRequestRow): CaseRequest {
  // Rows are written only by `encodeCaseRequest` from typed values, so the JSON has these shapes.
  const requester = JSON.parse(row.requester) as Omit<Requester, 'objectId' | 'tenantId'>;
  const request = JSON.parse(row.request) as Partial<Omit<RecoveryRequest, 'id'>>;
  return {
    number: row.number,
    requester: {
      objectId: row.requesterObjectId,
      tenantId: row.tenantId,
      teamsUserId: requester.teamsUserId,
      displayName: requester.displayName,
    },
    request: {
      id: row.requestId,
      keyId: request.keyId ?? undefined,
      rootCause: request.rootCause ?? undefined,
      reasonCode: request.reasonCode ?? undefined,
      errorCode: request.errorCode ?? undefined,
      deviceKind: request.deviceKind ?? undefined,
      riskStop: request.riskStop === true,
      startedAt: String(request.startedAt),
    },
    reason: row.reason,
    conversationReference: row.conversationReference,
    createdAt: row.createdAt,
  };
}

/** Identifiers become key columns: empty would collide, and PostgreSQL text cannot hold NUL. */
function requireKeyText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '' || value.includes('\u0000')) {
    throw new TypeError(`case request: ${field} must be a non-empty string without NUL characters`);
  }
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    // Not JSON: the caller reports it as a TypeError.
    return false;
  }
}

function isCanonicalInstant(text: string): boolean {
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
}
