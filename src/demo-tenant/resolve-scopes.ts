import type { DemoAppRegistration, DemoDirectory, DemoResource } from './demo-directory.js';
import { EntraError } from './entra-error.js';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from './sample-data.js';

const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;
/** An OpenID Connect scope: it shapes the ID token and refresh token, not the access token's resource. */
export type OidcScope = (typeof OIDC_SCOPES)[number];

/** The outcome of reading a `scope` parameter the way Entra's v2 endpoint does. */
export interface ResolvedScopes {
  readonly oidc: ReadonlySet<OidcScope>;
  readonly resource: DemoResource;
  /** The access token's `aud`. */
  readonly audience: string;
  /** Delegated: the consented permissions (`scp`); application: the granted app roles (`roles`). */
  readonly permissions: readonly string[];
  /** The `scope` field of the token response. */
  readonly responseScope: string;
}

function isOidcScope(scope: string): scope is OidcScope {
  return (OIDC_SCOPES as readonly string[]).includes(scope);
}

/** Splits `https://graph.microsoft.com/User.Read` into resource and permission; bare names are Graph's. */
function splitScope(scope: string): { resourceId: string; name: string } {
  const slash = scope.lastIndexOf('/');
  if (slash <= 0) return { resourceId: GRAPH_RESOURCE, name: scope };
  return { resourceId: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

/**
 * Resolves a delegated request (authorization code, refresh, on-behalf-of). Like Entra, one token serves
 * one resource, and `scp` lists every permission consented for it, not only the ones asked for.
 */
export function resolveDelegatedScopes(
  directory: DemoDirectory,
  app: DemoAppRegistration,
  scopeParameter: string,
): ResolvedScopes {
  const requested = scopeParameter.split(/\s+/).filter(Boolean);
  if (requested.length === 0) {
    throw new EntraError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'scope'.",
    );
  }
  const oidc = new Set(requested.filter(isOidcScope));
  const byResource = new Map<string, { identifier: string; names: string[] }>();
  for (const scope of requested.filter((s) => !isOidcScope(s))) {
    const { resourceId, name } = splitScope(scope);
    const resource = directory.findResource(resourceId);
    if (!resource) throw resourceNotFound(resourceId, directory.tenantId);
    const entry = byResource.get(resource.appId) ?? { identifier: resourceId, names: [] };
    entry.names.push(name);
    byResource.set(resource.appId, entry);
  }
  if (byResource.size > 1) {
    throw new EntraError(
      'invalid_scope',
      28000,
      'Provided value for the input parameter scope is not valid because it contains more than one resource.',
    );
  }
  const [resourceAppId, { identifier, names }] = [...byResource.entries()][0] ?? [
    GRAPH_APP_ID,
    { identifier: GRAPH_RESOURCE, names: [] },
  ];
  const resource = directory.findResource(resourceAppId) as DemoResource;
  const consented = [...(app.delegatedPermissions.get(resource.appId) ?? [])];
  const missing = names.find((name) => name !== '.default' && !consented.includes(name));
  if (missing) {
    throw new EntraError(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${app.appId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`,
    );
  }
  const isGraph = resource.appId === GRAPH_APP_ID;
  // Graph tokens carry openid/profile/email in scp; offline_access never appears there.
  const permissions = consented.filter((name) => (isGraph ? name !== 'offline_access' : !isOidcScope(name)));
  const responseNames = isGraph
    ? permissions
    : permissions.map((name) => `${resource.identifierUris[0] ?? resource.appId}/${name}`);
  return {
    oidc,
    resource,
    audience: audienceFor(resource, identifier),
    permissions,
    responseScope: [...new Set([...responseNames, ...oidc])].join(' '),
  };
}

/** Resolves a client-credentials request: exactly one `X/.default` scope; `roles` are the granted app roles. */
export function resolveApplicationScopes(
  directory: DemoDirectory,
  app: DemoAppRegistration,
  scopeParameter: string,
): ResolvedScopes {
  const requested = scopeParameter.split(/\s+/).filter(Boolean);
  const only = requested[0];
  if (requested.length !== 1 || !only?.endsWith('/.default')) {
    throw new EntraError(
      'invalid_scope',
      1002012,
      `The provided value for scope ${scopeParameter} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const { resourceId } = splitScope(only);
  const resource = directory.findResource(resourceId);
  if (!resource) throw resourceNotFound(resourceId, directory.tenantId);
  return {
    oidc: new Set(),
    resource,
    audience: audienceFor(resource, resourceId),
    permissions: [...(app.applicationPermissions.get(resource.appId) ?? [])],
    responseScope: only,
  };
}

function audienceFor(resource: DemoResource, requestedIdentifier: string): string {
  if (resource.audienceStyle === 'app-id') return resource.appId;
  return requestedIdentifier.replace(/\/$/, '') === resource.appId
    ? resource.appId
    : (resource.identifierUris[0] ?? resource.appId);
}

function resourceNotFound(resourceId: string, tenantId: string): EntraError {
  return new EntraError(
    'invalid_resource',
    500011,
    `The resource principal named ${resourceId} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  );
}
