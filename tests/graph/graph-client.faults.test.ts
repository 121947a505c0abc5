import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import { DEMO_GROUPS, DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import {
  createGraphClient,
  createGraphClientFactory,
  type GraphClient,
  GraphError,
  type GraphLimits,
} from '../../src/graph/index.js';
import { createLogger, type Logger } from '../../src/observability/logger.js';
import { RECOVERY_PASSWORD_SHAPE, startTestTenant } from '../demo-tenant/demo-tenant-fixture.js';
import { appTokenProvider } from './demo-graph-access.js';
import { type VirtualTime, virtualTime } from './virtual-time.js';

const alex = DEMO_PEOPLE[0];
if (!alex) throw new Error('sample data changed');

let tenant: DemoTenant;
let appToken: () => Promise<string>;
const logLines: string[] = [];
const errors: unknown[] = [];
let logger: Logger;

beforeAll(async () => {
  ({ tenant } = await startTestTenant());
  appToken = appTokenProvider(tenant);
  await appToken();
  logger = createLogger({ level: 'debug', destination: { write: (line) => void logLines.push(line) } });
});
afterAll(() => tenant.stop());
beforeEach(() => {
  tenant.faults.reset();
  tenant.graphRequests.clear();
});

/** Fast limits so a storm fits in a test; each test overrides what it is about. */
const QUICK: Partial<GraphLimits> = {
  attemptTimeoutMs: 2_000,
  deadlineMs: 10_000,
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  breakerFailureThreshold: 50,
  breakerCooldownMs: 10_000,
};

function aClient(time: VirtualTime | undefined, limits: Partial<GraphLimits> = {}): GraphClient {
  return createGraphClient({
    endpoint: tenant.graphEndpoint,
    token: appToken,
    logger,
    ...(time ? { clock: time.clock, sleep: time.sleep } : {}),
    random: () => 0.999,
    userInitiated: true,
    clientName: 'BitLockerRecoveryBot',
    clientVersion: '1.0.0',
    limits: { ...QUICK, ...limits },
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

function deviceNamed(name: string) {
  const device = [...tenant.data.devices.values()].find((d) => d.displayName === name);
  if (!device) throw new Error(`no device ${name}`);
  return device;
}

const outcomes = () => tenant.graphRequests.entries.map((request) => request.outcome);
const clientRequestIds = () =>
  new Set(tenant.graphRequests.entries.map((request) => request.headers['client-request-id']));

describe('Graph client under throttling', () => {
  it('waits out Retry-After: 2 for real: the next attempt reaches Graph no earlier than 2 s later', async () => {
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    const client = aClient(undefined);
    tenant.faults.set({ throttle: { everyNth: 2, retryAfterSeconds: 2 } });
    await client.device(laptop.id);
    tenant.graphRequests.clear();
    expect((await client.device(laptop.id)).deviceId).toBe(laptop.deviceId);
    const [throttled, retried] = tenant.graphRequests.entries;
    expect(outcomes()).toEqual([429, 200]);
    expect((retried?.receivedAt ?? 0) - (throttled?.receivedAt ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect(clientRequestIds().size).toBe(1);
  });

  it('never asks to wait less than Retry-After, and gives up at once when it would pass the deadline', async () => {
    const time = virtualTime(() => tenant.faults.set({ throttle: undefined }));
    tenant.faults.set({ throttle: { everyNth: 1, retryAfterSeconds: 3 } });
    await aClient(time).recoveryKeys(deviceNamed(DEMO_DEVICE_NAMES.alexDesktop).deviceId);
    expect(time.waits).toHaveLength(1);
    expect(time.waits[0]).toBeGreaterThanOrEqual(3_000);
    expect(time.waits[0]).toBeLessThan(3_000 + (QUICK.baseDelayMs ?? 0));

    tenant.graphRequests.clear();
    const later = virtualTime();
    tenant.faults.set({ throttle: { everyNth: 1, retryAfterSeconds: 30 } });
    const error = await failure(aClient(later, { deadlineMs: 8_000 }).me());
    expect(error).toMatchObject({
      kind: 'throttled',
      status: 429,
      code: 'TooManyRequests',
      retryAfterMs: 30_000,
    });
    expect(later.waits).toEqual([]);
    expect(outcomes()).toEqual([429]);
  });

  it('backs off exponentially when a 429 has no Retry-After (as Intune does)', async () => {
    const time = virtualTime((index) => {
      if (index === 2) tenant.faults.set({ throttle: undefined });
    });
    tenant.faults.set({ throttle: { everyNth: 1, retryAfterSeconds: undefined } });
    const managed = await aClient(time).managedDeviceByAzureAdDeviceId(
      deviceNamed(DEMO_DEVICE_NAMES.alexLaptop).deviceId,
    );
    expect(managed?.deviceName).toBe(DEMO_DEVICE_NAMES.alexLaptop);
    expect(time.waits).toEqual([199, 399, 799]);
    expect(outcomes()).toEqual([429, 429, 429, 200]);
  });
});

describe('Graph client when Graph is down', () => {
  it('turns a 503 storm into unavailable within the deadline', async () => {
    const time = virtualTime();
    tenant.faults.set({ serverErrors: { status: 503, everyNth: 1 } });
    const started = time.clock();
    const error = await failure(aClient(time, { deadlineMs: 3_000, baseDelayMs: 400, maxAttempts: 10 }).me());
    expect(error).toMatchObject({
      kind: 'unavailable',
      status: 503,
      code: 'serviceNotAvailable',
      attempts: 4,
    });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(time.waits).toEqual([399, 799, 1598]);
    expect(time.clock() - started).toBeLessThan(3_000);
    expect(outcomes()).toEqual([503, 503, 503, 503]);
  });

  it('opens the shared circuit breaker, fails fast while open, probes after the cool-down, and recovers', async () => {
    const time = virtualTime();
    const clients = createGraphClientFactory({
      endpoint: tenant.graphEndpoint,
      logger,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      clientName: 'BitLockerRecoveryBot',
      clientVersion: '1.0.0',
      limits: { ...QUICK, maxAttempts: 2, breakerFailureThreshold: 3, breakerCooldownMs: 10_000 },
    });
    const first = clients({ token: appToken, userInitiated: true });
    const second = clients({ token: appToken, userInitiated: false });
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    tenant.faults.set({ serverErrors: { status: 503, everyNth: 1 } });

    expect(await failure(first.device(laptop.id))).toMatchObject({
      kind: 'unavailable',
      code: 'serviceNotAvailable',
    });
    expect(await failure(second.device(laptop.id))).toMatchObject({
      kind: 'unavailable',
      code: 'circuitOpen',
    });
    expect(tenant.graphRequests.entries).toHaveLength(3);
    expect(logLines.some((line) => line.includes('"msg":"graph circuit opened"'))).toBe(true);

    const failedFast = await failure(first.me());
    expect(failedFast).toMatchObject({ kind: 'unavailable', code: 'circuitOpen', attempts: 0 });
    expect(tenant.graphRequests.entries).toHaveLength(3);

    time.advance(10_000);
    expect(await failure(first.me())).toMatchObject({ code: 'circuitOpen', attempts: 1 });
    expect(tenant.graphRequests.entries).toHaveLength(4);
    expect(await failure(second.me())).toMatchObject({ code: 'circuitOpen', attempts: 0 });
    expect(tenant.graphRequests.entries).toHaveLength(4);

    time.advance(10_000);
    tenant.faults.set({ serverErrors: undefined });
    expect((await second.device(laptop.id)).displayName).toBe(DEMO_DEVICE_NAMES.alexLaptop);
    expect((await first.device(laptop.id)).displayName).toBe(DEMO_DEVICE_NAMES.alexLaptop);
    expect(outcomes()).toEqual([503, 503, 503, 503, 200, 200]);
  });

  it('clients of one factory keep their own time limits and share the breaker', async () => {
    const time = virtualTime();
    const clients = createGraphClientFactory({
      endpoint: tenant.graphEndpoint,
      logger,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.999,
      clientName: 'BitLockerRecoveryBot',
      clientVersion: '1.0.0',
      limits: { ...QUICK, breakerFailureThreshold: 6 },
    });
    const onInvoke = clients({ token: appToken, userInitiated: true, limits: { deadlineMs: 1_000 } });
    const background = clients({ token: appToken, userInitiated: false });
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    tenant.faults.set({ serverErrors: { status: 503, everyNth: 1 } });

    // The short deadline stops after three attempts (the waits of 399 and 799 ms fit in one second, the
    // next does not). The background client would go on to maxAttempts (5), but the breaker counts the
    // failures of both and opens at six, for both.
    const started = time.clock();
    expect(await failure(onInvoke.device(laptop.id))).toMatchObject({
      code: 'serviceNotAvailable',
      attempts: 3,
    });
    expect(time.clock() - started).toBeLessThan(1_000);
    expect(await failure(background.device(laptop.id))).toMatchObject({ code: 'circuitOpen', attempts: 3 });
    expect(await failure(onInvoke.me())).toMatchObject({ code: 'circuitOpen', attempts: 0 });
    expect(tenant.graphRequests.entries).toHaveLength(6);
  });

  it('retries a read after a dropped connection', async () => {
    const time = virtualTime(() => tenant.faults.set({ dropConnections: undefined }));
    tenant.faults.set({ dropConnections: { everyNth: 1 } });
    const keys = await aClient(time).recoveryKeys(deviceNamed(DEMO_DEVICE_NAMES.alexDesktop).deviceId);
    expect(keys).toHaveLength(2);
    expect(outcomes()).toEqual(['dropped', 200]);
    expect(clientRequestIds().size).toBe(1);
  });

  it('gives up on a hung Graph with a timeout, within the deadline', async () => {
    tenant.faults.set({ latencyMs: 3_000 });
    const started = performance.now();
    const error = await failure(
      aClient(undefined, { attemptTimeoutMs: 300, deadlineMs: 1_000, baseDelayMs: 50 }).ownedDevices(alex.id),
    );
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'unavailable', code: 'timeout', status: undefined });
    expect(error.attempts).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    // The deadline plus scheduling slack for a busy 2-core machine; without a deadline it would take 3 s+.
    expect(elapsed).toBeLessThan(1_600);
    expect(tenant.graphRequests.entries.length).toBe(error.attempts);
  });
});

describe('Graph client with requests that must not be repeated', () => {
  it('does not resend a mail after a dropped connection: Graph may have sent it', async () => {
    const time = virtualTime();
    tenant.faults.set({ dropConnections: { everyNth: 1 } });
    const mailBefore = tenant.data.mail.length;
    const error = await failure(
      aClient(time).sendMail(alex.id, {
        subject: 'Your recovery key was viewed',
        body: { contentType: 'text', content: 'ALEX-LAPTOP' },
        toRecipients: [alex.mail],
      }),
    );
    expect(error).toMatchObject({ kind: 'unavailable', code: 'connectionFailed', attempts: 1 });
    expect(outcomes()).toEqual(['dropped']);
    expect(time.waits).toEqual([]);
    expect(tenant.data.mail.length).toBe(mailBefore);
  });

  it('does not repeat a rotation after a 500, but does after a 429 (Graph did not process it), exactly once', async () => {
    const desktop = deviceNamed(DEMO_DEVICE_NAMES.alexDesktop);
    const managed = tenant.data.managedDeviceFor(desktop.deviceId);
    if (!managed) throw new Error('sample data changed');
    const keysBefore = tenant.data.keysForDevice(desktop.deviceId).length;

    tenant.faults.set({ serverErrors: { status: 500, everyNth: 1 } });
    expect(await failure(aClient(virtualTime()).rotateBitLockerKeys(managed.id))).toMatchObject({
      kind: 'unavailable',
      status: 500,
      attempts: 1,
    });
    expect(tenant.data.keysForDevice(desktop.deviceId)).toHaveLength(keysBefore);

    tenant.faults.reset();
    tenant.graphRequests.clear();
    const time = virtualTime(() => tenant.faults.set({ throttle: undefined }));
    tenant.faults.set({ throttle: { everyNth: 1, retryAfterSeconds: 1 } });
    await aClient(time).rotateBitLockerKeys(managed.id);
    expect(outcomes()).toEqual([429, 204]);
    expect(time.waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(tenant.data.keysForDevice(desktop.deviceId)).toHaveLength(keysBefore + 1);
  });

  it('retries checkMemberGroups after a 503: a POST that only reads', async () => {
    const time = virtualTime(() => tenant.faults.set({ serverErrors: undefined }));
    tenant.faults.set({ serverErrors: { status: 503, everyNth: 1 } });
    expect(await aClient(time).checkMemberGroups(alex.id, [DEMO_GROUPS.selfService])).toEqual([
      DEMO_GROUPS.selfService,
    ]);
    expect(outcomes()).toEqual([503, 200]);
  });
});

describe('Graph client with bad credentials', () => {
  it('maps a rejected token to unauthorized without retrying', async () => {
    const client = createGraphClient({
      endpoint: tenant.graphEndpoint,
      token: async () => 'not-a-token',
      logger,
      userInitiated: true,
      clientName: 'BitLockerRecoveryBot',
      clientVersion: '1.0.0',
    });
    expect(await failure(client.me())).toMatchObject({
      kind: 'unauthorized',
      status: 401,
      code: 'InvalidAuthenticationToken',
      attempts: 1,
    });
    expect(outcomes()).toEqual([401]);
  });

  it('maps a failing token provider to unauthorized, without calling Graph or quoting the provider', async () => {
    const client = createGraphClient({
      endpoint: tenant.graphEndpoint,
      token: async () => {
        throw new Error('AADSTS7000215: Invalid client secret provided: s3cr3t-value');
      },
      logger,
      userInitiated: true,
      clientName: 'BitLockerRecoveryBot',
      clientVersion: '1.0.0',
    });
    const error = await failure(client.me());
    expect(error).toMatchObject({ kind: 'unauthorized', code: 'tokenUnavailable', attempts: 0 });
    expect(error.message).not.toContain('s3cr3t');
    expect(tenant.graphRequests.entries).toEqual([]);
  });
});

describe('Graph client fault hygiene', () => {
  it('leaves no recovery password and no token in logs or errors', async () => {
    const token = await appToken();
    expect(errors.length).toBeGreaterThan(8);
    const texts = [
      ...logLines,
      ...errors.flatMap((error) => [String(error), JSON.stringify(error), inspect(error)]),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(RECOVERY_PASSWORD_SHAPE);
      expect(text.includes(token)).toBe(false);
    }
  });
});
