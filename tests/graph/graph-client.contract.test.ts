import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DEMO_DEVICE_NAMES, validRecoveryPassword } from '../../src/demo-tenant/sample-data.js';
import { DEMO_GROUPS, DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import { createGraphClient, type GraphClient, GraphError } from '../../src/graph/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { RECOVERY_PASSWORD_SHAPE, startTestTenant } from '../demo-tenant/demo-tenant-fixture.js';
import { appTokenProvider, signInForGraph } from './demo-graph-access.js';

const person = (alias: string) => {
  const found = DEMO_PEOPLE.find((p) => p.userPrincipalName.startsWith(`${alias}@`));
  if (!found) throw new Error(`no demo person ${alias}`);
  return found;
};
const alex = person('AlexW');
const megan = person('MeganB');
const adele = person('AdeleV');
const lee = person('LeeG');
const isaiah = person('IsaiahL');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let tenant: DemoTenant;
let tenantLogLines: string[];
const clientLogLines: string[] = [];
const tokens: string[] = [];
const errors: unknown[] = [];
let asAlex: GraphClient;
let asIsaiah: GraphClient;
let asApp: GraphClient;

function client(token: () => Promise<string>, userInitiated: boolean): GraphClient {
  return createGraphClient({
    endpoint: tenant.graphEndpoint,
    token,
    logger: createLogger({
      level: 'debug',
      destination: { write: (line) => void clientLogLines.push(line) },
    }),
    userInitiated,
    clientName: 'BitLockerRecoveryBot',
    clientVersion: '1.2.3',
  });
}

async function delegated(userId: string): Promise<GraphClient> {
  const token = await signInForGraph(tenant, userId);
  tokens.push(token);
  return client(async () => token, true);
}

/** The GraphError a call fails with, kept for the "no secrets in errors" check at the end. */
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

function lastRequest() {
  const entry = tenant.graphRequests.entries.at(-1);
  if (!entry) throw new Error('no Graph request recorded');
  return entry;
}

beforeAll(async () => {
  ({ tenant, logLines: tenantLogLines } = await startTestTenant());
  const app = appTokenProvider(tenant);
  tokens.push(await app());
  asApp = client(app, false);
  asAlex = await delegated(alex.id);
  asIsaiah = await delegated(isaiah.id);
});
afterAll(() => tenant.stop());
beforeEach(() => {
  tenant.faults.reset();
  tenant.graphRequests.clear();
  tenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = true;
});

describe('Graph client against the demo tenant: people and devices', () => {
  it('reads the signed-in user', async () => {
    expect(await asAlex.me()).toEqual({
      id: alex.id,
      displayName: 'Alex Wilber',
      userPrincipalName: alex.userPrincipalName,
      mail: alex.mail,
    });
    expect(lastRequest().url).toBe('/v1.0/me?$select=id,displayName,userPrincipalName,mail');
  });

  it('lists owned devices for me (delegated) and for a user by object id (app-only)', async () => {
    const mine = await asAlex.ownedDevices('me');
    expect(mine.map((d) => d.displayName).sort()).toEqual([
      DEMO_DEVICE_NAMES.alexDesktop,
      DEMO_DEVICE_NAMES.alexLaptop,
    ]);
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    expect(mine.find((d) => d.id === laptop.id)).toEqual({
      id: laptop.id,
      deviceId: laptop.deviceId,
      displayName: DEMO_DEVICE_NAMES.alexLaptop,
      operatingSystem: 'Windows',
      trustType: 'AzureAd',
      approximateLastSignInDateTime: laptop.approximateLastSignInDateTime,
      accountEnabled: true,
      isCompliant: laptop.isCompliant,
      isManaged: laptop.isManaged,
    });
    const nestors = await asApp.ownedDevices(person('NestorW').id);
    expect(nestors.map((d) => [d.displayName, d.trustType]).sort()).toEqual([
      [DEMO_DEVICE_NAMES.nestorLaptop, 'AzureAd'],
      [DEMO_DEVICE_NAMES.nestorWorkstation, 'ServerAd'],
    ]);
    const megans = await asApp.ownedDevices(megan.id);
    expect(megans.find((d) => d.displayName === DEMO_DEVICE_NAMES.meganOldPc)?.accountEnabled).toBe(false);
  });

  it('finds a device by object id and by deviceId, which are different ids', async () => {
    const desktop = deviceNamed(DEMO_DEVICE_NAMES.alexDesktop);
    expect(desktop.id).not.toBe(desktop.deviceId);
    expect((await asAlex.device(desktop.id)).deviceId).toBe(desktop.deviceId);
    expect((await asApp.deviceByDeviceId(desktop.deviceId))?.id).toBe(desktop.id);
    expect(await asApp.deviceByDeviceId(crypto.randomUUID())).toBeUndefined();
    // A device's deviceId is not an object id: Graph has no device object under it.
    const wrongId = await failure(asApp.device(desktop.deviceId));
    expect(wrongId).toMatchObject({ kind: 'notFound', status: 404, code: 'Request_ResourceNotFound' });
    expect(wrongId.requestId).toMatch(UUID);
  });

  it('checks group membership for me and for other users, 20 ids per request', async () => {
    const groups = [DEMO_GROUPS.selfService, DEMO_GROUPS.helpdesk, DEMO_GROUPS.helpdeskAdvanced];
    expect(await asIsaiah.checkMemberGroups('me', groups)).toEqual(groups);
    expect(await asApp.checkMemberGroups(lee.id, groups)).toEqual([
      DEMO_GROUPS.selfService,
      DEMO_GROUPS.helpdesk,
    ]);
    expect(await asApp.checkMemberGroups(adele.id, groups)).toEqual([]);
    tenant.graphRequests.clear();
    const many = [
      ...Array.from({ length: 24 }, () => crypto.randomUUID()),
      DEMO_GROUPS.selfService.toUpperCase(),
    ];
    expect(await asApp.checkMemberGroups(alex.id, many)).toEqual([DEMO_GROUPS.selfService.toUpperCase()]);
    expect(tenant.graphRequests.entries.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('sends mail as the user (delegated) and from a mailbox (app-only)', async () => {
    await asAlex.sendMail('me', {
      subject: 'Your BitLocker recovery key was viewed',
      body: { contentType: 'text', content: 'The key for ALEX-LAPTOP was shown in Teams.' },
      toRecipients: [alex.mail],
    });
    await asApp.sendMail(lee.id, {
      subject: 'Recovery key viewed',
      body: { contentType: 'html', content: '<p>ALEX-DESKTOP</p>' },
      toRecipients: [alex.mail],
      saveToSentItems: false,
    });
    const inbox = tenant.data.mailbox(alex.mail);
    expect(inbox.map((m) => [m.subject, m.bodyContentType, m.from])).toEqual([
      ['Your BitLocker recovery key was viewed', 'text', alex.mail],
      ['Recovery key viewed', 'html', lee.mail],
    ]);
    expect(lastRequest()).toMatchObject({ method: 'POST', outcome: 202 });
  });

  it('refuses to mail anything shaped like a recovery password, before sending', async () => {
    const sent = tenant.data.mail.length;
    await expect(
      asApp.sendMail(alex.id, {
        subject: 'key',
        body: { contentType: 'text', content: `here: ${validRecoveryPassword(() => 4242)}` },
        toRecipients: [alex.mail],
      }),
    ).rejects.toThrow(RangeError);
    expect(tenant.data.mail.length).toBe(sent);
    expect(tenant.graphRequests.entries).toEqual([]);
  });

  it('reads the authorization policy (app-only); a delegated caller without Policy.Read.All is notAllowed', async () => {
    expect(await asApp.authorizationPolicy()).toEqual({ allowedToReadBitlockerKeysForOwnedDevice: true });
    tenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = false;
    expect(await asApp.authorizationPolicy()).toEqual({ allowedToReadBitlockerKeysForOwnedDevice: false });
    expect(await failure(asAlex.authorizationPolicy())).toMatchObject({
      kind: 'notAllowed',
      status: 403,
      code: 'Authorization_RequestDenied',
    });
  });

  it('maps /me with an app-only token (a 400) to badResponse, and refuses ids that are not GUIDs unsent', async () => {
    expect(await failure(asApp.me())).toMatchObject({ kind: 'badResponse', status: 400, code: 'BadRequest' });
    tenant.graphRequests.clear();
    await expect(asApp.device('../users')).rejects.toThrow(RangeError);
    await expect(asApp.recoveryKeys("x' or deviceId ne '")).rejects.toThrow(RangeError);
    await expect(asApp.ownedDevices(alex.userPrincipalName)).rejects.toThrow(RangeError);
    expect(tenant.graphRequests.entries).toEqual([]);
  });
});

describe('Graph client against the demo tenant: BitLocker keys', () => {
  it('lists key metadata by deviceId, never the key, with volumeType as a number', async () => {
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    const keys = await asAlex.recoveryKeys(laptop.deviceId);
    const expected = tenant.data.keysForDevice(laptop.deviceId);
    expect(keys).toEqual(
      expected.map((key) => ({
        id: key.id,
        deviceId: laptop.deviceId,
        createdDateTime: key.createdDateTime,
        volumeType: key.volumeType,
      })),
    );
    expect(keys.map((k) => k.volumeType).sort()).toEqual([1, 2]);
    expect(JSON.stringify(keys)).not.toMatch(RECOVERY_PASSWORD_SHAPE);
    expect(decodeURIComponent(lastRequest().url)).toBe(
      `/v1.0/informationProtection/bitlocker/recoveryKeys?$filter=deviceId eq '${laptop.deviceId}'`,
    );
  });

  it('follows @odata.nextLink through every page', async () => {
    const device = deviceNamed(DEMO_DEVICE_NAMES.leeLaptop);
    for (let i = 0; i < 4; i += 1) {
      tenant.data.addRecoveryKey({
        id: crypto.randomUUID(),
        deviceId: device.deviceId,
        createdDateTime: new Date(Date.now() + i).toISOString(),
        volumeType: 2,
        key: validRecoveryPassword(() => 1000 + i),
      });
    }
    const keys = await asApp.recoveryKeys(device.deviceId);
    expect(keys.map((k) => k.id)).toEqual(tenant.data.keysForDevice(device.deviceId).map((k) => k.id));
    expect(keys).toHaveLength(5);
    const pages = tenant.graphRequests.entries;
    expect(pages).toHaveLength(3);
    expect(pages.slice(1).every((page) => decodeURIComponent(page.url).includes('$skiptoken='))).toBe(true);
  });

  it('reads one key’s metadata', async () => {
    const [key] = tenant.data.keysForDevice(deviceNamed(DEMO_DEVICE_NAMES.alexDesktop).deviceId);
    if (!key) throw new Error('sample data changed');
    expect(await asAlex.recoveryKey(key.id.toUpperCase())).toEqual({
      id: key.id,
      deviceId: key.deviceId,
      createdDateTime: key.createdDateTime,
      volumeType: 1,
    });
  });

  it('reads the owner’s key with $select=key alone, as a sealed RecoveryPassword, and Entra audits it', async () => {
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    const [key] = tenant.data.keysForDevice(laptop.deviceId);
    if (!key) throw new Error('sample data changed');
    const auditBefore = tenant.data.audit.length;
    const password = await asAlex.readRecoveryKey(key.id);
    expect(password.reveal()).toBe(key.key);
    expect(`${password}`).toBe('[recovery password]');
    expect(lastRequest().url).toBe(
      `/v1.0/informationProtection/bitlocker/recoveryKeys/${key.id}?$select=key`,
    );
    expect(tenant.data.audit.slice(auditBefore)).toEqual([
      expect.objectContaining({
        activityDisplayName: 'Read BitLocker key',
        category: 'KeyManagement',
        keyId: key.id,
        deviceId: laptop.deviceId,
        actor: expect.objectContaining({ kind: 'user', id: alex.id }),
      }),
    ]);
  });

  it('refuses a non-owner: metadata and key are notAllowed (403), a missing key is notFound (404), nothing audited', async () => {
    const megansLaptop = deviceNamed(DEMO_DEVICE_NAMES.meganLaptop);
    const [megansKey] = tenant.data.keysForDevice(megansLaptop.deviceId);
    if (!megansKey) throw new Error('sample data changed');
    const auditBefore = tenant.data.audit.length;
    expect(await failure(asAlex.recoveryKeys(megansLaptop.deviceId))).toMatchObject({
      kind: 'notAllowed',
      status: 403,
    });
    const notYours = await failure(asAlex.readRecoveryKey(megansKey.id));
    expect(notYours).toMatchObject({
      kind: 'notAllowed',
      status: 403,
      code: 'Authorization_RequestDenied',
      operation: 'readRecoveryKey',
      attempts: 1,
    });
    expect(await failure(asAlex.readRecoveryKey(crypto.randomUUID()))).toMatchObject({
      kind: 'notFound',
      status: 404,
    });
    expect(tenant.data.audit.length).toBe(auditBefore);
  });

  it('lets a Helpdesk Administrator read someone else’s key (Graph allows it; the bot must check ownership itself)', async () => {
    const megansLaptop = deviceNamed(DEMO_DEVICE_NAMES.meganLaptop);
    const [megansKey] = tenant.data.keysForDevice(megansLaptop.deviceId);
    if (!megansKey) throw new Error('sample data changed');
    expect((await asIsaiah.ownedDevices('me')).map((d) => d.displayName)).toEqual([
      DEMO_DEVICE_NAMES.isaiahLaptop,
    ]);
    expect((await asIsaiah.readRecoveryKey(megansKey.id)).reveal()).toBe(megansKey.key);
    expect(tenant.data.audit.at(-1)?.actor).toMatchObject({ kind: 'user', id: isaiah.id });
  });

  it('with the tenant switch off, the owner still sees metadata but the key read is notAllowed', async () => {
    tenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = false;
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    const keys = await asAlex.recoveryKeys(laptop.deviceId);
    expect(keys.length).toBeGreaterThan(0);
    const auditBefore = tenant.data.audit.length;
    expect(await failure(asAlex.readRecoveryKey(keys[0]?.id ?? ''))).toMatchObject({ kind: 'notAllowed' });
    expect(tenant.data.audit.length).toBe(auditBefore);
  });

  it('reads keys app-only with no owner check, audited as the app', async () => {
    const [key] = tenant.data.keysForDevice(deviceNamed(DEMO_DEVICE_NAMES.nestorLaptop).deviceId);
    if (!key) throw new Error('sample data changed');
    expect((await asApp.readRecoveryKey(key.id)).reveal()).toBe(key.key);
    expect(tenant.data.audit.at(-1)?.actor).toMatchObject({ kind: 'app', appId: tenant.botApp.clientId });
  });
});

describe('Graph client against the demo tenant: Intune', () => {
  it('finds the managed device by azureADDeviceId and rotation adds a newer key per volume', async () => {
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    const managed = await asApp.managedDeviceByAzureAdDeviceId(laptop.deviceId);
    expect(managed).toMatchObject({
      azureADDeviceId: laptop.deviceId,
      deviceName: DEMO_DEVICE_NAMES.alexLaptop,
    });
    expect(decodeURIComponent(lastRequest().url)).toMatch(
      /^\/beta\/deviceManagement\/managedDevices\?\$filter=azureADDeviceId eq '[0-9a-f-]{36}'&\$select=/,
    );
    expect(
      await asApp.managedDeviceByAzureAdDeviceId(deviceNamed(DEMO_DEVICE_NAMES.meganOldPc).deviceId),
    ).toBe(undefined);

    const before = await asApp.recoveryKeys(laptop.deviceId);
    const newest =
      before
        .map((k) => k.createdDateTime)
        .sort()
        .at(-1) ?? '';
    await asApp.rotateBitLockerKeys(managed?.id ?? '');
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      url: `/beta/deviceManagement/managedDevices/${managed?.id}/rotateBitLockerKeys`,
      outcome: 204,
    });
    const after = await asApp.recoveryKeys(laptop.deviceId);
    const added = after.filter((k) => !before.some((b) => b.id === k.id));
    expect(added.map((k) => k.volumeType).sort()).toEqual([1, 2]);
    expect(added.every((k) => k.createdDateTime >= newest)).toBe(true);
  });

  it('refuses rotation to a delegated requester without an Intune role (notAllowed)', async () => {
    const managed = tenant.data.managedDeviceFor(deviceNamed(DEMO_DEVICE_NAMES.alexDesktop).deviceId);
    const keysBefore = tenant.data.recoveryKeys.length;
    expect(await failure(asAlex.rotateBitLockerKeys(managed?.id ?? ''))).toMatchObject({
      kind: 'notAllowed',
    });
    expect(tenant.data.recoveryKeys.length).toBe(keysBefore);
  });
});

describe('Graph client against the demo tenant: headers and hygiene', () => {
  it('sends User-Agent, ocp-client-*, a fresh client-request-id per call, and high priority only when user-initiated', async () => {
    await asAlex.me();
    await asAlex.me();
    await asApp.ownedDevices(alex.id);
    const [first, second, background] = tenant.graphRequests.entries;
    for (const request of [first, second, background]) {
      expect(request?.headers).toMatchObject({
        'user-agent': 'BitLockerRecoveryBot/1.2.3',
        'ocp-client-name': 'BitLockerRecoveryBot',
        'ocp-client-version': '1.2.3',
        accept: 'application/json',
      });
      expect(request?.headers['client-request-id']).toMatch(UUID);
      expect(request?.headers.authorization).toBeUndefined();
    }
    expect(first?.headers['client-request-id']).not.toBe(second?.headers['client-request-id']);
    expect(first?.headers['x-ms-throttle-priority']).toBe('high');
    expect(background?.headers['x-ms-throttle-priority']).toBeUndefined();
    const logged = clientLogLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        component: 'graph',
        msg: 'graph call',
        operation: 'me',
        method: 'GET',
        status: 200,
        clientRequestId: first?.headers['client-request-id'],
        requestId: expect.stringMatching(UUID),
        durationMs: expect.any(Number),
      }),
    );
  });

  it('leaves no recovery password and no token in any log line or error', () => {
    expect(errors.length).toBeGreaterThan(5);
    const texts = [
      ...clientLogLines,
      ...tenantLogLines,
      ...errors.flatMap((error) => [
        String(error),
        JSON.stringify(error),
        inspect(error),
        (error as Error).stack ?? '',
      ]),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(RECOVERY_PASSWORD_SHAPE);
      for (const token of tokens) expect(text.includes(token)).toBe(false);
    }
    const keyReads = clientLogLines.filter((line) => line.includes('"operation":"readRecoveryKey"'));
    expect(keyReads.length).toBeGreaterThan(0);
    for (const line of keyReads) expect(line).not.toMatch(/"path":"[^"]*\?(?!\$select=key")/);
  });
});
