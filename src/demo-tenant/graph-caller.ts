import { errors as joseErrors } from 'jose';
import type { DemoDirectory, DemoUser } from './demo-directory.js';
import { GraphError, insufficientPrivileges } from './graph-error.js';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from './sample-data.js';
import type { TokenSigner } from './token-signer.js';

/** Who is calling Graph, from a validated bearer token. */
export type GraphCaller =
  | {
      readonly kind: 'user';
      readonly user: DemoUser;
      readonly appId: string;
      /** `scp` */
      readonly scopes: ReadonlySet<string>;
      /** `wids`: directory role template ids. */
      readonly roles: ReadonlySet<string>;
    }
  | {
      readonly kind: 'app';
      readonly appId: string;
      readonly appDisplayName: string;
      /** `roles`: application permissions. */
      readonly permissions: ReadonlySet<string>;
    };

/** Permissions that allow one operation, delegated (`scp`) and application (`roles`). */
export interface PermissionRule {
  readonly delegated: readonly string[];
  readonly application: readonly string[];
}

const WWW_AUTHENTICATE = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`;

function unauthorized(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, { 'www-authenticate': WWW_AUTHENTICATE });
}

/**
 * Validates the bearer token like Graph does (signature against the tenant's JWKS, issuer, audience, lifetime
 * with Graph's five-minute skew, tenant) and returns the caller.
 */
export async function authenticateGraphCaller(
  authorization: string | undefined,
  deps: { signer: TokenSigner; issuer: string; directory: DemoDirectory },
): Promise<GraphCaller> {
  if (!authorization) throw unauthorized('Access token is empty.');
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (token?.split('.').length !== 3) {
    throw unauthorized('CompactToken parsing failed with error code: 80049217');
  }
  let claims: Record<string, unknown>;
  try {
    claims = await deps.signer.verify(token, {
      issuer: deps.issuer,
      audience: [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID],
      clockTolerance: 300,
    });
  } catch (error) {
    throw unauthorized(tokenFailureMessage(error));
  }
  if (claims.tid !== deps.directory.tenantId)
    throw unauthorized('Access token validation failure. Invalid tenant.');
  const appId = String(claims.appid ?? claims.azp ?? '');
  if (typeof claims.scp === 'string') {
    const user = deps.directory.users.get(String(claims.oid ?? ''));
    if (!user) throw unauthorized('Access token validation failure. The user does not exist in the tenant.');
    if (!user.accountEnabled)
      throw unauthorized('Access token validation failure. The user account is disabled.');
    const wids = Array.isArray(claims.wids) ? claims.wids.map(String) : [];
    return { kind: 'user', user, appId, scopes: new Set(claims.scp.split(' ')), roles: new Set(wids) };
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const app = deps.directory.apps.get(appId);
  return {
    kind: 'app',
    appId,
    appDisplayName: app?.displayName ?? String(claims.app_displayname ?? appId),
    permissions: new Set(roles),
  };
}

/** Throws 403 unless the caller holds one of the rule's permissions. */
export function requirePermission(caller: GraphCaller, rule: PermissionRule): void {
  const held = caller.kind === 'user' ? caller.scopes : caller.permissions;
  const accepted = caller.kind === 'user' ? rule.delegated : rule.application;
  if (!accepted.some((permission) => held.has(permission))) throw insufficientPrivileges();
}

/** True when a delegated caller holds any of the given directory roles. */
export function holdsAnyRole(caller: GraphCaller, roleIds: readonly string[]): boolean {
  return caller.kind === 'user' && roleIds.some((role) => caller.roles.has(role));
}

function tokenFailureMessage(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'Access token validation failure. Invalid audience.';
    if (error.claim === 'iss') return 'Access token validation failure. Invalid issuer.';
    if (error.claim === 'nbf') return 'Lifetime validation failed, the token is not yet valid.';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return 'Access token validation failure. Signing key not found.';
  return 'Access token validation failure.';
}
