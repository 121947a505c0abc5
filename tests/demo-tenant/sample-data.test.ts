import { describe, expect, it } from 'vitest';
import { DIRECTORY_ROLES } from '../../src/demo-tenant/directory-roles.js';
import {
  createSampleDirectory,
  DEMO_DEVICE_NAMES,
  isValidRecoveryPassword,
  validRecoveryPassword,
} from '../../src/demo-tenant/sample-data.js';
import { DEMO_GROUPS, DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import { seededRandom } from '../../src/demo-tenant/seeded-random.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const sample = () => createSampleDirectory({ now: NOW, botAppSecrets: ['s'] });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function device(name: string) {
  const found = [...sample().devices.values()].find((d) => d.displayName === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe('recovery passwords', () => {
  it('generates only valid passwords (8 blocks, each 11·k below 720896)', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i += 1)
      expect(isValidRecoveryPassword(validRecoveryPassword(random.int))).toBe(true);
    expect(validRecoveryPassword(() => 65535)).toBe(Array(8).fill('720885').join('-'));
    expect(validRecoveryPassword(() => 0)).toBe(Array(8).fill('000000').join('-'));
  });

  it.each([
    ['496298-461032-321464-595518-463221-173943-033616-139579', true],
    ['123456-231453-321464-595518-463221-173943-033616-139579', false],
    ['720896-461032-321464-595518-463221-173943-033616-139579', false],
    ['496298-461032-321464-595518-463221-173943-033616', false],
  ])('validates %s as %s', (password, valid) => {
    expect(isValidRecoveryPassword(password)).toBe(valid);
  });

  it('gives every sample key a valid password and a GUID Key ID', () => {
    const keys = sample().recoveryKeys;
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const key of keys) {
      expect(isValidRecoveryPassword(key.key)).toBe(true);
      expect(key.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe('sample tenant', () => {
  it('is deterministic: same ids and passwords on every run, dates follow now', () => {
    const a = sample();
    const b = createSampleDirectory({ now: new Date(NOW.getTime() + 86_400_000), botAppSecrets: ['other'] });
    expect(a.recoveryKeys.map((k) => [k.id, k.key])).toEqual(b.recoveryKeys.map((k) => [k.id, k.key]));
    expect([...a.devices.keys()]).toEqual([...b.devices.keys()]);
    expect(a.recoveryKeys[0]?.createdDateTime).not.toBe(b.recoveryKeys[0]?.createdDateTime);
    for (const d of a.devices.values()) {
      expect(d.id).toMatch(GUID);
      expect(d.deviceId).toMatch(GUID);
    }
  });

  it('has the scenarios product.md §5 promises', () => {
    const directory = sample();
    const keysOf = (name: string) => directory.keysForDevice(device(name).deviceId);
    const desktop = keysOf(DEMO_DEVICE_NAMES.alexDesktop);
    expect(desktop).toHaveLength(2);
    expect(desktop.every((k) => k.volumeType === 1)).toBe(true);
    expect(desktop[0]?.createdDateTime).not.toBe(desktop[1]?.createdDateTime);
    expect(device(DEMO_DEVICE_NAMES.alexLaptop)).toMatchObject({
      trustType: 'AzureAd',
      operatingSystem: 'Windows',
    });
    expect(device(DEMO_DEVICE_NAMES.nestorWorkstation).trustType).toBe('ServerAd');
    expect(device(DEMO_DEVICE_NAMES.adeleHomePc).trustType).toBe('Workplace');
    expect(device(DEMO_DEVICE_NAMES.meganOldPc).accountEnabled).toBe(false);

    const surface = keysOf(DEMO_DEVICE_NAMES.meganSurface)[0]?.id ?? '';
    const prefix = surface.slice(0, 8);
    const sharing = directory.recoveryKeys.filter((k) => k.id.startsWith(prefix));
    expect(sharing).toHaveLength(2);
    expect(sharing.map((k) => k.id.slice(8))).not.toEqual([sharing[0]?.id.slice(8), sharing[0]?.id.slice(8)]);
    const owners = new Set(sharing.map((k) => directory.findDeviceByDeviceId(k.deviceId)?.ownerIds[0]));
    expect(owners).toEqual(new Set([DEMO_PEOPLE[1]?.id]));

    for (const person of DEMO_PEOPLE)
      expect(directory.ownedDevices(person.id).length).toBeGreaterThanOrEqual(1);
  });

  it('puts people in the configured groups and gives Isaiah the Helpdesk Administrator role', () => {
    const directory = sample();
    const members = (group: string) =>
      DEMO_PEOPLE.filter((p) => directory.isMember(p.id, group)).map((p) => p.displayName);
    expect(members(DEMO_GROUPS.selfService)).toEqual(
      DEMO_PEOPLE.filter((p) => p.selfService).map((p) => p.displayName),
    );
    expect(members(DEMO_GROUPS.selfService)).not.toContain('Adele Vance');
    expect(members(DEMO_GROUPS.helpdesk)).toEqual(['Lee Gu', 'Isaiah Langer']);
    expect(members(DEMO_GROUPS.helpdeskAdvanced)).toEqual(['Isaiah Langer']);
    const withRole = [...directory.users.values()].filter((u) =>
      u.directoryRoles.includes(DIRECTORY_ROLES.helpdeskAdministrator),
    );
    expect(withRole.map((u) => u.displayName)).toEqual(['Isaiah Langer']);
  });

  it('joins every managed device to its Entra device', () => {
    const directory = sample();
    for (const managed of directory.managedDevices.values()) {
      expect(directory.findDeviceByDeviceId(managed.azureADDeviceId)?.isManaged).toBe(true);
    }
    expect(directory.managedDevices.size).toBe(
      [...directory.devices.values()].filter((d) => d.isManaged).length,
    );
  });
});
