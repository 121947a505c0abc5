import { randomUUID } from 'node:crypto';
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeDemoSignIn } from '../../src/demo-tenant/complete-demo-sign-in.js';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DIRECTORY_ROLES } from '../../src/demo-tenant/directory-roles.js';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import { startTestTenant } from './demo-tenant-fixture.js';

const REDIRECT_URI = 'http://localhost:3978/auth/callback';
const KEY_SCOPE = 'https://graph.microsoft.com/BitlockerKey.Read.All';
const ACRS_CLAIMS = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
const [alex, megan, , , , isaiah] = DEMO_PEOPLE as unknown as [
  (typeof DEMO_PEOPLE)[number],
  (typeof DEMO_PEOPLE)[number],
  unknown,
  unknown,
  unknown,
  (typeof DEMO_PEOPLE)[number],
];

let tenant: DemoTenant;

beforeAll(async () => {
  ({ tenant } = await startTestTenant());
});
afterAll(() => tenant.stop());

function msalClient(secret = tenant.botApp.clientSecret): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: tenant.botApp.clientId,
      clientSecret: secret,
      authority: tenant.authority,
      knownAuthorities: [new URL(tenant.authorityHost).host],
    },
  });
}

/** The bot's step-up sign-in as product.md §3.2 describes it, driven through the pages with plain HTTP. */
async function stepUpSignIn(
  client: ConfidentialClientApplication,
  userId: string,
  extra: { claims?: string; scopes?: string[] } = {},
) {
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomUUID();
  const nonce = randomUUID();
  const scopes = extra.scopes ?? [KEY_SCOPE];
  const authorizeUrl = await client.getAuthCodeUrl({
    scopes,
    redirectUri: REDIRECT_URI,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    state,
    nonce,
    prompt: 'login',
    loginHint: DEMO_PEOPLE.find((p) => p.id === userId)?.userPrincipalName,
    ...(extra.claims ? { claims: extra.claims } : {}),
    extraQueryParameters: { max_age: '300' },
  });
  const outcome = await completeDemoSignIn(authorizeUrl, { userId });
  const code = outcome.redirectUrl.searchParams.get('code') ?? '';
  const result = await client.acquireTokenByCode(
    { code, scopes, redirectUri: REDIRECT_URI, codeVerifier: verifier, state },
    { code, state: outcome.redirectUrl.searchParams.get('state') ?? '', nonce },
  );
  return { authorizeUrl, outcome, result, verifier, nonce, code };
}

describe('demo Entra ID discovery', () => {
  it('serves an Entra-shaped v2.0 discovery document whose browser endpoint is plain-HTTP loopback', async () => {
    const response = await fetch(`${tenant.authority}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, string>;
    expect(doc.issuer).toBe(`${tenant.authorityHost}/${DEMO_TENANT_ID}/v2.0`);
    expect(doc.jwks_uri).toBe(tenant.jwksUri);
    expect(doc.token_endpoint).toBe(`${tenant.authority}/oauth2/v2.0/token`);
    expect(doc.authorization_endpoint).toBe(`${tenant.signInOrigin}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`);
    expect(doc.end_session_endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(tenant.authorityHost).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const v1Path = await fetch(`${tenant.authority}/.well-known/openid-configuration`);
    expect(((await v1Path.json()) as Record<string, string>).issuer).toBe(doc.issuer);
  });

  it('publishes the signing key with kid at the JWKS URI and rejects unknown tenants with AADSTS90002', async () => {
    const jwks = (await (await fetch(tenant.jwksUri)).json()) as {
      keys: { kid: string; kty: string; use: string }[];
    };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', use: 'sig', kid: expect.any(String) })]);
    const wrongTenant = await fetch(
      `${tenant.authorityHost}/not-a-tenant/v2.0/.well-known/openid-configuration`,
    );
    expect(wrongTenant.status).toBe(400);
    const body = (await wrongTenant.json()) as { error: string; error_codes: number[]; trace_id: string };
    expect(body.error_codes).toEqual([90002]);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('authorization code + PKCE through msal-node and the sign-in pages', () => {
  it('signs the person in (person page, then MFA) and MSAL accepts the tokens', async () => {
    const { authorizeUrl, outcome, result, nonce } = await stepUpSignIn(msalClient(), alex.id, {
      claims: ACRS_CLAIMS,
    });
    expect(new URL(authorizeUrl).origin).toBe(tenant.signInOrigin);
    expect(outcome.steps).toEqual(['person', 'mfa']);
    expect(outcome.redirectUrl.origin + outcome.redirectUrl.pathname).toBe(REDIRECT_URI);
    expect(result.account?.homeAccountId).toBe(`${alex.id}.${DEMO_TENANT_ID}`);
    expect(result.account?.username).toBe(alex.userPrincipalName);
    expect(result.scopes).toContain('BitlockerKey.Read.All');

    const idToken = await jwtVerify(result.idToken, createRemoteJWKSet(new URL(tenant.jwksUri)), {
      issuer: `${tenant.authority}/v2.0`,
      audience: DEMO_BOT_APP_ID,
    });
    expect(idToken.protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const now = Math.floor(Date.now() / 1000);
    expect(idToken.payload).toMatchObject({
      oid: alex.id,
      tid: DEMO_TENANT_ID,
      name: alex.displayName,
      preferred_username: alex.userPrincipalName,
      nonce,
      ver: '2.0',
      acrs: ['c1'],
    });
    expect(Math.abs(Number(idToken.payload.auth_time) - now)).toBeLessThan(30);
    expect(Number(idToken.payload.exp)).toBeGreaterThan(now);
    expect(idToken.payload.nbf).toBe(idToken.payload.iat);

    const access = decodeJwt(result.accessToken);
    expect(access).toMatchObject({
      aud: 'https://graph.microsoft.com',
      oid: alex.id,
      tid: DEMO_TENANT_ID,
      appid: DEMO_BOT_APP_ID,
      azp: DEMO_BOT_APP_ID,
      idtyp: 'user',
      acrs: ['c1'],
      wids: [DIRECTORY_ROLES.user],
    });
    expect(String(access.scp).split(' ')).toEqual(
      expect.arrayContaining(['BitlockerKey.Read.All', 'User.Read']),
    );
  });

  it('omits acrs when no authentication context was requested, and carries wids for role holders', async () => {
    const { result } = await stepUpSignIn(msalClient(), isaiah.id);
    expect(decodeJwt(result.idToken).acrs).toBeUndefined();
    expect(decodeJwt(result.accessToken).wids).toContain(DIRECTORY_ROLES.helpdeskAdministrator);
  });

  it('refuses a second redemption of the same code (AADSTS54005)', async () => {
    const client = msalClient();
    const { code, verifier } = await stepUpSignIn(client, megan.id);
    const again = client.acquireTokenByCode({
      code,
      scopes: [KEY_SCOPE],
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    await expect(again).rejects.toMatchObject({
      errorCode: 'invalid_grant',
      errorMessage: expect.stringContaining('AADSTS54005'),
    });
  });

  it('refuses a wrong PKCE verifier, a different redirect URI and a wrong secret', async () => {
    const attempt = async (overrides: { verifier?: string; redirectUri?: string; secret?: string }) => {
      const { challenge, verifier } = await new CryptoProvider().generatePkceCodes();
      const client = msalClient();
      const url = await client.getAuthCodeUrl({
        scopes: [KEY_SCOPE],
        redirectUri: REDIRECT_URI,
        codeChallenge: challenge,
        codeChallengeMethod: 'S256',
      });
      const { redirectUrl } = await completeDemoSignIn(url, { userId: alex.id });
      const code = redirectUrl.searchParams.get('code') ?? '';
      return msalClient(overrides.secret).acquireTokenByCode({
        code,
        scopes: [KEY_SCOPE],
        redirectUri: overrides.redirectUri ?? REDIRECT_URI,
        codeVerifier: overrides.verifier ?? verifier,
      });
    };
    await expect(attempt({ verifier: 'x'.repeat(43) })).rejects.toMatchObject({
      errorMessage: expect.stringContaining('AADSTS501481'),
    });
    await expect(attempt({ redirectUri: 'http://localhost:9999/elsewhere' })).rejects.toMatchObject({
      errorCode: 'invalid_grant',
    });
    await expect(attempt({ secret: 'not-the-secret' })).rejects.toMatchObject({
      errorCode: 'invalid_client',
      errorMessage: expect.stringContaining('AADSTS7000215'),
    });
  });

  it('reuses the browser session without prompt=login, and forces the pages again with prompt=login', async () => {
    const client = msalClient();
    const first = await client.getAuthCodeUrl({ scopes: [KEY_SCOPE], redirectUri: REDIRECT_URI });
    const signedIn = await completeDemoSignIn(first, { userId: megan.id });
    expect(signedIn.cookie).toBeDefined();
    const cookie = signedIn.cookie as string;

    const silent = await client.getAuthCodeUrl({ scopes: [KEY_SCOPE], redirectUri: REDIRECT_URI });
    const reused = await completeDemoSignIn(silent, { userId: megan.id, cookie });
    expect(reused.steps).toEqual([]);
    expect(reused.redirectUrl.searchParams.get('code')).toBeTruthy();

    const stepUp = await client.getAuthCodeUrl({
      scopes: [KEY_SCOPE],
      redirectUri: REDIRECT_URI,
      claims: ACRS_CLAIMS,
    });
    const mfaOnly = await completeDemoSignIn(stepUp, { userId: megan.id, cookie });
    expect(mfaOnly.steps).toEqual(['mfa']);

    const forced = await client.getAuthCodeUrl({
      scopes: [KEY_SCOPE],
      redirectUri: REDIRECT_URI,
      prompt: 'login',
    });
    expect((await completeDemoSignIn(forced, { userId: megan.id, cookie })).steps).toEqual(['person', 'mfa']);

    const fresh = await client.getAuthCodeUrl({
      scopes: [KEY_SCOPE],
      redirectUri: REDIRECT_URI,
      extraQueryParameters: { max_age: '0' },
    });
    expect((await completeDemoSignIn(fresh, { userId: megan.id, cookie })).steps).toEqual(['person', 'mfa']);

    const none = await client.getAuthCodeUrl({
      scopes: [KEY_SCOPE],
      redirectUri: REDIRECT_URI,
      prompt: 'none',
    });
    const noSession = await completeDemoSignIn(none, { userId: megan.id });
    expect(noSession.redirectUrl.searchParams.get('error')).toBe('login_required');
  });

  it('redirects with access_denied when the person denies the MFA prompt, keeping state', async () => {
    const url = await msalClient().getAuthCodeUrl({
      scopes: [KEY_SCOPE],
      redirectUri: REDIRECT_URI,
      state: 's-123',
    });
    const { redirectUrl } = await completeDemoSignIn(url, { userId: alex.id, mfa: 'deny' });
    expect(redirectUrl.searchParams.get('error')).toBe('access_denied');
    expect(redirectUrl.searchParams.get('state')).toBe('s-123');
    expect(redirectUrl.searchParams.get('code')).toBeNull();
  });

  it('shows an error page, not a redirect, for a redirect URI the app does not allow', async () => {
    const url = await msalClient().getAuthCodeUrl({
      scopes: [KEY_SCOPE],
      redirectUri: 'https://evil.example/cb',
    });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('AADSTS50011');
  });

  it('serves a mobile-friendly page with stable, automatable controls', async () => {
    const url = await msalClient().getAuthCodeUrl({
      scopes: [KEY_SCOPE],
      redirectUri: REDIRECT_URI,
      loginHint: megan.userPrincipalName,
    });
    const response = await fetch(url);
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Contoso (demo) — sign in');
    expect(html).toContain('name="viewport"');
    for (const person of DEMO_PEOPLE) expect(html).toContain(`name="user" value="${person.id}"`);
    // login_hint preselects: the hinted person comes first and has focus.
    expect(html.indexOf(megan.id)).toBeLessThan(html.indexOf(alex.id));
    expect(html).toMatch(new RegExp(`class="person hinted" name="user" value="${megan.id}"[^>]*autofocus`));
  });
});

describe('client credentials and on-behalf-of through msal-node', () => {
  it('issues app-only Graph tokens with roles and Bot Framework tokens with their audience', async () => {
    const graph = await msalClient().acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const claims = decodeJwt(graph?.accessToken ?? '');
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      idtyp: 'app',
      tid: DEMO_TENANT_ID,
      appid: DEMO_BOT_APP_ID,
    });
    expect(claims.roles).toEqual(
      expect.arrayContaining(['BitlockerKey.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All']),
    );
    expect(claims.scp).toBeUndefined();

    const botFramework = await msalClient().acquireTokenByClientCredential({
      scopes: ['https://api.botframework.com/.default'],
    });
    const bf = decodeJwt(botFramework?.accessToken ?? '');
    expect(bf.aud).toBe('https://api.botframework.com');
    expect(bf.roles).toBeUndefined();
  });

  it('refuses client credentials without /.default and for an unknown resource', async () => {
    await expect(
      msalClient().acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/User.Read.All'] }),
    ).rejects.toMatchObject({ errorMessage: expect.stringContaining('AADSTS1002012') });
    await expect(
      msalClient().acquireTokenByClientCredential({ scopes: ['https://unknown.example/.default'] }),
    ).rejects.toMatchObject({
      errorCode: 'invalid_resource',
      errorMessage: expect.stringContaining('AADSTS500011'),
    });
  });

  it('exchanges a user token for the bot API for a Graph token on behalf of the user', async () => {
    const { result } = await stepUpSignIn(msalClient(), alex.id, {
      scopes: [`api://${DEMO_BOT_APP_ID}/access_as_user`],
    });
    expect(decodeJwt(result.accessToken).aud).toBe(DEMO_BOT_APP_ID);
    const obo = await msalClient().acquireTokenOnBehalfOf({
      oboAssertion: result.accessToken,
      scopes: [KEY_SCOPE],
    });
    const claims = decodeJwt(obo?.accessToken ?? '');
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', oid: alex.id, idtyp: 'user' });
    expect(String(claims.scp)).toContain('BitlockerKey.Read.All');
  });

  it('refuses on-behalf-of with an expired assertion or one meant for another app', async () => {
    const now = Math.floor(Date.now() / 1000);
    const base = {
      iss: `${tenant.authority}/v2.0`,
      tid: DEMO_TENANT_ID,
      oid: alex.id,
      scp: 'access_as_user',
    };
    const expired = await tenant.signToken({
      ...base,
      aud: DEMO_BOT_APP_ID,
      iat: now - 7200,
      nbf: now - 7200,
      exp: now - 3600,
    });
    await expect(
      msalClient().acquireTokenOnBehalfOf({ oboAssertion: expired, scopes: [KEY_SCOPE] }),
    ).rejects.toMatchObject({
      errorMessage: expect.stringContaining('AADSTS500133'),
    });
    const otherApp = await tenant.signToken({
      ...base,
      aud: randomUUID(),
      iat: now,
      nbf: now,
      exp: now + 600,
    });
    await expect(
      msalClient().acquireTokenOnBehalfOf({ oboAssertion: otherApp, scopes: [KEY_SCOPE] }),
    ).rejects.toMatchObject({
      errorMessage: expect.stringContaining('AADSTS50013'),
    });
  });
});
