import { z } from 'zod';

/** The signed-in user (`GET /me`), or any user by object id. */
export interface GraphUser {
  /** Entra object id (`oid`). */
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string | undefined;
}

/** Entra `trustType`: `AzureAd` joined, `ServerAd` hybrid or on-premises joined, `Workplace` registered (BYOD). */
export type DeviceTrustType = 'AzureAd' | 'ServerAd' | 'Workplace';

/** An Entra device object with the fields the recovery flow needs. */
export interface GraphDevice {
  /** The device object's id (what `/devices/{id}` takes). */
  readonly id: string;
  /** The device's own `deviceId`, lower-case: what BitLocker keys and Intune's `azureADDeviceId` refer to. */
  readonly deviceId: string;
  readonly displayName: string;
  readonly operatingSystem: string | undefined;
  /** Undefined when Graph gave none or a value this client does not know. */
  readonly trustType: DeviceTrustType | undefined;
  readonly approximateLastSignInDateTime: string | undefined;
  readonly accountEnabled: boolean;
  readonly isCompliant: boolean | undefined;
  readonly isManaged: boolean | undefined;
}

/** BitLocker volume types: 1 operating-system volume, 2 fixed data, 3 removable data. */
export type VolumeType = 1 | 2 | 3;

/** A BitLocker recovery key's metadata; never the key. */
export interface RecoveryKeyMetadata {
  /** The Key ID (key protector GUID), lower-case; the recovery screen shows it upper-case. */
  readonly id: string;
  /** The Entra `deviceId` the key belongs to, lower-case. */
  readonly deviceId: string;
  readonly createdDateTime: string;
  /** Undefined when Graph did not say or said something unknown. */
  readonly volumeType: VolumeType | undefined;
}

/** An Intune managed device (beta), joined to Entra by `azureADDeviceId`. */
export interface ManagedDevice {
  readonly id: string;
  /** The Entra `deviceId`, lower-case. */
  readonly azureADDeviceId: string;
  readonly deviceName: string;
  readonly operatingSystem: string | undefined;
  readonly userId: string | undefined;
  readonly lastSyncDateTime: string | undefined;
}

/** The part of the tenant's authorization policy the bot cares about. */
export interface AuthorizationPolicy {
  /** False when "Restrict users from recovering the BitLocker key(s) for their owned devices" is on. */
  readonly allowedToReadBitlockerKeysForOwnedDevice: boolean | undefined;
}

/** A mail to send with `sendMail`. Recipients are plain addresses. */
export interface MailMessage {
  readonly subject: string;
  readonly body: { readonly contentType: 'text' | 'html'; readonly content: string };
  readonly toRecipients: readonly string[];
  /** Default true, as in Graph. */
  readonly saveToSentItems?: boolean;
}

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const optionalFlag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? undefined);
const lowerCaseId = z
  .string()
  .min(1)
  .transform((value) => value.toLowerCase());

/** The `volumeType` enum's member names in Graph's schema. */
const VOLUME_TYPE_NAMES = {
  operatingSystemVolume: 1,
  fixedDataVolume: 2,
  removableDataVolume: 3,
} as const satisfies Record<string, VolumeType>;

/**
 * Graph documents `volumeType` as an enum whose JSON has been seen as a number (`1`), as the number in a
 * string (`"1"`), and the enum member name is what the schema declares; all three are accepted.
 */
function toVolumeType(value: string | number | null | undefined): VolumeType | undefined {
  if (value === null || value === undefined) return undefined;
  const number = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : undefined;
  if (number === 1 || number === 2 || number === 3) return number;
  if (typeof value === 'string' && Object.hasOwn(VOLUME_TYPE_NAMES, value)) {
    return VOLUME_TYPE_NAMES[value as keyof typeof VOLUME_TYPE_NAMES];
  }
  return undefined;
}

function toTrustType(value: string | undefined): DeviceTrustType | undefined {
  return value === 'AzureAd' || value === 'ServerAd' || value === 'Workplace' ? value : undefined;
}

export const userSchema = z
  .object({
    id: lowerCaseId,
    displayName: optionalText,
    userPrincipalName: z.string(),
    mail: optionalText,
  })
  .transform(
    (user): GraphUser => ({
      id: user.id,
      displayName: user.displayName ?? '',
      userPrincipalName: user.userPrincipalName,
      mail: user.mail,
    }),
  );

export const deviceSchema = z
  .object({
    id: lowerCaseId,
    deviceId: lowerCaseId,
    displayName: optionalText,
    operatingSystem: optionalText,
    trustType: optionalText,
    approximateLastSignInDateTime: optionalText,
    accountEnabled: z.boolean(),
    isCompliant: optionalFlag,
    isManaged: optionalFlag,
  })
  .transform(
    (device): GraphDevice => ({
      id: device.id,
      deviceId: device.deviceId,
      displayName: device.displayName ?? '',
      operatingSystem: device.operatingSystem,
      trustType: toTrustType(device.trustType),
      approximateLastSignInDateTime: device.approximateLastSignInDateTime,
      accountEnabled: device.accountEnabled,
      isCompliant: device.isCompliant,
      isManaged: device.isManaged,
    }),
  );

/** The fields `deviceSchema` reads, for `$select`. */
export const DEVICE_FIELDS = [
  'id',
  'deviceId',
  'displayName',
  'operatingSystem',
  'trustType',
  'approximateLastSignInDateTime',
  'accountEnabled',
  'isCompliant',
  'isManaged',
] as const;

export const recoveryKeyMetadataSchema = z
  .object({
    id: lowerCaseId,
    deviceId: lowerCaseId,
    createdDateTime: z.string(),
    volumeType: z.union([z.number(), z.string()]).nullish(),
  })
  .transform(
    (key): RecoveryKeyMetadata => ({
      id: key.id,
      deviceId: key.deviceId,
      createdDateTime: key.createdDateTime,
      volumeType: toVolumeType(key.volumeType),
    }),
  );

export const managedDeviceSchema = z
  .object({
    id: lowerCaseId,
    azureADDeviceId: lowerCaseId,
    deviceName: optionalText,
    operatingSystem: optionalText,
    userId: optionalText,
    lastSyncDateTime: optionalText,
  })
  .transform(
    (managed): ManagedDevice => ({
      id: managed.id,
      azureADDeviceId: managed.azureADDeviceId,
      deviceName: managed.deviceName ?? '',
      operatingSystem: managed.operatingSystem,
      userId: managed.userId,
      lastSyncDateTime: managed.lastSyncDateTime,
    }),
  );

/** The fields `managedDeviceSchema` reads, for `$select`. */
export const MANAGED_DEVICE_FIELDS = [
  'id',
  'azureADDeviceId',
  'deviceName',
  'operatingSystem',
  'userId',
  'lastSyncDateTime',
] as const;

export const authorizationPolicySchema = z
  .object({
    defaultUserRolePermissions: z
      .object({ allowedToReadBitlockerKeysForOwnedDevice: optionalFlag })
      .nullish(),
  })
  .transform(
    (policy): AuthorizationPolicy => ({
      allowedToReadBitlockerKeysForOwnedDevice:
        policy.defaultUserRolePermissions?.allowedToReadBitlockerKeysForOwnedDevice,
    }),
  );

/** One page of an OData collection. */
export const collectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

export const stringCollectionSchema = z.object({ value: z.array(z.string()) });

/** The `@odata.type` Graph puts on device entries of a directoryObject collection such as `ownedDevices`. */
export const DEVICE_ODATA_TYPE = '#microsoft.graph.device';

/** True for directoryObjects that are devices (`ownedDevices` may also hold other object types). */
export function isDeviceObject(entry: unknown): boolean {
  return isRecord(entry) && entry['@odata.type'] === DEVICE_ODATA_TYPE;
}

/**
 * The entity from a single-entity answer. Graph's documented `GET …/recoveryKeys/{id}` example wraps the
 * object in `"value": {…}` while the service answers with the bare object; both are accepted.
 */
export function unwrapEntity(body: unknown): unknown {
  if (isRecord(body) && isRecord(body.value)) return body.value;
  return body;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
