import { randomInt, randomUUID, type X509Certificate } from 'node:crypto';
import { validRecoveryPassword } from './valid-recovery-password.js';

/** A member user of the demo tenant. Mutable on purpose: tests change roles or disable accounts. */
export interface DemoUser {
  readonly id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
  accountEnabled: boolean;
  /** Directory role template ids (the `wids` claim), including the member-user role. */
  directoryRoles: string[];
}

/** An Entra security group; membership is direct (the demo has no nested groups). */
export interface DemoGroup {
  readonly id: string;
  displayName: string;
  description: string;
  readonly members: Set<string>;
}

/** Entra `trustType`: joined, hybrid/on-prem joined, or registered (BYOD). */
export type DemoTrustType = 'AzureAd' | 'ServerAd' | 'Workplace';

/** An Entra device object. `deviceId` is what BitLocker keys and Intune refer to; `id` is the object id. */
export interface DemoDevice {
  readonly id: string;
  readonly deviceId: string;
  displayName: string;
  operatingSystem: string;
  operatingSystemVersion: string;
  trustType: DemoTrustType;
  registrationDateTime: string;
  approximateLastSignInDateTime: string;
  accountEnabled: boolean;
  isCompliant: boolean;
  isManaged: boolean;
  /** Registered owners (user object ids): the relation `ownedDevices` and the key rule use. */
  ownerIds: string[];
}

/** BitLocker volume types as Graph numbers them. */
export const VOLUME_TYPES = { operatingSystem: 1, fixedData: 2, removableData: 3 } as const;
export type VolumeType = (typeof VOLUME_TYPES)[keyof typeof VOLUME_TYPES];

/** One escrowed BitLocker recovery key. `id` is the Key ID the recovery screen shows (lowercase here). */
export interface DemoRecoveryKey {
  readonly id: string;
  readonly deviceId: string;
  readonly createdDateTime: string;
  readonly volumeType: VolumeType;
  /** The 48-digit recovery password. Never log it. */
  readonly key: string;
}

/** An Intune managed device; `azureADDeviceId` joins it to the Entra device's `deviceId`. */
export interface DemoManagedDevice {
  readonly id: string;
  readonly azureADDeviceId: string;
  deviceName: string;
  userId: string;
  userPrincipalName: string;
  operatingSystem: string;
  osVersion: string;
  complianceState: 'compliant' | 'noncompliant' | 'unknown';
  managementAgent: string;
  enrolledDateTime: string;
  lastSyncDateTime: string;
}

/** Who did something, as Entra audit logs record it. */
export type DemoActor =
  | { readonly kind: 'user'; readonly id: string; readonly userPrincipalName: string; readonly appId: string }
  | { readonly kind: 'app'; readonly appId: string; readonly displayName: string };

/** One Entra audit entry ("Read BitLocker key", category KeyManagement). */
export interface DemoAuditEntry {
  readonly id: string;
  readonly activityDateTime: string;
  readonly activityDisplayName: 'Read BitLocker key';
  readonly category: 'KeyManagement';
  readonly result: 'success';
  readonly actor: DemoActor;
  readonly deviceId: string;
  readonly deviceDisplayName: string;
  readonly keyId: string;
}

/** A message accepted by `sendMail`. */
export interface DemoMailMessage {
  readonly id: string;
  readonly sentDateTime: string;
  /** Mailbox owner that sent it (user object id). */
  readonly senderId: string;
  readonly from: string;
  readonly toRecipients: readonly string[];
  readonly ccRecipients: readonly string[];
  readonly subject: string;
  readonly bodyContentType: 'text' | 'html';
  readonly body: string;
  readonly savedToSentItems: boolean;
}

/** The tenant-wide authorization policy (only the fields the product cares about plus Entra's defaults). */
export interface DemoAuthorizationPolicy {
  allowInvitesFrom: string;
  allowedToUseSSPR: boolean;
  blockMsolPowerShell: boolean;
  defaultUserRolePermissions: {
    allowedToCreateApps: boolean;
    allowedToCreateSecurityGroups: boolean;
    allowedToCreateTenants: boolean;
    /** false = "Restrict users from recovering the BitLocker key(s) for their owned devices". */
    allowedToReadBitlockerKeysForOwnedDevice: boolean;
    allowedToReadOtherUsers: boolean;
  };
}

/** An API that tokens can be issued for. */
export interface DemoResource {
  readonly appId: string;
  readonly displayName: string;
  /** Identifier URIs; a scope `X/name` or `X/.default` names this resource when X is one of these or appId. */
  readonly identifierUris: readonly string[];
  /** v2 APIs get their appId as `aud`; v1-style ones (Graph, Bot Framework) get the identifier as requested. */
  readonly audienceStyle: 'app-id' | 'as-requested';
}

/** The bot's app registration and what the tenant admin consented to. */
export interface DemoAppRegistration {
  readonly appId: string;
  displayName: string;
  /** Object id of the app's service principal (the `oid` of app-only tokens). */
  readonly servicePrincipalId: string;
  /** Valid client secrets. */
  readonly clientSecrets: Set<string>;
  /** Certificates uploaded to the app (its "Certificates & secrets"), for signed client assertions. */
  readonly certificates: X509Certificate[];
  /**
   * Federated identity credentials: a token this issuer issued for this subject, with this audience, is
   * the app's credential (a managed identity's token, used as the client assertion).
   */
  readonly federatedCredentials: {
    readonly issuer: string;
    readonly subject: string;
    readonly audience: string;
  }[];
  /** Consented delegated permissions per resource appId. */
  readonly delegatedPermissions: Map<string, Set<string>>;
  /** Granted application permissions (app roles) per resource appId. */
  readonly applicationPermissions: Map<string, Set<string>>;
}

/** A user-assigned managed identity, as App Service's identity endpoint serves its tokens. */
export interface DemoManagedIdentity {
  readonly clientId: string;
  /** Object id of its service principal: the `sub` and `oid` of its tokens. */
  readonly principalId: string;
  readonly displayName: string;
}

/** Everything the demo tenant knows; the live, stateful data behind both servers. */
export interface DemoDirectoryData {
  readonly tenantId: string;
  readonly domain: string;
  readonly users: readonly DemoUser[];
  readonly groups: readonly DemoGroup[];
  readonly devices: readonly DemoDevice[];
  readonly recoveryKeys: readonly DemoRecoveryKey[];
  readonly managedDevices: readonly DemoManagedDevice[];
  readonly resources: readonly DemoResource[];
  readonly apps: readonly DemoAppRegistration[];
  readonly authorizationPolicy: DemoAuthorizationPolicy;
}

/** Entra keeps at most 200 keys per device; the oldest go first. */
const MAX_KEYS_PER_DEVICE = 200;

/**
 * The demo tenant's directory: people, groups, devices, BitLocker keys, Intune records, mailboxes and the
 * audit log. Both the Entra and the Graph server read and change this one object; tests inspect it.
 */
export class DemoDirectory {
  readonly tenantId: string;
  readonly domain: string;
  readonly users = new Map<string, DemoUser>();
  readonly groups = new Map<string, DemoGroup>();
  readonly devices = new Map<string, DemoDevice>();
  readonly managedDevices = new Map<string, DemoManagedDevice>();
  readonly resources: DemoResource[];
  readonly apps = new Map<string, DemoAppRegistration>();
  /** By client id. */
  readonly managedIdentities = new Map<string, DemoManagedIdentity>();
  readonly authorizationPolicy: DemoAuthorizationPolicy;
  readonly audit: DemoAuditEntry[] = [];
  readonly mail: DemoMailMessage[] = [];
  private readonly keys: DemoRecoveryKey[];

  constructor(data: DemoDirectoryData) {
    this.tenantId = data.tenantId;
    this.domain = data.domain;
    for (const user of data.users) this.users.set(user.id, user);
    for (const group of data.groups) this.groups.set(group.id, group);
    for (const device of data.devices) this.devices.set(device.id, device);
    for (const managed of data.managedDevices) this.managedDevices.set(managed.id, managed);
    for (const app of data.apps) this.apps.set(app.appId, app);
    this.resources = [...data.resources];
    this.keys = [...data.recoveryKeys];
    this.authorizationPolicy = data.authorizationPolicy;
  }

  /** A user by object id or UPN (case-insensitive, like Graph's `/users/{id | userPrincipalName}`). */
  findUser(idOrUpn: string): DemoUser | undefined {
    const needle = idOrUpn.toLowerCase();
    return (
      this.users.get(needle) ??
      [...this.users.values()].find((user) => user.userPrincipalName.toLowerCase() === needle)
    );
  }

  /** A device by its Entra `deviceId` (not the object id). */
  findDeviceByDeviceId(deviceId: string): DemoDevice | undefined {
    const needle = deviceId.toLowerCase();
    return [...this.devices.values()].find((device) => device.deviceId === needle);
  }

  ownedDevices(userId: string): DemoDevice[] {
    return [...this.devices.values()].filter((device) => device.ownerIds.includes(userId));
  }

  /** All escrowed keys, oldest first. */
  get recoveryKeys(): readonly DemoRecoveryKey[] {
    return this.keys;
  }

  keysForDevice(deviceId: string): DemoRecoveryKey[] {
    const needle = deviceId.toLowerCase();
    return this.keys.filter((key) => key.deviceId === needle);
  }

  findKey(keyId: string): DemoRecoveryKey | undefined {
    const needle = keyId.toLowerCase();
    return this.keys.find((key) => key.id === needle);
  }

  /** Adds an escrowed key, as a device does after rotation; drops the oldest beyond Entra's 200. */
  addRecoveryKey(key: DemoRecoveryKey): void {
    this.keys.push(key);
    const forDevice = this.keysForDevice(key.deviceId);
    for (const stale of forDevice.slice(0, Math.max(0, forDevice.length - MAX_KEYS_PER_DEVICE))) {
      this.keys.splice(this.keys.indexOf(stale), 1);
    }
  }

  /**
   * What a device does when Intune asks it to rotate: a new recovery password for each volume that had one,
   * with a new Key ID and a newer `createdDateTime`. Returns the new keys.
   */
  rotateRecoveryKeys(deviceId: string, now: Date): DemoRecoveryKey[] {
    const volumes = new Set(this.keysForDevice(deviceId).map((key) => key.volumeType));
    if (volumes.size === 0) volumes.add(VOLUME_TYPES.operatingSystem);
    const created = [...volumes].map((volumeType) => ({
      id: randomUUID(),
      deviceId: deviceId.toLowerCase(),
      createdDateTime: now.toISOString(),
      volumeType,
      key: validRecoveryPassword(randomInt),
    }));
    for (const key of created) this.addRecoveryKey(key);
    return created;
  }

  /** Direct membership (the demo has no nested groups, so this is also transitive membership). */
  isMember(userId: string, groupId: string): boolean {
    return this.groups.get(groupId.toLowerCase())?.members.has(userId) ?? false;
  }

  findResource(identifier: string): DemoResource | undefined {
    const needle = identifier.toLowerCase().replace(/\/$/, '');
    return this.resources.find(
      (resource) =>
        resource.appId === needle || resource.identifierUris.some((uri) => uri.toLowerCase() === needle),
    );
  }

  managedDeviceFor(azureADDeviceId: string): DemoManagedDevice | undefined {
    const needle = azureADDeviceId.toLowerCase();
    return [...this.managedDevices.values()].find((managed) => managed.azureADDeviceId === needle);
  }

  recordKeyRead(
    entry: Omit<DemoAuditEntry, 'id' | 'activityDisplayName' | 'category' | 'result'>,
  ): DemoAuditEntry {
    const full: DemoAuditEntry = {
      id: randomUUID(),
      activityDisplayName: 'Read BitLocker key',
      category: 'KeyManagement',
      result: 'success',
      ...entry,
    };
    this.audit.push(full);
    return full;
  }

  deliverMail(message: Omit<DemoMailMessage, 'id'>): DemoMailMessage {
    const stored = { id: randomUUID(), ...message };
    this.mail.push(stored);
    return stored;
  }

  /** Messages in a mailbox (by address or user id): received ones, plus sent ones kept in Sent Items. */
  mailbox(addressOrUserId: string): DemoMailMessage[] {
    const user = this.findUser(addressOrUserId);
    const addresses = new Set(
      [addressOrUserId, user?.mail, user?.userPrincipalName]
        .filter(Boolean)
        .map((a) => String(a).toLowerCase()),
    );
    return this.mail.filter(
      (message) =>
        [...message.toRecipients, ...message.ccRecipients].some((to) => addresses.has(to.toLowerCase())) ||
        (message.savedToSentItems && user !== undefined && message.senderId === user.id),
    );
  }
}
