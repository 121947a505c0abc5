/** Statuses Graph documents as transient. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** The knobs the retry decision reads. */
export interface RetryLimits {
  /** Attempts in total, the first one included. */
  readonly maxAttempts: number;
  /** Backoff cap for the first retry; doubles per attempt (full jitter below the cap). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** How one attempt failed, as far as retrying is concerned. */
export type FailedAttempt =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs: number | undefined }
  | { readonly kind: 'timeout' }
  /** `reachedServer` is false only when the connection was never made (refused, DNS): nothing was sent. */
  | { readonly kind: 'network'; readonly reachedServer: boolean };

/** Where the call stands when an attempt has failed. */
export interface RetryContext {
  /** The attempt that just failed, from 1. */
  readonly attempt: number;
  /** Whether repeating the request is harmless (GETs, and POSTs that only read such as checkMemberGroups). */
  readonly idempotent: boolean;
  readonly nowMs: number;
  /** When the whole call must be over, on the same clock as `nowMs`. */
  readonly deadlineAt: number;
  readonly limits: RetryLimits;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

/** Retry after `delayMs`, or stop and say why. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | {
      readonly retry: false;
      readonly reason: 'notRetryable' | 'notIdempotent' | 'attemptsExhausted' | 'deadline';
    };

/**
 * Decides whether a failed attempt is tried again, and when.
 *
 * - Retried: 429, 500, 502, 503, 504, timeouts and dropped or refused connections.
 * - `Retry-After` is a floor: the next attempt never starts earlier. A little jitter (up to `baseDelayMs`)
 *   is added on top, so clients throttled together do not come back in the same millisecond.
 * - Without `Retry-After`: exponential backoff with full jitter, `random() × min(maxDelay, base × 2^(n−1))`.
 * - Non-idempotent requests (`sendMail`, `rotateBitLockerKeys`) are retried only when Graph cannot have
 *   acted on them: a 429 (throttling rejects a request before it is processed, with or without
 *   `Retry-After` — Intune omits it), a 503 that carries `Retry-After` (the documented "come back later"),
 *   or a connection that was never established. A timeout, a dropped connection or another 5xx may come
 *   after Graph did the work, so repeating it could send a second mail or rotate twice.
 * - Never past the deadline: when the wait would end at or after it, the call stops now.
 */
export function decideRetry(failure: FailedAttempt, context: RetryContext): RetryDecision {
  if (failure.kind === 'status' && !RETRYABLE_STATUSES.has(failure.status)) {
    return { retry: false, reason: 'notRetryable' };
  }
  if (!context.idempotent && !graphDidNotAct(failure)) return { retry: false, reason: 'notIdempotent' };
  if (context.attempt >= context.limits.maxAttempts) return { retry: false, reason: 'attemptsExhausted' };
  const retryAfterMs = failure.kind === 'status' ? failure.retryAfterMs : undefined;
  const delayMs =
    retryAfterMs === undefined
      ? backoffDelay(context.attempt, context.limits, context.random)
      : retryAfterMs + Math.floor(context.random() * context.limits.baseDelayMs);
  if (context.nowMs + delayMs >= context.deadlineAt) return { retry: false, reason: 'deadline' };
  return { retry: true, delayMs };
}

function graphDidNotAct(failure: FailedAttempt): boolean {
  if (failure.kind === 'network') return !failure.reachedServer;
  if (failure.kind === 'timeout') return false;
  return failure.status === 429 || (failure.status === 503 && failure.retryAfterMs !== undefined);
}

/** Full-jitter exponential backoff for the retry after attempt `attempt` (from 1). */
export function backoffDelay(attempt: number, limits: RetryLimits, random: () => number): number {
  const cap = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}

/**
 * Milliseconds to wait from a `Retry-After` header: delta-seconds (Graph's form) or an HTTP date.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
