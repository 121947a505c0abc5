import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages/en.js';
import { askForKey, demoKey } from '../support/ask-for-key.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { signIn, verifyLink } from '../support/sign-in.js';

const alex = demoPerson('Alex Wilber');

/**
 * BOT_TYPE=UserAssignedMSI, as infra/ deploys it: the bot is a managed identity with no secret, its channel
 * tokens come from App Service's identity endpoint (here the demo tenant's), and the sign-in is another app.
 */
describe('the bot as a user-assigned managed identity (tenant mode, demo tenant)', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({ mode: 'tenant', botIdentity: 'managedIdentity' });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('answers in Teams with tokens of the managed identity, and a release works end to end', async () => {
    expect(harness.config.bot).toMatchObject({ appType: 'UserAssignedMSI', appPassword: undefined });
    const chat = harness.personalChat(alex);
    const hello = await chat.send('hi');
    expect(hello.transcript).toContain(en.welcomeTitle);
    // Every reply reached the connector with a valid token for the identity (the connector checks appid).
    expect(hello.calls.map((call) => call.token.status)).toEqual(hello.calls.map(() => 'valid'));
    expect(hello.calls[0]?.token).toMatchObject({
      claims: {
        appid: harness.demoTenant.managedIdentity.clientId,
        sub: harness.demoTenant.managedIdentity.principalId,
      },
    });

    const key = demoKey(harness, 'ALEX-LAPTOP');
    const { answersTurn: verify } = await askForKey(chat, key.id.slice(0, 8).toUpperCase());
    expect((await signIn(harness, verifyLink(verify), alex.id)).callbackStatus).toBe(200);
    const [released] = await harness.app.store.audit.query({ requesterObjectId: alex.id });
    expect(released?.decision).toBe('released');
  });
});
