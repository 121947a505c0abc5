import { randomBytes } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import {
  createIdTokenValidator,
  type IdTokenExpectations,
  type IdTokenValidator,
} from '../../src/identity/id-token-validator.js';
import { startTestTenant } from '../demo-tenant/demo-tenant-fixture.js';

const alex = DEMO_PEOPLE[0]!;
const megan = DEMO_PEOPLE[1]!;
const OTHER_TENANT = '0b7e2c4d-9a1f-4e3b-8c6d-5f2a1e0d9c87';
/** A fixed "now" for every check, so token times are exact. */
const NOW = new Date('2026-03-01T10:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const NONCE = randomBytes(32).toString('base64url');

let tenant: DemoTenant;
let validator: IdTokenValidator;

beforeAll(async () => {
  ({ tenant } = await startTestTenant());
  validator = createIdTokenValidator({
    authority: tenant.authority,
    clientId: DEMO_BOT_APP_ID,
    tenantId: DEMO_TENANT_ID,
    now: () => NOW,
  });
});
afterAll(() => tenant?.stop());

/** The ID token Entra would issue for Alex's step-up, with `overrides` on top (`undefined` removes a claim). */
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    aud: DEMO_BOT_APP_ID,
    iss: `${tenant.authority}/v2.0`,
    iat: NOW_S - 10,
    nbf: NOW_S - 10,
    exp: NOW_S + 3590,
    auth_time: NOW_S - 20,
    name: alex.displayName,
    nonce: NONCE,
    oid: alex.id,
    preferred_username: alex.userPrincipalName,
    sub: 'pairwise-subject',
    tid: DEMO_TENANT_ID,
    ver: '2.0',
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

function expectations(overrides: Partial<IdTokenExpectations> = {}): IdTokenExpectations {
  return { nonce: NONCE, objectId: alex.id, maxAgeSeconds: 300, authContext: undefined, ...overrides };
}

async function verdictFor(tokenClaims: Record<string, unknown>, expected = expectations()) {
  return validator.validate(await tenant.signToken(tokenClaims), expected);
}

describe('ID token validation against the demo tenant’s JWKS', () => {
  it('accepts the genuine token and reads the person and the authentication time from it', async () => {
    expect(await verdictFor(claims())).toEqual({
      kind: 'valid',
      identity: {
        objectId: alex.id,
        tenantId: DEMO_TENANT_ID,
        displayName: alex.displayName,
        authenticatedAt: new Date((NOW_S - 20) * 1000),
        acrs: [],
      },
    });
  });

  it.each([
    ['a different nonce', { nonce: randomBytes(32).toString('base64url') }],
    ['no nonce', { nonce: undefined }],
    ['another audience', { aud: 'https://graph.microsoft.com' }],
    ['another issuer', { iss: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0` }],
    ['an expired token', { iat: NOW_S - 7200, nbf: NOW_S - 7200, exp: NOW_S - 3600 }],
    ['a token not valid yet', { nbf: NOW_S + 600, iat: NOW_S + 600, exp: NOW_S + 4200 }],
    ['no oid', { oid: undefined }],
    ['no exp', { exp: undefined }],
    ['an authentication time in the future', { auth_time: NOW_S + 600 }],
  ])('refuses %s as tokenInvalid', async (_label, overrides) => {
    expect(await verdictFor(claims(overrides))).toMatchObject({ kind: 'invalid', reason: 'tokenInvalid' });
  });

  it('refuses a token signed by another key under the tenant’s key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const kid = await jwksKid();
    const forged = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(privateKey);
    expect(await validator.validate(forged, expectations())).toMatchObject({
      kind: 'invalid',
      reason: 'tokenInvalid',
      detail: expect.stringContaining('ERR_JWS_SIGNATURE_VERIFICATION_FAILED'),
    });
  });

  it('refuses a token naming a key the authority does not publish', async () => {
    const token = await tenant.signToken(claims(), { kid: 'not-a-published-key' });
    expect(await validator.validate(token, expectations())).toMatchObject({
      kind: 'invalid',
      reason: 'tokenInvalid',
      detail: expect.stringContaining('ERR_JWKS_NO_MATCHING_KEY'),
    });
  });

  it('refuses unsigned and symmetric tokens', async () => {
    const body = Buffer.from(JSON.stringify(claims())).toString('base64url');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${body}.`;
    const hs256 = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a shared secret that is long enough'));
    for (const token of [none, hs256, 'not a token']) {
      expect(await validator.validate(token, expectations())).toMatchObject({ reason: 'tokenInvalid' });
    }
  });

  it('calls a validly signed token from another tenant wrongTenant', async () => {
    expect(await verdictFor(claims({ tid: OTHER_TENANT }))).toMatchObject({
      kind: 'invalid',
      reason: 'wrongTenant',
    });
  });

  it('names the other person when someone else signed in, before judging anything else', async () => {
    const stale = claims({ oid: megan.id, name: megan.displayName, auth_time: NOW_S - 3600 });
    expect(await verdictFor(stale, expectations({ authContext: 'c1' }))).toEqual({
      kind: 'otherPerson',
      identity: expect.objectContaining({ objectId: megan.id, displayName: 'Megan Bowen' }),
    });
  });

  it('compares object ids without regard to case', async () => {
    expect((await verdictFor(claims({ oid: alex.id.toUpperCase() }))).kind).toBe('valid');
  });

  it.each([
    ['auth_time', { auth_time: NOW_S - 301 }, 'authTooOld'],
    ['iat when auth_time is absent', { auth_time: undefined, iat: NOW_S - 400 }, 'authTooOld'],
    ['auth_time at the limit', { auth_time: NOW_S - 300 }, 'valid'],
  ])('judges freshness by %s', async (_label, overrides, expected) => {
    const verdict = await verdictFor(claims(overrides));
    expect(verdict.kind === 'invalid' ? verdict.reason : verdict.kind).toBe(expected);
  });

  it('requires the configured authentication context in acrs', async () => {
    const needsC1 = expectations({ authContext: 'c1' });
    expect(await verdictFor(claims(), needsC1)).toMatchObject({ reason: 'missingAuthContext' });
    expect(await verdictFor(claims({ acrs: ['c2'] }), needsC1)).toMatchObject({
      reason: 'missingAuthContext',
    });
    expect(await verdictFor(claims({ acrs: ['c2', 'c1'] }), needsC1)).toMatchObject({
      kind: 'valid',
      identity: { acrs: ['c2', 'c1'] },
    });
  });

  it('takes acrs from the access token of the same response only when the ID token has none', async () => {
    const fromAccessToken = expectations({ authContext: 'c1', accessTokenAcrs: ['c1'] });
    expect((await verdictFor(claims(), fromAccessToken)).kind).toBe('valid');
    expect(await verdictFor(claims({ acrs: [] }), fromAccessToken)).toMatchObject({
      reason: 'missingAuthContext',
    });
  });

  it('throws, rather than calling a token invalid, when the authority cannot be reached', async () => {
    const unreachable = createIdTokenValidator({
      authority: `https://127.0.0.1:9/${DEMO_TENANT_ID}`,
      clientId: DEMO_BOT_APP_ID,
      tenantId: DEMO_TENANT_ID,
      now: () => NOW,
    });
    await expect(unreachable.validate(await tenant.signToken(claims()), expectations())).rejects.toThrow();
  });
});

async function jwksKid(): Promise<string> {
  const jwks = (await (await fetch(tenant.jwksUri)).json()) as { keys: { kid: string }[] };
  return jwks.keys[0]?.kid ?? '';
}
