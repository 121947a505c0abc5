import { timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';

/** What a step-up ID token must show, beyond a valid signature from the authority. */
export interface IdTokenExpectations {
  /** The nonce sent in the authorize request. */
  readonly nonce: string;
  /** The Teams requester's Entra object id. */
  readonly objectId: string;
  /** Oldest acceptable authentication, in seconds before now. */
  readonly maxAgeSeconds: number;
  /** Conditional Access authentication context that `acrs` must contain (e.g. `c1`), when configured. */
  readonly authContext: string | undefined;
  /**
   * `acrs` of the access token from the same token response. Entra documents `acrs` for access tokens;
   * it is read only when the ID token carries none, and only because both came over TLS straight from the
   * token endpoint in exchange for our code and secret.
   */
  readonly accessTokenAcrs?: readonly string[];
}

/** The person an ID token names, after its signature and claims were checked. */
export interface VerifiedIdentity {
  readonly objectId: string;
  readonly tenantId: string;
  readonly displayName: string;
  /** When the person authenticated (`auth_time`, else `iat`). */
  readonly authenticatedAt: Date;
  /** Authentication contexts the sign-in satisfied. */
  readonly acrs: readonly string[];
}

/** Why an ID token was refused (stable codes, used by the step-up result). */
export type IdTokenProblem = 'tokenInvalid' | 'wrongTenant' | 'authTooOld' | 'missingAuthContext';

/** The verdict on one ID token. `otherPerson` is a valid token for someone other than the requester. */
export type IdTokenVerdict =
  | { readonly kind: 'valid'; readonly identity: VerifiedIdentity }
  | { readonly kind: 'otherPerson'; readonly identity: VerifiedIdentity }
  | { readonly kind: 'invalid'; readonly reason: IdTokenProblem; readonly detail: string };

/** Checks ID tokens issued to the bot by its tenant's authority. */
export interface IdTokenValidator {
  /**
   * Checks, in this order: signature against the authority's JWKS (RS256), audience, expiry and
   * not-before, the tenant, the issuer, the nonce, that the person is the requester, how recent the
   * authentication is, and the authentication context. Throws only when the authority cannot be reached.
   */
  validate(idToken: string, expectations: IdTokenExpectations): Promise<IdTokenVerdict>;
}

export interface IdTokenValidatorOptions {
  /** `${authorityHost}/${tenantId}`. */
  readonly authority: string;
  readonly clientId: string;
  readonly tenantId: string;
  readonly now: () => Date;
}

/** Skew allowed between our clock and Entra's for `exp`, `nbf` and an authentication time in the future. */
const CLOCK_SKEW_SECONDS = 120;
const FETCH_TIMEOUT_MS = 10_000;

const discoverySchema = z.object({ issuer: z.string().url(), jwks_uri: z.string().url() });

const claimsSchema = z.object({
  oid: z.string().min(1),
  tid: z.string().min(1),
  iss: z.string(),
  iat: z.number(),
  nonce: z.string(),
  name: z.string().optional(),
  auth_time: z.number().optional(),
  acrs: z.array(z.string()).optional(),
});

interface Authority {
  readonly issuer: string;
  readonly keys: ReturnType<typeof createRemoteJWKSet>;
}

/**
 * An ID token validator for the bot's tenant. The issuer and JWKS URI come from the authority's OpenID
 * discovery document (fetched on first use, again after a failure); jose caches the keys and refetches
 * them when a token names a key id it has not seen, which is how Entra's key roll-over shows up.
 */
export function createIdTokenValidator(options: IdTokenValidatorOptions): IdTokenValidator {
  let authority: Promise<Authority> | undefined;
  const discover = (): Promise<Authority> => {
    authority ??= fetchAuthority(options.authority).catch((error: unknown) => {
      authority = undefined;
      throw error;
    });
    return authority;
  };

  return {
    async validate(idToken, expected) {
      const { issuer, keys } = await discover();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(idToken, keys, {
          algorithms: ['RS256'],
          audience: options.clientId,
          currentDate: options.now(),
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'iat'],
        }));
      } catch (error) {
        if (isTokenError(error)) return invalid('tokenInvalid', `${error.code}: ${error.message}`);
        throw error;
      }
      const parsed = claimsSchema.safeParse(payload);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
        return invalid('tokenInvalid', `missing or malformed claims: ${fields}`);
      }
      const claims = parsed.data;
      // A valid signature from Entra's shared keys with another tid is a real account of another tenant.
      if (claims.tid !== options.tenantId) return invalid('wrongTenant', 'tid is not the configured tenant');
      if (claims.iss !== issuer) return invalid('tokenInvalid', 'iss is not the authority’s issuer');
      if (!sameText(claims.nonce, expected.nonce)) return invalid('tokenInvalid', 'nonce does not match');

      const acrs = claims.acrs ?? [...(expected.accessTokenAcrs ?? [])];
      const authTime = claims.auth_time ?? claims.iat;
      const identity: VerifiedIdentity = {
        objectId: claims.oid,
        tenantId: claims.tid,
        displayName: claims.name ?? '',
        authenticatedAt: new Date(authTime * 1000),
        acrs,
      };
      if (claims.oid.toLowerCase() !== expected.objectId.toLowerCase())
        return { kind: 'otherPerson', identity };

      const nowSeconds = Math.floor(options.now().getTime() / 1000);
      if (authTime > nowSeconds + CLOCK_SKEW_SECONDS) {
        return invalid('tokenInvalid', 'authentication time is in the future');
      }
      if (nowSeconds - authTime > expected.maxAgeSeconds) {
        return invalid('authTooOld', `authenticated ${nowSeconds - authTime} s ago`);
      }
      if (expected.authContext !== undefined && !acrs.includes(expected.authContext)) {
        return invalid('missingAuthContext', `acrs lacks ${expected.authContext}`);
      }
      return { kind: 'valid', identity };
    },
  };
}

async function fetchAuthority(authority: string): Promise<Authority> {
  const url = `${authority.replace(/\/+$/, '')}/v2.0/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`OpenID discovery at ${url} answered ${response.status}`);
  const document = discoverySchema.parse(await response.json());
  return {
    issuer: document.issuer,
    keys: createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS }),
  };
}

/** jose errors that describe the token itself; a JWKS timeout or failed fetch is the authority's problem. */
function isTokenError(error: unknown): error is joseErrors.JOSEError {
  return (
    error instanceof joseErrors.JOSEError &&
    !(error instanceof joseErrors.JWKSTimeout) &&
    error.code !== 'ERR_JOSE_GENERIC'
  );
}

function sameText(actual: string, expected: string): boolean {
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function invalid(reason: IdTokenProblem, detail: string): IdTokenVerdict {
  return { kind: 'invalid', reason, detail };
}
