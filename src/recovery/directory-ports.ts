import type { RecoveryPassword } from './recovery-password.js';

/** An Entra device the requester is the registered owner of. */
export interface OwnedDevice {
  /** The device object's id. */
  readonly objectId: string;
  /** The Entra `deviceId` that BitLocker keys and Intune refer to. */
  readonly deviceId: string;
  readonly displayName: string;
  readonly operatingSystem: string | undefined;
  /** `AzureAd` (joined), `ServerAd` (hybrid / on-premises), `Workplace` (registered BYOD). */
  readonly trustType: string | undefined;
  readonly accountEnabled: boolean;
  readonly approximateLastSignInDateTime: string | undefined;
}

/** A BitLocker recovery key's metadata; never the key itself. */
export interface KeyMetadata {
  /** The Key ID (key protector GUID) as Graph returns it. */
  readonly id: string;
  readonly deviceId: string;
  readonly createdDateTime: string;
  /** 1 operating-system volume, 2 fixed data, 3 removable; undefined when Graph did not say. */
  readonly volumeType: number | undefined;
}

/** Why directory access failed, in domain words. `invalid`: it answered something unusable. */
export type DirectoryFailure = 'notFound' | 'notAllowed' | 'throttled' | 'unavailable' | 'invalid';

/** Thrown by directory adapters for expected failures; anything else is a bug. */
export class DirectoryError extends Error {
  constructor(
    readonly failure: DirectoryFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

/** What the release needs to know about the requester and their devices (Graph, in production). */
export interface DeviceDirectory {
  /** Devices whose registered owner is the requester. */
  ownedDevices(requesterObjectId: string): Promise<readonly OwnedDevice[]>;
  /** Key metadata escrowed for one device (`deviceId`). */
  recoveryKeys(deviceId: string): Promise<readonly KeyMetadata[]>;
  /** Whether the requester is a member of the group (transitively, as Entra evaluates it). */
  isMember(requesterObjectId: string, groupId: string): Promise<boolean>;
}

/** Reads one key. Each call is a "Read BitLocker key" event in Entra's audit log. */
export interface KeyReader {
  readKey(keyId: string): Promise<RecoveryPassword>;
}

/** The release's view of the directory: the requester's devices and keys, and one key read. */
export interface KeyAccess {
  readonly directory: DeviceDirectory;
  readonly keys: KeyReader;
}

/** What the rotation check asks the directory and Intune, with the app's own token. */
export interface RotationDirectory {
  /** Key metadata escrowed for one device (`deviceId`). */
  recoveryKeys(deviceId: string): Promise<readonly KeyMetadata[]>;
  /** The Intune managed device for an Entra `deviceId`; undefined when Intune has none. */
  managedDeviceByAzureAdDeviceId(deviceId: string): Promise<{ readonly id: string } | undefined>;
  /** Asks Intune to rotate the device's BitLocker keys. */
  rotateBitLockerKeys(managedDeviceId: string): Promise<void>;
}
