import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { FaultKnobs } from '../../src/demo-tenant/fault-knobs.js';
import { startTestTenant } from './demo-tenant-fixture.js';

let tenant: DemoTenant;
let token: string;

beforeAll(async () => {
  ({ tenant } = await startTestTenant());
  token = await clientCredentialsToken();
});
afterAll(() => tenant.stop());
beforeEach(() => tenant.faults.reset());

async function clientCredentialsToken(): Promise<string> {
  const response = await fetch(`${tenant.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: tenant.botApp.clientId,
      client_secret: tenant.botApp.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function getUsers(): Promise<Response> {
  return fetch(`${tenant.graphEndpoint}/v1.0/users/${tenant.data.users.keys().next().value}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('fault knobs on the demo Graph', () => {
  it('throttles every n-th request with 429 TooManyRequests and Retry-After', async () => {
    tenant.faults.set({ throttle: { everyNth: 2, retryAfterSeconds: 7 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await getUsers();
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('7');
        const body = (await response.json()) as {
          error: { code: string; innerError: Record<string, string> };
        };
        expect(body.error.code).toBe('TooManyRequests');
        expect(body.error.innerError['request-id']).toBeTruthy();
      } else {
        await response.arrayBuffer();
      }
    }
    expect(statuses).toEqual([200, 429, 200, 429]);
    expect(tenant.faults.stats).toMatchObject({ requests: 4, throttled: 2 });
  });

  it('can throttle without Retry-After, the way Intune has been seen to', async () => {
    tenant.faults.set({ throttle: { everyNth: 1, retryAfterSeconds: undefined } });
    const response = await getUsers();
    expect(response.status).toBe(429);
    expect(response.headers.has('retry-after')).toBe(false);
  });

  it.each([500, 502, 503, 504] as const)('answers %i in Graph error format', async (status) => {
    tenant.faults.set({ serverErrors: { status, everyNth: 1 } });
    const response = await getUsers();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toEqual(expect.any(String));
    expect(tenant.faults.stats.serverErrors).toBe(1);
  });

  it('drops the connection without a response', async () => {
    tenant.faults.set({ dropConnections: { everyNth: 1 } });
    await expect(getUsers()).rejects.toThrow();
    expect(tenant.faults.stats.dropped).toBe(1);
    tenant.faults.set({ dropConnections: undefined });
    expect((await getUsers()).status).toBe(200);
  });

  it('enforces a per-tenant request budget with a Retry-After until the window reopens', async () => {
    tenant.faults.set({ budget: { requests: 3, perSeconds: 10 } });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const response = await getUsers();
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(9);
    expect(Number(retryAfter)).toBeLessThanOrEqual(10);
    expect(tenant.faults.stats.budgetExceeded).toBe(2);
  });

  it('adds latency', async () => {
    tenant.faults.set({ latencyMs: 150 });
    const started = performance.now();
    expect((await getUsers()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(tenant.faults.stats.delayed).toBe(1);
  });

  it('leaves the token endpoint alone unless it is targeted', async () => {
    tenant.faults.set({ serverErrors: { status: 503, everyNth: 1 } });
    await expect(clientCredentialsToken()).resolves.toEqual(expect.any(String));
    tenant.faults.set({ targets: ['graph', 'token'] });
    await expect(clientCredentialsToken()).rejects.toThrow('503');
  });
});

describe('FaultKnobs', () => {
  it('fires probability knobs reproducibly for a seed', async () => {
    const outcomes = async () => {
      const knobs = new FaultKnobs();
      knobs.set({ throttle: { probability: 0.5 }, seed: 42 });
      const kinds: string[] = [];
      for (let i = 0; i < 20; i += 1) kinds.push((await knobs.decide('graph')).kind);
      return kinds;
    };
    const first = await outcomes();
    expect(first).toEqual(await outcomes());
    expect(first).toContain('throttle');
    expect(first).toContain('proceed');
  });

  it('reopens the budget window as time passes', async () => {
    let now = 0;
    const knobs = new FaultKnobs(() => now);
    knobs.set({ budget: { requests: 1, perSeconds: 2 } });
    expect((await knobs.decide('graph')).kind).toBe('proceed');
    expect(await knobs.decide('graph')).toEqual({ kind: 'throttle', retryAfterSeconds: 2 });
    now = 1500;
    expect(await knobs.decide('graph')).toEqual({ kind: 'throttle', retryAfterSeconds: 1 });
    now = 2000;
    expect((await knobs.decide('graph')).kind).toBe('proceed');
  });
});
