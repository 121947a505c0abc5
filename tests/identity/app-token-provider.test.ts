import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DEMO_BOT_APP_ID, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import { createAppTokenProvider } from '../../src/identity/app-token-provider.js';
import { needsKnownAuthority } from '../../src/identity/msal-client.js';
import { startTestTenant } from '../demo-tenant/demo-tenant-fixture.js';
import { capturingLogger } from '../support/store-backends.js';

let tenant: DemoTenant;
beforeAll(async () => {
  ({ tenant } = await startTestTenant());
});
afterAll(() => tenant?.stop());

function entra(clientSecret = tenant.botApp.clientSecret) {
  return {
    authorityHost: tenant.authorityHost,
    tenantId: tenant.tenantId,
    clientId: tenant.botApp.clientId,
    credential: { kind: 'secret' as const, secret: clientSecret },
  };
}

describe('app-only Graph tokens by client credentials', () => {
  it('returns a Graph token carrying the app roles, and serves the second call from the cache', async () => {
    const { logger, lines } = capturingLogger();
    const appToken = createAppTokenProvider({ entra: entra(), logger });
    const token = await appToken();

    expect(decodeJwt(token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: DEMO_TENANT_ID,
      appid: DEMO_BOT_APP_ID,
      idtyp: 'app',
      roles: expect.arrayContaining(['BitlockerKey.Read.All', 'Device.Read.All']),
    });
    // The demo tenant mints a new `uti` for every token, so an equal token can only come from MSAL's cache.
    expect(await appToken()).toBe(token);
    const keys = await fetch(
      `${tenant.graphEndpoint}/v1.0/informationProtection/bitlocker/recoveryKeys?$filter=deviceId eq '${tenant.data.devices.values().next().value?.deviceId}'`,
      {
        headers: {
          authorization: `Bearer ${token}`,
          'ocp-client-name': 'app-token-test',
          'ocp-client-version': '1.0',
        },
      },
    );
    expect(keys.status).toBe(200);
    expect(lines.filter((line) => line.includes(token))).toEqual([]);
  });

  it('fails loudly with a wrong secret, without logging the secret', async () => {
    const { logger, lines } = capturingLogger();
    const wrongSecret = 'demo~this-is-not-the-secret';
    const appToken = createAppTokenProvider({ entra: entra(wrongSecret), logger });
    await expect(appToken()).rejects.toThrow(/invalid_client/);
    expect(lines.filter((line) => line.includes(wrongSecret))).toEqual([]);
  });

  it.each([
    ['https://login.microsoftonline.com', false],
    ['https://login.microsoftonline.us', false],
    ['https://login.chinacloudapi.cn', false],
    ['https://127.0.0.1:44321', true],
    ['https://login.contoso.com', true],
  ])('treats %s as needing knownAuthorities: %s', (host, expected) => {
    expect(needsKnownAuthority(host)).toBe(expected);
  });
});
