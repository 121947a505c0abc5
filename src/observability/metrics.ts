import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own (no global state). */
export interface Metrics {
  readonly registry: Registry;
  readonly activities: Counter<'type' | 'outcome'>;
  readonly httpDuration: Histogram<'route' | 'status'>;
}

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
  };
}
