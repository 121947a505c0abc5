import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import { type ConversationHarness, cardText, startConversationHarness } from '../support/conversation.js';

const [alex, megan, adele, nestor] = DEMO_PEOPLE as [
  (typeof DEMO_PEOPLE)[number],
  (typeof DEMO_PEOPLE)[number],
  (typeof DEMO_PEOPLE)[number],
  (typeof DEMO_PEOPLE)[number],
];
const WELCOME = '[card] BitLocker recovery | buttons: Where do I find the Key ID? / Talk to IT';

describe('the bot’s first words', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('welcomes on install in a 1:1 chat, promising never to ask for secrets', async () => {
    const turn = await harness.personalChat(alex).install();
    expect(turn.status).toBe(200);
    expect(turn.transcript).toBe(`bot: ${WELCOME}`);
    expect(cardText(turn.replies[0]?.card)).toContain('I will never ask for your password or an MFA code.');
  });

  it('welcomes on the first message, then answers "help" with the help card', async () => {
    const chat = harness.personalChat(megan);
    expect((await chat.send('hello?')).transcript).toBe(`bot: ${WELCOME}`);
    // Once welcomed, "hi" gets a short line, not the whole card again.
    expect((await chat.send('hi')).transcript).toMatch(/^bot: Hi again!/);
    const help = await chat.send('help');
    expect(help.transcript).toMatch(/^bot: \[card\] What I can do \| buttons: /);
    expect(cardText(help.replies[0]?.card)).toMatch(/restart[\s\S]*status[\s\S]*talk to IT/);
  });

  it('takes a Key ID typed in a sentence straight to what happened just before', async () => {
    const chat = harness.personalChat(adele);
    await chat.send('hi');
    const turn = await chat.send('my pc is locked, key id 4290b6c0');
    expect(turn.transcript).toBe(
      'bot: [card] What happened just before the blue screen? | buttons: Not a work PC? / Why did this happen?',
    );
  });

  it('takes the Key ID typed into the welcome card itself', async () => {
    const chat = harness.personalChat(alex, { fresh: true });
    await chat.install();
    const turn = await chat.submit({ verb: 'submitKeyId', keyId: '4290B6C0' });
    expect(turn.transcript).toMatch(/^bot: \[card\] What happened just before the blue screen\?/);
  });

  it('answers the welcome buttons', async () => {
    const chat = harness.personalChat(nestor);
    await chat.install();
    const whereKeyId = await chat.submit({ verb: 'whereKeyId' });
    expect(cardText(whereKeyId.replies[0]?.card)).toContain('Recovery key ID');
    const start = await chat.submit({ verb: 'startRecovery' });
    expect(start.replies[0]?.kind).toBe('card');
    const talk = await chat.submit({ verb: 'talkToIt' });
    expect(talk.transcript).toContain("I've asked IT to help");
  });

  it('welcomes once per conversation on repeated install events', async () => {
    const chat = harness.personalChat(megan);
    const again = await chat.install();
    expect(again.replies).toHaveLength(0);
  });

  it('answers briefly in a group chat and a channel, inviting to a 1:1 chat', async () => {
    for (const chat of [harness.groupChat(alex), harness.teamChannel(alex)]) {
      const turn = await chat.send('hi');
      expect(turn.transcript).toBe(
        'bot: I help with BitLocker recovery in a private chat only, so your details stay between us. Open a 1:1 chat with me to start.',
      );
    }
  });

  it('stays quiet when installed in a team (the helpdesk channel comes later)', async () => {
    const turn = await harness.teamChannel(alex).install();
    expect(turn.status).toBe(200);
    expect(turn.replies).toHaveLength(0);
  });
});
