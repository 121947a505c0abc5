import type { Logger } from '../observability/logger.js';
import type { AuthorizationCodes } from './authorization-codes.js';
import type { DemoDirectory } from './demo-directory.js';
import type { FaultKnobs } from './fault-knobs.js';
import type { TokenMinter } from './token-minter.js';
import type { TokenSigner } from './token-signer.js';

/** One token the token endpoint issued: to whom, for which grant, and how the client proved itself. */
export interface IssuedToken {
  readonly clientId: string;
  readonly grantType: string;
  /** The scope asked for, as sent. */
  readonly scope: string;
  readonly clientAuthentication: 'secret' | 'certificate' | 'federated';
}

/** What the Entra token endpoint and the sign-in pages share. */
export interface EntraContext {
  readonly directory: DemoDirectory;
  readonly signer: TokenSigner;
  readonly minter: TokenMinter;
  readonly codes: AuthorizationCodes;
  readonly faults: FaultKnobs;
  readonly logger: Logger;
  readonly now: () => Date;
  /** `https://127.0.0.1:<port>`: discovery, JWKS and token endpoint. */
  readonly authorityHost: string;
  /** `http://127.0.0.1:<port>`: the browser-facing sign-in pages. */
  readonly signInOrigin: string;
  readonly graphEndpoint: string;
  /** `${authorityHost}/${tenantId}/v2.0`. */
  readonly issuer: string;
  /** Every token the token endpoint issued, oldest first (tests read how clients authenticated). */
  readonly tokensIssued: IssuedToken[];
  /** The secret App Service's identity endpoint expects in `X-IDENTITY-HEADER` (IDENTITY_HEADER). */
  readonly managedIdentityHeader: string;
  isAllowedRedirectUri(uri: string): boolean;
}

/** Whether a tenant path segment names the demo tenant: its id, its domain, or the multi-tenant aliases. */
export function isDemoTenantSegment(directory: DemoDirectory, segment: string): boolean {
  const value = segment.toLowerCase();
  return (
    value === directory.tenantId ||
    value === directory.domain ||
    value === 'organizations' ||
    value === 'common'
  );
}

/**
 * Redirect URIs the bot app accepts: the configured list, or by default any http(s) loopback URI (demo
 * mode runs the bot on localhost with whatever port it was given).
 */
export function redirectUriPolicy(allowed: readonly string[] | undefined): (uri: string) => boolean {
  if (allowed) return (uri) => allowed.includes(uri);
  return (uri) => {
    try {
      const url = new URL(uri);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) &&
        url.hash === ''
      );
    } catch {
      // Not a URL at all: not an acceptable redirect URI.
      return false;
    }
  };
}
