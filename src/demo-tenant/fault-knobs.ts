import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from './seeded-random.js';

/** How often a fault fires: every n-th request (counted per knob since it was set) or with a probability. */
export type FaultRate =
  | { readonly everyNth: number; readonly probability?: undefined }
  | { readonly probability: number; readonly everyNth?: undefined };

/** Which endpoints the faults apply to: Graph, and optionally Entra's token endpoint. */
export type FaultTarget = 'graph' | 'token';

/** Graph-like failure modes for tests and benchmarks. Passing a knob as `undefined` switches it off. */
export interface FaultSettings {
  /** Added before every request is handled (also before faulted answers). */
  readonly latencyMs?: number | undefined;
  /**
   * 429 `TooManyRequests`. `retryAfterSeconds` absent → `Retry-After: 1`; present but `undefined` or `null`
   * → no `Retry-After` header at all (Intune has been seen doing that).
   */
  readonly throttle?: (FaultRate & { readonly retryAfterSeconds?: number | null | undefined }) | undefined;
  readonly serverErrors?: (FaultRate & { readonly status: 500 | 502 | 503 | 504 }) | undefined;
  /** The socket is destroyed without any response. */
  readonly dropConnections?: FaultRate | undefined;
  /** At most `requests` per `perSeconds` window for the tenant, like Graph's budgets; over it → 429. */
  readonly budget?: { readonly requests: number; readonly perSeconds: number } | undefined;
  /** Default `['graph']`. */
  readonly targets?: readonly FaultTarget[] | undefined;
  /** Seed for probability-based knobs, so a failing run can be replayed. */
  readonly seed?: number | undefined;
}

/** Counters since the last `reset()`. */
export interface FaultStats {
  readonly requests: number;
  readonly delayed: number;
  readonly throttled: number;
  readonly budgetExceeded: number;
  readonly serverErrors: number;
  readonly dropped: number;
}

/** What a server must do with one request. */
export type FaultDecision =
  | { readonly kind: 'proceed' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number | undefined }
  | { readonly kind: 'server-error'; readonly status: 500 | 502 | 503 | 504 };

type KnobName = 'throttle' | 'serverErrors' | 'dropConnections';

const EMPTY_STATS: FaultStats = {
  requests: 0,
  delayed: 0,
  throttled: 0,
  budgetExceeded: 0,
  serverErrors: 0,
  dropped: 0,
};

/** The demo tenant's fault knobs. `set` merges into the current settings; `reset` clears settings and stats. */
export class FaultKnobs {
  private settings: FaultSettings = {};
  private counters = new Map<KnobName, number>();
  private random = seededRandom(1);
  private window = { startedAt: 0, count: 0 };
  private counts: { -readonly [K in keyof FaultStats]: number } = { ...EMPTY_STATS };

  constructor(private readonly now: () => number = Date.now) {}

  set(settings: FaultSettings): void {
    this.settings = { ...this.settings, ...settings };
    for (const name of ['throttle', 'serverErrors', 'dropConnections'] as const) {
      if (name in settings) this.counters.delete(name);
    }
    if ('budget' in settings) this.window = { startedAt: 0, count: 0 };
    if (settings.seed !== undefined) this.random = seededRandom(settings.seed);
  }

  reset(): void {
    this.settings = {};
    this.counters.clear();
    this.random = seededRandom(1);
    this.window = { startedAt: 0, count: 0 };
    this.counts = { ...EMPTY_STATS };
  }

  get stats(): FaultStats {
    return { ...this.counts };
  }

  /** Applies latency, then decides: budget first, then dropped connection, throttling, server error. */
  async decide(target: FaultTarget): Promise<FaultDecision> {
    const settings = this.settings;
    if (!(settings.targets ?? ['graph']).includes(target)) return { kind: 'proceed' };
    this.counts.requests += 1;
    if (settings.latencyMs !== undefined && settings.latencyMs > 0) {
      this.counts.delayed += 1;
      await sleep(settings.latencyMs);
    }
    const overBudget = this.overBudget(settings.budget);
    if (overBudget !== undefined) {
      this.counts.budgetExceeded += 1;
      return { kind: 'throttle', retryAfterSeconds: overBudget };
    }
    if (this.fires('dropConnections', settings.dropConnections)) {
      this.counts.dropped += 1;
      return { kind: 'drop' };
    }
    if (this.fires('throttle', settings.throttle)) {
      this.counts.throttled += 1;
      const throttle = settings.throttle;
      const retryAfterSeconds =
        throttle && 'retryAfterSeconds' in throttle ? (throttle.retryAfterSeconds ?? undefined) : 1;
      return { kind: 'throttle', retryAfterSeconds };
    }
    if (this.fires('serverErrors', settings.serverErrors)) {
      this.counts.serverErrors += 1;
      return { kind: 'server-error', status: settings.serverErrors?.status ?? 503 };
    }
    return { kind: 'proceed' };
  }

  /** Seconds until the window reopens when this request is over budget; rejected requests do not count. */
  private overBudget(budget: FaultSettings['budget']): number | undefined {
    if (!budget) return undefined;
    const now = this.now();
    const windowMs = budget.perSeconds * 1000;
    if (now - this.window.startedAt >= windowMs) this.window = { startedAt: now, count: 0 };
    if (this.window.count >= budget.requests) {
      return Math.max(1, Math.ceil((this.window.startedAt + windowMs - now) / 1000));
    }
    this.window.count += 1;
    return undefined;
  }

  private fires(name: KnobName, rate: FaultRate | undefined): boolean {
    if (!rate) return false;
    const seen = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, seen);
    if (rate.everyNth !== undefined) return rate.everyNth > 0 && seen % rate.everyNth === 0;
    return this.random.next() < (rate.probability ?? 0);
  }
}
