import { randomBytes } from 'node:crypto';

/** What an authorization code stands for, fixed when the person finished signing in. */
export interface AuthorizationGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  /** The `scope` parameter of the authorize request. */
  readonly scope: string;
  readonly userId: string;
  /** When the person authenticated (seconds since the epoch): `auth_time`. */
  readonly authTime: number;
  /** Authentication contexts satisfied by the MFA step (`acrs`). */
  readonly acrs: readonly string[];
  readonly nonce?: string;
  readonly codeChallenge?: string;
  readonly codeChallengeMethod?: 'S256' | 'plain';
}

/** Outcome of redeeming a code; the failures map to distinct AADSTS errors. */
export type CodeRedemption =
  | { readonly kind: 'valid'; readonly grant: AuthorizationGrant }
  | { readonly kind: 'expired' }
  | { readonly kind: 'already-redeemed' }
  | { readonly kind: 'unknown' };

/** Entra's codes live about ten minutes and are single-use. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** Issued authorization codes. In memory: a restarted demo tenant forgets them, as a new sign-in would. */
export class AuthorizationCodes {
  private readonly live = new Map<string, { grant: AuthorizationGrant; expiresAt: number }>();
  private readonly redeemed = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  issue(grant: AuthorizationGrant): string {
    this.purge();
    const code = `1.demo.${randomBytes(48).toString('base64url')}`;
    this.live.set(code, { grant, expiresAt: this.now().getTime() + CODE_LIFETIME_MS });
    return code;
  }

  redeem(code: string): CodeRedemption {
    if (this.redeemed.has(code)) return { kind: 'already-redeemed' };
    const entry = this.live.get(code);
    if (!entry) return { kind: 'unknown' };
    this.live.delete(code);
    this.redeemed.set(code, entry.expiresAt);
    if (entry.expiresAt <= this.now().getTime()) return { kind: 'expired' };
    return { kind: 'valid', grant: entry.grant };
  }

  private purge(): void {
    const now = this.now().getTime();
    for (const [code, entry] of this.live) if (entry.expiresAt <= now) this.live.delete(code);
    // Remember redeemed codes a while longer than they could have lived, to answer "already redeemed".
    for (const [code, expiresAt] of this.redeemed)
      if (expiresAt + CODE_LIFETIME_MS <= now) this.redeemed.delete(code);
  }
}
