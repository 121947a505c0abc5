import { randomUUID } from 'node:crypto';
import type { Logger } from '../observability/logger.js';
import { redactText } from '../observability/logger.js';
import { injectTraceContext, traceDependency } from '../observability/telemetry.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { CLIENT_ERROR_CODES, GraphError, type GraphOperation, kindForStatus } from './graph-error.js';
import { decideRetry, type FailedAttempt, parseRetryAfter, type RetryLimits } from './retry-policy.js';

/** Time limits and retry knobs of one transport. */
export interface TransportLimits extends RetryLimits {
  /** Longest one attempt (connect, send, whole answer) may take. */
  readonly attemptTimeoutMs: number;
}

/** What a transport needs; see `GraphClientOptions` for the meaning of each. */
export interface GraphTransportOptions {
  readonly origin: string;
  readonly token: () => Promise<string>;
  readonly logger: Logger;
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly userInitiated: boolean;
  readonly clientName: string;
  readonly clientVersion: string;
  readonly limits: TransportLimits;
  readonly breaker: CircuitBreaker;
  /** Told about every attempt and every call that failed for good, for metrics. */
  readonly observer?: GraphObserver;
}

/** What the transport reports for metrics: no URLs, no ids, no bodies. */
export interface GraphObserver {
  /** One attempt's outcome: its HTTP status, or `timeout` / `network`. */
  attempt(operation: GraphOperation, outcome: number | 'timeout' | 'network'): void;
  /** A call that failed for good (after its retries, or at once while the circuit was open). */
  failed(operation: GraphOperation, kind: GraphError['kind'], code: string): void;
}

/** One logical request; the transport may send it several times. */
export interface GraphCall {
  readonly operation: GraphOperation;
  readonly method: 'GET' | 'POST';
  /** Absolute URL on the transport's origin. Query values must not be secret: the URL is logged. */
  readonly url: URL;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Whether sending it twice is harmless; decides which failures are retried (see `decideRetry`). */
  readonly idempotent: boolean;
  /** The answer carries a recovery password: Graph's error messages are left out of errors too. */
  readonly carriesKey?: boolean;
}

/** A successful answer. `body` is the parsed JSON, undefined when Graph sent none (202, 204). */
export interface GraphReply {
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string | undefined;
  readonly clientRequestId: string;
  readonly attempts: number;
}

/** Sends Graph requests with headers, per-attempt timeouts, retries, a deadline and the circuit breaker. */
export interface GraphTransport {
  /** Sends `call`; every attempt and wait ends before `deadlineAt` (on the transport's clock). */
  send(call: GraphCall, deadlineAt: number): Promise<GraphReply>;
}

type AttemptResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Headers;
      readonly text: string;
    }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  | { readonly kind: 'network'; readonly reachedServer: boolean; readonly code: string };

/** Error codes from Node and undici meaning the connection was never made, so nothing reached Graph. */
const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Header values must be visible ASCII; a product token (User-Agent) allows fewer characters still. */
const HEADER_VALUE = /^[\x20-\x7e]+$/;
const NOT_TOKEN_CHARACTERS = /[^A-Za-z0-9!#$%&'*+.^_`|~-]/g;

/**
 * The HTTP side of the Graph client. Headers on every attempt: `Authorization` (a fresh `token()` call per
 * attempt, so a refreshed token is picked up), `User-Agent`, `ocp-client-name`, `ocp-client-version` (the
 * BitLocker API documents them as required), `client-request-id` (one UUID per logical request, kept
 * across its retries so Graph's logs tie them together) and `x-ms-throttle-priority: high` when the call
 * is made for a person waiting in Teams.
 */
export function createGraphTransport(options: GraphTransportOptions): GraphTransport {
  for (const [name, value] of [
    ['clientName', options.clientName],
    ['clientVersion', options.clientVersion],
  ] as const) {
    if (!HEADER_VALUE.test(value)) throw new RangeError(`${name} must be non-empty printable ASCII`);
  }
  const userAgent = `${options.clientName.replace(NOT_TOKEN_CHARACTERS, '')}/${options.clientVersion.replace(NOT_TOKEN_CHARACTERS, '')}`;
  const { logger, breaker, limits, clock } = options;

  function fail(
    call: GraphCall,
    fields: Omit<ConstructorParameters<typeof GraphError>[0], 'operation'>,
  ): GraphError {
    return new GraphError({ operation: call.operation, ...fields });
  }

  async function token(call: GraphCall, clientRequestId: string, attempts: number, remainingMs: number) {
    const shared = { status: undefined, requestId: undefined, clientRequestId, attempts };
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<'timedOut'>((resolve) => {
        timer = setTimeout(() => resolve('timedOut'), remainingMs);
      });
      const result = await Promise.race([options.token(), timedOut]);
      if (result === 'timedOut') {
        throw fail(call, {
          kind: 'unavailable',
          code: CLIENT_ERROR_CODES.tokenUnavailable,
          detail: 'no access token before the deadline',
          ...shared,
        });
      }
      return result;
    } catch (error) {
      if (error instanceof GraphError) throw error;
      // The provider's error may quote a request to Entra; only its type is kept.
      throw fail(call, {
        kind: 'unauthorized',
        code: CLIENT_ERROR_CODES.tokenUnavailable,
        detail: `the token provider failed (${error instanceof Error ? error.name : typeof error})`,
        ...shared,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** One attempt as one dependency span (Application Insights), with the path but not the query string. */
  function attempt(
    call: GraphCall,
    accessToken: string,
    clientRequestId: string,
    timeoutMs: number,
  ): Promise<AttemptResult> {
    const url = new URL(call.url);
    return traceDependency(
      `${call.method} ${call.operation}`,
      {
        'http.request.method': call.method,
        'server.address': url.hostname,
        'url.full': `${url.origin}${url.pathname}`,
        'graph.operation': call.operation,
        'graph.client_request_id': clientRequestId,
      },
      async (span) => {
        const result = await attemptOnce(call, accessToken, clientRequestId, timeoutMs);
        if (result.kind === 'response') span.setAttribute('http.response.status_code', result.status);
        else span.setAttribute('error.type', result.kind);
        return result;
      },
    );
  }

  async function attemptOnce(
    call: GraphCall,
    accessToken: string,
    clientRequestId: string,
    timeoutMs: number,
  ): Promise<AttemptResult> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${accessToken}`,
      accept: 'application/json',
      'user-agent': userAgent,
      'ocp-client-name': options.clientName,
      'ocp-client-version': options.clientVersion,
      'client-request-id': clientRequestId,
    };
    if (options.userInitiated) headers['x-ms-throttle-priority'] = 'high';
    injectTraceContext(headers);
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(call.url, {
        method: call.method,
        headers,
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        // Graph does not redirect these calls; following one could carry the token somewhere else.
        redirect: 'manual',
        signal: controller.signal,
      });
      // Reading the body is part of the attempt: a server that stalls mid-answer times out too.
      const text = await response.text();
      return { kind: 'response', status: response.status, headers: response.headers, text };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'timeout', afterMs: timeoutMs };
      const code = networkCode(error);
      return { kind: 'network', reachedServer: !NOT_CONNECTED_CODES.has(code), code };
    } finally {
      clearTimeout(timer);
    }
  }

  function failureOf(result: AttemptResult, nowMs: number): FailedAttempt {
    if (result.kind === 'timeout') return { kind: 'timeout' };
    if (result.kind === 'network') return { kind: 'network', reachedServer: result.reachedServer };
    return {
      kind: 'status',
      status: result.status,
      retryAfterMs: parseRetryAfter(result.headers.get('retry-after'), nowMs),
    };
  }

  function errorOf(
    call: GraphCall,
    result: AttemptResult,
    failure: FailedAttempt,
    clientRequestId: string,
    attempts: number,
  ): GraphError {
    if (result.kind === 'timeout') {
      return fail(call, {
        kind: 'unavailable',
        code: CLIENT_ERROR_CODES.timeout,
        status: undefined,
        requestId: undefined,
        clientRequestId,
        attempts,
        detail: `no complete answer within ${result.afterMs} ms`,
      });
    }
    if (result.kind === 'network') {
      return fail(call, {
        kind: 'unavailable',
        code: CLIENT_ERROR_CODES.connectionFailed,
        status: undefined,
        requestId: undefined,
        clientRequestId,
        attempts,
        detail: `connection failed (${result.code})`,
      });
    }
    const graphError = readGraphError(result.text);
    return fail(call, {
      kind: kindForStatus(result.status),
      code: graphError.code ?? CLIENT_ERROR_CODES.unexpectedStatus,
      status: result.status,
      requestId: result.headers.get('request-id') ?? graphError.requestId,
      clientRequestId,
      attempts,
      retryAfterMs: failure.kind === 'status' ? failure.retryAfterMs : undefined,
      // Graph's messages can quote the request; on a key read nothing from the answer is kept.
      detail:
        call.carriesKey || graphError.message === undefined ? undefined : redactText(graphError.message),
    });
  }

  function success(
    call: GraphCall,
    result: AttemptResult & { kind: 'response' },
    clientRequestId: string,
    attempts: number,
  ): GraphReply {
    const requestId = result.headers.get('request-id') ?? undefined;
    const reply = { status: result.status, requestId, clientRequestId, attempts };
    if (result.text.trim() === '') return { ...reply, body: undefined };
    try {
      return { ...reply, body: JSON.parse(result.text) as unknown };
    } catch {
      // JSON.parse's message quotes the text; for a key read that could be the key.
      throw fail(call, {
        kind: 'badResponse',
        code: CLIENT_ERROR_CODES.invalidJson,
        status: result.status,
        requestId,
        clientRequestId,
        attempts,
        detail: 'the answer is not JSON',
      });
    }
  }

  return {
    async send(call, deadlineAt) {
      const clientRequestId = randomUUID();
      const path = `${call.url.pathname}${call.url.search}`;
      let last: GraphError | undefined;
      for (let attempts = 1; ; attempts += 1) {
        const remainingMs = deadlineAt - clock();
        if (remainingMs <= 0) {
          throw (
            last ??
            fail(call, {
              kind: 'unavailable',
              code: CLIENT_ERROR_CODES.deadlineExceeded,
              status: undefined,
              requestId: undefined,
              clientRequestId,
              attempts: attempts - 1,
            })
          );
        }
        const accessToken = await token(call, clientRequestId, attempts - 1, remainingMs);
        if (!breaker.tryAcquire()) {
          logger.debug({ operation: call.operation, clientRequestId }, 'graph circuit open, failing fast');
          options.observer?.failed(call.operation, 'unavailable', CLIENT_ERROR_CODES.circuitOpen);
          throw fail(call, {
            kind: 'unavailable',
            code: CLIENT_ERROR_CODES.circuitOpen,
            status: last?.status,
            requestId: last?.requestId,
            clientRequestId,
            attempts: attempts - 1,
            detail: `Graph has been failing; next try in about ${Math.ceil(breaker.retryInMs / 1000)} s`,
          });
        }
        const started = clock();
        const result = await attempt(
          call,
          accessToken,
          clientRequestId,
          Math.min(limits.attemptTimeoutMs, deadlineAt - started),
        );
        const now = clock();
        logger.debug(
          {
            operation: call.operation,
            method: call.method,
            path,
            status: result.kind === 'response' ? result.status : result.kind,
            durationMs: now - started,
            attempt: attempts,
            clientRequestId,
            requestId:
              result.kind === 'response' ? (result.headers.get('request-id') ?? undefined) : undefined,
          },
          'graph call',
        );
        options.observer?.attempt(call.operation, result.kind === 'response' ? result.status : result.kind);
        if (result.kind === 'response' && result.status < 500) breaker.recordSuccess();
        else breaker.recordFailure();
        if (result.kind === 'response' && result.status >= 200 && result.status < 300) {
          return success(call, result, clientRequestId, attempts);
        }
        const failure = failureOf(result, now);
        last = errorOf(call, result, failure, clientRequestId, attempts);
        const decision = decideRetry(failure, {
          attempt: attempts,
          idempotent: call.idempotent,
          nowMs: now,
          deadlineAt,
          limits,
          random: options.random,
        });
        if (!decision.retry) {
          const level = last.kind === 'throttled' || last.kind === 'unavailable' ? 'warn' : 'debug';
          logger[level](
            {
              operation: call.operation,
              kind: last.kind,
              code: last.code,
              status: last.status,
              attempts,
              stoppedBecause: decision.reason,
              clientRequestId,
              requestId: last.requestId,
            },
            'graph call failed',
          );
          options.observer?.failed(call.operation, last.kind, last.code);
          throw last;
        }
        logger.debug(
          { operation: call.operation, delayMs: decision.delayMs, attempt: attempts, clientRequestId },
          'graph call retrying',
        );
        await options.sleep(decision.delayMs);
      }
    },
  };
}

/** The `code` of a failed fetch: undici puts the socket's error in `cause`. */
function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  const own = (error as { code?: unknown } | null)?.code;
  return typeof own === 'string' ? own : 'unknown';
}

/** Graph's error body: `{"error":{"code","message","innerError":{"request-id"}}}`; anything else yields nothing. */
function readGraphError(text: string): { code?: string; message?: string; requestId?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Gateways answer 502/504 with HTML or nothing; there is no Graph error to read then.
    return {};
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message, innerError } = error as { code?: unknown; message?: unknown; innerError?: unknown };
  const requestId = (innerError as Record<string, unknown> | null | undefined)?.['request-id'];
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
}
