import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import { JOB_KINDS, type Job, type JobKind, type NewJob } from '../recovery/release-ports.js';
import { formatInstant, parseInstant, requireStorable } from './instant.js';
import { requireKeyText } from './key-text.js';

/** The longest lease a worker may take: a job held longer than this looks like a dead worker anyway. */
export const MAX_LEASE_MS = 24 * 60 * 60 * 1000;
/** The most jobs one `claimDue` may lease. */
export const MAX_CLAIM_LIMIT = 1000;
/** Nesting deeper than any job payload needs (a conversation reference is about four levels). */
const MAX_PAYLOAD_DEPTH = 32;

export type { NewJob };

/** A new job as both backends insert it. */
export interface NewJobRow {
  readonly key: string;
  readonly kind: JobKind;
  /** JSON text of the payload. */
  readonly payload: string;
  readonly dueAt: number;
}

/** A job as read back for a worker; `id` is the database's integer id. */
export interface JobRow {
  readonly id: number | string;
  readonly kind: JobKind;
  readonly payload: string;
  readonly dueAt: number;
  readonly attempts: number;
}

/** The arguments of `claimDue`, checked; times in epoch milliseconds. */
export interface ClaimRequest {
  readonly now: number;
  readonly leaseUntil: number;
  readonly worker: string;
  readonly limit: number;
}

/**
 * Checks a job and turns it into a row. Throws `RecoveryPasswordRefusedError` (`SECRET_IN_JOB`) when the key
 * or payload holds a recovery-password shape, and a `TypeError` naming the field when the payload is not
 * plain JSON data (a `Date`, `Map`, function, `NaN` or cycle would come back as something else, or not at
 * all). Properties set to `undefined` are left out, as `JSON.stringify` does.
 */
export function encodeNewJob(job: NewJob): NewJobRow {
  const secretAt = findRecoveryPassword(job, 'job');
  if (secretAt !== undefined) throw new RecoveryPasswordRefusedError('SECRET_IN_JOB', secretAt);
  if (job === null || typeof job !== 'object') throw new TypeError('job must be an object');
  if (!(JOB_KINDS as readonly string[]).includes(job.kind))
    throw new TypeError('job kind is not a known job kind');
  if (!isPlainObject(job.payload)) throw new TypeError('job payload must be a plain object');
  requireJsonData(job.payload, 'job payload', 0);
  return {
    key: requireKeyText(job.key, 'job key'),
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    dueAt: parseInstant(job.dueAt, 'job dueAt'),
  };
}

/** A row back into the `Job` a worker gets; `id` as a decimal string, the time as `toISOString` writes it. */
export function decodeJob(row: JobRow): Job {
  return {
    id: String(row.id),
    kind: row.kind,
    // Written only by `encodeNewJob` from a plain object.
    payload: JSON.parse(row.payload) as Readonly<Record<string, unknown>>,
    dueAt: formatInstant(row.dueAt),
    attempts: Number(row.attempts),
  };
}

/** Checks the arguments of `claimDue` and works out when the lease ends. */
export function encodeClaim(now: string, worker: string, leaseMs: number, limit: number): ClaimRequest {
  const nowMs = parseInstant(now, 'claimDue now');
  if (!Number.isSafeInteger(leaseMs) || leaseMs < 1 || leaseMs > MAX_LEASE_MS) {
    throw new TypeError(`claimDue leaseMs must be an integer from 1 to ${MAX_LEASE_MS}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_CLAIM_LIMIT) {
    throw new TypeError(`claimDue limit must be an integer from 1 to ${MAX_CLAIM_LIMIT}`);
  }
  return {
    now: nowMs,
    leaseUntil: requireStorable(nowMs + leaseMs, 'claimDue lease end'),
    worker: requireKeyText(worker, 'claimDue worker'),
    limit,
  };
}

/**
 * A job id as `decodeJob` hands it out (a positive decimal integer), as a number both drivers bind.
 * Anything else is a programming error, not a lost lease.
 */
export function parseJobId(id: string): number {
  const parsed = typeof id === 'string' && /^[1-9]\d{0,14}$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) throw new TypeError('job id must be an id claimDue returned');
  return parsed;
}

function requireJsonData(value: unknown, path: string, depth: number): void {
  if (depth > MAX_PAYLOAD_DEPTH)
    throw new TypeError(`${path} is nested deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} must be a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item === undefined)
        throw new TypeError(`${path}[${index}] is undefined, which JSON turns into null`);
      requireJsonData(item, `${path}[${index}]`, depth + 1);
    });
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) requireJsonData(inner, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw new TypeError(`${path} must be JSON data (string, number, boolean, null, array or plain object)`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
