import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from '../../src/graph/circuit-breaker.js';

function aBreaker(failureThreshold = 3, cooldownMs = 10_000) {
  let now = 0;
  const changes: CircuitState[] = [];
  const breaker = new CircuitBreaker({
    failureThreshold,
    cooldownMs,
    now: () => now,
    onStateChange: (state) => changes.push(state),
  });
  return { breaker, changes, advance: (ms: number) => (now += ms) };
}

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i += 1) {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
  }
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and then fails fast', () => {
    const { breaker, changes } = aBreaker(3);
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.retryInMs).toBe(10_000);
    expect(changes).toEqual(['open']);
  });

  it('counts only consecutive failures: an answer in between starts the count again', () => {
    const { breaker } = aBreaker(3);
    fail(breaker, 2);
    breaker.tryAcquire();
    breaker.recordSuccess();
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
  });

  it('lets exactly one probe through after the cool-down and closes when it succeeds', () => {
    const { breaker, changes, advance } = aBreaker(2, 5_000);
    fail(breaker, 2);
    advance(4_999);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1);
    expect(breaker.state).toBe('halfOpen');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'halfOpen', 'closed']);
  });

  it('opens again for a full cool-down when the probe fails', () => {
    const { breaker, advance } = aBreaker(2, 5_000);
    fail(breaker, 2);
    advance(6_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.retryInMs).toBe(5_000);
    advance(4_000);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
  });
});
