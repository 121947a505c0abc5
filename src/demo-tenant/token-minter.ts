import { createHash, randomBytes } from 'node:crypto';
import type { DemoAppRegistration, DemoUser } from './demo-directory.js';
import type { ResolvedScopes } from './resolve-scopes.js';
import type { TokenSigner } from './token-signer.js';

/** A completed sign-in (or the user behind an on-behalf-of assertion or refresh token). */
export interface SignedInUser {
  readonly user: DemoUser;
  /** Seconds since the epoch. */
  readonly authTime: number;
  readonly acrs: readonly string[];
}

/** Token lifetime: Entra's default is 60–90 minutes; a fixed hour keeps tests predictable. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Mints Entra-shaped v2.0 tokens for the demo tenant. */
export class TokenMinter {
  constructor(
    private readonly signer: TokenSigner,
    private readonly issuer: string,
    private readonly tenantId: string,
    private readonly now: () => Date,
  ) {}

  idToken(app: DemoAppRegistration, signIn: SignedInUser, options: { nonce?: string; email: boolean }) {
    const { user } = signIn;
    return this.signer.sign({
      ...this.times(),
      aud: app.appId,
      iss: this.issuer,
      ...(options.email ? { email: user.mail } : {}),
      name: user.displayName,
      ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
      oid: user.id,
      preferred_username: user.userPrincipalName,
      rh: opaque(),
      sub: pairwiseSubject(user.id, app.appId),
      tid: this.tenantId,
      uti: opaque(),
      ver: '2.0',
      auth_time: signIn.authTime,
      ...(signIn.acrs.length > 0 ? { acrs: [...signIn.acrs] } : {}),
    });
  }

  delegatedAccessToken(app: DemoAppRegistration, signIn: SignedInUser, scopes: ResolvedScopes) {
    const { user } = signIn;
    return this.signer.sign({
      aud: scopes.audience,
      iss: this.issuer,
      ...this.times(),
      ...(signIn.acrs.length > 0 ? { acrs: [...signIn.acrs] } : {}),
      acct: 0,
      acr: '1',
      app_displayname: app.displayName,
      appid: app.appId,
      appidacr: '1',
      azp: app.appId,
      azpacr: '1',
      auth_time: signIn.authTime,
      family_name: user.surname,
      given_name: user.givenName,
      idtyp: 'user',
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      scp: scopes.permissions.join(' '),
      sub: pairwiseSubject(user.id, scopes.resource.appId),
      tid: this.tenantId,
      unique_name: user.userPrincipalName,
      upn: user.userPrincipalName,
      uti: opaque(),
      ver: '2.0',
      wids: [...user.directoryRoles],
    });
  }

  appAccessToken(app: DemoAppRegistration, scopes: ResolvedScopes) {
    return this.signer.sign({
      aud: scopes.audience,
      iss: this.issuer,
      ...this.times(),
      app_displayname: app.displayName,
      appid: app.appId,
      appidacr: '1',
      azp: app.appId,
      azpacr: '1',
      idtyp: 'app',
      oid: app.servicePrincipalId,
      ...(scopes.permissions.length > 0 ? { roles: [...scopes.permissions] } : {}),
      sub: app.servicePrincipalId,
      tid: this.tenantId,
      uti: opaque(),
      ver: '2.0',
    });
  }

  /** Entra's `client_info`: base64url JSON naming the account, which MSAL uses as its home account id. */
  clientInfo(user: DemoUser): string {
    return Buffer.from(JSON.stringify({ uid: user.id, utid: this.tenantId })).toString('base64url');
  }

  private times(): { iat: number; nbf: number; exp: number } {
    const iat = Math.floor(this.now().getTime() / 1000);
    return { iat, nbf: iat, exp: iat + TOKEN_LIFETIME_SECONDS };
  }
}

/** Entra's `sub` differs per app for the same person, so apps cannot correlate users by it. */
function pairwiseSubject(userId: string, appId: string): string {
  return createHash('sha256').update(`${userId}:${appId}`).digest('base64url').slice(0, 43);
}

function opaque(): string {
  return randomBytes(16).toString('base64url');
}
