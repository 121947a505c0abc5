import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DIRECTORY_ROLES } from '../../src/demo-tenant/directory-roles.js';
import { RECOVERY_KEYS_PAGE_SIZE } from '../../src/demo-tenant/graph-bitlocker-routes.js';
import { DEMO_DEVICE_NAMES, isValidRecoveryPassword } from '../../src/demo-tenant/sample-data.js';
import {
  DEMO_BOT_APP_ID,
  DEMO_GROUPS,
  DEMO_PEOPLE,
  DEMO_TENANT_ID,
} from '../../src/demo-tenant/sample-people.js';
import { BITLOCKER_CLIENT_HEADERS, RECOVERY_PASSWORD_SHAPE, startTestTenant } from './demo-tenant-fixture.js';

const person = (alias: string) => {
  const found = DEMO_PEOPLE.find((p) => p.userPrincipalName.startsWith(`${alias}@`));
  if (!found) throw new Error(`no demo person ${alias}`);
  return found;
};
const alex = person('AlexW');
const megan = person('MeganB');
const isaiah = person('IsaiahL');
const lee = person('LeeG');

let tenant: DemoTenant;
let logLines: string[];

beforeAll(async () => {
  ({ tenant, logLines } = await startTestTenant());
});
afterAll(() => tenant.stop());
beforeEach(() => {
  tenant.faults.reset();
  tenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = true;
});

/** A delegated Graph token as the demo Entra would issue it (signed with the tenant's key). */
async function userToken(userId: string, scp: string, extra: Record<string, unknown> = {}): Promise<string> {
  const user = tenant.data.users.get(userId);
  const now = Math.floor(Date.now() / 1000);
  return tenant.signToken({
    aud: 'https://graph.microsoft.com',
    iss: `${tenant.authority}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    tid: DEMO_TENANT_ID,
    oid: userId,
    appid: DEMO_BOT_APP_ID,
    scp,
    wids: user?.directoryRoles ?? [],
    ...extra,
  });
}

async function appToken(): Promise<string> {
  const response = await fetch(`${tenant.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: tenant.botApp.clientId,
      client_secret: tenant.botApp.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function graph(path: string, token: string | undefined, init: RequestInit = {}) {
  const response = await fetch(`${tenant.graphEndpoint}${path}`, {
    ...init,
    headers: {
      ...BITLOCKER_CLIENT_HEADERS,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: Graph JSON is checked field by field with expect().
    body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
  };
}

function deviceNamed(name: string) {
  const device = [...tenant.data.devices.values()].find((d) => d.displayName === name);
  if (!device) throw new Error(`no device ${name}`);
  return device;
}

const KEY_READER = 'BitlockerKey.Read.All User.Read';

describe('demo Graph: identity and devices', () => {
  it('answers /me and /users/{upn} with Graph headers and shape', async () => {
    const token = await userToken(alex.id, 'User.Read User.ReadBasic.All');
    const me = await graph('/v1.0/me', token, { headers: { 'client-request-id': 'abc-123' } });
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toMatch(/^application\/json;odata\.metadata=minimal/);
    expect(me.headers.get('client-request-id')).toBe('abc-123');
    expect(me.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(me.body).toMatchObject({
      id: alex.id,
      userPrincipalName: alex.userPrincipalName,
      displayName: 'Alex Wilber',
    });
    const byUpn = await graph(`/v1.0/users/${encodeURIComponent(megan.userPrincipalName)}`, token);
    expect(byUpn.body?.id).toBe(megan.id);
    const missing = await graph(`/v1.0/users/${randomUUID()}`, token);
    expect(missing.status).toBe(404);
    expect(missing.body?.error.code).toBe('Request_ResourceNotFound');
    expect(missing.body?.error.innerError['request-id']).toBe(missing.headers.get('request-id'));
  });

  it('lists owned devices as directoryObjects with device fields, and finds devices by deviceId', async () => {
    const token = await userToken(alex.id, 'User.Read Device.Read.All');
    const owned = await graph('/v1.0/me/ownedDevices', token);
    const names = owned.body?.value.map((d: { displayName: string }) => d.displayName).sort();
    expect(names).toEqual([DEMO_DEVICE_NAMES.alexDesktop, DEMO_DEVICE_NAMES.alexLaptop]);
    expect(owned.body?.value[0]).toMatchObject({
      '@odata.type': '#microsoft.graph.device',
      trustType: 'AzureAd',
      accountEnabled: true,
    });
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    const byFilter = await graph(`/v1.0/devices?$filter=deviceId eq '${laptop.deviceId}'`, token);
    expect(byFilter.body?.value).toEqual([
      expect.objectContaining({ id: laptop.id, deviceId: laptop.deviceId }),
    ]);
    const byId = await graph(`/v1.0/devices/${laptop.id}`, token);
    expect(byId.body).toMatchObject({
      displayName: DEMO_DEVICE_NAMES.alexLaptop,
      operatingSystem: 'Windows',
      isManaged: true,
    });
  });

  it('rejects missing, expired, wrong-audience and unknown-kid tokens with 401 InvalidAuthenticationToken', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      undefined,
      await userToken(alex.id, 'User.Read', { iat: now - 7200, nbf: now - 7200, exp: now - 3600 }),
      await userToken(alex.id, 'User.Read', { aud: DEMO_BOT_APP_ID }),
      await tenant.signToken(
        {
          aud: 'https://graph.microsoft.com',
          iss: `${tenant.authority}/v2.0`,
          exp: now + 60,
          scp: 'User.Read',
          oid: alex.id,
          tid: DEMO_TENANT_ID,
        },
        { kid: 'unknown-kid' },
      ),
    ];
    for (const token of cases) {
      const response = await graph('/v1.0/me', token);
      expect(response.status).toBe(401);
      expect(response.body?.error.code).toBe('InvalidAuthenticationToken');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
  });

  it('checks group membership for /me and /users/{id}', async () => {
    const groupIds = [DEMO_GROUPS.selfService, DEMO_GROUPS.helpdesk, DEMO_GROUPS.helpdeskAdvanced];
    const asIsaiah = await userToken(isaiah.id, 'GroupMember.Read.All');
    const own = await graph('/v1.0/me/checkMemberGroups', asIsaiah, {
      method: 'POST',
      body: JSON.stringify({ groupIds }),
    });
    expect(own.body?.value).toEqual(groupIds);
    const app = await appToken();
    const adele = person('AdeleV');
    const other = await graph(`/v1.0/users/${adele.id}/checkMemberGroups`, app, {
      method: 'POST',
      body: JSON.stringify({ groupIds }),
    });
    expect(other.body?.value).toEqual([]);
    const leeGroups = await graph(`/v1.0/users/${lee.id}/checkMemberGroups`, app, {
      method: 'POST',
      body: JSON.stringify({ groupIds }),
    });
    expect(leeGroups.body?.value).toEqual([DEMO_GROUPS.selfService, DEMO_GROUPS.helpdesk]);
    const noScope = await graph('/v1.0/me/checkMemberGroups', await userToken(isaiah.id, 'User.Read'), {
      method: 'POST',
      body: JSON.stringify({ groupIds }),
    });
    expect(noScope.status).toBe(403);
  });

  it('stores sendMail messages in the mailboxes and answers 202', async () => {
    const app = await appToken();
    const message = {
      message: {
        subject: 'Your BitLocker recovery key was viewed',
        body: { contentType: 'Text', content: 'The key for ALEX-LAPTOP was viewed.' },
        toRecipients: [{ emailAddress: { address: alex.mail } }],
      },
      saveToSentItems: false,
    };
    const sent = await graph(`/v1.0/users/${alex.id}/sendMail`, app, {
      method: 'POST',
      body: JSON.stringify(message),
    });
    expect(sent.status).toBe(202);
    expect(tenant.data.mailbox(alex.mail).map((m) => m.subject)).toContain(
      'Your BitLocker recovery key was viewed',
    );
    const asMegan = await userToken(megan.id, 'Mail.Send');
    const notSelf = await graph(`/v1.0/users/${alex.id}/sendMail`, asMegan, {
      method: 'POST',
      body: JSON.stringify(message),
    });
    expect(notSelf.status).toBe(403);
    const noRecipients = await graph('/v1.0/me/sendMail', asMegan, {
      method: 'POST',
      body: JSON.stringify({ message: { subject: 'x', body: { contentType: 'Text', content: 'x' } } }),
    });
    expect(noRecipients.body?.error.code).toBe('ErrorInvalidRecipients');
  });
});

describe('demo Graph: BitLocker recovery keys', () => {
  it('pages key metadata with @odata.nextLink and never includes the key in listings', async () => {
    const desktop = deviceNamed(DEMO_DEVICE_NAMES.alexDesktop);
    // One rotation gives the device three keys: more than one page holds.
    tenant.data.rotateRecoveryKeys(desktop.deviceId, new Date());
    const token = await userToken(alex.id, 'BitlockerKey.ReadBasic.All');
    const seen: Record<string, unknown>[] = [];
    let next: string | undefined =
      `/v1.0/informationProtection/bitlocker/recoveryKeys?$filter=deviceId eq '${desktop.deviceId}'`;
    let pages = 0;
    while (next) {
      const page = await graph(next.replace(tenant.graphEndpoint, ''), token);
      expect(page.status).toBe(200);
      expect(page.body?.value.length).toBeLessThanOrEqual(RECOVERY_KEYS_PAGE_SIZE);
      seen.push(...(page.body?.value ?? []));
      next = page.body?.['@odata.nextLink'];
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(tenant.data.keysForDevice(desktop.deviceId).length);
    expect(
      seen.every((key) => !('key' in key) && key.deviceId === desktop.deviceId && key.volumeType === '1'),
    ).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(RECOVERY_PASSWORD_SHAPE);
  });

  it('reads the key with $select=key for the owner, records a "Read BitLocker key" audit entry', async () => {
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.alexLaptop);
    const [key] = tenant.data.keysForDevice(laptop.deviceId);
    const before = tenant.data.audit.length;
    const token = await userToken(alex.id, KEY_READER);
    const metadata = await graph(`/v1.0/informationProtection/bitlocker/recoveryKeys/${key?.id}`, token);
    expect(metadata.body).not.toHaveProperty('key');
    expect(tenant.data.audit).toHaveLength(before);
    const read = await graph(
      `/v1.0/informationProtection/bitlocker/recoveryKeys/${key?.id}?$select=key`,
      token,
    );
    expect(read.status).toBe(200);
    expect(read.body?.id).toBe(key?.id);
    expect(isValidRecoveryPassword(read.body?.key)).toBe(true);
    expect(read.body?.key).toBe(key?.key);
    expect(tenant.data.audit.slice(before)).toEqual([
      expect.objectContaining({
        activityDisplayName: 'Read BitLocker key',
        category: 'KeyManagement',
        keyId: key?.id,
        deviceId: laptop.deviceId,
        actor: expect.objectContaining({ kind: 'user', id: alex.id }),
      }),
    ]);
  });

  it('drops key when it is selected with other properties (seen on real Graph)', async () => {
    const [key] = tenant.data.keysForDevice(deviceNamed(DEMO_DEVICE_NAMES.alexLaptop).deviceId);
    const read = await graph(
      `/v1.0/informationProtection/bitlocker/recoveryKeys/${key?.id}?$select=key,id`,
      await userToken(alex.id, KEY_READER),
    );
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('key');
  });

  it('denies other people, allows helpdesk administrators, and needs BitlockerKey.Read.All for the key', async () => {
    const [key] = tenant.data.keysForDevice(deviceNamed(DEMO_DEVICE_NAMES.alexLaptop).deviceId);
    const path = `/v1.0/informationProtection/bitlocker/recoveryKeys/${key?.id}?$select=key`;
    const asMegan = await graph(path, await userToken(megan.id, KEY_READER));
    expect(asMegan.status).toBe(403);
    expect(asMegan.body?.error.code).toBe('Authorization_RequestDenied');
    expect((await graph(path, await userToken(lee.id, KEY_READER))).status).toBe(403);
    expect(tenant.data.users.get(isaiah.id)?.directoryRoles).toContain(DIRECTORY_ROLES.helpdeskAdministrator);
    expect((await graph(path, await userToken(isaiah.id, KEY_READER))).status).toBe(200);
    expect((await graph(path, await userToken(alex.id, 'BitlockerKey.ReadBasic.All'))).status).toBe(403);
    expect((await graph(path, await appToken())).status).toBe(200);
    const missing = await graph(
      `/v1.0/informationProtection/bitlocker/recoveryKeys/${randomUUID()}?$select=key`,
      await userToken(alex.id, KEY_READER),
    );
    expect(missing.status).toBe(404);
  });

  it('applies the tenant switch: owners lose key access, role holders keep it', async () => {
    const [key] = tenant.data.keysForDevice(deviceNamed(DEMO_DEVICE_NAMES.alexLaptop).deviceId);
    const path = `/v1.0/informationProtection/bitlocker/recoveryKeys/${key?.id}?$select=key`;
    const app = await appToken();
    const policyToken = await userToken(isaiah.id, 'Policy.ReadWrite.Authorization');
    // Isaiah is a Helpdesk Administrator, which may not change tenant policy.
    const denied = await graph('/v1.0/policies/authorizationPolicy', policyToken, {
      method: 'PATCH',
      body: JSON.stringify({
        defaultUserRolePermissions: { allowedToReadBitlockerKeysForOwnedDevice: false },
      }),
    });
    expect(denied.status).toBe(403);
    tenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = false;
    const policy = await graph('/v1.0/policies/authorizationPolicy', app);
    expect(policy.body?.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice).toBe(false);
    const owner = await graph(path, await userToken(alex.id, KEY_READER));
    expect(owner.status).toBe(403);
    expect(owner.body?.error.code).toBe('Authorization_RequestDenied');
    expect((await graph(path, await userToken(isaiah.id, KEY_READER))).status).toBe(200);
  });

  it('changes the switch through PATCH for a Global Administrator', async () => {
    const admin = tenant.data.users.get(lee.id);
    admin?.directoryRoles.push(DIRECTORY_ROLES.globalAdministrator);
    try {
      const token = await userToken(lee.id, 'Policy.ReadWrite.Authorization');
      const patched = await graph('/v1.0/policies/authorizationPolicy', token, {
        method: 'PATCH',
        body: JSON.stringify({
          defaultUserRolePermissions: { allowedToReadBitlockerKeysForOwnedDevice: false },
        }),
      });
      expect(patched.status).toBe(204);
      expect(
        tenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice,
      ).toBe(false);
      const invalid = await graph('/v1.0/policies/authorizationPolicy', token, {
        method: 'PATCH',
        body: JSON.stringify({ bogus: 1 }),
      });
      expect(invalid.status).toBe(400);
    } finally {
      admin?.directoryRoles.pop();
    }
  });

  it('needs the documented ocp-client-name and ocp-client-version headers', async () => {
    const response = await fetch(
      `${tenant.graphEndpoint}/v1.0/informationProtection/bitlocker/recoveryKeys`,
      {
        headers: { authorization: `Bearer ${await appToken()}` },
      },
    );
    expect(response.status).toBe(400);
  });
});

describe('demo Graph: Intune rotation', () => {
  it('finds the managed device by azureADDeviceId and rotateBitLockerKeys adds a newer valid key', async () => {
    const app = await appToken();
    const laptop = deviceNamed(DEMO_DEVICE_NAMES.meganLaptop);
    const found = await graph(
      `/beta/deviceManagement/managedDevices?$filter=azureADDeviceId eq '${laptop.deviceId}'`,
      app,
    );
    expect(found.body?.value).toHaveLength(1);
    const managedId = found.body?.value[0].id;
    const before = tenant.data.keysForDevice(laptop.deviceId);
    const rotated = await graph(
      `/beta/deviceManagement/managedDevices/${managedId}/rotateBitLockerKeys`,
      app,
      { method: 'POST' },
    );
    expect(rotated.status).toBe(204);
    const after = tenant.data.keysForDevice(laptop.deviceId);
    expect(after).toHaveLength(before.length + 1);
    const newest = after.at(-1);
    expect(before.map((k) => k.id)).not.toContain(newest?.id);
    expect(newest?.volumeType).toBe(before[0]?.volumeType);
    expect(isValidRecoveryPassword(newest?.key ?? '')).toBe(true);
    expect(Date.parse(newest?.createdDateTime ?? '')).toBeGreaterThan(
      Math.max(...before.map((k) => Date.parse(k.createdDateTime))),
    );
    const onV1 = await graph(`/v1.0/deviceManagement/managedDevices/${managedId}/rotateBitLockerKeys`, app, {
      method: 'POST',
    });
    expect(onV1.status).toBe(400);
    const delegated = await graph(
      `/beta/deviceManagement/managedDevices/${managedId}/rotateBitLockerKeys`,
      await userToken(megan.id, 'DeviceManagementManagedDevices.ReadWrite.All'),
      { method: 'POST' },
    );
    expect(delegated.status).toBe(403);
  });
});

describe('demo tenant logs', () => {
  it('never contain a recovery password, even after key reads and rotations', () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).toContain('Read BitLocker key');
    for (const line of logLines) expect(line).not.toMatch(RECOVERY_PASSWORD_SHAPE);
  });
});
