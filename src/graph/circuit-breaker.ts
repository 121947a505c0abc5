/** `closed`: calls flow. `open`: calls fail fast. `halfOpen`: one probe may go through. */
export type CircuitState = 'closed' | 'open' | 'halfOpen';

/** How the breaker trips and recovers. */
export interface CircuitBreakerOptions {
  /** Consecutive failed attempts that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  readonly cooldownMs: number;
  /** Milliseconds; the same clock the caller measures deadlines with. */
  readonly now: () => number;
  /** Told about every state change, for logs and metrics. */
  readonly onStateChange?: (state: CircuitState) => void;
}

/**
 * A consecutive-failure circuit breaker over Graph attempts. While Graph is down, waiting out timeouts and
 * backoffs for every requester only piles up turns that will fail anyway; failing fast lets the bot say
 * "try again later" at once and takes load off a struggling service. Shared by every client one factory
 * makes, so one outage is noticed once.
 *
 * Every permit from {@link tryAcquire} must be followed by exactly one {@link recordSuccess} or
 * {@link recordFailure}: that is what ends a half-open probe.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** The state now; an open circuit whose cool-down has passed reads as `halfOpen`. */
  get state(): CircuitState {
    if (this.current === 'open' && this.options.now() - this.openedAt >= this.options.cooldownMs) {
      return 'halfOpen';
    }
    return this.current;
  }

  /** Milliseconds until an open circuit lets a probe through; 0 when not open. */
  get retryInMs(): number {
    if (this.current !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.options.now());
  }

  /** True when an attempt may go ahead. After the cool-down exactly one caller gets the probe. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probeInFlight) return false;
    if (this.current !== 'halfOpen') this.transition('halfOpen');
    this.probeInFlight = true;
    return true;
  }

  /** Graph answered (any status below 500): it is up. */
  recordSuccess(): void {
    this.failures = 0;
    this.probeInFlight = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  /** Graph failed (5xx, dropped connection, timeout). */
  recordFailure(): void {
    this.failures += 1;
    const probeFailed = this.probeInFlight;
    this.probeInFlight = false;
    if (probeFailed || (this.current === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.options.now();
      if (this.current !== 'open') this.transition('open');
    }
  }

  private transition(state: CircuitState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
