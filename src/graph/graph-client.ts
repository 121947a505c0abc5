import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import type { Logger } from '../observability/logger.js';
import {
  containsRecoveryPasswordShape,
  parseRecoveryPassword,
  type RecoveryPassword,
} from '../recovery/recovery-password.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { CLIENT_ERROR_CODES, GraphError, type GraphOperation } from './graph-error.js';
import {
  type AuthorizationPolicy,
  authorizationPolicySchema,
  collectionSchema,
  DEVICE_FIELDS,
  deviceSchema,
  type GraphDevice,
  type GraphUser,
  isDeviceObject,
  isRecord,
  MANAGED_DEVICE_FIELDS,
  type MailMessage,
  type ManagedDevice,
  managedDeviceSchema,
  type RecoveryKeyMetadata,
  recoveryKeyMetadataSchema,
  stringCollectionSchema,
  unwrapEntity,
  userSchema,
} from './graph-resources.js';
import {
  createGraphTransport,
  type GraphCall,
  type GraphObserver,
  type GraphReply,
  type TransportLimits,
} from './graph-transport.js';

/** Time limits, retry and circuit-breaker settings. */
export interface GraphLimits extends TransportLimits {
  /** One method call, every attempt, wait and page included, ends within this. */
  readonly deadlineMs: number;
  /** Consecutive failed attempts (5xx, dropped connection, timeout) that open the circuit. */
  readonly breakerFailureThreshold: number;
  /** How long an open circuit fails fast before one probe goes through. */
  readonly breakerCooldownMs: number;
  /** A guard against a nextLink loop. */
  readonly maxPages: number;
}

/**
 * Defaults for background work. A Teams turn must answer within about 10 s and an invoke within 5 s, so
 * callers on a turn pass a shorter `deadlineMs` (and `attemptTimeoutMs`) and continue proactively.
 */
export const DEFAULT_GRAPH_LIMITS: GraphLimits = {
  attemptTimeoutMs: 10_000,
  deadlineMs: 30_000,
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  breakerFailureThreshold: 5,
  breakerCooldownMs: 30_000,
  maxPages: 100,
};

/** How to build a client. Everything that varies per requester is `token` and `userInitiated`. */
export interface GraphClientOptions {
  /** GRAPH_ENDPOINT: an origin without `/v1.0`, e.g. `https://graph.microsoft.com`. */
  readonly endpoint: string;
  /** An access token for Graph; asked for on every attempt, so it should cache (MSAL does). */
  readonly token: () => Promise<string>;
  readonly logger: Logger;
  /** Milliseconds; default `Date.now`. Deadlines, `Retry-After` dates and the breaker's cool-down use it. */
  readonly clock?: () => number;
  /** Waits between attempts; default a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1) for backoff jitter; default `Math.random`. */
  readonly random?: () => number;
  /** A person is waiting in Teams for this: sends `x-ms-throttle-priority: high`. */
  readonly userInitiated: boolean;
  /** `ocp-client-name`, and the product in `User-Agent`, e.g. `BitLockerRecoveryBot`. */
  readonly clientName: string;
  /** `ocp-client-version`, and the version in `User-Agent`. */
  readonly clientVersion: string;
  readonly limits?: Partial<GraphLimits>;
  /** Shared breaker; {@link createGraphClientFactory} passes one. Default: a breaker of this client's own. */
  readonly breaker?: CircuitBreaker;
  /** Told about attempts, failures and breaker changes, for metrics. */
  readonly observer?: GraphObserver & { breaker?(state: CircuitState): void };
}

/** `'me'` (delegated tokens only) or a user's object id. */
export type UserReference = 'me' | (string & Record<never, never>);

/**
 * Typed Microsoft Graph calls for the recovery flow. Every method either returns parsed data or throws a
 * {@link GraphError}; ids that are not GUIDs are refused with a `RangeError` before anything is sent.
 */
export interface GraphClient {
  /** `GET /v1.0/me` (delegated). */
  me(): Promise<GraphUser>;
  /** `GET /v1.0/users/{id}`: a user by object id (their UPN and mail, for the release notice). */
  user(objectId: string): Promise<GraphUser>;
  /**
   * `GET /v1.0/users/{userPrincipalName}`: a user by UPN, for the helpdesk's `audit <user>`; undefined when
   * the directory has no such user (404).
   */
  userByPrincipalName(userPrincipalName: string): Promise<GraphUser | undefined>;
  /** Devices the user is the registered owner of, every page; other directoryObject types are left out. */
  ownedDevices(user: UserReference): Promise<readonly GraphDevice[]>;
  /** A device by its object id. */
  device(objectId: string): Promise<GraphDevice>;
  /** A device by its `deviceId` property; undefined when there is none. */
  deviceByDeviceId(deviceId: string): Promise<GraphDevice | undefined>;
  /** Key metadata for one device (`deviceId`, not the object id), every page. Never the keys. */
  recoveryKeys(deviceId: string): Promise<readonly RecoveryKeyMetadata[]>;
  /** One key's metadata. */
  recoveryKey(keyId: string): Promise<RecoveryKeyMetadata>;
  /**
   * Reads the recovery password with `$select=key` alone. Graph writes a "Read BitLocker key" audit entry
   * for every call, so call it once, after every check. 403 (`notAllowed`) and 404 (`notFound`) both mean
   * "not retrievable by this caller" and must be handled alike. A key that is not a valid recovery password
   * is a `badResponse` whose message does not contain it.
   */
  readRecoveryKey(keyId: string): Promise<RecoveryPassword>;
  /** The subset of `groupIds` (as given) the user is a member of, transitively, as Entra evaluates it. */
  checkMemberGroups(user: UserReference, groupIds: readonly string[]): Promise<readonly string[]>;
  /**
   * Sends a mail from the user's mailbox (202). Never retried once it may have reached Graph, so a mail is
   * not sent twice. Refuses, before sending, text shaped like a recovery password.
   */
  sendMail(user: UserReference, message: MailMessage): Promise<void>;
  /** The Intune managed device for an Entra `deviceId` (beta); the most recently synced if there are several. */
  managedDeviceByAzureAdDeviceId(deviceId: string): Promise<ManagedDevice | undefined>;
  /** Asks Intune to rotate the device's BitLocker keys (beta, 204). Never retried once it may have reached Graph. */
  rotateBitLockerKeys(managedDeviceId: string): Promise<void>;
  /** The tenant's authorization policy, for the owner key-read switch. */
  authorizationPolicy(): Promise<AuthorizationPolicy>;
}

/** What varies per client made by a factory. */
export interface GraphAccess {
  readonly token: () => Promise<string>;
  readonly userInitiated: boolean;
  /**
   * Time limits of this client's calls (a person waiting in Teams needs shorter ones than a background job);
   * the circuit breaker stays the factory's, so an outage is noticed once whoever calls.
   */
  readonly limits?: Pick<Partial<GraphLimits>, 'deadlineMs' | 'attemptTimeoutMs'>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One `@`, something on both sides, no whitespace or `/` (which would change the path). */
const UPN = /^[^\s@/]+@[^\s@/]+$/;
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** `checkMemberGroups` takes at most 20 ids per request. */
const MAX_GROUP_IDS_PER_CHECK = 20;
const KEYS_PATH = 'informationProtection/bitlocker/recoveryKeys';

/** Clients that share one circuit breaker, and that breaker's state (for `/readyz`). */
export interface GraphClientFactory {
  (access: GraphAccess): GraphClient;
  readonly circuitState: () => CircuitState;
}

/**
 * Makes clients that share one circuit breaker: one per requester's token (delegated) or the app's token,
 * while an outage is noticed once for all of them. With `probe`, an open circuit is probed in the background
 * (`GET /v1.0/organization`, app token) every `intervalMs`, so it closes as soon as Graph answers again and
 * the first person after the outage is not turned away by a cool-down.
 */
export function createGraphClientFactory(
  options: Omit<GraphClientOptions, 'token' | 'userInitiated' | 'breaker'> & {
    readonly probe?: { readonly token: () => Promise<string>; readonly intervalMs: number };
  },
): GraphClientFactory {
  const limits = { ...DEFAULT_GRAPH_LIMITS, ...options.limits };
  const logger = options.logger.child({ component: 'graph' });
  let prober: NodeJS.Timeout | undefined;
  const probe = options.probe;
  const breaker = newBreaker(logger, limits, options.clock ?? Date.now, (state) => {
    options.observer?.breaker?.(state);
    if (state === 'open' && probe && !prober) {
      prober = setInterval(() => void probeOnce(), probe.intervalMs);
      // A probe must never keep a stopping process alive.
      prober.unref();
    }
    if (state === 'closed' && prober) {
      clearInterval(prober);
      prober = undefined;
    }
  });
  const origin = graphOrigin(options.endpoint);
  async function probeOnce(): Promise<void> {
    if (!probe || breaker.state === 'closed') return;
    try {
      const response = await fetch(`${origin}/v1.0/organization?$select=id`, {
        headers: { authorization: `Bearer ${await probe.token()}` },
        signal: AbortSignal.timeout(limits.attemptTimeoutMs),
      });
      await response.arrayBuffer();
      // Any answer below 500 means Graph is serving again.
      if (response.status < 500) {
        logger.info({ status: response.status }, 'graph answered the probe; circuit closed');
        breaker.recordSuccess();
      }
    } catch (error) {
      // Still down (refused, reset, timed out, no token): the circuit stays open and the next probe tries.
      logger.debug({ err: error }, 'graph probe failed');
    }
  }
  const factory = (access: GraphAccess) =>
    createGraphClient({ ...options, ...access, limits: { ...options.limits, ...access.limits }, breaker });
  return Object.assign(factory, { circuitState: () => breaker.state });
}

/** A Graph client; see {@link GraphClient}. Resilience rules are in `decideRetry` and {@link CircuitBreaker}. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const origin = graphOrigin(options.endpoint);
  const logger = options.logger.child({ component: 'graph' });
  const clock = options.clock ?? Date.now;
  const limits = { ...DEFAULT_GRAPH_LIMITS, ...options.limits };
  const transport = createGraphTransport({
    origin,
    token: options.token,
    logger,
    clock,
    sleep: options.sleep ?? ((ms) => delay(ms)),
    random: options.random ?? Math.random,
    userInitiated: options.userInitiated,
    clientName: options.clientName,
    clientVersion: options.clientVersion,
    limits,
    breaker: options.breaker ?? newBreaker(logger, limits, clock),
    ...(options.observer ? { observer: options.observer } : {}),
  });

  const url = (version: 'v1.0' | 'beta', path: string, query?: string) =>
    new URL(`${origin}/${version}/${path}${query ? `?${query}` : ''}`);
  const deadline = () => clock() + limits.deadlineMs;

  function badResponse(
    operation: GraphOperation,
    reply: GraphReply,
    code: string,
    detail: string | undefined,
  ): GraphError {
    return new GraphError({
      kind: 'badResponse',
      operation,
      code,
      status: reply.status,
      requestId: reply.requestId,
      clientRequestId: reply.clientRequestId,
      attempts: reply.attempts,
      detail,
    });
  }

  function parse<T>(
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    value: unknown,
    operation: GraphOperation,
    reply: GraphReply,
  ): T {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    // Paths and codes only: zod's messages can quote the value it received.
    const where = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
      .join('; ');
    throw badResponse(operation, reply, CLIENT_ERROR_CODES.unexpectedShape, where);
  }

  /** Follows `@odata.nextLink` to the end, only ever on Graph's own origin (the token goes with it). */
  async function collect<T>(
    first: URL,
    operation: GraphOperation,
    item: (entry: unknown, reply: GraphReply) => T | undefined,
  ): Promise<T[]> {
    // One deadline for every page: the caller waits for the whole list.
    const deadlineAt = deadline();
    const items: T[] = [];
    let next = first;
    for (let pages = 1; ; pages += 1) {
      const reply = await transport.send(
        { operation, method: 'GET', url: next, idempotent: true },
        deadlineAt,
      );
      const page = parse(collectionSchema, reply.body, operation, reply);
      for (const entry of page.value) {
        const parsed = item(entry, reply);
        if (parsed !== undefined) items.push(parsed);
      }
      const link = page['@odata.nextLink'];
      if (link === undefined) return items;
      if (pages >= limits.maxPages) {
        throw badResponse(
          operation,
          reply,
          CLIENT_ERROR_CODES.tooManyPages,
          `more than ${limits.maxPages} pages`,
        );
      }
      next = ownLink(link, operation, reply);
    }
  }

  function ownLink(link: string, operation: GraphOperation, reply: GraphReply): URL {
    let parsed: URL | undefined;
    try {
      parsed = new URL(link);
    } catch {
      // A relative or broken link is as unusable as a foreign one; reported below.
      parsed = undefined;
    }
    if (parsed?.origin !== origin || !/^\/(v1\.0|beta)\//.test(parsed.pathname)) {
      throw badResponse(
        operation,
        reply,
        CLIENT_ERROR_CODES.foreignNextLink,
        'nextLink is not on the Graph endpoint',
      );
    }
    return parsed;
  }

  async function single(call: Omit<GraphCall, 'idempotent' | 'method'>): Promise<GraphReply> {
    return transport.send({ ...call, method: 'GET', idempotent: true }, deadline());
  }

  return {
    async me() {
      const reply = await single({
        operation: 'me',
        url: url('v1.0', 'me', '$select=id,displayName,userPrincipalName,mail'),
      });
      return parse(userSchema, reply.body, 'me', reply);
    },

    async user(objectId) {
      const reply = await single({
        operation: 'user',
        url: url('v1.0', userPath(objectId), '$select=id,displayName,userPrincipalName,mail'),
      });
      return parse(userSchema, reply.body, 'user', reply);
    },

    async userByPrincipalName(userPrincipalName) {
      if (!UPN.test(userPrincipalName)) throw new RangeError('userPrincipalName must look like name@domain');
      try {
        const reply = await single({
          operation: 'user',
          url: url(
            'v1.0',
            `users/${encodeURIComponent(userPrincipalName)}`,
            '$select=id,displayName,userPrincipalName,mail',
          ),
        });
        return parse(userSchema, reply.body, 'user', reply);
      } catch (error) {
        // Graph answers 404 for a UPN nobody has: an answer ("no such user"), not a failure.
        if (error instanceof GraphError && error.kind === 'notFound') return undefined;
        throw error;
      }
    },

    async ownedDevices(user) {
      // No $select: it could cost the `@odata.type` that tells devices from other directoryObjects.
      return collect(url('v1.0', `${userPath(user)}/ownedDevices`), 'ownedDevices', (entry, reply) =>
        isDeviceObject(entry) ? parse(deviceSchema, entry, 'ownedDevices', reply) : undefined,
      );
    },

    async device(objectId) {
      const reply = await single({
        operation: 'device',
        url: url('v1.0', `devices/${guid(objectId, 'objectId')}`, select(DEVICE_FIELDS)),
      });
      return parse(deviceSchema, unwrapEntity(reply.body), 'device', reply);
    },

    async deviceByDeviceId(deviceId) {
      const devices = await collect(
        url(
          'v1.0',
          'devices',
          `${filterEq('deviceId', guid(deviceId, 'deviceId'))}&${select(DEVICE_FIELDS)}`,
        ),
        'deviceByDeviceId',
        (entry, reply) => parse(deviceSchema, entry, 'deviceByDeviceId', reply),
      );
      return devices[0];
    },

    async recoveryKeys(deviceId) {
      return collect(
        url('v1.0', KEYS_PATH, filterEq('deviceId', guid(deviceId, 'deviceId'))),
        'recoveryKeys',
        (entry, reply) => parse(recoveryKeyMetadataSchema, entry, 'recoveryKeys', reply),
      );
    },

    async recoveryKey(keyId) {
      const reply = await single({
        operation: 'recoveryKey',
        url: url('v1.0', `${KEYS_PATH}/${guid(keyId, 'keyId')}`),
      });
      return parse(recoveryKeyMetadataSchema, unwrapEntity(reply.body), 'recoveryKey', reply);
    },

    async readRecoveryKey(keyId) {
      const id = guid(keyId, 'keyId');
      // `key` alone: asking for `key` with other properties has been seen to drop `key`.
      // A GET, so retried like any read; a repeat after a lost answer is one more true audit entry, not a leak.
      const reply = await single({
        operation: 'readRecoveryKey',
        url: url('v1.0', `${KEYS_PATH}/${id}`, '$select=key'),
        carriesKey: true,
      });
      const entity = unwrapEntity(reply.body);
      if (!isRecord(entity) || typeof entity.key !== 'string') {
        throw badResponse('readRecoveryKey', reply, CLIENT_ERROR_CODES.keyMissing, 'the answer has no key');
      }
      if (typeof entity.id === 'string' && entity.id.toLowerCase() !== id) {
        throw badResponse(
          'readRecoveryKey',
          reply,
          CLIENT_ERROR_CODES.unexpectedShape,
          'the answer is for another key',
        );
      }
      const password = parseRecoveryPassword(entity.key);
      if (!password) {
        throw badResponse(
          'readRecoveryKey',
          reply,
          CLIENT_ERROR_CODES.malformedKey,
          'the key is not a valid recovery password',
        );
      }
      return password;
    },

    async checkMemberGroups(user, groupIds) {
      const ids = groupIds.map((groupId) => guid(groupId, 'groupId'));
      const deadlineAt = deadline();
      const member = new Set<string>();
      for (let start = 0; start < ids.length; start += MAX_GROUP_IDS_PER_CHECK) {
        // A POST that only reads: repeating it is harmless, so it is retried like a GET.
        const reply = await transport.send(
          {
            operation: 'checkMemberGroups',
            method: 'POST',
            url: url('v1.0', `${userPath(user)}/checkMemberGroups`),
            body: { groupIds: ids.slice(start, start + MAX_GROUP_IDS_PER_CHECK) },
            idempotent: true,
          },
          deadlineAt,
        );
        const answer = parse(stringCollectionSchema, reply.body, 'checkMemberGroups', reply);
        for (const id of answer.value) member.add(id.toLowerCase());
      }
      return groupIds.filter((groupId) => member.has(groupId.toLowerCase()));
    },

    async sendMail(user, message) {
      if (message.toRecipients.length === 0) throw new RangeError('sendMail needs at least one recipient');
      if (
        containsRecoveryPasswordShape(message.subject) ||
        containsRecoveryPasswordShape(message.body.content)
      ) {
        throw new RangeError('refusing to mail text shaped like a recovery password');
      }
      await transport.send(
        {
          operation: 'sendMail',
          method: 'POST',
          url: url('v1.0', `${userPath(user)}/sendMail`),
          body: {
            message: {
              subject: message.subject,
              body: {
                contentType: message.body.contentType === 'html' ? 'HTML' : 'Text',
                content: message.body.content,
              },
              toRecipients: message.toRecipients.map((address) => ({ emailAddress: { address } })),
            },
            saveToSentItems: message.saveToSentItems ?? true,
          },
          idempotent: false,
        },
        deadline(),
      );
    },

    async managedDeviceByAzureAdDeviceId(deviceId) {
      const managed = await collect(
        url(
          'beta',
          'deviceManagement/managedDevices',
          `${filterEq('azureADDeviceId', guid(deviceId, 'deviceId'))}&${select(MANAGED_DEVICE_FIELDS)}`,
        ),
        'managedDeviceByAzureAdDeviceId',
        (entry, reply) => parse(managedDeviceSchema, entry, 'managedDeviceByAzureAdDeviceId', reply),
      );
      // A re-enrolled device can leave a stale record behind; the one that synced last is the live one.
      return managed.sort((a, b) => (b.lastSyncDateTime ?? '').localeCompare(a.lastSyncDateTime ?? ''))[0];
    },

    async rotateBitLockerKeys(managedDeviceId) {
      await transport.send(
        {
          operation: 'rotateBitLockerKeys',
          method: 'POST',
          url: url(
            'beta',
            `deviceManagement/managedDevices/${guid(managedDeviceId, 'managedDeviceId')}/rotateBitLockerKeys`,
          ),
          idempotent: false,
        },
        deadline(),
      );
    },

    async authorizationPolicy() {
      const reply = await single({
        operation: 'authorizationPolicy',
        url: url('v1.0', 'policies/authorizationPolicy'),
      });
      // v1.0 answers with the singleton; older beta answers wrapped it in a one-item collection.
      const body = reply.body;
      const entity = isRecord(body) && Array.isArray(body.value) ? body.value[0] : body;
      return parse(authorizationPolicySchema, entity, 'authorizationPolicy', reply);
    },
  };
}

function newBreaker(
  logger: Logger,
  limits: GraphLimits,
  clock: () => number,
  onChange?: (state: CircuitState) => void,
): CircuitBreaker {
  return new CircuitBreaker({
    failureThreshold: limits.breakerFailureThreshold,
    cooldownMs: limits.breakerCooldownMs,
    now: clock,
    onStateChange: (state) => {
      if (state === 'open') logger.warn({ cooldownMs: limits.breakerCooldownMs }, 'graph circuit opened');
      else logger.info({ state }, 'graph circuit state changed');
      onChange?.(state);
    },
  });
}

/** The endpoint's origin. The token travels to it, so it must be HTTPS (plain HTTP only on loopback). */
function graphOrigin(endpoint: string): string {
  const parsed = new URL(endpoint);
  const secure =
    parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname));
  if (!secure) throw new RangeError('the Graph endpoint must be https (plain http only on loopback)');
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new RangeError('the Graph endpoint is an origin without a path (no /v1.0)');
  }
  return parsed.origin;
}

/** Ids go into paths and `$filter` strings: anything but a GUID could rewrite the request. */
function guid(value: string, name: string): string {
  if (!GUID.test(value)) throw new RangeError(`${name} must be a GUID`);
  return value.toLowerCase();
}

function userPath(user: UserReference): string {
  return user === 'me' ? 'me' : `users/${guid(user, 'userId')}`;
}

function select(fields: readonly string[]): string {
  return `$select=${fields.join(',')}`;
}

/** `$filter=name eq 'value'` with the spaces percent-encoded (OData does not read `+` as a space). */
function filterEq(name: string, value: string): string {
  return `$filter=${encodeURIComponent(`${name} eq '${value}'`)}`;
}
