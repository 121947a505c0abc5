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
}

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
  };
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
