import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';

/** How the connector checks the bot's bearer token on every call. */
export type TokenPolicy =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'required';
      readonly jwksUri: string;
      readonly issuer: string;
      readonly audience: string;
      readonly appId: string;
    };

/** One call the bot made to the connector. */
export interface ConnectorCall {
  readonly operation:
    | 'send'
    | 'reply'
    | 'update'
    | 'delete'
    | 'createConversation'
    | 'getMember'
    | 'getMembers';
  readonly conversationId: string | undefined;
  readonly activityId: string | undefined;
  readonly activity: Partial<Activity> | undefined;
  /** The id the connector gave a new activity (send, reply), which later updates and deletes name. */
  readonly responseId: string | undefined;
  /** What the bearer token said: absent, valid (with its claims) or invalid (why). */
  readonly token:
    | { readonly status: 'absent' }
    | { readonly status: 'valid'; readonly claims: JWTPayload }
    | { readonly status: 'invalid'; readonly reason: string };
}

/**
 * A Bot Framework connector on loopback (the activities' `serviceUrl`). Implements the v3 REST routes the
 * bot calls, keeps every call in order, and answers the way the real service does (ids for new activities,
 * 401 for a bad token when tokens are required).
 */
export interface RecordingConnector {
  readonly serviceUrl: string;
  readonly calls: readonly ConnectorCall[];
  /** Calls made after `mark` (an index from `calls.length`). */
  since(mark: number): readonly ConnectorCall[];
  /** Makes every answer take `ms` longer, like a slow connector; 0 turns it off. */
  setLatency(ms: number): void;
  /**
   * Answers the next `operation` call with `status` and a Bot Framework error body, as Teams does when it
   * refuses one (403 `BotNotInConversationRoster` when a user has not installed the bot, for example).
   */
  failNext(operation: ConnectorCall['operation'], status: number, code: string): void;
  stop(): Promise<void>;
}

export async function startRecordingConnector(
  policy: TokenPolicy = { kind: 'none' },
): Promise<RecordingConnector> {
  const calls: ConnectorCall[] = [];
  let latencyMs = 0;
  const failures = new Map<ConnectorCall['operation'], { status: number; code: string }>();
  const jwks = policy.kind === 'required' ? createRemoteJWKSet(new URL(policy.jwksUri)) : undefined;

  const checkToken = async (req: IncomingMessage): Promise<ConnectorCall['token']> => {
    const header = req.headers.authorization;
    if (!header) return { status: 'absent' };
    if (policy.kind !== 'required' || !jwks) return { status: 'invalid', reason: 'no token expected' };
    try {
      const { payload } = await jwtVerify(header.replace(/^Bearer\s+/i, ''), jwks, {
        issuer: policy.issuer,
        audience: policy.audience,
      });
      const appId = payload.appid ?? payload.azp;
      if (appId !== policy.appId) return { status: 'invalid', reason: `token is for app ${String(appId)}` };
      return { status: 'valid', claims: payload };
    } catch (error) {
      return { status: 'invalid', reason: (error as Error).message };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://connector');
    const body = await readJson(req);
    const token = await checkToken(req);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const route = matchRoute(req.method ?? 'GET', parts);
    if (!route) {
      send(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
      return;
    }
    const responseId =
      route.operation === 'send' || route.operation === 'reply'
        ? `activity-${calls.length + 1}-${randomUUID().slice(0, 8)}`
        : undefined;
    calls.push({ ...route, activity: body as Partial<Activity> | undefined, token, responseId });
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (policy.kind === 'required' && token.status !== 'valid') {
      send(res, 401, { message: 'Authorization has been denied for this request.' });
      return;
    }
    const failure = failures.get(route.operation);
    if (failure) {
      failures.delete(route.operation);
      send(res, failure.status, { error: { code: failure.code, message: `${failure.code} (test)` } });
      return;
    }
    switch (route.operation) {
      case 'send':
      case 'reply':
        send(res, 200, { id: responseId });
        return;
      case 'update':
        send(res, 200, { id: route.activityId });
        return;
      case 'delete':
        send(res, 200, {});
        return;
      case 'createConversation': {
        // Teams names a new channel thread `<channel id>;messageid=<id of its first message>`.
        const parameters = body as { channelData?: { channel?: { id?: string } } } | undefined;
        const activityId = `${Date.now()}${calls.length}`;
        const channelId = parameters?.channelData?.channel?.id;
        send(res, 200, {
          id: channelId ? `${channelId};messageid=${activityId}` : `a:${randomUUID()}`,
          activityId,
        });
        return;
      }
      case 'getMember':
        send(res, 200, { id: route.activityId, name: 'Member', aadObjectId: route.activityId });
        return;
      case 'getMembers':
        send(res, 200, []);
        return;
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    serviceUrl,
    calls,
    since: (mark) => calls.slice(mark),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    failNext: (operation, status, code) => {
      failures.set(operation, { status, code });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function matchRoute(
  method: string,
  parts: string[],
): Omit<ConnectorCall, 'activity' | 'token' | 'responseId'> | undefined {
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return undefined;
  const conversationId = parts[2];
  const activityId = parts[4];
  if (method === 'POST' && parts.length === 2) {
    return { operation: 'createConversation', conversationId: undefined, activityId: undefined };
  }
  if (parts[3] === 'activities') {
    if (method === 'POST' && parts.length === 4)
      return { operation: 'send', conversationId, activityId: undefined };
    if (method === 'POST' && parts.length === 5) return { operation: 'reply', conversationId, activityId };
    if (method === 'PUT' && parts.length === 5) return { operation: 'update', conversationId, activityId };
    if (method === 'DELETE' && parts.length === 5) return { operation: 'delete', conversationId, activityId };
  }
  if (parts[3] === 'members' && method === 'GET') {
    return parts.length === 5
      ? { operation: 'getMember', conversationId, activityId }
      : { operation: 'getMembers', conversationId, activityId: undefined };
  }
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
