import type { IncomingHttpHeaders } from 'node:http';
import {
  type Attributes,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { Logger } from './logger.js';

/**
 * OpenTelemetry for Application Insights. `@azure/monitor-opentelemetry` sets up the SDK, the exporter and
 * W3C trace context; the spans are made here, by hand, at the two places that matter: each inbound request
 * (Bot Framework activity, sign-in) and each Graph attempt. Its automatic http instrumentation is off: it
 * patches CommonJS `require`, which this ESM app's `node:http` imports do not go through, and hand-made
 * spans also keep URLs' query strings and bodies out of telemetry. Without a connection string every
 * function here is a no-op (the OpenTelemetry API's default).
 */

const TRACER = 'bitlocker-recovery-bot';

export interface Telemetry {
  /** Flushes what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

export async function startTelemetry(
  connectionString: string | undefined,
  logger: Logger,
): Promise<Telemetry> {
  if (!connectionString) return { shutdown: async () => {} };
  // Loaded only when configured: the SDK is large, and most runs (demo, tests) do not export.
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    resource: resourceFromAttributes({ 'service.name': TRACER }),
    // Every trace, not the distro's default of 5 a second: requests come at human pace (a morning's
    // lockouts are thousands, not millions), and the one an incident is about must not be sampled away.
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  logger.info({ component: 'telemetry' }, 'exporting traces to Application Insights');
  return { shutdown: () => shutdownAzureMonitor() };
}

/**
 * Runs `handle` as one server span (Application Insights: a request), joined to the caller's W3C trace
 * context (`traceparent`) when there is one. The span is current while `handle` runs, so Graph calls made
 * for it become its dependencies.
 */
export function traceRequest<T>(
  name: string,
  headers: IncomingHttpHeaders,
  attributes: Attributes,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), headers);
  return trace
    .getTracer(TRACER)
    .startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, (span) => finished(span, handle));
}

/** Runs `call` as one client span (Application Insights: a dependency call). */
export function traceDependency<T>(
  name: string,
  attributes: Attributes,
  call: (span: Span) => Promise<T>,
): Promise<T> {
  return trace
    .getTracer(TRACER)
    .startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, (span) => finished(span, call));
}

async function finished<T>(span: Span, run: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await run(span);
  } catch (error) {
    // The error's type only: messages can quote requests.
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.end();
  }
}

/** Adds the current trace context (`traceparent`) to outgoing request headers. */
export function injectTraceContext(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}

/** Puts the bot's correlation id on the current span, so a log line's id finds its request and back. */
export function tagCorrelationId(correlationId: string): void {
  trace.getActiveSpan()?.setAttribute('correlation.id', correlationId);
}

/** The current trace and span ids, for log lines (empty outside a traced request). */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  // A non-recording no-op span has all-zero ids: nothing to join.
  if (!traceFlags && /^0+$/.test(traceId)) return {};
  return { trace_id: traceId, span_id: spanId };
}
