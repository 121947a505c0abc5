import {
  DirectoryError,
  type DirectoryFailure,
  type KeyAccess,
  type RotationDirectory,
} from '../recovery/directory-ports.js';
import type { GraphClient } from './graph-client.js';
import { GraphError } from './graph-error.js';

/**
 * Adapts a Graph client to the release ports. `delegated`: the client carries the requester's own token,
 * so devices and groups are asked for as `me`. `application`: an app-only token, so the requester is named
 * by object id. Either way the release matches keys only on the requester's own devices.
 */
export function graphKeyAccess(client: GraphClient, mode: 'delegated' | 'application'): KeyAccess {
  const user = (objectId: string) => (mode === 'delegated' ? 'me' : objectId);
  return {
    directory: {
      ownedDevices: (objectId) =>
        translate(async () =>
          (await client.ownedDevices(user(objectId))).map((device) => ({
            objectId: device.id,
            deviceId: device.deviceId,
            displayName: device.displayName,
            operatingSystem: device.operatingSystem,
            trustType: device.trustType,
            accountEnabled: device.accountEnabled,
            approximateLastSignInDateTime: device.approximateLastSignInDateTime,
          })),
        ),
      recoveryKeys: (deviceId) => translate(() => client.recoveryKeys(deviceId)),
      isMember: (objectId, groupId) =>
        translate(async () => (await client.checkMemberGroups(user(objectId), [groupId])).includes(groupId)),
    },
    keys: { readKey: (keyId) => translate(() => client.readRecoveryKey(keyId)) },
  };
}

/** The rotation check's view of Graph and Intune (an app-only client). */
export function graphRotationDirectory(
  client: Pick<GraphClient, 'recoveryKeys' | 'managedDeviceByAzureAdDeviceId' | 'rotateBitLockerKeys'>,
): RotationDirectory {
  return {
    recoveryKeys: (deviceId) => translate(() => client.recoveryKeys(deviceId)),
    managedDeviceByAzureAdDeviceId: (deviceId) =>
      translate(() => client.managedDeviceByAzureAdDeviceId(deviceId)),
    rotateBitLockerKeys: (managedDeviceId) => translate(() => client.rotateBitLockerKeys(managedDeviceId)),
  };
}

/** Graph's failures in the directory ports' words; anything that is not a GraphError is a bug and goes on. */
async function translate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    throw new DirectoryError(failureOf(error), `${error.kind}: ${error.message}`);
  }
}

function failureOf(error: GraphError): DirectoryFailure {
  switch (error.kind) {
    case 'notFound':
      return 'notFound';
    case 'notAllowed':
      return 'notAllowed';
    case 'throttled':
      return 'throttled';
    case 'unavailable':
    case 'unauthorized':
      return 'unavailable';
    case 'badResponse':
      return 'invalid';
  }
}
