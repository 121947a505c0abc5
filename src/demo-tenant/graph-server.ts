import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultDecision, FaultKnobs } from './fault-knobs.js';
import { GRAPH_BITLOCKER_ROUTES } from './graph-bitlocker-routes.js';
import { authenticateGraphCaller, requirePermission } from './graph-caller.js';
import { GRAPH_DIRECTORY_ROUTES } from './graph-directory-routes.js';
import { GraphError, graphErrorBody } from './graph-error.js';
import type { GraphContext, GraphRequest, GraphResult, GraphRoute, GraphVersion } from './graph-route.js';
import type { RequestHandler } from './loopback-server.js';
import { BodyTooLargeError, readRequestBody } from './read-request-body.js';
import type { RequestRecorder } from './request-recorder.js';
import type { TokenSigner } from './token-signer.js';

/** Everything the Graph server needs beyond what route handlers see. */
export interface GraphServerContext extends GraphContext {
  readonly signer: TokenSigner;
  readonly issuer: string;
  readonly faults: FaultKnobs;
  /** Every request as received (method, URL, headers without credentials, time, outcome). */
  readonly recorder: RequestRecorder;
}

const ROUTES: readonly GraphRoute[] = [...GRAPH_DIRECTORY_ROUTES, ...GRAPH_BITLOCKER_ROUTES];
const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

/**
 * The demo Microsoft Graph: `/v1.0` and `/beta` paths on an HTTPS origin, bearer tokens validated against the
 * tenant's own JWKS, Graph's headers and error format, and the fault knobs applied before anything else.
 */
export function createGraphHandler(ctx: GraphServerContext): RequestHandler {
  return async (request, response) => {
    const clientRequestId = request.headers['client-request-id'];
    const requestId = randomUUID();
    const ids: RequestIds = {
      requestId,
      clientRequestId: typeof clientRequestId === 'string' ? clientRequestId : requestId,
    };
    const recorded = ctx.recorder.record(request.method ?? 'GET', request.url ?? '/', request.headers);
    response.once('finish', () => {
      recorded.outcome = response.statusCode;
    });
    const decision = await ctx.faults.decide('graph');
    if (decision.kind === 'drop') {
      recorded.outcome = 'dropped';
      return void request.socket.destroy();
    }
    if (decision.kind !== 'proceed') return sendGraphError(ctx, response, ids, faultError(decision));
    try {
      const result = await dispatch(ctx, request);
      send(response, ids, result.status, result.body);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendGraphError(ctx, response, ids, new GraphError(413, 'BadRequest', error.message));
      }
      if (!(error instanceof GraphError)) throw error;
      ctx.logger.debug({ status: error.status, code: error.code }, 'graph request refused');
      sendGraphError(ctx, response, ids, error);
    }
  };
}

async function dispatch(ctx: GraphServerContext, request: IncomingMessage): Promise<GraphResult> {
  const url = new URL(request.url ?? '/', ctx.graphEndpoint);
  const method = request.method ?? 'GET';
  ctx.logger.debug({ method, path: url.pathname }, 'graph request');
  const caller = await authenticateGraphCaller(request.headers.authorization, ctx);
  if (url.pathname === '/oidc/userinfo') {
    if (caller.kind !== 'user')
      throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is not a user token.');
    requirePermission(caller, { delegated: ['openid'], application: [] });
    const { user } = caller;
    return {
      status: 200,
      body: {
        sub: user.id,
        name: user.displayName,
        family_name: user.surname,
        given_name: user.givenName,
        email: user.mail,
      },
    };
  }
  const versioned = /^\/(v1\.0|beta)\/(.*?)\/?$/.exec(url.pathname);
  if (!versioned) throw new GraphError(400, 'BadRequest', 'Invalid version.');
  const version = versioned[1] as GraphVersion;
  const path = (versioned[2] ?? '')
    .split('/')
    .map((segment) => decodeURIComponent(segment))
    .join('/');
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match || !route.versions.includes(version)) continue;
    if (route.method !== method) continue;
    const graphRequest: GraphRequest = {
      method,
      version,
      path,
      query: url.searchParams,
      headers: request.headers,
      caller,
      json: () => readJson(request),
    };
    return route.handle(graphRequest, match.slice(1), ctx);
  }
  const known = ROUTES.some((route) => route.pattern.test(path) && route.versions.includes(version));
  if (known)
    throw new GraphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed for this resource.`);
  const lastSegment = path.split('/').pop() ?? '';
  throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${lastSegment}'.`);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readRequestBody(request);
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // Graph answers malformed JSON with a 400 rather than a 500.
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

function faultError(decision: Exclude<FaultDecision, { kind: 'proceed' | 'drop' }>): GraphError {
  if (decision.kind === 'throttle') {
    const headers: Record<string, string> =
      decision.retryAfterSeconds === undefined ? {} : { 'retry-after': String(decision.retryAfterSeconds) };
    return new GraphError(
      429,
      'TooManyRequests',
      'Too many requests. The application or user has been throttled.',
      headers,
    );
  }
  const byStatus = {
    500: ['generalException', 'An unexpected error occurred.'],
    502: ['BadGateway', 'The server, while acting as a gateway, received an invalid response.'],
    503: ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.'],
    504: ['GatewayTimeout', 'The gateway did not receive a timely response from the upstream server.'],
  } as const;
  const [code, message] = byStatus[decision.status];
  return new GraphError(decision.status, code, message);
}

function sendGraphError(
  ctx: GraphServerContext,
  response: ServerResponse,
  ids: RequestIds,
  failure: GraphError,
): void {
  send(response, ids, failure.status, graphErrorBody(failure, ids, ctx.now()), failure.headers);
}

function send(
  response: ServerResponse,
  ids: RequestIds,
  status: number,
  body: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const headers: Record<string, string | number> = {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    'x-ms-ags-diagnostic': JSON.stringify({
      ServerInfo: {
        DataCenter: 'Demo Tenant',
        Slice: 'E',
        Ring: '0',
        ScaleUnit: '000',
        RoleInstance: 'DEMO',
      },
    }),
    'strict-transport-security': 'max-age=31536000',
    'cache-control': 'no-cache',
    ...extraHeaders,
  };
  if (body === undefined) {
    response.writeHead(status, headers);
    return void response.end();
  }
  const payload = JSON.stringify(body);
  headers['content-type'] = JSON_CONTENT_TYPE;
  headers['content-length'] = Buffer.byteLength(payload);
  response.writeHead(status, headers);
  response.end(payload);
}
