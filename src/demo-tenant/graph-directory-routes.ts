import type { DemoAuthorizationPolicy, DemoDevice, DemoUser } from './demo-directory.js';
import { POLICY_WRITER_ROLES } from './directory-roles.js';
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

/** Least-privileged-first permission lists from the Graph reference, per operation. */
const PERMISSIONS = {
  readSelf: {
    delegated: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
    application: [],
  },
  readUsers: {
    delegated: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
    application: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
  },
  readDevices: {
    delegated: ['Device.Read.All', 'Directory.Read.All'],
    application: ['Device.Read.All', 'Directory.Read.All'],
  },
  checkMemberGroups: {
    delegated: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
    application: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
  },
  sendMail: { delegated: ['Mail.Send'], application: ['Mail.Send'] },
  readPolicy: {
    delegated: ['Policy.Read.All', 'Policy.ReadWrite.Authorization'],
    application: ['Policy.Read.All', 'Policy.ReadWrite.Authorization'],
  },
  writePolicy: {
    delegated: ['Policy.ReadWrite.Authorization'],
    application: ['Policy.ReadWrite.Authorization'],
  },
} as const satisfies Record<string, PermissionRule>;

const BOTH: readonly GraphVersion[] = ['v1.0', 'beta'];
const MAX_CHECK_MEMBER_GROUPS = 20;

/** Users, owned devices, devices, group checks, mail and the authorization policy. */
export const GRAPH_DIRECTORY_ROUTES: readonly GraphRoute[] = [
  { method: 'GET', pattern: /^me$/, versions: BOTH, handle: (req, _p, ctx) => getUser(req, ctx, 'me') },
  {
    method: 'GET',
    pattern: /^users\/([^/]+)$/,
    versions: BOTH,
    handle: (req, [id], ctx) => getUser(req, ctx, id),
  },
  {
    method: 'GET',
    pattern: /^me\/ownedDevices$/,
    versions: BOTH,
    handle: (req, _p, ctx) => ownedDevices(req, ctx, 'me'),
  },
  {
    method: 'GET',
    pattern: /^users\/([^/]+)\/ownedDevices$/,
    versions: BOTH,
    handle: (req, [id], ctx) => ownedDevices(req, ctx, id),
  },
  { method: 'GET', pattern: /^devices$/, versions: BOTH, handle: listDevices },
  {
    method: 'GET',
    pattern: /^devices\/([^/]+)$/,
    versions: BOTH,
    handle: (req, [id], ctx) => getDevice(req, ctx, id),
  },
  {
    method: 'POST',
    pattern: /^me\/checkMemberGroups$/,
    versions: BOTH,
    handle: (req, _p, ctx) => checkMemberGroups(req, ctx, 'me'),
  },
  {
    method: 'POST',
    pattern: /^users\/([^/]+)\/checkMemberGroups$/,
    versions: BOTH,
    handle: (req, [id], ctx) => checkMemberGroups(req, ctx, id),
  },
  {
    method: 'POST',
    pattern: /^me\/sendMail$/,
    versions: BOTH,
    handle: (req, _p, ctx) => sendMail(req, ctx, 'me'),
  },
  {
    method: 'POST',
    pattern: /^users\/([^/]+)\/sendMail$/,
    versions: BOTH,
    handle: (req, [id], ctx) => sendMail(req, ctx, id),
  },
  {
    method: 'GET',
    pattern: /^policies\/authorizationPolicy$/,
    versions: BOTH,
    handle: getAuthorizationPolicy,
  },
  {
    method: 'PATCH',
    pattern: /^policies\/authorizationPolicy$/,
    versions: BOTH,
    handle: patchAuthorizationPolicy,
  },
];

/** Resolves `me` or `{id | userPrincipalName}`; `me` needs a delegated token. */
function targetUser(caller: GraphCaller, ctx: GraphContext, idOrMe: string | undefined): DemoUser {
  if (idOrMe === 'me') {
    if (caller.kind !== 'user') {
      throw new GraphError(
        400,
        'BadRequest',
        '/me request is only valid with delegated authentication flow.',
      );
    }
    return caller.user;
  }
  const user = ctx.directory.findUser(idOrMe ?? '');
  if (!user) throw resourceNotFound(idOrMe ?? '');
  return user;
}

function isSelf(caller: GraphCaller, user: DemoUser): boolean {
  return caller.kind === 'user' && caller.user.id === user.id;
}

function getUser(req: GraphRequest, ctx: GraphContext, idOrMe: string | undefined): GraphResult {
  const user = targetUser(req.caller, ctx, idOrMe);
  requirePermission(req.caller, isSelf(req.caller, user) ? PERMISSIONS.readSelf : PERMISSIONS.readUsers);
  return {
    status: 200,
    body: applySelect(
      { '@odata.context': odataContext(ctx, req.version, 'users/$entity'), ...userResource(user) },
      selectedFields(req.query),
    ),
  };
}

function userResource(user: DemoUser): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

/** A device as Graph serializes it (the fields the product uses plus the usual companions). */
export function deviceResource(device: DemoDevice): Record<string, unknown> {
  return {
    id: device.id,
    deletedDateTime: null,
    accountEnabled: device.accountEnabled,
    approximateLastSignInDateTime: device.approximateLastSignInDateTime,
    complianceExpirationDateTime: null,
    createdDateTime: device.registrationDateTime,
    deviceId: device.deviceId,
    deviceOwnership: device.trustType === 'Workplace' ? 'Personal' : 'Company',
    displayName: device.displayName,
    isCompliant: device.isCompliant,
    isManaged: device.isManaged,
    manufacturer: null,
    model: null,
    operatingSystem: device.operatingSystem,
    operatingSystemVersion: device.operatingSystemVersion,
    profileType: 'RegisteredDevice',
    registrationDateTime: device.registrationDateTime,
    trustType: device.trustType,
    systemLabels: [],
  };
}

function ownedDevices(req: GraphRequest, ctx: GraphContext, idOrMe: string | undefined): GraphResult {
  const user = targetUser(req.caller, ctx, idOrMe);
  requirePermission(
    req.caller,
    isSelf(req.caller, user)
      ? PERMISSIONS.readSelf
      : {
          delegated: [...PERMISSIONS.readDevices.delegated, ...PERMISSIONS.readUsers.delegated],
          application: PERMISSIONS.readDevices.application,
        },
  );
  const select = selectedFields(req.query);
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(ctx, req.version, 'directoryObjects'),
      value: ctx.directory
        .ownedDevices(user.id)
        .map((device) =>
          applySelect({ '@odata.type': '#microsoft.graph.device', ...deviceResource(device) }, select),
        ),
    },
  };
}

function listDevices(req: GraphRequest, _params: readonly string[], ctx: GraphContext): GraphResult {
  requirePermission(req.caller, PERMISSIONS.readDevices);
  const filter = req.query.get('$filter');
  let devices = [...ctx.directory.devices.values()];
  if (filter !== null) {
    const match = /^\s*(deviceId|displayName)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
    if (!match)
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${filter}' of resource 'Device'.`,
      );
    const property = match[1]?.toLowerCase() === 'deviceid' ? 'deviceId' : 'displayName';
    const value = (match[2] ?? '').toLowerCase();
    devices = devices.filter((device) => device[property].toLowerCase() === value);
  }
  const select = selectedFields(req.query);
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(ctx, req.version, 'devices'),
      value: devices.map((device) => applySelect(deviceResource(device), select)),
    },
  };
}

function getDevice(req: GraphRequest, ctx: GraphContext, id: string | undefined): GraphResult {
  requirePermission(req.caller, PERMISSIONS.readDevices);
  const device = ctx.directory.devices.get((id ?? '').toLowerCase());
  if (!device) throw resourceNotFound(id ?? '');
  return {
    status: 200,
    body: applySelect(
      { '@odata.context': odataContext(ctx, req.version, 'devices/$entity'), ...deviceResource(device) },
      selectedFields(req.query),
    ),
  };
}

async function checkMemberGroups(
  req: GraphRequest,
  ctx: GraphContext,
  idOrMe: string | undefined,
): Promise<GraphResult> {
  const user = targetUser(req.caller, ctx, idOrMe);
  requirePermission(req.caller, PERMISSIONS.checkMemberGroups);
  const body = (await req.json()) as { groupIds?: unknown } | null;
  const groupIds = body?.groupIds;
  if (!Array.isArray(groupIds) || !groupIds.every((id) => typeof id === 'string')) {
    throw new GraphError(
      400,
      'Request_BadRequest',
      "Invalid value specified for property 'groupIds' of resource 'checkMemberGroups'.",
    );
  }
  if (groupIds.length > MAX_CHECK_MEMBER_GROUPS) {
    throw new GraphError(
      400,
      'Request_BadRequest',
      `The number of groupIds cannot exceed ${MAX_CHECK_MEMBER_GROUPS}.`,
    );
  }
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(ctx, req.version, 'Collection(Edm.String)'),
      value: (groupIds as string[]).filter((groupId) => ctx.directory.isMember(user.id, groupId)),
    },
  };
}

interface SendMailBody {
  message?: {
    subject?: unknown;
    body?: { contentType?: unknown; content?: unknown };
    toRecipients?: unknown;
    ccRecipients?: unknown;
  };
  saveToSentItems?: unknown;
}

async function sendMail(
  req: GraphRequest,
  ctx: GraphContext,
  idOrMe: string | undefined,
): Promise<GraphResult> {
  const sender = targetUser(req.caller, ctx, idOrMe);
  requirePermission(req.caller, PERMISSIONS.sendMail);
  if (req.caller.kind === 'user' && !isSelf(req.caller, sender)) {
    throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  const body = (await req.json()) as SendMailBody | null;
  const message = body?.message;
  if (!message) throw new GraphError(400, 'Request_BadRequest', 'Empty Payload. JSON content expected.');
  const to = recipients(message.toRecipients);
  const cc = recipients(message.ccRecipients);
  if (to.length + cc.length === 0) {
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
    );
  }
  const contentType = String(message.body?.contentType ?? 'text').toLowerCase() === 'html' ? 'html' : 'text';
  const stored = ctx.directory.deliverMail({
    sentDateTime: ctx.now().toISOString(),
    senderId: sender.id,
    from: sender.mail,
    toRecipients: to,
    ccRecipients: cc,
    subject: String(message.subject ?? ''),
    bodyContentType: contentType,
    body: String(message.body?.content ?? ''),
    savedToSentItems: body?.saveToSentItems !== false,
  });
  ctx.logger.info(
    { messageId: stored.id, senderId: sender.id, recipients: to.length + cc.length },
    'demo mail sent',
  );
  return { status: 202 };
}

function recipients(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new GraphError(400, 'ErrorInvalidRecipients', "At least one recipient isn't valid.");
  }
  return value.map((entry) => {
    const address = (entry as { emailAddress?: { address?: unknown } } | null)?.emailAddress?.address;
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) {
      throw new GraphError(400, 'ErrorInvalidRecipients', "At least one recipient isn't valid.");
    }
    return address;
  });
}

function getAuthorizationPolicy(
  req: GraphRequest,
  _params: readonly string[],
  ctx: GraphContext,
): GraphResult {
  requirePermission(req.caller, PERMISSIONS.readPolicy);
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(ctx, req.version, 'policies/authorizationPolicy/$entity'),
      id: 'authorizationPolicy',
      displayName: 'Authorization Policy',
      description: 'Used to manage authorization related settings across the company.',
      guestUserRoleId: 'a0b1b346-4d3e-4e8b-98f8-753987be4970',
      ...structuredClone(ctx.directory.authorizationPolicy),
    },
  };
}

const POLICY_BOOLEANS = ['allowedToUseSSPR', 'blockMsolPowerShell'] as const;
const DEFAULT_PERMISSION_BOOLEANS = [
  'allowedToCreateApps',
  'allowedToCreateSecurityGroups',
  'allowedToCreateTenants',
  'allowedToReadBitlockerKeysForOwnedDevice',
  'allowedToReadOtherUsers',
] as const;

async function patchAuthorizationPolicy(
  req: GraphRequest,
  _params: readonly string[],
  ctx: GraphContext,
): Promise<GraphResult> {
  requirePermission(req.caller, PERMISSIONS.writePolicy);
  if (req.caller.kind === 'user' && !holdsAnyRole(req.caller, POLICY_WRITER_ROLES))
    throw insufficientPrivileges();
  const body = (await req.json()) as Record<string, unknown> | null;
  if (!body || typeof body !== 'object')
    throw new GraphError(400, 'Request_BadRequest', 'Empty Payload. JSON content expected.');
  // Validate everything before changing anything, so a bad request leaves the policy as it was.
  const policy: DemoAuthorizationPolicy = structuredClone(ctx.directory.authorizationPolicy);
  for (const [key, value] of Object.entries(body)) {
    if ((POLICY_BOOLEANS as readonly string[]).includes(key) && typeof value === 'boolean') {
      policy[key as (typeof POLICY_BOOLEANS)[number]] = value;
    } else if (key === 'allowInvitesFrom' && typeof value === 'string') {
      policy.allowInvitesFrom = value;
    } else if (key === 'defaultUserRolePermissions' && value && typeof value === 'object') {
      for (const [inner, flag] of Object.entries(value)) {
        if (
          !(DEFAULT_PERMISSION_BOOLEANS as readonly string[]).includes(inner) ||
          typeof flag !== 'boolean'
        ) {
          throw new GraphError(400, 'Request_BadRequest', `Invalid property '${inner}'.`);
        }
        policy.defaultUserRolePermissions[inner as (typeof DEFAULT_PERMISSION_BOOLEANS)[number]] = flag;
      }
    } else {
      throw new GraphError(400, 'Request_BadRequest', `Invalid property '${key}'.`);
    }
  }
  // Update in place: tests and the rest of the demo hold references to these objects.
  const { defaultUserRolePermissions, ...topLevel } = policy;
  Object.assign(ctx.directory.authorizationPolicy, topLevel);
  Object.assign(ctx.directory.authorizationPolicy.defaultUserRolePermissions, defaultUserRolePermissions);
  ctx.logger.info({ policy: policy.defaultUserRolePermissions }, 'demo authorization policy changed');
  return { status: 204 };
}
