import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_APP_ID } from '../../src/demo-tenant/sample-data.js';
import { DEMO_BOT_APP_ID } from '../../src/demo-tenant/sample-people.js';
import { createGraphClient } from '../../src/graph/index.js';
import { checkKeyAccessMode } from '../../src/graph/key-access-check.js';
import { createLogger } from '../../src/observability/logger.js';
import { type DemoTenantFixture, startTestTenant } from '../demo-tenant/demo-tenant-fixture.js';
import { appTokenProvider } from './demo-graph-access.js';

describe('the start-up check of KEY_ACCESS against the tenant setting (policies/authorizationPolicy)', () => {
  let fixture: DemoTenantFixture;
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line) => void lines.push(line) } });
  beforeAll(async () => {
    fixture = await startTestTenant();
  });
  afterAll(async () => {
    await fixture?.tenant.stop();
  });
  const check = (keyAccess: 'delegated' | 'application') =>
    checkKeyAccessMode(
      createGraphClient({
        endpoint: fixture.tenant.graphEndpoint,
        token: appTokenProvider(fixture.tenant),
        logger,
        userInitiated: false,
        clientName: 'BitLockerRecoveryBot',
        clientVersion: '0.1.0',
      }),
      keyAccess,
      logger,
    );
  const policy = () => fixture.tenant.data.authorizationPolicy.defaultUserRolePermissions;

  it('owners may read their keys: both modes fit', async () => {
    policy().allowedToReadBitlockerKeysForOwnedDevice = true;
    expect(await check('delegated')).toEqual({ kind: 'fits' });
    expect(await check('application')).toEqual({ kind: 'fits' });
  });

  it('owners are restricted: delegated cannot work, and the log says what to do; application fits', async () => {
    policy().allowedToReadBitlockerKeysForOwnedDevice = false;
    lines.length = 0;
    expect(await check('delegated')).toEqual({ kind: 'cannotWork' });
    const warning = lines
      .map((line) => JSON.parse(line) as { level: string; msg: string })
      .find((l) => l.level === 'warn');
    expect(warning?.msg).toMatch(/KEY_ACCESS=delegated cannot work .* Set KEY_ACCESS=application/);
    expect(await check('application')).toEqual({ kind: 'fits' });
  });

  it('without Policy.Read.All it says it could not check, and nothing else', async () => {
    fixture.tenant.data.apps
      .get(DEMO_BOT_APP_ID)!
      .applicationPermissions.get(GRAPH_APP_ID)!
      .delete('Policy.Read.All');
    const result = await check('delegated');
    expect(result).toMatchObject({ kind: 'unknown', why: expect.stringContaining('Policy.Read.All') });
  });
});
