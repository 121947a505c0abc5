import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own (no global state). */
export interface Metrics {
  readonly registry: Registry;
  readonly activities: Counter<'type' | 'outcome'>;
  readonly httpDuration: Histogram<'route' | 'status'>;
  /** Graph attempts by operation and outcome (`2xx`, `4xx`, `429`, `5xx`, `timeout`, `network`). */
  readonly graphAttempts: Counter<'operation' | 'outcome'>;
  /** Graph calls that failed for good, by operation and error kind (circuit-open refusals included). */
  readonly graphErrors: Counter<'operation' | 'kind'>;
  /** The Graph circuit breaker: 0 closed, 1 half-open, 2 open. */
  readonly graphCircuit: Gauge;
  /** Every decision the audit trail stores, by kind and reason: releases, refusals, escalations… */
  readonly decisions: Counter<'decision' | 'reason'>;
  /** Step-up sign-ins: started, then verified, mismatch (someone else) or failed (by reason). */
  readonly signIns: Counter<'outcome' | 'reason'>;
  /** How late durable jobs (hide a key card, check rotation…) start after they were due. */
  readonly jobLag: Histogram<'kind'>;
  /** Open helpdesk cases by how long they have been open, counted when /metrics is read. */
  readonly openCases: Gauge<'age'>;
}

/** The age bands of `helpdesk_open_cases`, youngest first, with their upper bound in minutes. */
export const OPEN_CASE_AGES = [
  ['under_15m', 15],
  ['15m_to_1h', 60],
  ['1h_to_4h', 240],
  ['over_4h', Number.POSITIVE_INFINITY],
] as const;

/** The gauge value of each breaker state. */
export const CIRCUIT_STATE_VALUES = { closed: 0, halfOpen: 1, open: 2 } as const;

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    activities: new Counter({
      name: 'bot_activities_total',
      help: 'Inbound Bot Framework activities by type and outcome (handled, unauthorized, foreign_tenant, malformed, failed).',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status.',
      labelNames: ['route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    graphAttempts: new Counter({
      name: 'graph_attempts_total',
      help: 'Microsoft Graph attempts by operation and outcome (2xx, 4xx, 429, 5xx, timeout, network).',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    graphErrors: new Counter({
      name: 'graph_errors_total',
      help: 'Microsoft Graph calls that failed for good, by operation and error kind.',
      labelNames: ['operation', 'kind'],
      registers: [registry],
    }),
    graphCircuit: new Gauge({
      name: 'graph_circuit_state',
      help: 'The Microsoft Graph circuit breaker: 0 closed, 1 half-open, 2 open (calls fail fast).',
      registers: [registry],
    }),
    decisions: new Counter({
      name: 'bot_decisions_total',
      help: 'Decisions as the audit trail stores them, by decision (released, denied, escalated, rateLimited, signInMismatch, caseChanged…) and reason code.',
      labelNames: ['decision', 'reason'],
      registers: [registry],
    }),
    signIns: new Counter({
      name: 'sign_ins_total',
      help: 'Step-up sign-ins by outcome (started, verified, mismatch, failed) and, for failures, reason.',
      labelNames: ['outcome', 'reason'],
      registers: [registry],
    }),
    jobLag: new Histogram({
      name: 'job_lag_seconds',
      help: 'How long after it was due a durable job started, by kind.',
      labelNames: ['kind'],
      buckets: [1, 5, 15, 60, 300, 900, 3600],
      registers: [registry],
    }),
    openCases: new Gauge({
      name: 'helpdesk_open_cases',
      help: 'Open helpdesk cases by age band (under_15m, 15m_to_1h, 1h_to_4h, over_4h).',
      labelNames: ['age'],
      registers: [registry],
    }),
  };
}

/** Feeds `sign_ins_total` from the step-up sign-in. */
export function signInMetricsObserver(metrics: Metrics) {
  return {
    started: () => metrics.signIns.inc({ outcome: 'started', reason: '' }),
    finished: (result: { readonly kind: string; readonly reason?: string }) =>
      metrics.signIns.inc({
        outcome: result.kind,
        reason: result.kind === 'failed' ? (result.reason ?? '') : '',
      }),
  };
}

/** Feeds `bot_decisions_total` from each audit event the store committed; reason codes are a closed set. */
export function decisionMetricsObserver(
  metrics: Metrics,
): (event: { decision: string; reason?: string }) => void {
  return (event) => metrics.decisions.inc({ decision: event.decision, reason: event.reason ?? '' });
}

/**
 * Counts open cases into `helpdesk_open_cases` each time the registry is read (the store is the truth and
 * shared by every instance, so every instance reports the same numbers; take one, not the sum).
 */
export function trackOpenCases(
  metrics: Metrics,
  openCases: () => Promise<readonly { readonly createdAt: string }[]>,
  now: () => Date,
): void {
  const gauge = metrics.openCases;
  // prom-client calls a metric's `collect` before each read; it is set here because the store comes later.
  Object.assign(gauge, {
    collect: async () => {
      const counts = new Map<string, number>(OPEN_CASE_AGES.map(([age]) => [age, 0]));
      for (const open of await openCases()) {
        const minutes = (now().getTime() - Date.parse(open.createdAt)) / 60_000;
        // The last band's limit is infinite, so a band is always found.
        const [age] = OPEN_CASE_AGES.find(([, limit]) => minutes < limit)!;
        counts.set(age, (counts.get(age) ?? 0) + 1);
      }
      for (const [age, count] of counts) gauge.set({ age }, count);
    },
  });
}

/** The observer that feeds the Graph metrics; no URLs, ids or bodies reach a label. */
export function graphMetricsObserver(metrics: Metrics) {
  return {
    attempt(operation: string, outcome: number | 'timeout' | 'network') {
      const label =
        typeof outcome === 'number' ? (outcome === 429 ? '429' : `${Math.floor(outcome / 100)}xx`) : outcome;
      metrics.graphAttempts.inc({ operation, outcome: label });
    },
    failed(operation: string, kind: string) {
      metrics.graphErrors.inc({ operation, kind });
    },
    breaker(state: keyof typeof CIRCUIT_STATE_VALUES) {
      metrics.graphCircuit.set(CIRCUIT_STATE_VALUES[state]);
    },
  };
}
