import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '../http/escape-html.js';
import type { DemoUser } from './demo-directory.js';
import { type EntraContext, isDemoTenantSegment } from './entra-context.js';
import { EntraError } from './entra-error.js';
import type { RequestHandler } from './loopback-server.js';
import { readRequestBody } from './read-request-body.js';
import { resolveDelegatedScopes } from './resolve-scopes.js';

type ResponseMode = 'query' | 'fragment' | 'form_post';
type Prompt = 'login' | 'none' | 'consent' | 'select_account' | 'create';

/** A validated `/authorize` request. */
interface AuthorizeRequest {
  readonly clientId: string;
  readonly appName: string;
  readonly redirectUri: string;
  readonly responseMode: ResponseMode;
  readonly scope: string;
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly prompt: Prompt | undefined;
  readonly loginHint: string | undefined;
  readonly maxAge: number | undefined;
  readonly codeChallenge: string | undefined;
  readonly codeChallengeMethod: 'S256' | 'plain' | undefined;
  /** Authentication contexts requested through `claims` (`acrs`). */
  readonly requiredAcrs: readonly string[];
  readonly clientInfo: boolean;
}

/** A sign-in in progress between the pages. */
interface PendingSignIn {
  readonly request: AuthorizeRequest;
  readonly expiresAt: number;
  /** The number the "authenticator" must confirm. */
  readonly challenge: number;
  userId?: string;
  /** Set when an existing session only lacks the MFA step for a requested authentication context. */
  reuseAuthTime?: number;
}

/** The browser session (`ESTSAUTH`-like cookie) that lets a later sign-in skip the pages. */
interface Session {
  readonly userId: string;
  readonly authTime: number;
  readonly acrs: Set<string>;
}

const SESSION_COOKIE = 'demo_tenant_session';
const FLOW_LIFETIME_MS = 15 * 60 * 1000;
const PROMPTS: readonly Prompt[] = ['login', 'none', 'consent', 'select_account', 'create'];

/**
 * The plain-HTTP, browser-facing half of the demo Entra ID: `/authorize` with a person picker and an MFA
 * number-match step, and `/logout`. Plain forms with stable names and ids, so tests can drive it with
 * `fetch` and people can click through it on a phone.
 */
export function createSignInPagesHandler(ctx: EntraContext): RequestHandler {
  const flows = new Map<string, PendingSignIn>();
  const sessions = new Map<string, Session>();
  return async (request, response) => {
    const url = new URL(request.url ?? '/', ctx.signInOrigin);
    ctx.logger.debug({ method: request.method, path: url.pathname }, 'sign-in page request');
    const route =
      /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|authorize\/person|authorize\/approve|logout)\/?$/.exec(
        url.pathname,
      );
    if (!route) {
      if (url.pathname === '/') {
        sendPage(
          response,
          200,
          page('Contoso (demo)', "<p>The demo tenant's sign-in service is running.</p>"),
        );
        return;
      }
      sendPage(response, 404, errorPage('Page not found', 'There is no sign-in page at this address.'));
      return;
    }
    const [, tenant = '', action] = route;
    if (!isDemoTenantSegment(ctx.directory, tenant)) {
      sendPage(response, 400, errorPage('Tenant not found', `AADSTS90002: Tenant '${tenant}' not found.`));
      return;
    }
    const form = request.method === 'POST' ? new URLSearchParams(await readRequestBody(request)) : undefined;
    const formAction = `/${tenant}/oauth2/v2.0`;
    switch (action) {
      case 'authorize':
        return authorize(ctx, flows, sessions, request, response, form ?? url.searchParams, formAction);
      case 'authorize/person':
        return pickPerson(ctx, flows, response, form, formAction);
      case 'authorize/approve':
        return approve(ctx, flows, sessions, request, response, form);
      default:
        return logout(ctx, sessions, request, response, form ?? url.searchParams);
    }
  };
}

function authorize(
  ctx: EntraContext,
  flows: Map<string, PendingSignIn>,
  sessions: Map<string, Session>,
  request: IncomingMessage,
  response: ServerResponse,
  params: URLSearchParams,
  formAction: string,
): void {
  const clientId = params.get('client_id') ?? '';
  const app = ctx.directory.apps.get(clientId.toLowerCase());
  if (!app) {
    sendPage(
      response,
      400,
      errorPage(
        'Sign-in error',
        `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`,
      ),
    );
    return;
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!ctx.isAllowedRedirectUri(redirectUri)) {
    sendPage(
      response,
      400,
      errorPage(
        'Sign-in error',
        `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${app.appId}'.`,
      ),
    );
    return;
  }
  const responseMode = (params.get('response_mode') ?? 'query') as ResponseMode;
  const redirectTarget = {
    redirectUri,
    responseMode: (['query', 'fragment', 'form_post'] as const).includes(responseMode)
      ? responseMode
      : 'query',
    state: params.get('state') ?? undefined,
  } as const;
  let authorizeRequest: AuthorizeRequest;
  try {
    authorizeRequest = parseAuthorizeRequest(ctx, params, app.appId, app.displayName, redirectUri);
  } catch (error) {
    if (!(error instanceof EntraError)) throw error;
    redirectWithError(response, redirectTarget, error);
    return;
  }
  const session = sessionFrom(sessions, request);
  const decision = sessionDecision(ctx, authorizeRequest, session);
  if (decision === 'issue' && session) {
    issueCode(ctx, response, authorizeRequest, session, undefined);
    return;
  }
  if (authorizeRequest.prompt === 'none') {
    const failure =
      decision === 'mfa'
        ? new EntraError(
            'interaction_required',
            50076,
            'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.',
          )
        : new EntraError(
            'login_required',
            50058,
            'A silent sign-in request was sent but no user is signed in.',
          );
    redirectWithError(response, authorizeRequest, failure);
    return;
  }
  const flowId = randomBytes(24).toString('base64url');
  const flow: PendingSignIn = {
    request: authorizeRequest,
    expiresAt: ctx.now().getTime() + FLOW_LIFETIME_MS,
    challenge: randomInt(10, 100),
  };
  purgeExpired(flows, ctx.now().getTime());
  flows.set(flowId, flow);
  if (decision === 'mfa' && session) {
    flow.userId = session.userId;
    flow.reuseAuthTime = session.authTime;
    sendPage(response, 200, mfaPage(ctx, flowId, flow, formAction));
    return;
  }
  sendPage(response, 200, personPage(ctx, flowId, authorizeRequest, formAction));
}

function parseAuthorizeRequest(
  ctx: EntraContext,
  params: URLSearchParams,
  clientId: string,
  appName: string,
  redirectUri: string,
): AuthorizeRequest {
  const responseType = params.get('response_type');
  if (responseType !== 'code') {
    throw new EntraError(
      'unsupported_response_type',
      700054,
      `response_type '${responseType ?? ''}' is not enabled for the application. The demo tenant supports the authorization code flow only.`,
    );
  }
  const scope = params.get('scope') ?? '';
  const app = ctx.directory.apps.get(clientId);
  if (app) resolveDelegatedScopes(ctx.directory, app, scope);
  const prompt = params.get('prompt') ?? undefined;
  if (prompt !== undefined && !(PROMPTS as readonly string[]).includes(prompt)) {
    throw new EntraError('invalid_request', 90023, `Invalid prompt value '${prompt}'.`);
  }
  const maxAgeText = params.get('max_age');
  const maxAge = maxAgeText === null ? undefined : Number(maxAgeText);
  if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0)) {
    throw new EntraError('invalid_request', 50133, `Invalid max_age value '${maxAgeText}'.`);
  }
  const codeChallenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? (codeChallenge ? 'plain' : undefined);
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    throw new EntraError('invalid_request', 501471, `Invalid code_challenge_method '${method}'.`);
  }
  return {
    clientId,
    appName,
    redirectUri,
    responseMode: (params.get('response_mode') ?? 'query') as ResponseMode,
    scope,
    state: params.get('state') ?? undefined,
    nonce: params.get('nonce') ?? undefined,
    prompt: prompt as Prompt | undefined,
    loginHint: params.get('login_hint') ?? undefined,
    maxAge,
    codeChallenge,
    codeChallengeMethod: method,
    requiredAcrs: requestedAcrs(params.get('claims')),
    clientInfo: params.get('client_info') === '1',
  };
}

/** Reads `acrs` from an OIDC claims request, under `id_token` or `access_token`, `value` or `values`. */
function requestedAcrs(claims: string | null): string[] {
  if (!claims) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(claims);
  } catch {
    throw new EntraError('invalid_request', 90015, 'Requested claims could not be parsed as JSON.');
  }
  const found = new Set<string>();
  for (const section of ['id_token', 'access_token'] as const) {
    const acrs = (parsed as Record<string, { acrs?: { value?: unknown; values?: unknown } } | undefined>)[
      section
    ]?.acrs;
    if (!acrs) continue;
    if (typeof acrs.value === 'string') found.add(acrs.value);
    if (Array.isArray(acrs.values)) for (const v of acrs.values) if (typeof v === 'string') found.add(v);
  }
  return [...found];
}

/** Whether an existing session can answer this request as is, needs only MFA, or needs a full sign-in. */
function sessionDecision(
  ctx: EntraContext,
  request: AuthorizeRequest,
  session: Session | undefined,
): 'issue' | 'mfa' | 'sign-in' {
  if (!session) return 'sign-in';
  const user = ctx.directory.users.get(session.userId);
  if (!user?.accountEnabled) return 'sign-in';
  if (request.prompt === 'login' || request.prompt === 'select_account') return 'sign-in';
  if (request.loginHint && request.loginHint.toLowerCase() !== user.userPrincipalName.toLowerCase())
    return 'sign-in';
  const elapsed = Math.floor(ctx.now().getTime() / 1000) - session.authTime;
  if (request.maxAge !== undefined && (request.maxAge === 0 || elapsed > request.maxAge)) return 'sign-in';
  if (request.requiredAcrs.some((acr) => !session.acrs.has(acr))) return 'mfa';
  return 'issue';
}

function pickPerson(
  ctx: EntraContext,
  flows: Map<string, PendingSignIn>,
  response: ServerResponse,
  form: URLSearchParams | undefined,
  formAction: string,
): void {
  const flowId = form?.get('flow') ?? '';
  const flow = liveFlow(ctx, flows, flowId);
  if (!flow) {
    sendPage(response, 400, expiredPage());
    return;
  }
  const user = ctx.directory.users.get(form?.get('user') ?? '');
  if (!user) {
    sendPage(
      response,
      400,
      errorPage('Sign-in error', 'AADSTS50034: That account does not exist in this tenant.'),
    );
    return;
  }
  if (!user.accountEnabled) {
    sendPage(response, 400, errorPage('Account disabled', 'AADSTS50057: The user account is disabled.'));
    return;
  }
  flow.userId = user.id;
  flow.reuseAuthTime = undefined;
  sendPage(response, 200, mfaPage(ctx, flowId, flow, formAction));
}

function approve(
  ctx: EntraContext,
  flows: Map<string, PendingSignIn>,
  sessions: Map<string, Session>,
  request: IncomingMessage,
  response: ServerResponse,
  form: URLSearchParams | undefined,
): void {
  const flowId = form?.get('flow') ?? '';
  const flow = liveFlow(ctx, flows, flowId);
  if (!flow?.userId) {
    sendPage(response, 400, expiredPage());
    return;
  }
  flows.delete(flowId);
  if (form?.has('deny') || form?.get('approve') !== String(flow.challenge)) {
    ctx.logger.info({ userId: flow.userId }, 'demo sign-in denied at the MFA step');
    redirectWithError(
      response,
      flow.request,
      new EntraError('access_denied', 500121, 'Authentication failed during strong authentication request.'),
    );
    return;
  }
  const previous = sessionFrom(sessions, request);
  const authTime = flow.reuseAuthTime ?? Math.floor(ctx.now().getTime() / 1000);
  const acrs = new Set([
    ...(previous && previous.userId === flow.userId ? previous.acrs : []),
    ...flow.request.requiredAcrs,
  ]);
  const sessionId = randomBytes(24).toString('base64url');
  const session: Session = { userId: flow.userId, authTime, acrs };
  sessions.set(sessionId, session);
  response.setHeader('set-cookie', `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`);
  ctx.logger.info({ userId: flow.userId, clientId: flow.request.clientId }, 'demo sign-in completed');
  issueCode(ctx, response, flow.request, session, flow.request.requiredAcrs);
}

function issueCode(
  ctx: EntraContext,
  response: ServerResponse,
  request: AuthorizeRequest,
  session: Session,
  acrs: readonly string[] | undefined,
): void {
  const code = ctx.codes.issue({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    scope: request.scope,
    userId: session.userId,
    authTime: session.authTime,
    // Tokens name the contexts this request asked for and the session satisfied.
    acrs: acrs ?? request.requiredAcrs.filter((acr) => session.acrs.has(acr)),
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    ...(request.codeChallenge !== undefined ? { codeChallenge: request.codeChallenge } : {}),
    ...(request.codeChallengeMethod !== undefined
      ? { codeChallengeMethod: request.codeChallengeMethod }
      : {}),
  });
  const user = ctx.directory.users.get(session.userId) as DemoUser;
  const params: Record<string, string> = { code };
  if (request.clientInfo) params.client_info = ctx.minter.clientInfo(user);
  if (request.state !== undefined) params.state = request.state;
  params.session_state = randomUUID();
  redirectTo(response, request, params);
}

function logout(
  ctx: EntraContext,
  sessions: Map<string, Session>,
  request: IncomingMessage,
  response: ServerResponse,
  params: URLSearchParams,
): void {
  const cookie = cookieValue(request, SESSION_COOKIE);
  if (cookie) sessions.delete(cookie);
  response.setHeader('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  const target = params.get('post_logout_redirect_uri');
  if (target && ctx.isAllowedRedirectUri(target)) {
    response.writeHead(302, { location: target });
    return void response.end();
  }
  sendPage(response, 200, page('Signed out', '<h1>You signed out</h1><p>You can close this window.</p>'));
}

function liveFlow(
  ctx: EntraContext,
  flows: Map<string, PendingSignIn>,
  flowId: string,
): PendingSignIn | undefined {
  const flow = flows.get(flowId);
  if (!flow || flow.expiresAt <= ctx.now().getTime()) return undefined;
  return flow;
}

function purgeExpired(flows: Map<string, PendingSignIn>, now: number): void {
  for (const [id, flow] of flows) if (flow.expiresAt <= now) flows.delete(id);
}

function sessionFrom(sessions: Map<string, Session>, request: IncomingMessage): Session | undefined {
  const id = cookieValue(request, SESSION_COOKIE);
  return id ? sessions.get(id) : undefined;
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

interface RedirectTarget {
  readonly redirectUri: string;
  readonly responseMode: ResponseMode;
  readonly state: string | undefined;
}

function redirectWithError(response: ServerResponse, target: RedirectTarget, failure: EntraError): void {
  const params: Record<string, string> = {
    error: failure.error,
    error_description: `${failure.message} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_uri: `https://login.microsoftonline.com/error?code=${failure.aadsts}`,
  };
  if (target.state !== undefined) params.state = target.state;
  redirectTo(response, target, params);
}

function redirectTo(response: ServerResponse, target: RedirectTarget, params: Record<string, string>): void {
  if (target.responseMode === 'form_post') {
    const nonce = randomBytes(16).toString('base64');
    const inputs = Object.entries(params)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('');
    const body = `<form id="response" method="post" action="${escapeHtml(target.redirectUri)}">${inputs}<noscript><button>Continue</button></noscript></form><script nonce="${nonce}">document.getElementById('response').submit()</script>`;
    sendPage(response, 200, page('Signing in…', body), `script-src 'nonce-${nonce}'`);
    return;
  }
  const url = new URL(target.redirectUri);
  const encoded = new URLSearchParams(params);
  if (target.responseMode === 'fragment') url.hash = encoded.toString();
  else for (const [name, value] of encoded) url.searchParams.set(name, value);
  response.writeHead(302, { location: url.toString(), 'cache-control': 'no-store' });
  response.end();
}

function personPage(
  ctx: EntraContext,
  flowId: string,
  request: AuthorizeRequest,
  formAction: string,
): string {
  const hint = request.loginHint?.toLowerCase();
  const people = [...ctx.directory.users.values()].sort(
    (a, b) =>
      Number(b.userPrincipalName.toLowerCase() === hint) - Number(a.userPrincipalName.toLowerCase() === hint),
  );
  const buttons = people
    .map((user) => {
      const hinted = user.userPrincipalName.toLowerCase() === hint;
      return `<button type="submit" class="person${hinted ? ' hinted' : ''}" name="user" value="${escapeHtml(user.id)}" id="person-${escapeHtml(user.userPrincipalName.split('@')[0] ?? user.id)}"${hinted ? ' autofocus' : ''}${user.accountEnabled ? '' : ' disabled'}><span class="name">${escapeHtml(user.displayName)}</span><span class="upn">${escapeHtml(user.userPrincipalName)}</span></button>`;
    })
    .join('\n');
  return page(
    'Contoso (demo) — sign in',
    `<h1>Contoso (demo) — sign in</h1>
<p class="lead">Sign in to <strong>${escapeHtml(request.appName)}</strong>. This is a demo tenant: choose who you are.</p>
<form method="post" action="${escapeHtml(formAction)}/authorize/person" id="pick-person">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
${buttons}
</form>`,
  );
}

function mfaPage(ctx: EntraContext, flowId: string, flow: PendingSignIn, formAction: string): string {
  const user = ctx.directory.users.get(flow.userId ?? '');
  const contexts =
    flow.request.requiredAcrs.length > 0
      ? `<p class="small">Your organization requires extra verification for this app (${flow.request.requiredAcrs.map(escapeHtml).join(', ')}).</p>`
      : '';
  return page(
    'Approve sign-in request',
    `<h1>Approve sign-in request</h1>
<p class="lead">${escapeHtml(user?.userPrincipalName ?? '')}</p>
<p>Open your Authenticator app and enter the number shown to sign in.</p>
<div class="challenge" id="challenge">${flow.challenge}</div>
${contexts}
<form method="post" action="${escapeHtml(formAction)}/authorize/approve" id="mfa">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
<button type="submit" id="approve" name="approve" value="${flow.challenge}" class="primary">I entered ${flow.challenge} — approve</button>
<button type="submit" id="deny" name="deny" value="deny" class="secondary">This wasn't me</button>
</form>
<p class="small">Demo: the button plays the part of the authenticator app on your phone.</p>`,
  );
}

function expiredPage(): string {
  return errorPage(
    'Sign-in expired',
    'This sign-in took too long or was already finished. Go back to the app and start again.',
  );
}

function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p class="error">${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:"Segoe UI",system-ui,-apple-system,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{max-width:440px;margin:0 auto;background:#fff;min-height:100vh;padding:32px 28px;box-sizing:border-box}
@media(min-width:520px){main{margin:48px auto;min-height:auto;box-shadow:0 2px 6px rgba(0,0,0,.2)}}
.logo{font-weight:600;color:#5e5e5e;margin-bottom:20px}
h1{font-size:1.4rem;font-weight:600;margin:0 0 12px}
.lead{color:#444}
button{display:block;width:100%;font:inherit;margin:8px 0;padding:12px 14px;border-radius:4px;cursor:pointer;text-align:left}
.person{background:#fff;border:1px solid #c8c8c8}.person:hover{background:#f3f3f3}.person.hinted{border:2px solid #0067b8}
.person .name{display:block;font-weight:600}.person .upn{display:block;color:#616161;font-size:.9rem}
.primary{background:#0067b8;color:#fff;border:0;text-align:center}.secondary{background:#fff;border:1px solid #c8c8c8;text-align:center}
.challenge{font-size:3rem;font-weight:600;text-align:center;margin:16px 0}
.small{font-size:.85rem;color:#616161}.error{color:#a80000}
</style></head>
<body><main><div class="logo">Contoso (demo)</div>
${body}
</main></body></html>`;
}

function sendPage(
  response: ServerResponse,
  status: number,
  html: string,
  scriptSource = "script-src 'none'",
): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; ${scriptSource}; frame-ancestors 'none'`,
  });
  response.end(html);
}
