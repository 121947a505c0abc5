import type { Requester } from '../recovery/case-requests.js';
import type { SignInPurpose } from './sign-in-purpose.js';

/**
 * A step-up sign-in in flight: created when the bot offers "Verify it's you", used up by the callback.
 * `state` is the OAuth `state` parameter and the key; the PKCE verifier and nonce never leave the server.
 * Held in the shared store so that any instance can finish a sign-in another one started.
 */
export interface SignInState {
  /** Random, at least 128 bits, base64url; the OAuth `state` and the `s` of `/auth/start`. */
  readonly state: string;
  /** Who asked in Teams; only a sign-in by this `oid` in this tenant verifies the request. */
  readonly requester: Requester;
  /** What the sign-in is for. */
  readonly purpose: SignInPurpose;
  /** Serialized Bot Framework conversation reference of the requester's 1:1 chat, to continue proactively. */
  readonly conversationReference: string;
  /** PKCE code verifier (RFC 7636, 43–128 unreserved characters). */
  readonly codeVerifier: string;
  /** OpenID Connect nonce the ID token must carry. */
  readonly nonce: string;
  /** ISO time. */
  readonly createdAt: string;
  /** ISO time after which the callback refuses the state. */
  readonly expiresAt: string;
}

/** What using a state up found. Each record is handed out once: as `consumed` or `expired`, never both. */
export type SignInStateConsumption =
  | { readonly kind: 'consumed'; readonly record: SignInState }
  /** The state existed but its time was up; it is now deleted too. */
  | { readonly kind: 'expired'; readonly record: SignInState }
  /** Never issued, already used by an earlier callback, or purged. */
  | { readonly kind: 'unknown' };

/** Where sign-in states live between `/auth/start` and `/auth/callback`. */
export interface SignInStateStore {
  /** Stores a new state; throws when the state already exists (a collision means a broken random source). */
  create(record: SignInState): Promise<void>;
  /** The live record for `/auth/start`, without using it up; `undefined` when unknown or expired at `now`. */
  find(state: string, now: Date): Promise<SignInState | undefined>;
  /**
   * Atomically deletes and returns the record: of any number of concurrent callers, on any instance,
   * exactly one gets it.
   */
  consume(state: string, now: Date): Promise<SignInStateConsumption>;
}
