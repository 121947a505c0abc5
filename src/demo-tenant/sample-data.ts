import {
  type DemoAppRegistration,
  type DemoDevice,
  DemoDirectory,
  type DemoManagedDevice,
  type DemoRecoveryKey,
  type DemoResource,
  type DemoTrustType,
  type DemoUser,
  VOLUME_TYPES,
  type VolumeType,
} from './demo-directory.js';
import { DIRECTORY_ROLES } from './directory-roles.js';
import { DEMO_BOT_APP_ID, DEMO_DOMAIN, DEMO_GROUPS, DEMO_PEOPLE, DEMO_TENANT_ID } from './sample-people.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';
import { validRecoveryPassword } from './valid-recovery-password.js';

export { isValidRecoveryPassword, validRecoveryPassword } from './valid-recovery-password.js';

/** Microsoft Graph's well-known appId. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';
/** The Bot Framework API's service principal in the demo tenant (an id of our own, not Microsoft's). */
export const DEMO_BOT_FRAMEWORK_APP_ID = 'c8a3e6b1-5f2d-4b7a-9e1c-3d6f0a8b2e49';
/** The delegated scope the bot app exposes (Teams SSO and on-behalf-of use it). */
export const BOT_APP_SCOPE = 'access_as_user';

/** Delegated Graph permissions the demo admin consented to for the bot app. */
export const DEMO_DELEGATED_GRAPH_PERMISSIONS = [
  'User.Read',
  'User.ReadBasic.All',
  'Device.Read.All',
  'BitlockerKey.ReadBasic.All',
  'BitlockerKey.Read.All',
  'GroupMember.Read.All',
  'Mail.Send',
  'openid',
  'profile',
  'email',
  'offline_access',
] as const;

/** Application Graph permissions (app roles) granted to the bot app. */
export const DEMO_APPLICATION_GRAPH_PERMISSIONS = [
  'User.Read.All',
  'Device.Read.All',
  'BitlockerKey.ReadBasic.All',
  'BitlockerKey.Read.All',
  'GroupMember.Read.All',
  'Mail.Send',
  'Policy.Read.All',
  'DeviceManagementManagedDevices.ReadWrite.All',
  'DeviceManagementManagedDevices.PrivilegedOperations.All',
] as const;

/** Names of the sample devices, so tests and docs can refer to them without magic strings. */
export const DEMO_DEVICE_NAMES = {
  alexLaptop: 'ALEX-LAPTOP',
  alexDesktop: 'ALEX-DESKTOP',
  meganLaptop: 'MEGAN-LAPTOP',
  meganSurface: 'MEGAN-SURFACE',
  meganOldPc: 'MEGAN-OLD-PC',
  adeleLaptop: 'ADELE-LAPTOP',
  adeleHomePc: 'ADELE-HOME-PC',
  nestorLaptop: 'NESTOR-LAPTOP',
  nestorWorkstation: 'NESTOR-WS01',
  leeLaptop: 'LEE-LAPTOP',
  isaiahLaptop: 'ISAIAH-LAPTOP',
} as const;

export interface SampleDataOptions {
  /** Dates (last sign-in, key creation) are relative to this, so the demo always looks recent. */
  now: Date;
  /** Seed for ids and recovery passwords; the default gives the documented sample tenant. */
  seed?: number;
  /** Secrets accepted for the bot app. */
  botAppSecrets: readonly string[];
}

const DEFAULT_SEED = 20240719;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface DeviceSpec {
  readonly name: string;
  readonly owner: string;
  readonly os: 'Windows' | 'iOS';
  readonly osVersion: string;
  readonly trustType: DemoTrustType;
  readonly lastSignInHoursAgo: number;
  readonly registeredDaysAgo: number;
  readonly enabled: boolean;
  readonly managed: boolean;
  /** Keys to escrow: volume type and age in days. */
  readonly keys: readonly { readonly volume: VolumeType; readonly daysAgo: number }[];
}

const OS = VOLUME_TYPES.operatingSystem;
const DATA = VOLUME_TYPES.fixedData;

function deviceSpecs(): DeviceSpec[] {
  const [alex, megan, adele, nestor, lee, isaiah] = DEMO_PEOPLE.map((p) => p.id) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const win11 = '10.0.26100.4349';
  const windows = (name: string, owner: string, extra: Partial<DeviceSpec>): DeviceSpec => ({
    name,
    owner,
    os: 'Windows',
    osVersion: win11,
    trustType: 'AzureAd',
    lastSignInHoursAgo: 3,
    registeredDaysAgo: 300,
    enabled: true,
    managed: true,
    keys: [{ volume: OS, daysAgo: 120 }],
    ...extra,
  });
  const N = DEMO_DEVICE_NAMES;
  return [
    windows(N.alexLaptop, alex, {
      lastSignInHoursAgo: 2,
      keys: [
        { volume: OS, daysAgo: 140 },
        { volume: DATA, daysAgo: 140 },
      ],
    }),
    windows(N.alexDesktop, alex, {
      osVersion: '10.0.22631.4460',
      lastSignInHoursAgo: 26,
      registeredDaysAgo: 700,
      // The older key was replaced by a newer one on the same volume; both stay escrowed.
      keys: [
        { volume: OS, daysAgo: 610 },
        { volume: OS, daysAgo: 45 },
      ],
    }),
    windows(N.meganLaptop, megan, { lastSignInHoursAgo: 5 }),
    // Its Key ID shares the first 8 hex digits with MEGAN-LAPTOP's (see below): 8 digits are ambiguous.
    windows(N.meganSurface, megan, { lastSignInHoursAgo: 50, keys: [{ volume: OS, daysAgo: 90 }] }),
    windows(N.meganOldPc, megan, {
      osVersion: '10.0.19045.5131',
      enabled: false,
      managed: false,
      lastSignInHoursAgo: 24 * 200,
      registeredDaysAgo: 1400,
      keys: [{ volume: OS, daysAgo: 1300 }],
    }),
    windows(N.adeleLaptop, adele, { lastSignInHoursAgo: 8 }),
    // A personal PC registered for work apps: its key lives in a personal Microsoft account, not in Entra.
    windows(N.adeleHomePc, adele, {
      trustType: 'Workplace',
      managed: false,
      lastSignInHoursAgo: 72,
      registeredDaysAgo: 200,
      keys: [],
    }),
    windows(N.nestorLaptop, nestor, { lastSignInHoursAgo: 1 }),
    // Hybrid/on-prem joined: its key is escrowed to on-premises AD only.
    windows(N.nestorWorkstation, nestor, {
      osVersion: '10.0.19045.5131',
      trustType: 'ServerAd',
      managed: false,
      lastSignInHoursAgo: 30,
      registeredDaysAgo: 1800,
      keys: [],
    }),
    windows(N.leeLaptop, lee, { lastSignInHoursAgo: 4 }),
    windows(N.isaiahLaptop, isaiah, { lastSignInHoursAgo: 6 }),
  ];
}

/**
 * The sample tenant of product.md §5: the Playground personas, their devices and escrowed keys, groups,
 * roles, the bot app registration and the authorization policy. Ids and passwords come from a seeded PRNG,
 * so they are the same on every run; only dates follow `now`.
 */
export function createSampleDirectory(options: SampleDataOptions): DemoDirectory {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const now = options.now.getTime();
  const ago = (ms: number): string => new Date(now - ms).toISOString();

  const users: DemoUser[] = DEMO_PEOPLE.map((person) => {
    const [givenName = person.displayName, ...rest] = person.displayName.split(' ');
    return {
      id: person.id,
      displayName: person.displayName,
      givenName,
      surname: rest.join(' '),
      userPrincipalName: person.userPrincipalName,
      mail: person.mail,
      jobTitle: person.jobTitle,
      accountEnabled: true,
      directoryRoles:
        person.role === 'helpdesk-advanced'
          ? [DIRECTORY_ROLES.user, DIRECTORY_ROLES.helpdeskAdministrator]
          : [DIRECTORY_ROLES.user],
    };
  });
  const idsWithRole = (role: string): string[] => DEMO_PEOPLE.filter((p) => p.role === role).map((p) => p.id);

  const devices: DemoDevice[] = [];
  const keys: DemoRecoveryKey[] = [];
  const managedDevices: DemoManagedDevice[] = [];
  for (const spec of deviceSpecs()) {
    const device: DemoDevice = {
      id: random.guid(),
      deviceId: random.guid(),
      displayName: spec.name,
      operatingSystem: spec.os,
      operatingSystemVersion: spec.osVersion,
      trustType: spec.trustType,
      registrationDateTime: ago(spec.registeredDaysAgo * DAY_MS),
      approximateLastSignInDateTime: ago(spec.lastSignInHoursAgo * HOUR_MS),
      accountEnabled: spec.enabled,
      isCompliant: spec.managed,
      isManaged: spec.managed,
      ownerIds: [spec.owner],
    };
    devices.push(device);
    for (const keySpec of spec.keys) {
      keys.push({
        id: random.guid(),
        deviceId: device.deviceId,
        createdDateTime: ago(keySpec.daysAgo * DAY_MS + random.int(8 * HOUR_MS)),
        volumeType: keySpec.volume,
        key: validRecoveryPassword(random.int),
      });
    }
    if (spec.managed) managedDevices.push(managedDevice(device, spec, users, random, ago));
  }
  shareKeyIdPrefix(keys, devices, DEMO_DEVICE_NAMES.meganLaptop, DEMO_DEVICE_NAMES.meganSurface);

  const resources: DemoResource[] = [
    {
      appId: GRAPH_APP_ID,
      displayName: 'Microsoft Graph',
      identifierUris: [GRAPH_RESOURCE],
      audienceStyle: 'as-requested',
    },
    {
      appId: DEMO_BOT_FRAMEWORK_APP_ID,
      displayName: 'Bot Framework',
      identifierUris: [BOT_FRAMEWORK_RESOURCE],
      audienceStyle: 'as-requested',
    },
    {
      appId: DEMO_BOT_APP_ID,
      displayName: 'BitLocker Recovery Bot',
      identifierUris: [`api://${DEMO_BOT_APP_ID}`],
      audienceStyle: 'app-id',
    },
  ];
  const botApp: DemoAppRegistration = {
    appId: DEMO_BOT_APP_ID,
    displayName: 'BitLocker Recovery Bot',
    servicePrincipalId: random.guid(),
    clientSecrets: new Set(options.botAppSecrets),
    certificates: [],
    federatedCredentials: [],
    delegatedPermissions: new Map([
      [GRAPH_APP_ID, new Set<string>(DEMO_DELEGATED_GRAPH_PERMISSIONS)],
      [DEMO_BOT_APP_ID, new Set([BOT_APP_SCOPE])],
    ]),
    applicationPermissions: new Map([
      [GRAPH_APP_ID, new Set<string>(DEMO_APPLICATION_GRAPH_PERMISSIONS)],
      [DEMO_BOT_FRAMEWORK_APP_ID, new Set<string>()],
    ]),
  };

  return new DemoDirectory({
    tenantId: DEMO_TENANT_ID,
    domain: DEMO_DOMAIN,
    users,
    groups: [
      {
        id: DEMO_GROUPS.selfService,
        displayName: 'BitLocker self-service',
        description: 'People who may recover their own devices through the bot.',
        members: new Set(DEMO_PEOPLE.filter((p) => p.selfService).map((p) => p.id)),
      },
      {
        id: DEMO_GROUPS.helpdesk,
        displayName: 'IT Helpdesk',
        description: 'Agents who handle BitLocker recovery cases.',
        members: new Set([...idsWithRole('helpdesk-agent'), ...idsWithRole('helpdesk-advanced')]),
      },
      {
        id: DEMO_GROUPS.helpdeskAdvanced,
        displayName: 'IT Helpdesk (advanced)',
        description: 'Agents who may view a recovery key themselves.',
        members: new Set(idsWithRole('helpdesk-advanced')),
      },
    ],
    devices,
    recoveryKeys: keys,
    managedDevices,
    resources,
    apps: [botApp],
    authorizationPolicy: {
      allowInvitesFrom: 'everyone',
      allowedToUseSSPR: true,
      blockMsolPowerShell: false,
      defaultUserRolePermissions: {
        allowedToCreateApps: true,
        allowedToCreateSecurityGroups: true,
        allowedToCreateTenants: true,
        allowedToReadBitlockerKeysForOwnedDevice: true,
        allowedToReadOtherUsers: true,
      },
    },
  });
}

function managedDevice(
  device: DemoDevice,
  spec: DeviceSpec,
  users: readonly DemoUser[],
  random: SeededRandom,
  ago: (ms: number) => string,
): DemoManagedDevice {
  const owner = users.find((user) => user.id === spec.owner);
  return {
    id: random.guid(),
    azureADDeviceId: device.deviceId,
    deviceName: device.displayName,
    userId: spec.owner,
    userPrincipalName: owner?.userPrincipalName ?? '',
    operatingSystem: device.operatingSystem,
    osVersion: device.operatingSystemVersion,
    complianceState: device.isCompliant ? 'compliant' : 'noncompliant',
    managementAgent: 'mdm',
    enrolledDateTime: device.registrationDateTime,
    lastSyncDateTime: ago(spec.lastSignInHoursAgo * HOUR_MS),
  };
}

/** Rewrites the second device's first key so its Key ID starts with the same 8 hex digits as the first's. */
function shareKeyIdPrefix(keys: DemoRecoveryKey[], devices: DemoDevice[], from: string, to: string): void {
  const deviceId = (name: string) => devices.find((d) => d.displayName === name)?.deviceId;
  const source = keys.find((k) => k.deviceId === deviceId(from));
  const index = keys.findIndex((k) => k.deviceId === deviceId(to));
  const target = keys[index];
  if (!source || !target) throw new Error(`sample data: no keys to share a prefix between ${from} and ${to}`);
  keys[index] = { ...target, id: `${source.id.slice(0, 8)}${target.id.slice(8)}` };
}
