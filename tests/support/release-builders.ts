import { createHash } from 'node:crypto';
import { BITLOCKER_KEY_READER_ROLES } from '../../src/demo-tenant/directory-roles.js';
import { createSampleDirectory } from '../../src/demo-tenant/sample-data.js';
import { DEMO_GROUPS, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import type { Requester } from '../../src/recovery/case-requests.js';
import type { OwnedDevice } from '../../src/recovery/directory-ports.js';
import type { ReleaseDependencies, ReleaseInput } from '../../src/recovery/release-key.js';
import { DEFAULT_RELEASE_LIMITS, type ReleaseLimits } from '../../src/recovery/release-policy.js';
import type { RecoveryRequest } from '../../src/recovery/triage-types.js';
import {
  type DeviceWithKeys,
  type EscrowedKey,
  FakeAuditLog,
  FakeDeviceDirectory,
  type FakeKeyReader,
  FakeReleaseLedger,
  type KeyAccess,
} from './release-fakes.js';

/** The instant every release test starts from, unless it says otherwise. */
export const T0 = new Date('2025-03-04T09:00:00.000Z');
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The self-service group of the built worlds (SELF_SERVICE_GROUP_ID). */
export const SELF_SERVICE_GROUP_ID = DEMO_GROUPS.selfService;

/** A clock that moves only when the test says so. */
export interface FixedClock {
  now(): Date;
  /** Moves the clock forward and returns the new time. */
  advance(ms: number): Date;
}

export function aFixedClock(start: Date = T0): FixedClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
      return new Date(current);
    },
  };
}

/** A demo person as a requester (Alex Wilber unless another display name is given). */
export function aRequester(overrides: Partial<Requester> & { readonly name?: string } = {}): Requester {
  const { name = 'Alex Wilber', ...rest } = overrides;
  const person = DEMO_PEOPLE.find((candidate) => candidate.displayName === name);
  if (!person) throw new Error(`no demo person named ${name}`);
  return {
    objectId: person.id,
    tenantId: DEMO_TENANT_ID,
    teamsUserId: `29:${person.id}`,
    displayName: person.displayName,
    ...rest,
  };
}

interface DeviceOptions {
  /** Display name; ids and passwords derive from it, so two devices need two names. */
  readonly name?: string;
  /** How many keys are escrowed (default 1). */
  readonly keys?: number;
  /** Explicit Key IDs (lowercase GUIDs, as Graph returns them); overrides `keys`. */
  readonly keyIds?: readonly string[];
  readonly accountEnabled?: boolean;
  readonly trustType?: string;
}

/**
 * A Windows device with `keys` escrowed keys. Everything is derived from the name: the same name gives the
 * same ids and valid recovery passwords on every run, and different names never collide.
 */
export function aDevice({
  name = 'WORK-LAPTOP',
  keys = 1,
  keyIds,
  accountEnabled = true,
  trustType = 'AzureAd',
}: DeviceOptions = {}): DeviceWithKeys {
  const device: OwnedDevice = {
    objectId: guidFrom(`${name}/object`),
    deviceId: guidFrom(`${name}/device`),
    displayName: name,
    operatingSystem: 'Windows',
    trustType,
    accountEnabled,
    approximateLastSignInDateTime: new Date(T0.getTime() - 3 * HOUR_MS).toISOString(),
  };
  const ids = keyIds ?? Array.from({ length: keys }, (_, index) => guidFrom(`${name}/key/${index}`));
  return {
    device,
    keys: ids.map(
      (id, index): EscrowedKey => ({
        metadata: {
          id,
          deviceId: device.deviceId,
          createdDateTime: new Date(T0.getTime() - (index + 1) * 30 * DAY_MS).toISOString(),
          volumeType: index === 0 ? 1 : 2,
        },
        password: recoveryPasswordFrom(`${name}/password/${index}`),
      }),
    ),
  };
}

/** A request handed over by triage after verification; give it the Key ID the person typed. */
export function aRequest(overrides: Partial<RecoveryRequest> = {}): RecoveryRequest {
  return {
    id: 'R-1',
    keyId: undefined,
    rootCause: 'firmwareUpdate',
    reasonCode: 'FIRMWARE_UPDATE',
    errorCode: undefined,
    deviceKind: 'workPc',
    riskStop: false,
    startedAt: new Date(T0.getTime() - 5 * MINUTE_MS).toISOString(),
    ...overrides,
  };
}

/** A Key ID prefix as triage stores it: the first `digits` hex digits, uppercase, no separators. */
export function keyIdPrefix(key: EscrowedKey, digits = 8): string {
  return key.metadata.id.replace(/-/g, '').slice(0, digits).toUpperCase();
}

/** The step-up sign-in that proved the requester, two minutes before the clock's start. */
export const A_VERIFICATION = {
  method: 'stepUpSignIn',
  at: new Date(T0.getTime() - 2 * MINUTE_MS).toISOString(),
} as const;

/**
 * What `releaseKey` gets for one attempt. Its follow-ups are one marker job per claim, naming the device and
 * key it was built for, so a test sees what was scheduled with the claim.
 */
export function anInput({
  requester = aRequester(),
  request = aRequest(),
  correlationId = `corr-${request.id}`,
}: {
  readonly requester?: Requester;
  readonly request?: RecoveryRequest;
  readonly correlationId?: string;
} = {}): ReleaseInput {
  return {
    requester,
    request,
    verification: A_VERIFICATION,
    correlationId,
    followUps: (candidate, claimedAt) => [
      {
        key: `hide:${requester.objectId}:${request.id}`,
        kind: 'hideKeyCard',
        payload: { requestId: request.id, deviceId: candidate.device.deviceId, keyId: candidate.key.id },
        dueAt: claimedAt.toISOString(),
      },
    ],
  };
}

/** Fakes wired together for one requester's token, with a fixed clock. */
export interface ReleaseWorld {
  readonly clock: FixedClock;
  readonly directory: FakeDeviceDirectory;
  readonly keys: FakeKeyReader;
  readonly ledger: FakeReleaseLedger;
  readonly audit: FakeAuditLog;
  readonly deps: ReleaseDependencies;
}

interface WorldOptions {
  readonly directory?: FakeDeviceDirectory;
  /** Whose token reads keys: the requester's (default) or the app's. */
  readonly access?: KeyAccess;
  readonly requester?: Requester;
  readonly limits?: ReleaseLimits;
  /** `null` for a tenant without SELF_SERVICE_GROUP_ID. */
  readonly selfServiceGroupId?: string | null;
  readonly clock?: FixedClock;
}

export function aReleaseWorld({
  directory = new FakeDeviceDirectory(),
  requester = aRequester(),
  access = { kind: 'delegated', objectId: requester.objectId },
  limits = DEFAULT_RELEASE_LIMITS,
  selfServiceGroupId = SELF_SERVICE_GROUP_ID,
  clock = aFixedClock(),
}: WorldOptions = {}): ReleaseWorld {
  const keys = directory.keyReader(access);
  const ledger = new FakeReleaseLedger();
  const audit = new FakeAuditLog();
  return {
    clock,
    directory,
    keys,
    ledger,
    audit,
    deps: {
      directory,
      keys,
      ledger,
      audit,
      limits,
      selfServiceGroupId: selfServiceGroupId ?? undefined,
      now: () => clock.now(),
    },
  };
}

/** The demo tenant's sample data (product.md §5) loaded into a fake directory, with its devices by name. */
export interface DemoTenantDirectory {
  readonly directory: FakeDeviceDirectory;
  readonly devices: ReadonlyMap<string, DeviceWithKeys>;
  readonly selfServiceGroupId: string;
}

export function theDemoTenant(now: Date = T0): DemoTenantDirectory {
  const sample = createSampleDirectory({ now, botAppSecrets: [] });
  const directory = new FakeDeviceDirectory().setOwnersMayReadKeys(
    sample.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice,
  );
  const devices = new Map<string, DeviceWithKeys>();
  for (const demo of sample.devices.values()) {
    const built: DeviceWithKeys = {
      device: {
        objectId: demo.id,
        deviceId: demo.deviceId,
        displayName: demo.displayName,
        operatingSystem: demo.operatingSystem,
        trustType: demo.trustType,
        accountEnabled: demo.accountEnabled,
        approximateLastSignInDateTime: demo.approximateLastSignInDateTime,
      },
      keys: sample.keysForDevice(demo.deviceId).map((key) => ({
        metadata: {
          id: key.id,
          deviceId: key.deviceId,
          createdDateTime: key.createdDateTime,
          volumeType: key.volumeType,
        },
        password: key.key,
      })),
    };
    directory.addDevice(built, demo.ownerIds);
    devices.set(demo.displayName, built);
  }
  for (const group of sample.groups.values()) {
    for (const member of group.members) directory.addMember(group.id, member);
  }
  for (const user of sample.users.values()) {
    if (user.directoryRoles.some((role) => BITLOCKER_KEY_READER_ROLES.includes(role)))
      directory.grantKeyReaderRole(user.id);
  }
  return { directory, devices, selfServiceGroupId: SELF_SERVICE_GROUP_ID };
}

/** A lowercase GUID derived from `seed`. */
function guidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A valid recovery password derived from `seed`: each block is 11 × k with k below 65536. */
function recoveryPasswordFrom(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return Array.from({ length: 8 }, (_, index) =>
    String(digest.readUInt16BE(index * 2) * 11).padStart(6, '0'),
  ).join('-');
}
