import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response } from 'restify';
import type { BotAdapter } from '../bot/bot-adapter.js';
import type { Bot } from '../bot/bot-app.js';
import { STEP_UP_PATHS } from '../identity/step-up.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { traceRequest } from '../observability/telemetry.js';
import { activityRoute } from './activity-route.js';
import type { AuthRoutes } from './auth-routes.js';

export interface HttpServerDependencies {
  readonly adapter: BotAdapter;
  readonly bot: Bot;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tenantId: string;
  /** Throws when storage is unreachable; `/readyz` answers 503 then. */
  readonly checkReady: () => Promise<void>;
  /** Other dependencies' state for `/readyz`'s body (the Graph circuit); reported, never failed on. */
  readonly dependencies?: () => Readonly<Record<string, string>>;
  /** `GET /auth/start` and `/auth/callback`, when self-service sign-in is configured. */
  readonly authRoutes: AuthRoutes | undefined;
  /**
   * Who may read `/metrics`: `open` (demo, development), a bearer token (METRICS_TOKEN), or `off` (production
   * without a token: App Service exposes this port to the internet, and Application Insights has the numbers).
   */
  readonly metricsAccess:
    | { readonly kind: 'open' }
    | { readonly kind: 'token'; readonly token: string }
    | { readonly kind: 'off' };
}

export interface RunningHttpServer {
  readonly port: number;
  readonly url: string;
  /**
   * Graceful stop: refuse new requests (503), let in-flight turns finish (up to `drainMs`), then close.
   * Resolves with the number of turns that were still running when the deadline passed.
   */
  close(drainMs?: number): Promise<number>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** `Bearer <token>` compared in constant time (hashed first, so lengths do not leak either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

/** Another process already listens on the port the bot was told to use. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(`port ${port} is already in use`, options);
  }
}

/**
 * A route handler as one traced request (Application Insights: a request, joined to the caller's
 * `traceparent`), with the path but never the query string (the sign-in's code and state live there).
 */
function traced(name: string, handle: (req: Request, res: Response) => Promise<void> | void) {
  // restify tells handlers apart by arity and by being async functions.
  return async (req: Request, res: Response): Promise<void> => {
    const scheme = req.isSecure() ? 'https' : 'http';
    const host = req.headers.host ?? '';
    return traceRequest(
      name,
      req.headers,
      {
        'http.request.method': req.method ?? 'GET',
        'url.scheme': scheme,
        'server.address': host,
        'url.path': req.getPath(),
        'url.full': `${scheme}://${host}${req.getPath()}`,
      },
      async (span) => {
        await handle(req, res);
        span.setAttribute('http.response.status_code', res.statusCode);
      },
    );
  };
}

/** Starts the restify server on `port` (0 = ephemeral) and resolves once it listens. */
export async function startHttpServer(
  deps: HttpServerDependencies,
  port: number,
  host = '0.0.0.0',
): Promise<RunningHttpServer> {
  const log = deps.logger.child({ component: 'http' });
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;

  const server = restify.createServer({ name: 'bitlocker-recovery-bot', handleUncaughtExceptions: false });
  server.use((req, res, next) => {
    if (draining) {
      res.header('connection', 'close');
      res.send(503, { error: 'ShuttingDown' });
      return next(false);
    }
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      deps.metrics.httpDuration.observe(
        { route: req.getRoute()?.path?.toString() ?? 'unmatched', status: res.statusCode },
        seconds,
      );
    });
    return next();
  });
  server.use(
    restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, rejectUnknown: true }),
  );

  server.post(
    '/api/messages',
    traced(
      'POST /api/messages',
      activityRoute({
        ...deps,
        inFlight: {
          enter: () => {
            inFlight += 1;
          },
          leave: () => {
            inFlight -= 1;
            if (inFlight === 0) drained?.();
          },
        },
      }),
    ),
  );
  // The Agents Playground (and some probes) check the endpoint with HEAD before posting.
  server.head('/api/messages', (_req: Request, res: Response, next) => {
    res.send(200);
    return next();
  });
  if (deps.authRoutes) {
    server.get(STEP_UP_PATHS.start, traced(`GET ${STEP_UP_PATHS.start}`, deps.authRoutes.start));
    server.get(STEP_UP_PATHS.callback, traced(`GET ${STEP_UP_PATHS.callback}`, deps.authRoutes.callback));
  }
  server.get('/healthz', (_req: Request, res: Response, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const others = deps.dependencies?.() ?? {};
    try {
      await deps.checkReady();
      res.send(200, { status: 'ready', dependencies: { store: 'up', ...others } });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      res.send(503, {
        status: 'unavailable',
        reason: 'storage unreachable',
        dependencies: { store: 'down', ...others },
      });
    }
  });
  server.get('/metrics', async (req: Request, res: Response) => {
    const access = deps.metricsAccess;
    if (access.kind === 'off') return void res.send(404, { error: 'not found' });
    if (access.kind === 'token' && !bearerMatches(req.header('authorization'), access.token)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      return void res.send(401, { error: 'a bearer token (METRICS_TOKEN) is required' });
    }
    const body = await deps.metrics.registry.metrics();
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.sendRaw(200, body);
  });
  server.on(
    'restifyError',
    (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
      log.info({ status: error.statusCode, route: req.getPath() }, `request rejected: ${error.name}`);
      return callback();
    },
  );

  await new Promise<void>((resolve, reject) => {
    // restify re-emits the http server's errors (EADDRINUSE) on itself; unhandled, they would crash.
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: error }) : error),
    );
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  log.info({ port: actualPort }, 'listening');

  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    async close(drainMs = 10_000) {
      draining = true;
      const stopped = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0) {
        log.info({ inFlight }, 'waiting for in-flight turns');
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, drainMs).unref()),
        ]);
      }
      const unfinished = inFlight;
      server.server.closeAllConnections();
      await stopped;
      return unfinished;
    },
  };
}
