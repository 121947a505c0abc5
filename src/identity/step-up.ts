import { createHash, randomBytes } from 'node:crypto';
import { AuthError, type AuthenticationResult } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import type { Logger } from '../observability/logger.js';
import type { Requester } from '../recovery/case-requests.js';
import { createIdTokenValidator, type IdTokenProblem, type IdTokenValidator } from './id-token-validator.js';
import { authorityOf, createMsalClient, type EntraAppSettings } from './msal-client.js';
import { releaseIdOf, type SignInPurpose } from './sign-in-purpose.js';
import type { SignInState, SignInStateStore } from './sign-in-states.js';

/** Where the step-up routes live on the bot's public origin. */
export const STEP_UP_PATHS = { start: '/auth/start', callback: '/auth/callback' } as const;

/**
 * Delegated Graph permissions asked for in the step-up sign-in: `User.Read` for `/me/ownedDevices`,
 * `Device.Read.All` for device lookups, `BitlockerKey.Read.All` for key metadata and the key itself.
 * One resource per request, as Entra's v2 endpoint requires.
 */
export const STEP_UP_GRAPH_SCOPES: readonly string[] = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/Device.Read.All',
  'https://graph.microsoft.com/BitlockerKey.Read.All',
  // checkMemberGroups on /me (SELF_SERVICE_GROUP_ID): Graph's least privilege for delegated callers.
  'https://graph.microsoft.com/GroupMember.Read.All',
];

/** How long a "Verify it's you" link stays usable. */
export const SIGN_IN_STATE_LIFETIME_MINUTES = 10;

/** The sign-in settings of the bot's configuration (AAD_APP_*, PUBLIC_BASE_URL, STEP_UP_*). */
export interface StepUpConfig extends EntraAppSettings {
  /** The bot's public origin; the redirect URI is `${publicBaseUrl}/auth/callback`. */
  readonly publicBaseUrl: string;
  readonly stepUp: {
    /** STEP_UP_MAX_AGE_MINUTES: the sign-in must be at most this old. */
    readonly maxAgeMinutes: number;
    /** STEP_UP_AUTH_CONTEXT: Conditional Access authentication context id (`c1`…`c99`), when required. */
    readonly authContext: string | undefined;
  };
}

export interface StepUpDependencies {
  readonly config: StepUpConfig;
  readonly store: SignInStateStore;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Delegated scopes for the Graph token; default {@link STEP_UP_GRAPH_SCOPES}. */
  readonly graphScopes?: readonly string[];
  /** Told of each sign-in offered and of each finished one (metrics). */
  readonly observer?: {
    started(): void;
    finished(result: StepUpResult): void;
  };
}

/** How the requester was verified: a fresh Entra sign-in, and whether it met the authentication context. */
export type VerificationMethod = 'entraStepUp' | 'entraStepUp+acrs';

/** Why a step-up sign-in did not verify anyone. */
export type StepUpFailure =
  | 'stateUnknownOrUsed'
  | 'stateExpired'
  | 'tokenInvalid'
  | 'authTooOld'
  | 'missingAuthContext'
  | 'entraError'
  | 'wrongTenant';

/** The Teams request a sign-in belongs to: who asked, what for, and where to answer. */
export interface StepUpRequest {
  readonly requester: Requester;
  readonly purpose: SignInPurpose;
  /** The release ledger's id for it (`releaseIdOf(purpose)`), for the ledger, the audit and logs. */
  readonly requestId: string;
  /** Serialized conversation reference of the conversation the sign-in was started from. */
  readonly conversationReference: string;
}

/** The requester proved who they are. */
export interface VerifiedStepUp extends StepUpRequest {
  readonly kind: 'verified';
  /** ISO time the person authenticated (the evidence's time). */
  readonly verifiedAt: string;
  readonly method: VerificationMethod;
  /** The requester's delegated Microsoft Graph access token from the same sign-in. Never log it. */
  readonly graphToken: string;
  /** ISO time the Graph token expires, when Entra said. */
  readonly graphTokenExpiresAt: string | undefined;
}

/** Someone other than the requester signed in: refused, to be audited and told to the requester. */
export interface MismatchedStepUp extends StepUpRequest {
  readonly kind: 'mismatch';
  readonly signedIn: { readonly objectId: string; readonly tenantId: string; readonly displayName: string };
}

/** The sign-in did not verify anyone. `request` is known when the state was genuine (even if expired). */
export interface FailedStepUp {
  readonly kind: 'failed';
  readonly reason: StepUpFailure;
  readonly request: StepUpRequest | undefined;
  /** For logs and audit: what exactly failed; never shown to the person, never a token or code. */
  readonly detail: string;
}

export type StepUpResult = VerifiedStepUp | MismatchedStepUp | FailedStepUp;

/** The step-up sign-in: the link for the card, the redirect to Entra, and the callback. */
export interface StepUp {
  /**
   * Starts a sign-in for this requester and request and returns the card's "Verify it's you" link,
   * `${publicBaseUrl}/auth/start?s=<state>`. The link works until it is used or expires.
   */
  startUrl(requester: Requester, purpose: SignInPurpose, conversationReference: string): Promise<string>;
  /** The Entra authorize URL for `/auth/start?s=…`, or `undefined` when the link is unknown or expired. */
  authorizeUrl(s: string): Promise<string | undefined>;
  /** Finishes the sign-in from the callback's query parameters; each state finishes at most once. */
  complete(query: URLSearchParams): Promise<StepUpResult>;
}

/** 32 random bytes, base64url: what `state` looks like; anything else is not looked up. */
const STATE_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const ENTRA_ERROR_SHAPE = /^[a-z_]{1,64}$/;
// Expired states are deleted a day after expiry by the daily retention job (store/retention.ts), so a late
// callback still hears "expired" rather than "unknown".

/**
 * Builds the step-up sign-in on msal-node (authorization code + PKCE S256, `prompt=login`, `max_age`, an
 * authentication-context claims request when configured) and our own ID-token checks with jose: msal-node
 * 2.16's `maxAge` check is broken, and it checks neither signature, tenant, person nor `acrs`.
 */
export function createStepUp(deps: StepUpDependencies): StepUp {
  const { config, store, now } = deps;
  const log = deps.logger.child({ component: 'step-up' });
  const msal = createMsalClient(config, deps.logger);
  const validator = createIdTokenValidator({
    authority: authorityOf(config),
    clientId: config.clientId,
    tenantId: config.tenantId,
    now,
  });
  const scopes = [...(deps.graphScopes ?? STEP_UP_GRAPH_SCOPES)];
  const base = config.publicBaseUrl.replace(/\/+$/, '');
  const redirectUri = `${base}${STEP_UP_PATHS.callback}`;
  const authContext = config.stepUp.authContext;
  const maxAgeSeconds = config.stepUp.maxAgeMinutes * 60;

  return {
    async startUrl(requester, purpose, conversationReference) {
      const createdAt = now();
      const requestId = releaseIdOf(purpose);
      const record: SignInState = {
        state: randomBytes(32).toString('base64url'),
        requester,
        purpose,
        conversationReference,
        codeVerifier: randomBytes(32).toString('base64url'),
        nonce: randomBytes(32).toString('base64url'),
        createdAt: createdAt.toISOString(),
        expiresAt: new Date(createdAt.getTime() + SIGN_IN_STATE_LIFETIME_MINUTES * 60_000).toISOString(),
      };
      await store.create(record);
      deps.observer?.started();
      log.info({ requestId, requesterObjectId: requester.objectId }, 'step-up sign-in offered');
      return `${base}${STEP_UP_PATHS.start}?s=${record.state}`;
    },

    async authorizeUrl(s) {
      if (!STATE_SHAPE.test(s)) return undefined;
      const record = await store.find(s, now());
      if (!record) return undefined;
      return msal.getAuthCodeUrl({
        scopes,
        redirectUri,
        responseMode: 'query',
        state: record.state,
        nonce: record.nonce,
        codeChallenge: createHash('sha256').update(record.codeVerifier).digest('base64url'),
        codeChallengeMethod: 'S256',
        prompt: 'login',
        // msal-node 2.16's `maxAge` never reaches the URL; the parameter has to be passed by hand.
        extraQueryParameters: { max_age: String(maxAgeSeconds) },
        ...(authContext === undefined ? {} : { claims: authContextClaims(authContext) }),
      });
    },

    async complete(query) {
      const result = await finish(query);
      logOutcome(log, result);
      deps.observer?.finished(result);
      return result;
    },
  };

  async function finish(query: URLSearchParams): Promise<StepUpResult> {
    const states = query.getAll('state');
    const state = states.length === 1 ? states[0] : undefined;
    if (state === undefined || !STATE_SHAPE.test(state)) {
      return failed('stateUnknownOrUsed', undefined, 'callback without exactly one well-formed state');
    }
    const consumption = await store.consume(state, now());
    if (consumption.kind === 'unknown') {
      return failed('stateUnknownOrUsed', undefined, 'state unknown or already used');
    }
    const { record } = consumption;
    const request: StepUpRequest = {
      requester: record.requester,
      purpose: record.purpose,
      requestId: releaseIdOf(record.purpose),
      conversationReference: record.conversationReference,
    };
    if (consumption.kind === 'expired') return failed('stateExpired', request, 'state expired');
    const error = query.get('error');
    if (error !== null) return failed('entraError', request, entraErrorDetail(error, query));
    const codes = query.getAll('code');
    const code = codes.length === 1 ? codes[0] : undefined;
    if (!code) return failed('entraError', request, 'callback without exactly one code');

    let tokens: AuthenticationResult;
    try {
      tokens = await msal.acquireTokenByCode(
        { code, scopes, redirectUri, codeVerifier: record.codeVerifier, state },
        { code, state, nonce: record.nonce },
      );
    } catch (cause) {
      if (cause instanceof AuthError && cause.errorCode === 'nonce_mismatch') {
        return failed('tokenInvalid', request, 'nonce does not match (msal)');
      }
      log.warn({ err: cause, requestId: releaseIdOf(record.purpose) }, 'code redemption failed');
      const errorCode = cause instanceof AuthError ? cause.errorCode : 'unreachable';
      return failed('entraError', request, `code redemption failed: ${errorCode}`);
    }
    // The confidential client is shared by every requester: keep no user's tokens in its memory cache.
    if (tokens.account) await msal.getTokenCache().removeAccount(tokens.account);
    if (!tokens.idToken || !tokens.accessToken) {
      return failed('entraError', request, 'token response without ID token or access token');
    }
    return judge(validator, tokens, record, request);
  }

  async function judge(
    idTokens: IdTokenValidator,
    tokens: AuthenticationResult,
    record: SignInState,
    request: StepUpRequest,
  ): Promise<StepUpResult> {
    let verdict: Awaited<ReturnType<IdTokenValidator['validate']>>;
    try {
      verdict = await idTokens.validate(tokens.idToken, {
        nonce: record.nonce,
        objectId: record.requester.objectId,
        maxAgeSeconds,
        authContext,
        accessTokenAcrs: acrsOf(tokens.accessToken),
      });
    } catch (cause) {
      log.warn({ err: cause, requestId: releaseIdOf(record.purpose) }, 'ID token could not be checked');
      return failed('entraError', request, 'authority discovery or keys unreachable');
    }
    if (verdict.kind === 'invalid') return failed(verdict.reason, request, verdict.detail);
    const { identity } = verdict;
    if (verdict.kind === 'otherPerson') {
      return {
        kind: 'mismatch',
        ...request,
        signedIn: {
          objectId: identity.objectId,
          tenantId: identity.tenantId,
          displayName: identity.displayName,
        },
      };
    }
    return {
      kind: 'verified',
      ...request,
      verifiedAt: identity.authenticatedAt.toISOString(),
      method: authContext === undefined ? 'entraStepUp' : 'entraStepUp+acrs',
      graphToken: tokens.accessToken,
      graphTokenExpiresAt: tokens.expiresOn?.toISOString(),
    };
  }
}

/**
 * The claims request for an authentication context. Entra documents `acrs` under `access_token`; asking
 * under `id_token` too lets the ID token, which we can verify, carry it where Entra supports that.
 */
function authContextClaims(authContext: string): string {
  const acrs = { acrs: { essential: true, value: authContext } };
  return JSON.stringify({ id_token: acrs, access_token: acrs });
}

/** `acrs` of an access token, read without verification (see IdTokenExpectations.accessTokenAcrs). */
function acrsOf(accessToken: string): string[] {
  try {
    const { acrs } = decodeJwt(accessToken);
    return Array.isArray(acrs) ? acrs.filter((value): value is string => typeof value === 'string') : [];
  } catch {
    // Access tokens are opaque to clients by contract; one that is not a JWT simply has no acrs for us.
    return [];
  }
}

/** The error code and AADSTS number only: `error_description` is free text from the query, not to be trusted. */
function entraErrorDetail(error: string, query: URLSearchParams): string {
  const code = ENTRA_ERROR_SHAPE.test(error) ? error : 'malformed_error';
  const aadsts = /AADSTS\d{4,8}/.exec(query.get('error_description') ?? '')?.[0];
  return aadsts ? `${code} ${aadsts}` : code;
}

function failed(reason: IdTokenProblem | StepUpFailure, request: StepUpRequest | undefined, detail: string) {
  return { kind: 'failed', reason, request, detail } as const satisfies FailedStepUp;
}

function logOutcome(log: Logger, result: StepUpResult): void {
  const request = result.kind === 'failed' ? result.request : result;
  const fields = {
    outcome: result.kind,
    requestId: request?.requestId,
    requesterObjectId: request?.requester.objectId,
  };
  if (result.kind === 'verified') log.info({ ...fields, method: result.method }, 'step-up sign-in verified');
  else if (result.kind === 'mismatch') {
    log.warn({ ...fields, signedInObjectId: result.signedIn.objectId }, 'step-up sign-in by another person');
  } else log.info({ ...fields, reason: result.reason, detail: result.detail }, 'step-up sign-in failed');
}
