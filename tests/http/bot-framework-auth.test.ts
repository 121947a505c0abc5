import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { messageActivity } from '../support/teams-activities.js';

const alex = DEMO_PEOPLE[0]!;

describe('Bot Framework authentication (tenant mode, real validation against a local issuer)', () => {
  let harness: ConversationHarness;

  beforeAll(async () => {
    harness = await startConversationHarness({ mode: 'tenant' });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const hi = () => messageActivity(harness.personalChat(alex).context, 'hi');
  const handlerRan = (turn: { calls: readonly unknown[] }) => turn.calls.length > 0;

  it('answers 401 without Authorization and runs no handler', async () => {
    const turn = await harness.post(hi(), { authorization: null });
    expect(turn.status).toBe(401);
    expect(handlerRan(turn)).toBe(false);
  });

  it('answers 401 to a bare {"type":"message"} without a token', async () => {
    const turn = await harness.post({ type: 'message' }, { authorization: null });
    expect(turn.status).toBe(401);
  });

  it.each([
    ['wrong audience', { audience: '00000000-0000-4000-8000-000000000000' }],
    ['wrong issuer', { issuer: 'https://evil.example/' }],
    ['expired', { expiresIn: -3600 }],
    ['not yet valid', { notBefore: 3600 }],
    ['bad signature', { forgeSignature: true }],
    ['unknown signing key', { kid: 'someone-elses-key' }],
    ['wrong serviceUrl', { serviceUrl: 'https://smba.evil.example/' }],
  ] as const)('answers 401 to a token with %s and runs no handler', async (_name, overrides) => {
    const token = await harness.channelToken(overrides);
    const turn = await harness.post(hi(), { authorization: `Bearer ${token}` });
    expect(turn.status).toBe(401);
    expect(handlerRan(turn)).toBe(false);
  });

  it('answers 415, not 401, to a form-encoded body: the media type is checked before the token', async () => {
    const response = await fetch(`${harness.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=hi',
    });
    expect(response.status).toBe(415);
  });

  it('answers 401 to a token that is not a JWT', async () => {
    const turn = await harness.post(hi(), { authorization: 'Bearer not-a-token' });
    expect(turn.status).toBe(401);
  });

  it('handles a valid token and replies with a valid bearer token from the login endpoint', async () => {
    const turn = await harness.personalChat(alex).send('hi');
    expect(turn.status).toBe(200);
    expect(turn.replies.length).toBeGreaterThan(0);
    for (const call of turn.calls) {
      expect(call.token.status).toBe('valid');
      if (call.token.status === 'valid') {
        expect(call.token.claims.aud).toBe('https://api.botframework.com');
        expect(call.token.claims.appid ?? call.token.claims.azp).toBe(harness.config.bot.appId);
      }
    }
  });

  it('drops an authenticated activity from another tenant before any handler, with a security log line', async () => {
    const context = harness.personalChat(alex).context;
    const foreign = { ...context, tenantId: '99999999-9999-4999-8999-999999999999' };
    const turn = await harness.post(messageActivity(foreign, 'hi'));
    expect(turn.status).toBe(403);
    expect(handlerRan(turn)).toBe(false);
    const line = harness.logs
      .map((l) => JSON.parse(l))
      .find((entry) => entry.event === 'activity.foreign_tenant');
    expect(line).toMatchObject({ security: true, tenantId: '99999999-9999-4999-8999-999999999999' });
  });

  it('drops an activity that names no tenant at all', async () => {
    const activity = messageActivity(harness.personalChat(alex).context, 'hi') as unknown as Record<
      string,
      unknown
    >;
    const conversation = { ...(activity.conversation as object), tenantId: undefined };
    const turn = await harness.post({ ...activity, conversation, channelData: {} });
    expect(turn.status).toBe(403);
    expect(handlerRan(turn)).toBe(false);
  });

  it('logs every refusal as a security event', () => {
    const refusals = harness.logs
      .map((l) => JSON.parse(l))
      .filter((entry) => entry.event === 'activity.unauthenticated');
    expect(refusals.length).toBeGreaterThanOrEqual(9);
    expect(harness.logs.join('\n')).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});
