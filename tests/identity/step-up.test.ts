import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../src/cards/messages/de.js';
import { completeDemoSignIn } from '../../src/demo-tenant/complete-demo-sign-in.js';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import type { Requester } from '../../src/recovery/case-requests.js';
import { startTestTenant } from '../demo-tenant/demo-tenant-fixture.js';
import { aConversationReference } from '../store/a-new-case-request.js';
import { capturingLogger } from '../support/store-backends.js';
import { aRequester } from './a-sign-in-state.js';
import {
  aTestClock,
  followStartLink,
  getPage,
  type StepUpInstance,
  startStepUpInstance,
} from './step-up-harness.js';

const MINUTE = 60_000;
const alex = aRequester(0);
const megan = DEMO_PEOPLE[1]!;

let tenant: DemoTenant;
let dir: string;
const { logger, lines: logLines } = capturingLogger();
const clock = aTestClock();
/**
 * Three instances on one database behind one public URL (the first one's address stands for the load
 * balancer): two plain ones, and one that requires authentication context c1.
 */
let first: StepUpInstance;
let second: StepUpInstance;
let withContext: StepUpInstance;
/** Every code, state, nonce, verifier and token a test saw; none may reach a log line. */
const secrets: string[] = [];

beforeAll(async () => {
  ({ tenant } = await startTestTenant());
  dir = mkdtempSync(join(tmpdir(), 'step-up-'));
  const databaseUrl = `sqlite:${join(dir, 'bot.db')}`;
  first = await startStepUpInstance({ tenant, databaseUrl, logger, clock });
  const publicBaseUrl = first.baseUrl;
  second = await startStepUpInstance({ tenant, databaseUrl, logger, clock, publicBaseUrl });
  withContext = await startStepUpInstance({
    tenant,
    databaseUrl,
    logger,
    clock,
    publicBaseUrl,
    authContext: 'c1',
  });
});

afterAll(async () => {
  await Promise.all([first, second, withContext].map((instance) => instance?.close()));
  await tenant?.stop();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  clock.reset();
  for (const instance of [first, second, withContext]) {
    instance.verified.length = 0;
    instance.rejected.length = 0;
  }
  const leaks = secrets.filter((secret) => logLines.some((line) => line.includes(secret)));
  secrets.length = 0;
  expect(leaks, 'secrets found in log lines').toEqual([]);
});

/** Offers a sign-in on `instance` for `requester` and returns the card link plus what it stands for. */
async function offer(instance: StepUpInstance, requester: Requester = alex) {
  const requestId = randomUUID();
  const conversationReference = aConversationReference(requester);
  const link = await instance.stepUp.startUrl(
    requester,
    { kind: 'selfService', requestId },
    conversationReference,
  );
  const state = new URL(link).searchParams.get('s') ?? '';
  const record = await instance.store.signInStates.find(state, clock.now());
  if (!record) throw new Error('the offered state is not in the store');
  secrets.push(state, record.nonce, record.codeVerifier);
  return { link, state, requestId, conversationReference, record };
}

/** The card link → Entra's pages (signing in as `userId`) → the callback URL Entra redirects to. */
async function signIn(link: string, userId: string, mfa: 'approve' | 'deny' = 'approve'): Promise<URL> {
  const authorizeUrl = await followStartLink(link);
  const outcome = await completeDemoSignIn(authorizeUrl.toString(), { userId, mfa });
  const code = outcome.redirectUrl.searchParams.get('code');
  if (code) secrets.push(code);
  return outcome.redirectUrl;
}

describe('step-up sign-in over HTTP against the demo tenant', () => {
  it('verifies the requester end to end and hands the bot a delegated Graph token', async () => {
    const { link, state, requestId, conversationReference, record } = await offer(first);
    expect(link).toBe(`${first.baseUrl}/auth/start?s=${state}`);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const authorize = await followStartLink(link);
    expect(authorize.origin + authorize.pathname).toBe(
      `${tenant.signInOrigin}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`,
    );
    const params = authorize.searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      client_id: DEMO_BOT_APP_ID,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: `${first.baseUrl}/auth/callback`,
      state,
      nonce: record.nonce,
      prompt: 'login',
      max_age: '300',
      code_challenge_method: 'S256',
      code_challenge: createHash('sha256').update(record.codeVerifier).digest('base64url'),
    });
    expect(params.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'https://graph.microsoft.com/BitlockerKey.Read.All']),
    );
    expect(params.has('claims')).toBe(false);

    const outcome = await completeDemoSignIn(authorize.toString(), { userId: alex.objectId });
    expect(outcome.steps).toEqual(['person', 'mfa']);
    secrets.push(outcome.redirectUrl.searchParams.get('code') ?? '');
    expect(outcome.redirectUrl.origin + outcome.redirectUrl.pathname).toBe(`${first.baseUrl}/auth/callback`);

    const page = await getPage(outcome.redirectUrl);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      "You're verified Go back to Teams: my answer is in the chat, or will be in a moment.",
    );
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');

    expect(first.rejected).toEqual([]);
    expect(first.verified).toHaveLength(1);
    const [verified] = first.verified;
    secrets.push(verified?.graphToken ?? '');
    expect(verified).toMatchObject({
      kind: 'verified',
      requester: alex,
      requestId,
      conversationReference,
      method: 'entraStepUp',
    });
    expect(Math.abs(Date.parse(verified?.verifiedAt ?? '') - Date.now())).toBeLessThan(MINUTE);
    expect(Date.parse(verified?.graphTokenExpiresAt ?? '')).toBeGreaterThan(Date.now());

    const access = decodeJwt(verified?.graphToken ?? '');
    expect(access).toMatchObject({ aud: 'https://graph.microsoft.com', oid: alex.objectId, idtyp: 'user' });
    expect(String(access.scp).split(' ')).toEqual(
      expect.arrayContaining(['User.Read', 'Device.Read.All', 'BitlockerKey.Read.All']),
    );
    const owned = await fetch(`${tenant.graphEndpoint}/v1.0/me/ownedDevices`, {
      headers: { authorization: `Bearer ${verified?.graphToken}` },
    });
    expect(owned.status).toBe(200);
    const devices = (await owned.json()) as { value: { displayName: string }[] };
    expect(devices.value.map((device) => device.displayName)).toContain('ALEX-LAPTOP');

    expect(await first.store.signInStates.find(state, clock.now())).toBeUndefined();
  });

  it('refuses a replayed callback: the state was used up by the first one', async () => {
    const { link } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    expect((await getPage(callback)).status).toBe(200);

    const replay = await getPage(callback);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('This sign-in link was already used');
    expect(first.verified).toHaveLength(1);
    expect(first.rejected).toEqual([
      expect.objectContaining({ kind: 'failed', reason: 'stateUnknownOrUsed', request: undefined }),
    ]);
  });

  it('refuses a sign-in by someone else, says so, and tells the bot who signed in', async () => {
    const { link, requestId } = await offer(first);
    const page = await getPage(await signIn(link, megan.id));

    expect(page.status).toBe(403);
    expect(page.text).toContain('You signed in as someone else');
    expect(page.text).toContain('You signed in as Megan Bowen, not as the person who asked in Teams');
    expect(first.verified).toEqual([]);
    expect(first.rejected).toEqual([
      expect.objectContaining({
        kind: 'mismatch',
        requester: alex,
        requestId,
        signedIn: { objectId: megan.id, tenantId: DEMO_TENANT_ID, displayName: 'Megan Bowen' },
      }),
    ]);
  });

  it('lets any instance finish a sign-in another instance started', async () => {
    const { link, requestId } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    const onSecond = new URL(callback.pathname + callback.search, second.baseUrl);

    expect((await getPage(onSecond)).status).toBe(200);
    expect(second.verified).toEqual([expect.objectContaining({ kind: 'verified', requestId })]);
    expect(first.verified).toEqual([]);
    secrets.push(second.verified[0]?.graphToken ?? '');
  });

  it('verifies exactly once when the same callback reaches two instances at the same time', async () => {
    const { link } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    const pages = await Promise.all(
      [first, second, first, second].map((instance) =>
        getPage(new URL(callback.pathname + callback.search, instance.baseUrl)),
      ),
    );

    expect(pages.map((page) => page.status).sort()).toEqual([200, 400, 400, 400]);
    const verified = [...first.verified, ...second.verified];
    expect(verified).toHaveLength(1);
    secrets.push(verified[0]?.graphToken ?? '');
    const rejected = [...first.rejected, ...second.rejected];
    expect(rejected.map((result) => result.kind === 'failed' && result.reason)).toEqual([
      'stateUnknownOrUsed',
      'stateUnknownOrUsed',
      'stateUnknownOrUsed',
    ]);
  });

  it('says the link expired when it is opened after ten minutes', async () => {
    const { link } = await offer(first);
    clock.advance(10 * MINUTE + 1_000);

    const page = await getPage(link);
    expect(page.status).toBe(410);
    expect(page.text).toContain(
      "This sign-in link has expired Each link works for a few minutes only. Go back to Teams and tap “Verify it's you” again.",
    );
    expect(page.headers.get('location')).toBeNull();
  });

  it('refuses a callback whose state expired while the person was signing in', async () => {
    const { link, requestId } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    clock.advance(11 * MINUTE);

    const page = await getPage(callback);
    expect(page.status).toBe(400);
    expect(page.text).toContain('This sign-in link has expired');
    expect(first.verified).toEqual([]);
    expect(first.rejected).toEqual([
      expect.objectContaining({
        kind: 'failed',
        reason: 'stateExpired',
        request: expect.objectContaining({ requestId, requester: alex }),
      }),
    ]);
    clock.reset();
    expect((await getPage(callback)).status).toBe(400);
    expect(first.rejected.at(-1)).toMatchObject({ reason: 'stateUnknownOrUsed' });
  });

  it('refuses a tampered state and keeps the genuine one usable', async () => {
    const { link, state } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);

    const refused = await getPage(tampered);
    expect(refused.status).toBe(400);
    expect(first.rejected).toEqual([expect.objectContaining({ reason: 'stateUnknownOrUsed' })]);
    const doubled = new URL(callback);
    doubled.searchParams.append('state', state);
    expect((await getPage(doubled)).status).toBe(400);

    expect((await getPage(callback)).status).toBe(200);
    expect(first.verified).toHaveLength(1);
    secrets.push(first.verified[0]?.graphToken ?? '');
  });

  it("speaks the browser's language when the bot does, English otherwise", async () => {
    const unknown = `${first.baseUrl}/auth/start?s=${'A'.repeat(43)}`;
    const german = await getPage(unknown, { 'accept-language': 'de-CH,de;q=0.9,en;q=0.8' });
    expect(german.status).toBe(410);
    expect(german.html).toContain('<html lang="de">');
    expect(german.text).toContain(
      `${de.signInPage.failures.stateExpired.title} ${de.signInPage.failures.stateExpired.body} ${de.signInPage.goBack(de.verifyButton)} ${de.signInPage.closeThisPage}`,
    );
    const japanese = await getPage(unknown, { 'accept-language': 'ja-JP,ja;q=0.9' });
    expect(japanese.html).toContain('<html lang="en">');
    expect(japanese.text).toContain('This sign-in link has expired');
  });

  it('answers unknown or hostile links with a plain page that echoes nothing', async () => {
    const hostile = '<script>alert(1)</script>';
    const unknown = await getPage(`${first.baseUrl}/auth/start?s=${'A'.repeat(43)}`);
    expect(unknown.status).toBe(410);
    expect(unknown.text).toContain('This sign-in link has expired');

    const start = await getPage(`${first.baseUrl}/auth/start?s=${encodeURIComponent(hostile)}`);
    const callback = await getPage(
      `${first.baseUrl}/auth/callback?state=${encodeURIComponent(hostile)}&code=x&error_description=${encodeURIComponent(hostile)}`,
    );
    for (const page of [start, callback]) {
      expect(page.html).not.toContain('<script');
      expect(page.html).not.toContain('alert(1)');
    }
    expect(callback.status).toBe(400);
  });

  it('refuses a sign-in older than STEP_UP_MAX_AGE_MINUTES', async () => {
    const { link, requestId } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    clock.advance(6 * MINUTE);

    const page = await getPage(callback);
    expect(page.status).toBe(400);
    expect(page.text).toContain('Your sign-in was not fresh enough');
    expect(first.rejected).toEqual([
      expect.objectContaining({ reason: 'authTooOld', request: expect.objectContaining({ requestId }) }),
    ]);
  });

  it('asks for the authentication context and records it in the method', async () => {
    const { link } = await offer(withContext);
    const started = new URL(link);
    const authorize = await followStartLink(`${withContext.baseUrl}${started.pathname}${started.search}`);
    expect(JSON.parse(authorize.searchParams.get('claims') ?? '{}')).toEqual({
      id_token: { acrs: { essential: true, value: 'c1' } },
      access_token: { acrs: { essential: true, value: 'c1' } },
    });
    const outcome = await completeDemoSignIn(authorize.toString(), { userId: alex.objectId });
    secrets.push(outcome.redirectUrl.searchParams.get('code') ?? '');

    const callback = outcome.redirectUrl;
    expect((await getPage(`${withContext.baseUrl}${callback.pathname}${callback.search}`)).status).toBe(200);
    expect(withContext.verified).toEqual([
      expect.objectContaining({ kind: 'verified', method: 'entraStepUp+acrs' }),
    ]);
    secrets.push(withContext.verified[0]?.graphToken ?? '');
  });

  it('refuses a sign-in without the required authentication context', async () => {
    // Started where no context is configured (say, before an admin set STEP_UP_AUTH_CONTEXT), finished
    // where it is: the sign-in never asked for c1, so its tokens cannot carry it.
    const { link } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    const page = await getPage(new URL(callback.pathname + callback.search, withContext.baseUrl));

    expect(page.status).toBe(400);
    expect(page.text).toContain('Your organization asks for a stronger sign-in');
    expect(withContext.verified).toEqual([]);
    expect(withContext.rejected).toEqual([expect.objectContaining({ reason: 'missingAuthContext' })]);
  });

  it('reports an Entra error at the callback (MFA denied) and uses the state up', async () => {
    const { link, requestId } = await offer(first);
    const callback = await signIn(link, alex.objectId, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');

    const page = await getPage(callback);
    expect(page.status).toBe(400);
    expect(page.text).toContain("Sign-in didn't finish");
    expect(page.text).not.toContain('AADSTS');
    expect(first.rejected).toEqual([
      expect.objectContaining({
        kind: 'failed',
        reason: 'entraError',
        detail: 'access_denied AADSTS500121',
        request: expect.objectContaining({ requestId }),
      }),
    ]);
    expect((await getPage(callback)).status).toBe(400);
    expect(first.rejected.at(-1)).toMatchObject({ reason: 'stateUnknownOrUsed' });
  });

  it('reports a code Entra refuses to redeem as an Entra error', async () => {
    const { link } = await offer(first);
    const callback = await signIn(link, alex.objectId);
    const forged = new URL(callback);
    forged.searchParams.set('code', 'not-a-code-entra-issued');

    expect((await getPage(forged)).status).toBe(400);
    expect(first.rejected).toEqual([
      expect.objectContaining({ reason: 'entraError', detail: 'code redemption failed: invalid_grant' }),
    ]);
  });

  it('logged what happened, without a single secret', () => {
    const outcomes = logLines
      .map((line) => JSON.parse(line) as { component?: string; msg: string })
      .filter((line) => line.component === 'step-up')
      .map((line) => line.msg);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        'step-up sign-in offered',
        'step-up sign-in verified',
        'step-up sign-in by another person',
        'step-up sign-in failed',
      ]),
    );
  });
});
