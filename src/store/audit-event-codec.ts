import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import { AUDIT_DECISIONS, type AuditEvent, type AuditQuery } from '../recovery/release-ports.js';
import { formatInstant, parseInstant } from './instant.js';
import { isKeyText, requireKeyText } from './key-text.js';

/** How many events a query returns when it does not say. */
export const DEFAULT_AUDIT_LIMIT = 50;
/** The most a query may ask for: the helpdesk reads these in a chat card. */
export const MAX_AUDIT_LIMIT = 1000;

/**
 * An audit event as both backends write it. `event` (JSON) is the record itself; the other fields are
 * copies of parts of it that queries filter and sort on. Rows are never updated, so the copies cannot
 * drift from the record.
 */
export interface AuditEventRow {
  /** `event.at` in epoch milliseconds, so "newest first" is by instant, not by how the text sorts. */
  readonly at: number;
  readonly requesterObjectId: string;
  readonly deviceId: string | null;
  /** `event.keyId` as `keyIdSearchText` writes it. */
  readonly keyIdSearch: string | null;
  readonly decision: string;
  readonly event: string;
}

/** A query with its defaults applied and its Key ID in search form; `undefined` means "no such filter". */
export interface AuditSearch {
  readonly requesterObjectId: string | undefined;
  readonly deviceId: string | undefined;
  /** Uppercase, separators removed, and `%`, `_`, `\` escaped for `LIKE … ESCAPE '\'`, with the trailing `%`. */
  readonly keyIdPattern: string | undefined;
  readonly limit: number;
}

/**
 * Checks an event and turns it into a row. Throws `RecoveryPasswordRefusedError` (`SECRET_IN_AUDIT`) when
 * anything in it, including fields the type does not know, is shaped like a recovery password, and a
 * `TypeError` naming the field when it is not a well-formed event. Only the fields of `AuditEvent` are kept;
 * properties set to `undefined` count as absent; times come back as `Date#toISOString` writes them.
 */
export function encodeAuditEvent(event: AuditEvent): AuditEventRow {
  const secretAt = findRecoveryPassword(event, 'event');
  if (secretAt !== undefined) throw new RecoveryPasswordRefusedError('SECRET_IN_AUDIT', secretAt);
  if (event === null || typeof event !== 'object') throw new TypeError('audit event must be an object');
  const at = parseInstant(event.at, 'audit event at');
  if (!(AUDIT_DECISIONS as readonly string[]).includes(event.decision)) {
    throw new TypeError('audit event decision is not a known audit decision');
  }
  const requester = event.requester as AuditEvent['requester'] | undefined;
  if (requester === null || typeof requester !== 'object') {
    throw new TypeError('audit event requester must be an object');
  }
  const record: AuditEvent = {
    at: formatInstant(at),
    correlationId: requireKeyText(event.correlationId, 'audit event correlationId'),
    decision: event.decision,
    ...optionalText(event.reason, 'reason'),
    requester: {
      objectId: requireKeyText(requester.objectId, 'audit event requester.objectId'),
      tenantId: requireKeyText(requester.tenantId, 'audit event requester.tenantId'),
      ...optionalText(requester.displayName, 'requester.displayName', 'displayName'),
    },
    ...optionalKeyText(event.deviceId, 'deviceId'),
    ...optionalText(event.deviceName, 'deviceName'),
    ...optionalKeyText(event.keyId, 'keyId'),
    ...optionalKeyText(event.requestId, 'requestId'),
    ...(event.requestStartedAt === undefined
      ? {}
      : {
          requestStartedAt: formatInstant(
            parseInstant(event.requestStartedAt, 'audit event requestStartedAt'),
          ),
        }),
    ...verificationOf(event.verification),
    ...optionalText(event.actor, 'actor'),
    ...optionalText(event.note, 'note'),
  };
  return {
    at,
    requesterObjectId: record.requester.objectId,
    deviceId: record.deviceId ?? null,
    // A Key ID of separators only folds to nothing and is left unsearchable rather than matching every prefix.
    keyIdSearch:
      record.keyId === undefined || keyIdSearchText(record.keyId) === ''
        ? null
        : keyIdSearchText(record.keyId),
    decision: record.decision,
    event: JSON.stringify(record),
  };
}

/** A stored `event` column back into the event. */
export function decodeAuditEvent(event: string): AuditEvent {
  // Written only by `encodeAuditEvent`, so it has this shape.
  return JSON.parse(event) as AuditEvent;
}

/**
 * Applies defaults and checks a query; `undefined` when nothing can match. An empty Key ID filter (or one
 * of separators only) matches nothing, as in `keyIdMatches`, so a caller's mistake cannot list everything.
 */
export function encodeAuditQuery(query: AuditQuery): AuditSearch | undefined {
  const limit = query.limit ?? DEFAULT_AUDIT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_AUDIT_LIMIT) {
    throw new TypeError(`audit query limit must be an integer from 1 to ${MAX_AUDIT_LIMIT}`);
  }
  for (const field of ['requesterObjectId', 'deviceId', 'keyId'] as const) {
    const value = query[field];
    if (value !== undefined && typeof value !== 'string') {
      throw new TypeError(`audit query ${field} must be a string`);
    }
  }
  const keyIdPrefix = query.keyId === undefined ? undefined : keyIdSearchText(query.keyId);
  if (keyIdPrefix === '') return undefined;
  // No stored event has an empty or NUL-bearing id, and PostgreSQL would reject a NUL parameter.
  for (const id of [query.requesterObjectId, query.deviceId, keyIdPrefix]) {
    if (id !== undefined && !isKeyText(id)) return undefined;
  }
  return {
    requesterObjectId: query.requesterObjectId,
    deviceId: query.deviceId,
    keyIdPattern: keyIdPrefix === undefined ? undefined : `${keyIdPrefix.replace(/[\\%_]/g, '\\$&')}%`,
    limit,
  };
}

/**
 * A Key ID the way prefix search compares it: uppercase, without the `-`, `{`, `}` and whitespace people
 * and Graph put between its groups, so "4290b6c0-1a" finds "4290B6C0-1A2B-…". Done here rather than in SQL
 * so both backends fold case identically.
 */
export function keyIdSearchText(keyId: string): string {
  return keyId.replace(/[\s{}-]/g, '').toUpperCase();
}

function optionalText(value: unknown, field: string, as: string = field): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'string') throw new TypeError(`audit event ${field} must be a string when present`);
  return { [as]: value };
}

function optionalKeyText(value: unknown, field: string): Record<string, string> {
  return value === undefined ? {} : { [field]: requireKeyText(value, `audit event ${field}`) };
}

function verificationOf(value: AuditEvent['verification'] | undefined): Pick<AuditEvent, 'verification'> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object') {
    throw new TypeError('audit event verification must be an object when present');
  }
  if (typeof value.method !== 'string')
    throw new TypeError('audit event verification.method must be a string');
  return {
    verification: {
      method: value.method,
      at: formatInstant(parseInstant(value.at, 'audit event verification.at')),
    },
  };
}
