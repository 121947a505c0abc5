import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  decideRetry,
  type FailedAttempt,
  parseRetryAfter,
  type RetryContext,
} from '../../src/graph/retry-policy.js';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const LIMITS = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8_000 };

function context(overrides: Partial<RetryContext> = {}): RetryContext {
  return {
    attempt: 1,
    idempotent: true,
    nowMs: NOW,
    deadlineAt: NOW + 60_000,
    limits: LIMITS,
    random: () => 0.5,
    ...overrides,
  };
}

const status = (code: number, retryAfterMs?: number): FailedAttempt => ({
  kind: 'status',
  status: code,
  retryAfterMs,
});

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2000],
    [' 120 ', 120_000],
    ['0', 0],
    ['1.5', 1500],
    ['Mon, 02 Mar 2026 09:00:07 GMT', 7000],
    ['Mon, 02 Mar 2026 08:59:00 GMT', 0],
    ['-1', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('reads %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('decideRetry', () => {
  it.each([
    ['429', status(429), true],
    ['500', status(500), true],
    ['502', status(502), true],
    ['503', status(503), true],
    ['504', status(504), true],
    ['a timeout', { kind: 'timeout' } as const, true],
    ['a dropped connection', { kind: 'network', reachedServer: true } as const, true],
    ['a refused connection', { kind: 'network', reachedServer: false } as const, true],
    ['400', status(400), false],
    ['401', status(401), false],
    ['403', status(403), false],
    ['404', status(404), false],
    ['501', status(501), false],
  ])('retries an idempotent request after %s: %s', (_name, failure, retried) => {
    expect(decideRetry(failure, context()).retry).toBe(retried);
  });

  it.each([
    ['429 without Retry-After (Graph throttles before processing)', status(429), true],
    ['429 with Retry-After', status(429, 1000), true],
    ['503 with Retry-After', status(503, 1000), true],
    ['a connection that was never made', { kind: 'network', reachedServer: false } as const, true],
    ['503 without Retry-After', status(503), false],
    ['500', status(500), false],
    ['502', status(502), false],
    ['504', status(504), false],
    ['a timeout', { kind: 'timeout' } as const, false],
    ['a dropped connection', { kind: 'network', reachedServer: true } as const, false],
  ])('retries a non-idempotent POST after %s: %s', (_name, failure, retried) => {
    const decision = decideRetry(failure, context({ idempotent: false }));
    expect(decision.retry).toBe(retried);
    if (!decision.retry) expect(decision.reason).toBe('notIdempotent');
  });

  it('never retries earlier than Retry-After and adds at most baseDelay of jitter on top', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (retryAfterMs, attempt, random) => {
          const decision = decideRetry(status(429, retryAfterMs), context({ attempt, random: () => random }));
          expect(decision.retry).toBe(true);
          if (!decision.retry) return;
          expect(decision.delayMs).toBeGreaterThanOrEqual(retryAfterMs);
          expect(decision.delayMs).toBeLessThan(retryAfterMs + LIMITS.baseDelayMs);
        },
      ),
    );
  });

  it('backs off exponentially with full jitter when there is no Retry-After, capped at maxDelay', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, LIMITS, () => 0.999_999))).toEqual([
      499, 999, 1999, 3999, 7999, 7999, 7999,
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempt, random) => {
          const delay = backoffDelay(attempt, LIMITS, () => random);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(LIMITS.maxDelayMs, LIMITS.baseDelayMs * 2 ** (attempt - 1)));
        },
      ),
    );
  });

  it('stops after maxAttempts', () => {
    expect(decideRetry(status(503), context({ attempt: 4 })).retry).toBe(true);
    expect(decideRetry(status(503), context({ attempt: 5 }))).toEqual({
      retry: false,
      reason: 'attemptsExhausted',
    });
  });

  it('stops when the wait would reach the deadline, rather than waiting past it', () => {
    expect(decideRetry(status(429, 2000), context({ deadlineAt: NOW + 2001, random: () => 0 }))).toEqual({
      retry: true,
      delayMs: 2000,
    });
    expect(decideRetry(status(429, 2000), context({ deadlineAt: NOW + 2000, random: () => 0 }))).toEqual({
      retry: false,
      reason: 'deadline',
    });
    expect(decideRetry(status(429, 3_600_000), context())).toEqual({ retry: false, reason: 'deadline' });
  });

  it('says a non-retryable status is not retryable before anything else', () => {
    expect(decideRetry(status(404), context({ idempotent: false, attempt: 9 }))).toEqual({
      retry: false,
      reason: 'notRetryable',
    });
  });
});
