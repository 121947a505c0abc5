import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { DemoAppRegistration } from './demo-directory.js';
import { type EntraContext, type IssuedToken, isDemoTenantSegment } from './entra-context.js';
import { EntraError, entraErrorBody } from './entra-error.js';
import type { RequestHandler } from './loopback-server.js';
import { readRequestBody } from './read-request-body.js';
import { type ResolvedScopes, resolveApplicationScopes, resolveDelegatedScopes } from './resolve-scopes.js';
import { type SignedInUser, TOKEN_LIFETIME_SECONDS } from './token-minter.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Entra accepts client assertions up to this far off its clock. */
const ASSERTION_CLOCK_SKEW_SECONDS = 300;
/** Entra refresh tokens live up to 90 days. */
const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

interface RefreshGrant {
  readonly clientId: string;
  readonly userId: string;
  readonly authTime: number;
  readonly acrs: readonly string[];
  readonly expiresAt: number;
}

/** The token endpoint's JSON answer, field names as Entra sends them. */
interface TokenResponse {
  token_type: 'Bearer';
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

/**
 * The HTTPS half of the demo Entra ID: OpenID discovery, JWKS, instance discovery and the token endpoint
 * (authorization code + PKCE, client credentials, on-behalf-of, refresh token). `/authorize` requests that
 * arrive here are redirected to the plain-HTTP sign-in pages.
 */
export function createEntraHandler(ctx: EntraContext): RequestHandler {
  const refreshTokens = new Map<string, RefreshGrant>();
  const tokenEndpoint = new TokenEndpoint(ctx, refreshTokens);
  return async (request, response) => {
    const url = new URL(request.url ?? '/', ctx.authorityHost);
    const path = url.pathname.replace(/\/+$/, '');
    ctx.logger.debug({ method: request.method, path }, 'entra request');
    const tenantRoute = /^\/([^/]+)\/(.+)$/.exec(path);
    const segment = tenantRoute?.[1] ?? '';
    const rest = tenantRoute?.[2] ?? '';
    if (request.method === 'GET' && rest === 'discovery/instance') {
      return sendJson(response, 200, instanceDiscovery(ctx, url));
    }
    if (path === '/msi/token') return managedIdentityToken(ctx, request, response, url);
    if (!tenantRoute || !isDemoTenantSegment(ctx.directory, segment)) {
      return sendEntraError(ctx, request, response, tenantNotFound(segment || path));
    }
    if (request.method === 'GET' && /^(v2\.0\/)?\.well-known\/openid-configuration$/.test(rest)) {
      return sendJson(response, 200, openIdConfiguration(ctx));
    }
    if (request.method === 'GET' && /^discovery\/(v2\.0\/)?keys$/.test(rest)) {
      return sendJson(response, 200, { keys: ctx.signer.keys });
    }
    if (rest === 'oauth2/v2.0/token') {
      if (request.method !== 'POST') {
        return sendEntraError(
          ctx,
          request,
          response,
          new EntraError('invalid_request', 900561, 'The endpoint only accepts POST requests.'),
        );
      }
      return tokenEndpoint.handle(request, response);
    }
    if (/^oauth2\/v2\.0\/(authorize|logout)$/.test(rest)) {
      // The browser-facing pages live on plain HTTP so no certificate warning stands between a person and the demo.
      response.writeHead(302, { location: `${ctx.signInOrigin}${url.pathname}${url.search}` });
      return void response.end();
    }
    sendJson(response, 404, { error: 'not_found', error_description: `No demo Entra endpoint at ${path}.` });
  };
}

/** The v2.0 discovery document, shaped like Entra's (tenant-specific, so no `{tenantid}` placeholder). */
function openIdConfiguration(ctx: EntraContext): Record<string, unknown> {
  const tenant = `${ctx.authorityHost}/${ctx.directory.tenantId}`;
  const signIn = `${ctx.signInOrigin}/${ctx.directory.tenantId}`;
  const graph = new URL(ctx.graphEndpoint);
  return {
    token_endpoint: `${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: ctx.issuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.graphEndpoint}/oidc/userinfo`,
    authorization_endpoint: `${signIn}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${signIn}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: new URL(ctx.authorityHost).host,
    cloud_graph_host_name: graph.host,
    msgraph_host: graph.host,
    rbac_url: ctx.authorityHost,
  };
}

/**
 * App Service's identity endpoint (IDENTITY_ENDPOINT, API version 2019-08-01): a user-assigned managed
 * identity's token for `resource`, to callers that present IDENTITY_HEADER. Served here, on the demo Entra
 * origin, so MSAL's managed identity client can be pointed at it as it would be on App Service.
 */
async function managedIdentityToken(
  ctx: EntraContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const refuse = (status: number, message: string) =>
    sendJson(response, status, { statusCode: status, message });
  if (request.method !== 'GET') return refuse(405, 'The identity endpoint only answers GET.');
  if (request.headers['x-identity-header'] !== ctx.managedIdentityHeader) {
    return refuse(401, 'The X-IDENTITY-HEADER header is missing or wrong.');
  }
  if (url.searchParams.get('api-version') !== '2019-08-01') return refuse(400, 'Unsupported api-version.');
  const resource = url.searchParams.get('resource');
  if (!resource) return refuse(400, "The 'resource' parameter is required.");
  const identity = ctx.directory.managedIdentities.get(
    (url.searchParams.get('client_id') ?? '').toLowerCase(),
  );
  if (!identity) {
    return refuse(
      400,
      'No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.',
    );
  }
  const issuedAt = Math.floor(ctx.now().getTime() / 1000);
  const expiresOn = issuedAt + TOKEN_LIFETIME_SECONDS;
  const accessToken = await ctx.signer.sign({
    aud: resource,
    iss: ctx.issuer,
    iat: issuedAt,
    nbf: issuedAt,
    exp: expiresOn,
    sub: identity.principalId,
    oid: identity.principalId,
    tid: ctx.directory.tenantId,
    appid: identity.clientId,
    azp: identity.clientId,
    idtyp: 'app',
    ver: '2.0',
  });
  sendJson(response, 200, {
    access_token: accessToken,
    expires_on: String(expiresOn),
    resource,
    token_type: 'Bearer',
    client_id: identity.clientId,
  });
}

/** AADSTS700024, for either kind of client assertion. */
function assertionExpired(): EntraError {
  return new EntraError('invalid_client', 700024, 'Client assertion is not within its valid time range.');
}

/** `/common/discovery/instance`: MSAL skips it when the host is a known authority, other clients may not. */
function instanceDiscovery(ctx: EntraContext, url: URL): Record<string, unknown> {
  const host = new URL(ctx.authorityHost).host;
  return {
    tenant_discovery_endpoint: `${ctx.authorityHost}/${ctx.directory.tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': url.searchParams.get('api-version') ?? '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

class TokenEndpoint {
  constructor(
    private readonly ctx: EntraContext,
    private readonly refreshTokens: Map<string, RefreshGrant>,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const decision = await this.ctx.faults.decide('token');
    if (decision.kind === 'drop') return void request.socket.destroy();
    if (decision.kind !== 'proceed') {
      const status = decision.kind === 'throttle' ? 429 : decision.status;
      const headers: Record<string, string> =
        decision.kind === 'throttle' && decision.retryAfterSeconds !== undefined
          ? { 'retry-after': String(decision.retryAfterSeconds) }
          : {};
      const failure = new EntraError(
        'temporarily_unavailable',
        90033,
        'A transient error has occurred. Please try again.',
        status,
      );
      return sendEntraError(this.ctx, request, response, failure, headers);
    }
    try {
      const form = new URLSearchParams(await readRequestBody(request));
      const { app, clientAuthentication } = await this.authenticateClient(
        form,
        request.headers.authorization,
      );
      const body = await this.grant(app, form);
      this.ctx.tokensIssued.push({
        clientId: app.appId,
        grantType: form.get('grant_type') ?? '',
        scope: form.get('scope') ?? '',
        clientAuthentication,
      });
      this.ctx.logger.debug({ grantType: form.get('grant_type'), clientId: app.appId }, 'token issued');
      sendJson(response, 200, body, { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
    } catch (error) {
      if (!(error instanceof EntraError)) throw error;
      this.ctx.logger.info({ aadsts: error.aadsts, error: error.error }, 'token request refused');
      sendEntraError(this.ctx, request, response, error);
    }
  }

  private grant(app: DemoAppRegistration, form: URLSearchParams): Promise<TokenResponse> {
    const grantType = form.get('grant_type');
    switch (grantType) {
      case 'authorization_code':
        return this.authorizationCode(app, form);
      case 'client_credentials':
        return this.clientCredentials(app, form);
      case JWT_BEARER:
        return this.onBehalfOf(app, form);
      case 'refresh_token':
        return this.refreshToken(app, form);
      case null:
        throw missingParameter('grant_type');
      default:
        throw new EntraError(
          'unsupported_grant_type',
          70003,
          `The app requested an unsupported grant type '${grantType}'.`,
        );
    }
  }

  private async authenticateClient(
    form: URLSearchParams,
    authorization: string | undefined,
  ): Promise<{ app: DemoAppRegistration; clientAuthentication: IssuedToken['clientAuthentication'] }> {
    let clientId = form.get('client_id');
    let secret = form.get('client_secret');
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
    if (basic?.[1]) {
      const [id = '', password = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id);
      secret = decodeURIComponent(password);
    }
    if (!clientId) throw missingParameter('client_id');
    const app = this.ctx.directory.apps.get(clientId.toLowerCase());
    if (!app) {
      throw new EntraError(
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${this.ctx.directory.domain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    if (form.has('client_assertion'))
      return { app, clientAuthentication: await this.verifyClientAssertion(app, form) };
    if (!secret) {
      throw new EntraError(
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    if (!app.clientSecrets.has(secret)) {
      throw new EntraError(
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.appId}'.`,
      );
    }
    return { app, clientAuthentication: 'secret' };
  }

  /**
   * `private_key_jwt`: an assertion signed with a certificate uploaded to the app (its thumbprint in
   * `x5t#S256` or `x5t`), or a token of a trusted issuer that matches one of the app's federated identity
   * credentials (a managed identity's token for api://AzureADTokenExchange).
   */
  private async verifyClientAssertion(
    app: DemoAppRegistration,
    form: URLSearchParams,
  ): Promise<'certificate' | 'federated'> {
    if (form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
      throw new EntraError(
        'invalid_request',
        900023,
        `Specified client_assertion_type is not supported; use '${CLIENT_ASSERTION_TYPE}'.`,
      );
    }
    const assertion = required(form, 'client_assertion');
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      throw new EntraError(
        'invalid_client',
        700027,
        'Client assertion failed signature validation. [Reason - The assertion is not a JWT.]',
      );
    }
    const sha256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
    const sha1 = typeof header.x5t === 'string' ? header.x5t : undefined;
    if (sha256 === undefined && sha1 === undefined) {
      await this.verifyFederatedAssertion(app, assertion);
      return 'federated';
    }
    const thumbprint = Buffer.from((sha256 ?? sha1)!, 'base64url')
      .toString('hex')
      .toUpperCase();
    const certificate = app.certificates.find(
      (candidate) =>
        candidate.fingerprint256.replaceAll(':', '') === thumbprint ||
        candidate.fingerprint.replaceAll(':', '') === thumbprint,
    );
    if (!certificate) {
      throw new EntraError(
        'invalid_client',
        700027,
        `Client assertion failed signature validation. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.appId}'.]`,
      );
    }
    try {
      await jwtVerify(assertion, certificate.publicKey, {
        algorithms: ['RS256', 'PS256'],
        issuer: app.appId,
        subject: app.appId,
        audience: `${this.ctx.authorityHost}/${this.ctx.directory.tenantId}/oauth2/v2.0/token`,
        clockTolerance: ASSERTION_CLOCK_SKEW_SECONDS,
        currentDate: this.ctx.now(),
      });
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw assertionExpired();
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw new EntraError(
          'invalid_client',
          700023,
          `Client assertion failed claim validation. [Reason - ${error.claim} is not as expected.]`,
        );
      }
      throw new EntraError(
        'invalid_client',
        700027,
        'Client assertion failed signature validation. [Reason - The signature is not valid.]',
      );
    }
    return 'certificate';
  }

  private async verifyFederatedAssertion(app: DemoAppRegistration, assertion: string): Promise<void> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.ctx.signer.verify(assertion, {
        issuer: this.ctx.issuer,
        currentDate: this.ctx.now(),
      });
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw assertionExpired();
      }
      throw new EntraError(
        'invalid_client',
        700211,
        'No matching federated identity record found for presented assertion issuer. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.',
      );
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    const matches = app.federatedCredentials.some(
      (credential) =>
        credential.issuer === claims.iss &&
        credential.subject === claims.sub &&
        audiences.includes(credential.audience),
    );
    if (!matches) {
      throw new EntraError(
        'invalid_client',
        70021,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${String(claims.iss)}'. Assertion Subject: '${String(claims.sub)}'. Assertion Audience: '${audiences.join(',')}'.`,
      );
    }
  }

  private async authorizationCode(app: DemoAppRegistration, form: URLSearchParams): Promise<TokenResponse> {
    const redemption = this.ctx.codes.redeem(required(form, 'code'));
    if (redemption.kind === 'already-redeemed') {
      throw new EntraError(
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      );
    }
    if (redemption.kind === 'expired') {
      throw new EntraError(
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
      );
    }
    if (redemption.kind === 'unknown') {
      throw new EntraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
    }
    const { grant } = redemption;
    if (grant.clientId !== app.appId) {
      throw new EntraError(
        'invalid_grant',
        700005,
        'Provided Authorization Code is intended to use against other tenant/app.',
      );
    }
    if (form.get('redirect_uri') !== grant.redirectUri) {
      throw new EntraError(
        'invalid_grant',
        500117,
        'The reply uri specified in the request does not match the reply uri used in the authorization request.',
      );
    }
    if (grant.codeChallenge !== undefined)
      this.checkCodeVerifier(form.get('code_verifier'), grant.codeChallenge, grant.codeChallengeMethod);
    const signIn = this.signedIn(grant.userId, grant.authTime, grant.acrs);
    const scopes = resolveDelegatedScopes(this.ctx.directory, app, form.get('scope') ?? grant.scope);
    return this.delegatedResponse(app, signIn, scopes, form, grant.nonce);
  }

  private checkCodeVerifier(
    verifier: string | null,
    challenge: string,
    method: 'S256' | 'plain' | undefined,
  ): void {
    if (!verifier) throw missingParameter('code_verifier');
    const computed =
      method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
    if (computed !== challenge) {
      throw new EntraError(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    }
  }

  private async clientCredentials(app: DemoAppRegistration, form: URLSearchParams): Promise<TokenResponse> {
    const scopes = resolveApplicationScopes(this.ctx.directory, app, required(form, 'scope'));
    return {
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS - 1,
      ext_expires_in: TOKEN_LIFETIME_SECONDS - 1,
      access_token: await this.ctx.minter.appAccessToken(app, scopes),
    };
  }

  private async onBehalfOf(app: DemoAppRegistration, form: URLSearchParams): Promise<TokenResponse> {
    if (form.get('requested_token_use') !== 'on_behalf_of') throw missingParameter('requested_token_use');
    const assertion = required(form, 'assertion');
    const claims = await this.verifyAssertion(assertion, app);
    if (typeof claims.oid !== 'string' || typeof claims.scp !== 'string') {
      throw new EntraError(
        'invalid_grant',
        50013,
        'Assertion failed signature validation. [Reason - The assertion is not a delegated user token.]',
      );
    }
    const authTime = typeof claims.auth_time === 'number' ? claims.auth_time : Number(claims.iat);
    const acrs = Array.isArray(claims.acrs)
      ? claims.acrs.filter((v): v is string => typeof v === 'string')
      : [];
    const signIn = this.signedIn(claims.oid, authTime, acrs);
    const scopes = resolveDelegatedScopes(this.ctx.directory, app, required(form, 'scope'));
    return this.delegatedResponse(app, signIn, scopes, form, undefined);
  }

  private async verifyAssertion(
    assertion: string,
    app: DemoAppRegistration,
  ): Promise<Record<string, unknown>> {
    try {
      return await this.ctx.signer.verify(assertion, {
        issuer: this.ctx.issuer,
        audience: [app.appId, `api://${app.appId}`],
      });
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new EntraError(
          'invalid_grant',
          500133,
          'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
        );
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') {
        throw new EntraError(
          'invalid_grant',
          50013,
          'Assertion audience does not match the Client app presenting the assertion.',
        );
      }
      // Bad signature, unknown kid, wrong issuer, malformed token: Entra reports them all as 50013.
      throw new EntraError('invalid_grant', 50013, 'Assertion failed signature validation.');
    }
  }

  private async refreshToken(app: DemoAppRegistration, form: URLSearchParams): Promise<TokenResponse> {
    const stored = this.refreshTokens.get(required(form, 'refresh_token'));
    if (!stored || stored.clientId !== app.appId) {
      throw new EntraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
    }
    if (stored.expiresAt <= this.ctx.now().getTime()) {
      throw new EntraError('invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
    }
    const signIn = this.signedIn(stored.userId, stored.authTime, stored.acrs);
    const scopes = resolveDelegatedScopes(this.ctx.directory, app, required(form, 'scope'));
    return this.delegatedResponse(app, signIn, scopes, form, undefined);
  }

  private signedIn(userId: string, authTime: number, acrs: readonly string[]): SignedInUser {
    const user = this.ctx.directory.users.get(userId);
    if (!user)
      throw new EntraError(
        'invalid_grant',
        50034,
        `The user account ${userId} does not exist in the directory.`,
      );
    if (!user.accountEnabled) {
      throw new EntraError('invalid_grant', 50057, 'The user account is disabled.');
    }
    return { user, authTime, acrs };
  }

  private async delegatedResponse(
    app: DemoAppRegistration,
    signIn: SignedInUser,
    scopes: ResolvedScopes,
    form: URLSearchParams,
    nonce: string | undefined,
  ): Promise<TokenResponse> {
    const body: TokenResponse = {
      token_type: 'Bearer',
      scope: scopes.responseScope,
      expires_in: TOKEN_LIFETIME_SECONDS - 1,
      ext_expires_in: TOKEN_LIFETIME_SECONDS - 1,
      access_token: await this.ctx.minter.delegatedAccessToken(app, signIn, scopes),
    };
    if (scopes.oidc.has('offline_access')) {
      const refreshToken = `1.demo.${randomBytes(48).toString('base64url')}`;
      this.refreshTokens.set(refreshToken, {
        clientId: app.appId,
        userId: signIn.user.id,
        authTime: signIn.authTime,
        acrs: signIn.acrs,
        expiresAt: this.ctx.now().getTime() + REFRESH_TOKEN_LIFETIME_MS,
      });
      body.refresh_token = refreshToken;
    }
    if (scopes.oidc.has('openid')) {
      body.id_token = await this.ctx.minter.idToken(app, signIn, {
        ...(nonce !== undefined ? { nonce } : {}),
        email: scopes.oidc.has('email'),
      });
    }
    if (form.get('client_info') === '1') body.client_info = this.ctx.minter.clientInfo(signIn.user);
    return body;
  }
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw missingParameter(name);
  return value;
}

function missingParameter(name: string): EntraError {
  return new EntraError(
    'invalid_request',
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );
}

function tenantNotFound(segment: string): EntraError {
  return new EntraError(
    'invalid_request',
    90002,
    `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );
}

function sendEntraError(
  ctx: EntraContext,
  request: IncomingMessage,
  response: ServerResponse,
  failure: EntraError,
  headers: Record<string, string> = {},
): void {
  const clientRequestId = request.headers['client-request-id'];
  const correlationId = typeof clientRequestId === 'string' ? clientRequestId : randomUUID();
  sendJson(
    response,
    failure.status,
    entraErrorBody(failure, { traceId: randomUUID(), correlationId }, ctx.now()),
    {
      'cache-control': 'no-store, no-cache',
      ...headers,
    },
  );
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-ms-request-id': randomUUID(),
    ...headers,
  });
  response.end(payload);
}
