import type { DemoActor, DemoDevice, DemoManagedDevice, DemoRecoveryKey } from './demo-directory.js';
import { BITLOCKER_KEY_READER_ROLES, INTUNE_OPERATOR_ROLES } from './directory-roles.js';
import { type GraphCaller, holdsAnyRole, type PermissionRule, requirePermission } from './graph-caller.js';
import { GraphError, insufficientPrivileges, resourceNotFound } from './graph-error.js';
import {
  applySelect,
  type GraphContext,
  type GraphRequest,
  type GraphResult,
  type GraphRoute,
  type GraphVersion,
  odataContext,
  selectedFields,
} from './graph-route.js';

const PERMISSIONS = {
  keyMetadata: {
    delegated: ['BitlockerKey.ReadBasic.All', 'BitlockerKey.Read.All'],
    application: ['BitlockerKey.ReadBasic.All', 'BitlockerKey.Read.All'],
  },
  key: { delegated: ['BitlockerKey.Read.All'], application: ['BitlockerKey.Read.All'] },
  readManagedDevices: {
    delegated: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
    application: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
  },
  rotateKeys: {
    delegated: [
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
      'DeviceManagementManagedDevices.ReadWrite.All',
    ],
    application: [
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
      'DeviceManagementManagedDevices.ReadWrite.All',
    ],
  },
} as const satisfies Record<string, PermissionRule>;

/** Small on purpose, so every client exercises `@odata.nextLink` paging. */
export const RECOVERY_KEYS_PAGE_SIZE = 2;

const BOTH: readonly GraphVersion[] = ['v1.0', 'beta'];
const KEYS_PATH = 'informationProtection/bitlocker/recoveryKeys';

/** BitLocker recovery keys and the Intune managed-device calls (lookup, rotateBitLockerKeys on beta). */
export const GRAPH_BITLOCKER_ROUTES: readonly GraphRoute[] = [
  {
    method: 'GET',
    pattern: /^informationProtection\/bitlocker\/recoveryKeys$/,
    versions: BOTH,
    handle: listKeys,
  },
  {
    method: 'GET',
    pattern: /^informationProtection\/bitlocker\/recoveryKeys\/([^/]+)$/,
    versions: BOTH,
    handle: (req, [id], ctx) => getKey(req, ctx, id ?? ''),
  },
  {
    method: 'GET',
    pattern: /^deviceManagement\/managedDevices$/,
    versions: BOTH,
    handle: listManagedDevices,
  },
  {
    method: 'GET',
    pattern: /^deviceManagement\/managedDevices\/([^/]+)$/,
    versions: BOTH,
    handle: (req, [id], ctx) => getManagedDevice(req, ctx, id ?? ''),
  },
  {
    method: 'POST',
    pattern: /^deviceManagement\/managedDevices\/([^/]+)\/rotateBitLockerKeys$/,
    versions: ['beta'],
    handle: (req, [id], ctx) => rotateKeys(req, ctx, id ?? ''),
  },
];

/** The BitLocker API documents these headers as required; a client that forgets them should find out here. */
function requireClientHeaders(req: GraphRequest): void {
  for (const header of ['ocp-client-name', 'ocp-client-version'] as const) {
    if (!req.headers[header]) {
      throw new GraphError(400, 'BadRequest', `The request is missing the required header '${header}'.`);
    }
  }
}

function keyMetadata(key: DemoRecoveryKey): Record<string, unknown> {
  // Graph documents volumeType as the enum's number written as a string ("1"); clients must accept both.
  return {
    id: key.id,
    createdDateTime: key.createdDateTime,
    volumeType: String(key.volumeType),
    deviceId: key.deviceId,
  };
}

/** Owner-or-role for delegated callers; the tenant switch can take owners' key access away. */
function mayRead(
  caller: GraphCaller,
  device: DemoDevice | undefined,
  what: 'metadata' | 'key',
  ctx: GraphContext,
) {
  if (caller.kind === 'app') return true;
  if (holdsAnyRole(caller, BITLOCKER_KEY_READER_ROLES)) return true;
  if (!device?.ownerIds.includes(caller.user.id)) return false;
  return (
    what === 'metadata' ||
    ctx.directory.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice
  );
}

function listKeys(req: GraphRequest, _params: readonly string[], ctx: GraphContext): GraphResult {
  requireClientHeaders(req);
  requirePermission(req.caller, PERMISSIONS.keyMetadata);
  const filter = req.query.get('$filter');
  let keys: DemoRecoveryKey[];
  if (filter !== null) {
    const match = /^\s*deviceId\s+eq\s+'([^']*)'\s*$/i.exec(filter);
    if (!match) {
      throw new GraphError(
        400,
        'BadRequest',
        `Invalid filter clause: only 'deviceId eq' is supported. Filter: ${filter}`,
      );
    }
    const deviceId = (match[1] ?? '').toLowerCase();
    const device = ctx.directory.findDeviceByDeviceId(deviceId);
    if (device && !mayRead(req.caller, device, 'metadata', ctx)) throw insufficientPrivileges();
    keys = ctx.directory.keysForDevice(deviceId);
  } else {
    keys = ctx.directory.recoveryKeys.filter((key) =>
      mayRead(req.caller, ctx.directory.findDeviceByDeviceId(key.deviceId), 'metadata', ctx),
    );
  }
  const offset = skipTokenOffset(req.query.get('$skiptoken'));
  const page = keys.slice(offset, offset + RECOVERY_KEYS_PAGE_SIZE);
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(ctx, req.version, KEYS_PATH),
    value: page.map(keyMetadata),
  };
  if (offset + RECOVERY_KEYS_PAGE_SIZE < keys.length) {
    const next = new URL(`${ctx.graphEndpoint}/${req.version}/${KEYS_PATH}`);
    if (filter !== null) next.searchParams.set('$filter', filter);
    next.searchParams.set('$skiptoken', skipToken(offset + RECOVERY_KEYS_PAGE_SIZE));
    body['@odata.nextLink'] = next.toString();
  }
  return { status: 200, body };
}

function skipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function skipTokenOffset(token: string | null): number {
  if (token === null) return 0;
  try {
    const offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // Falls through to the 400 below: the token was not one of ours.
  }
  throw new GraphError(400, 'BadRequest', 'Invalid $skiptoken value.');
}

function getKey(req: GraphRequest, ctx: GraphContext, id: string): GraphResult {
  requireClientHeaders(req);
  const select = selectedFields(req.query);
  // Asking for `key` together with other properties has been seen to drop `key`: only `$select=key` reads it.
  const readsKey = select?.size === 1 && select.has('key');
  requirePermission(req.caller, readsKey ? PERMISSIONS.key : PERMISSIONS.keyMetadata);
  const key = ctx.directory.findKey(id);
  if (!key) throw resourceNotFound(id);
  const device = ctx.directory.findDeviceByDeviceId(key.deviceId);
  if (!mayRead(req.caller, device, readsKey ? 'key' : 'metadata', ctx)) throw insufficientPrivileges();
  const entity = readsKey ? 'recoveryKeys(key)/$entity' : 'recoveryKeys/$entity';
  const context = odataContext(ctx, req.version, `informationProtection/bitlocker/${entity}`);
  if (!readsKey) {
    const withoutKey = select ? new Set([...select].filter((field) => field !== 'key')) : undefined;
    return { status: 200, body: applySelect({ '@odata.context': context, ...keyMetadata(key) }, withoutKey) };
  }
  const entry = ctx.directory.recordKeyRead({
    activityDateTime: ctx.now().toISOString(),
    actor: actorOf(req.caller),
    deviceId: key.deviceId,
    deviceDisplayName: device?.displayName ?? '',
    keyId: key.id,
  });
  ctx.logger.info({ auditId: entry.id, keyId: key.id, deviceId: key.deviceId }, 'Read BitLocker key');
  return { status: 200, body: { '@odata.context': context, ...keyMetadata(key), key: key.key } };
}

function actorOf(caller: GraphCaller): DemoActor {
  return caller.kind === 'user'
    ? {
        kind: 'user',
        id: caller.user.id,
        userPrincipalName: caller.user.userPrincipalName,
        appId: caller.appId,
      }
    : { kind: 'app', appId: caller.appId, displayName: caller.appDisplayName };
}

function managedDeviceResource(managed: DemoManagedDevice): Record<string, unknown> {
  return {
    id: managed.id,
    userId: managed.userId,
    deviceName: managed.deviceName,
    managedDeviceOwnerType: 'company',
    enrolledDateTime: managed.enrolledDateTime,
    lastSyncDateTime: managed.lastSyncDateTime,
    operatingSystem: managed.operatingSystem,
    complianceState: managed.complianceState,
    managementAgent: managed.managementAgent,
    osVersion: managed.osVersion,
    azureADRegistered: true,
    deviceEnrollmentType: 'windowsAzureADJoin',
    azureADDeviceId: managed.azureADDeviceId,
    userPrincipalName: managed.userPrincipalName,
    isEncrypted: true,
  };
}

function requireIntuneAccess(req: GraphRequest, rule: PermissionRule, roleCheck: boolean): void {
  requirePermission(req.caller, rule);
  if (roleCheck && req.caller.kind === 'user' && !holdsAnyRole(req.caller, INTUNE_OPERATOR_ROLES)) {
    throw insufficientPrivileges();
  }
}

function listManagedDevices(req: GraphRequest, _params: readonly string[], ctx: GraphContext): GraphResult {
  requireIntuneAccess(req, PERMISSIONS.readManagedDevices, false);
  const filter = req.query.get('$filter');
  let devices = [...ctx.directory.managedDevices.values()];
  if (filter !== null) {
    const match = /^\s*azureADDeviceId\s+eq\s+'([^']*)'\s*$/i.exec(filter);
    if (!match) throw new GraphError(400, 'BadRequest', `Invalid filter clause: ${filter}`);
    const deviceId = (match[1] ?? '').toLowerCase();
    devices = devices.filter((managed) => managed.azureADDeviceId === deviceId);
  }
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(ctx, req.version, 'deviceManagement/managedDevices'),
      value: devices.map((managed) => applySelect(managedDeviceResource(managed), selectedFields(req.query))),
    },
  };
}

function getManagedDevice(req: GraphRequest, ctx: GraphContext, id: string): GraphResult {
  requireIntuneAccess(req, PERMISSIONS.readManagedDevices, false);
  const managed = ctx.directory.managedDevices.get(id.toLowerCase());
  if (!managed) throw new GraphError(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`);
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(ctx, req.version, 'deviceManagement/managedDevices/$entity'),
      ...managedDeviceResource(managed),
    },
  };
}

function rotateKeys(req: GraphRequest, ctx: GraphContext, id: string): GraphResult {
  requireIntuneAccess(req, PERMISSIONS.rotateKeys, true);
  const managed = ctx.directory.managedDevices.get(id.toLowerCase());
  if (!managed) throw new GraphError(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`);
  if (managed.operatingSystem !== 'Windows') {
    throw new GraphError(400, 'BadRequest', 'rotateBitLockerKeys is only supported on Windows devices.');
  }
  const created = ctx.directory.rotateRecoveryKeys(managed.azureADDeviceId, ctx.now());
  ctx.logger.info(
    {
      managedDeviceId: managed.id,
      deviceId: managed.azureADDeviceId,
      newKeyIds: created.map((key) => key.id),
    },
    'BitLocker keys rotated',
  );
  return { status: 204 };
}
