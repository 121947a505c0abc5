import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validRecoveryPassword } from '../../src/demo-tenant/sample-data.js';
import { createGraphClient, type GraphClient, GraphError, type GraphLimits } from '../../src/graph/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { RECOVERY_PASSWORD_SHAPE } from '../demo-tenant/demo-tenant-fixture.js';
import { type ScriptedGraph, startScriptedGraph } from './scripted-graph-server.js';
import { virtualTime } from './virtual-time.js';

const KEY_ID = '4290b6c0-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const DEVICE_ID = '162468be-7a8f-4409-8731-22b9bbbd740e';
const KEYS = '/v1.0/informationProtection/bitlocker/recoveryKeys';
const PASSWORD = validRecoveryPassword(() => 31337);
/** Graph's own documentation example: the right shape, but its blocks fail the ×11 rule. */
const INVALID_PASSWORD = '123456-231453-345678-456789-567890-678901-789012-890123';
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';

let graph: ScriptedGraph;
let elsewhere: ScriptedGraph;
const logLines: string[] = [];
const errors: unknown[] = [];

beforeAll(async () => {
  graph = await startScriptedGraph();
  elsewhere = await startScriptedGraph();
});
afterAll(async () => {
  await graph.close();
  await elsewhere.close();
});
beforeEach(() => {
  graph.requests.length = 0;
  elsewhere.requests.length = 0;
});
afterEach(() => {
  for (const text of [...logLines, ...errors.flatMap((e) => [String(e), JSON.stringify(e), inspect(e)])]) {
    expect(text).not.toMatch(RECOVERY_PASSWORD_SHAPE);
    expect(text).not.toContain(TOKEN);
  }
});

function aClient(limits: Partial<GraphLimits> = {}, time = virtualTime()): GraphClient {
  return createGraphClient({
    endpoint: graph.origin,
    token: async () => TOKEN,
    logger: createLogger({ level: 'debug', destination: { write: (line) => void logLines.push(line) } }),
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0,
    userInitiated: false,
    clientName: 'BitLockerRecoveryBot',
    clientVersion: '1.0.0',
    limits,
  });
}

async function failure(call: Promise<unknown>): Promise<GraphError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  errors.push(error);
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${inspect(error)}`);
  return error;
}

const keyEntity = (extra: Record<string, unknown> = {}) => ({
  id: KEY_ID,
  createdDateTime: '2026-01-05T10:00:00Z',
  deviceId: DEVICE_ID,
  volumeType: '1',
  ...extra,
});

describe('documented response shapes', () => {
  it.each([
    ['a bare object', (entity: object) => entity],
    ['the documented "value": {…} wrapper', (entity: object) => ({ value: entity })],
  ])('reads key metadata and the key from %s', async (_name, shape) => {
    graph.route(`GET ${KEYS}/${KEY_ID}`, ({ url }) => ({
      status: 200,
      body: shape(url.searchParams.get('$select') === 'key' ? { key: PASSWORD, id: KEY_ID } : keyEntity()),
    }));
    const client = aClient();
    expect(await client.recoveryKey(KEY_ID.toUpperCase())).toEqual({
      id: KEY_ID,
      deviceId: DEVICE_ID,
      createdDateTime: '2026-01-05T10:00:00Z',
      volumeType: 1,
    });
    expect((await client.readRecoveryKey(KEY_ID)).reveal()).toBe(PASSWORD);
    expect(graph.requests.map((r) => r.url)).toEqual([`${KEYS}/${KEY_ID}`, `${KEYS}/${KEY_ID}?$select=key`]);
  });

  it('accepts volumeType as a number, a numeric string or the enum name, and leaves unknown ones undefined', async () => {
    const spellings = [1, '2', 'removableDataVolume', 'operatingSystemVolume', 9, 'constructor', null];
    graph.route(`GET ${KEYS}`, () => ({
      status: 200,
      body: {
        value: spellings.map((volumeType, i) =>
          keyEntity({ id: KEY_ID.replace(/.$/, String(i)), volumeType }),
        ),
      },
    }));
    const keys = await aClient().recoveryKeys(DEVICE_ID);
    expect(keys.map((k) => k.volumeType)).toEqual([1, 2, 3, 1, undefined, undefined, undefined]);
  });

  it('keeps only devices from ownedDevices and follows nextLink pages on the Graph origin', async () => {
    const device = (n: number) => ({
      '@odata.type': '#microsoft.graph.device',
      id: `0000000${n}-0000-4000-8000-000000000000`,
      deviceId: `1000000${n}-0000-4000-8000-000000000000`,
      displayName: `PC-${n}`,
      accountEnabled: true,
      trustType: n === 2 ? 'SomethingNew' : 'AzureAd',
      operatingSystem: null,
    });
    graph.route('GET /v1.0/me/ownedDevices', ({ url }) =>
      url.searchParams.get('$skiptoken') === 'page2'
        ? { status: 200, body: { value: [device(2), { id: 'x', displayName: 'no type' }] } }
        : {
            status: 200,
            body: {
              value: [device(1), { '@odata.type': '#microsoft.graph.servicePrincipal', id: 'sp' }],
              '@odata.nextLink': `${graph.origin}/v1.0/me/ownedDevices?$skiptoken=page2`,
            },
          },
    );
    const devices = await aClient().ownedDevices('me');
    expect(devices.map((d) => [d.displayName, d.trustType, d.operatingSystem])).toEqual([
      ['PC-1', 'AzureAd', undefined],
      ['PC-2', undefined, undefined],
    ]);
    expect(graph.requests).toHaveLength(2);
  });

  it('reads the authorization policy as a singleton or a one-item collection', async () => {
    const policy = {
      id: 'authorizationPolicy',
      defaultUserRolePermissions: { allowedToReadBitlockerKeysForOwnedDevice: false },
    };
    graph.route('GET /v1.0/policies/authorizationPolicy', () => ({ status: 200, body: { value: [policy] } }));
    expect(await aClient().authorizationPolicy()).toEqual({
      allowedToReadBitlockerKeysForOwnedDevice: false,
    });
    graph.route('GET /v1.0/policies/authorizationPolicy', () => ({
      status: 200,
      body: { id: 'authorizationPolicy' },
    }));
    expect(await aClient().authorizationPolicy()).toEqual({
      allowedToReadBitlockerKeysForOwnedDevice: undefined,
    });
  });
});

describe('answers the client cannot use', () => {
  it('never follows a nextLink to another origin: the token would go with it', async () => {
    elsewhere.route(`GET ${KEYS}`, () => ({ status: 200, body: { value: [] } }));
    graph.route(`GET ${KEYS}`, () => ({
      status: 200,
      body: { value: [keyEntity()], '@odata.nextLink': `${elsewhere.origin}${KEYS}?$skiptoken=1` },
    }));
    expect(await failure(aClient().recoveryKeys(DEVICE_ID))).toMatchObject({
      kind: 'badResponse',
      code: 'foreignNextLink',
    });
    expect(elsewhere.requests).toEqual([]);
  });

  it('never follows a redirect', async () => {
    elsewhere.route('GET /v1.0/me', () => ({ status: 200, body: {} }));
    graph.route('GET /v1.0/me', () => ({
      status: 302,
      headers: { location: `${elsewhere.origin}/v1.0/me` },
    }));
    expect(await failure(aClient().me())).toMatchObject({ kind: 'badResponse', status: 302 });
    expect(elsewhere.requests).toEqual([]);
  });

  it('stops a nextLink loop after maxPages', async () => {
    graph.route(`GET ${KEYS}`, () => ({
      status: 200,
      body: { value: [], '@odata.nextLink': `${graph.origin}${KEYS}?$skiptoken=again` },
    }));
    expect(await failure(aClient({ maxPages: 3 }).recoveryKeys(DEVICE_ID))).toMatchObject({
      code: 'tooManyPages',
    });
    expect(graph.requests).toHaveLength(3);
  });

  it('names the missing fields of a malformed entity without quoting values', async () => {
    graph.route(`GET /v1.0/devices/${DEVICE_ID}`, () => ({
      status: 200,
      body: { id: DEVICE_ID, displayName: 'PC', accountEnabled: 'yes' },
    }));
    const error = await failure(aClient().device(DEVICE_ID));
    expect(error).toMatchObject({ kind: 'badResponse', code: 'unexpectedShape', status: 200 });
    expect(error.message).toContain('deviceId: invalid_type');
    expect(error.message).toContain('accountEnabled: invalid_type');
    expect(error.message).not.toContain('yes');
  });

  it.each([
    ['a key that fails the block check', { key: INVALID_PASSWORD }, 'malformedKey'],
    ['a key with a wrong block count', { key: PASSWORD.slice(0, 48) }, 'malformedKey'],
    ['no key (Graph drops it when other fields are selected)', { id: KEY_ID }, 'keyMissing'],
    ['the key of another Key ID', { id: KEY_ID.replace('4290', '5290'), key: PASSWORD }, 'unexpectedShape'],
  ])('refuses %s without echoing it', async (_name, body, code) => {
    graph.route(`GET ${KEYS}/${KEY_ID}`, () => ({ status: 200, body }));
    const error = await failure(aClient().readRecoveryKey(KEY_ID));
    expect(error).toMatchObject({ kind: 'badResponse', code, operation: 'readRecoveryKey' });
    const text = `${error.message} ${JSON.stringify(error)} ${inspect(error)}`;
    expect(text).not.toContain(PASSWORD.slice(0, 13));
    expect(text).not.toContain(INVALID_PASSWORD.slice(0, 13));
  });

  it('refuses a key read answer that is not JSON without quoting it', async () => {
    graph.route(`GET ${KEYS}/${KEY_ID}`, () => ({ status: 200, raw: `{"key":"${PASSWORD}"` }));
    const error = await failure(aClient().readRecoveryKey(KEY_ID));
    expect(error).toMatchObject({ kind: 'badResponse', code: 'invalidJson' });
    expect(inspect(error)).not.toContain(PASSWORD.slice(0, 6));
  });

  it('keeps Graph’s message out of key-read errors and scrubs password shapes from other errors', async () => {
    const body = { error: { code: 'Authorization_RequestDenied', message: `Denied for ${PASSWORD}` } };
    graph.route(`GET ${KEYS}/${KEY_ID}`, () => ({ status: 403, body }));
    graph.route('GET /v1.0/me', () => ({ status: 403, body }));
    const keyRead = await failure(aClient().readRecoveryKey(KEY_ID));
    expect(keyRead).toMatchObject({ kind: 'notAllowed', code: 'Authorization_RequestDenied' });
    expect(keyRead.message).not.toContain('Denied for');
    const me = await failure(aClient().me());
    expect(me.message).toContain('Denied for [REDACTED]');
  });

  it('maps a gateway’s HTML 502 to unavailable', async () => {
    graph.route('GET /v1.0/me', () => ({ status: 502, raw: '<html>Bad Gateway</html>' }));
    expect(await failure(aClient({ maxAttempts: 2 }).me())).toMatchObject({
      kind: 'unavailable',
      status: 502,
      code: 'unexpectedStatus',
      attempts: 2,
    });
  });
});

describe('Retry-After variants', () => {
  it('resends a mail after a 503 that carries Retry-After (Graph did not take it), once', async () => {
    let calls = 0;
    const bodies: string[] = [];
    graph.route('POST /v1.0/me/sendMail', ({ body }) => {
      calls += 1;
      bodies.push(body);
      return calls === 1
        ? { status: 503, headers: { 'retry-after': '1' }, body: { error: { code: 'serviceNotAvailable' } } }
        : { status: 202 };
    });
    const time = virtualTime();
    await aClient({}, time).sendMail('me', {
      subject: 'Key viewed',
      body: { contentType: 'text', content: 'PC-1' },
      toRecipients: ['alex@contoso.example'],
    });
    expect(calls).toBe(2);
    expect(time.waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(JSON.parse(bodies[1] ?? '')).toEqual({
      message: {
        subject: 'Key viewed',
        body: { contentType: 'Text', content: 'PC-1' },
        toRecipients: [{ emailAddress: { address: 'alex@contoso.example' } }],
      },
      saveToSentItems: true,
    });
    expect(graph.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const time = virtualTime();
    let calls = 0;
    graph.route('GET /v1.0/me', () => {
      calls += 1;
      if (calls > 1) return { status: 200, body: { id: DEVICE_ID, userPrincipalName: 'a@b.example' } };
      const at = new Date(time.clock() + 5_000);
      return {
        status: 429,
        headers: { 'retry-after': at.toUTCString() },
        body: { error: { code: 'TooManyRequests' } },
      };
    });
    expect((await aClient({}, time).me()).userPrincipalName).toBe('a@b.example');
    // HTTP dates have whole seconds, so the wait may be up to one second shorter than 5 s, never less.
    expect(time.waits[0]).toBeGreaterThan(4_000);
    expect(time.waits[0]).toBeLessThanOrEqual(5_000);
  });
});

describe('configuration checks', () => {
  it.each([
    ['plain http off loopback', 'http://graph.example.com'],
    ['a path after the origin', 'https://graph.microsoft.com/v1.0'],
    ['not a URL', 'graph.microsoft.com'],
  ])('refuses an endpoint with %s', (_name, endpoint) => {
    expect(() =>
      createGraphClient({
        endpoint,
        token: async () => TOKEN,
        logger: createLogger({ destination: { write: () => {} } }),
        userInitiated: false,
        clientName: 'BitLockerRecoveryBot',
        clientVersion: '1.0.0',
      }),
    ).toThrow();
  });

  it('refuses client names that cannot be sent as headers', () => {
    expect(() =>
      createGraphClient({
        endpoint: 'https://graph.microsoft.com',
        token: async () => TOKEN,
        logger: createLogger({ destination: { write: () => {} } }),
        userInitiated: false,
        clientName: 'Récupération',
        clientVersion: '1.0.0',
      }),
    ).toThrow(RangeError);
  });
});
