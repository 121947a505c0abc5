import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, type DemoPerson } from '../../src/demo-tenant/sample-people.js';
import {
  type ChatSession,
  type ConversationHarness,
  cardText,
  startConversationHarness,
  type Turn,
} from '../support/conversation.js';

const PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';
const person = (index: number): DemoPerson => DEMO_PEOPLE[index]!;

/** The first line of each reply, for compact transcript assertions. */
function lines(turn: Turn): string[] {
  return turn.replies.map((reply) => reply.text);
}
function said(turn: Turn): string {
  return turn.replies.map((reply) => (reply.card ? cardText(reply.card) : reply.text)).join('\n');
}
const answers = (rootCause: string, deviceKind: string, errorCode?: string) => ({
  verb: 'answers',
  rootCause,
  deviceKind,
  ...(errorCode ? { errorCode } : {}),
});

describe('triage conversation over HTTP', () => {
  let harness: ConversationHarness;
  let counter = 0;
  /** A fresh 1:1 chat each time: a new conversation id for one of the demo people. */
  const freshChat = (index = 0): ChatSession => {
    const chat = harness.personalChat(person(index));
    counter += 1;
    const scope = chat.context.scope;
    const context = {
      ...chat.context,
      scope: {
        ...scope,
        conversationId: `${(scope as { conversationId: string }).conversationId}-${counter}`,
      },
    };
    return {
      context,
      send: (text) => harness.post(messageOf(context, text)),
      submit: (data) => harness.post({ ...messageOf(context, ''), text: undefined, value: data }),
      execute: chat.execute,
      install: chat.install,
    } as ChatSession;
  };
  const messageOf = (context: ChatSession['context'], text: string) => ({
    type: 'message',
    id: String(Date.now()),
    timestamp: new Date().toISOString(),
    serviceUrl: context.serviceUrl,
    channelId: 'msteams',
    from: { id: context.from.id, name: context.from.name, aadObjectId: context.from.aadObjectId },
    conversation: {
      id: (context.scope as { conversationId: string }).conversationId,
      conversationType: 'personal',
      tenantId: context.tenantId,
    },
    recipient: { id: `28:${context.botAppId}`, name: context.botName },
    text,
    channelData: { tenant: { id: context.tenantId } },
  });

  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('happy path: a Key ID in the first message reaches the verification hand-off in 2 actions', async () => {
    const chat = freshChat();
    const first = await chat.send('hi, my PC is locked and the key id is 4290b6c0');
    expect(lines(first)).toEqual([
      '[card] What happened just before the blue screen? | buttons: Not a work PC? / Why did this happen?',
    ]);
    expect(said(first)).toContain('4290B6C0');
    const second = await chat.submit({ verb: 'answers', rootCause: 'windowsUpdate' });
    expect(lines(second)).toEqual(["[card] Thanks, that's all I need | buttons: Verify it's you"]);
    expect(said(second)).toMatch(/4290B6C0[\s\S]*A Windows update/);
    expect(harness.logs.some((line) => line.includes('verification hand-off'))).toBe(true);
  });

  it('the long way: welcome, start, Key ID help, Key ID with a look-alike confirmed, one tap', async () => {
    const chat = freshChat();
    expect(lines(await chat.send('hello'))[0]).toMatch(/^\[card\] BitLocker recovery/);
    expect(lines(await chat.submit({ verb: 'startRecovery' }))[0]).toMatch(/^\[card\] What is the Key ID\?/);
    const help = await chat.submit({ verb: 'whereKeyId' });
    expect(said(help)).toMatch(/Recovery key ID/);
    const confirm = await chat.submit({ verb: 'submitKeyId', keyId: '429OB6C0' });
    expect(said(confirm)).toContain('Did you mean 4290B6C0?');
    expect(said(confirm)).toContain('O → 0');
    expect(lines(await chat.submit({ verb: 'confirmKeyIdYes' }))[0]).toMatch(/What happened just before/);
    expect(lines(await chat.submit({ verb: 'answers', rootCause: 'hardwareChange' }))[0]).toMatch(
      /Thanks, that's all I need/,
    );
  });

  it('an error code typed on the way is kept for IT and shown on the verify card', async () => {
    const chat = freshChat();
    await chat.send('4290B6C0');
    const turn = await chat.send('it says E_FVE_DEVICE_LOCKEDOUT, i typed the wrong pin too many times');
    expect(lines(turn)[0]).toMatch(/Thanks, that's all I need/);
    expect(said(turn)).toMatch(/A wrong PIN, too many times[\s\S]*E_FVE_DEVICE_LOCKEDOUT/);
  });

  it('personal PC: guidance for the personal Microsoft account, then the no-key checklist', async () => {
    const chat = freshChat();
    await chat.send('4290B6C0');
    const guide = await chat.submit(answers('nothingUnusual', 'personalPc'));
    expect(said(guide)).toContain('aka.ms/myrecoverykey');
    const noKey = await chat.submit({ verb: 'guideNoKeyAnywhere' });
    expect(said(noKey)).toMatch(/BitLocker Recovery Key/);
    expect(said(noKey)).toMatch(/cannot be recreated|can't be recreated|cannot be made again/i);
  });

  it('second-hand PC: only the original owner can help; never pay a recovery service', async () => {
    const chat = freshChat();
    await chat.send('4290B6C0');
    const guide = await chat.submit(answers('nothingUnusual', 'secondHand'));
    expect(said(guide)).toMatch(/original owner|seller/i);
    expect(said(guide)).toMatch(/pay/i);
  });

  it('old domain PC: IT is asked, with the Key ID, and the request is recorded once', async () => {
    const chat = freshChat(1);
    await chat.send('my key id is 1A2B3C4D');
    const turn = await chat.submit(answers('firmwareUpdate', 'oldDomainPc'));
    expect(lines(turn)[0]).toMatch(/I've asked IT to help/);
    expect(said(turn)).toContain('1A2B3C4D');
    const recorded = await harness.app.store.caseRequests.latestFor(person(1).id);
    expect(recorded).toMatchObject({
      reason: 'onPremisesDevice',
      request: {
        keyId: '1A2B3C4D',
        rootCause: 'firmwareUpdate',
        reasonCode: 'FIRMWARE_UPDATE',
        riskStop: false,
      },
      requester: { objectId: person(1).id, displayName: person(1).displayName },
    });
    expect(said(turn)).toContain(`Request number\n${recorded?.number}`);
    // A double click on the same card: same request, no second case request.
    const again = await chat.send('talk to IT');
    expect((await harness.app.store.caseRequests.latestFor(person(1).id))?.number).toBe(recorded?.number);
    expect(said(again)).toContain(String(recorded?.number));
  });

  it('risk stop: the device was out of their hands → no self-service, IT is asked', async () => {
    const chat = freshChat(2);
    await chat.send('4290B6C0');
    const turn = await chat.submit(answers('outOfMyHands', 'workPc'));
    expect(said(turn)).toMatch(/no key is shown in chat/i);
    expect(said(turn)).not.toMatch(/Verify it's you/);
    const recorded = await harness.app.store.caseRequests.latestFor(person(2).id);
    expect(recorded).toMatchObject({
      reason: 'riskStop',
      request: { riskStop: true, reasonCode: 'RISK_DEVICE_OUT_OF_HANDS' },
    });
  });

  it('an old domain PC tapped first still gets asked what happened (IT wants to know), without the PC question', async () => {
    const chat = freshChat();
    await chat.send('4290B6C0');
    const turn = await chat.submit({ verb: 'answers', deviceKind: 'oldDomainPc' });
    expect(lines(turn)).toEqual([
      '[card] What happened just before the blue screen? | buttons: Why did this happen?',
    ]);
  });

  it('why did this happen: causes in plain words', async () => {
    const chat = freshChat();
    await chat.send('4290B6C0');
    expect(said(await chat.submit({ verb: 'guideWhyThisHappened' }))).toMatch(/firmware|BIOS/i);
  });

  it('a pasted recovery password is refused with a warning, never stored and never logged', async () => {
    const chat = freshChat(3);
    await chat.send('hi');
    const turn = await chat.send(`here it is ${PASSWORD}`);
    expect(said(turn)).toMatch(/Never paste it into any chat/);
    expect(said(turn)).not.toContain(PASSWORD);
    const spaced = await chat.send(PASSWORD.replaceAll('-', ' '));
    expect(said(spaced)).toMatch(/Never paste it into any chat/);
    // Nothing of it anywhere: turn state, case requests (the SQLite file and its WAL), logs.
    const databaseFiles = readdirSync(tmpdir()).filter((name) => name.startsWith('bot-test-'));
    const digits = PASSWORD.split('-');
    for (const name of databaseFiles) {
      const bytes = readFileSync(join(tmpdir(), name)).toString('latin1');
      for (const block of digits.slice(0, 3)) expect(bytes).not.toContain(block);
    }
    const logs = harness.logs.join('\n');
    for (const block of digits) expect(logs).not.toContain(block);
  });

  it('restart mid-way starts a new request; cancel ends it; status tells where things stand', async () => {
    const chat = freshChat();
    await chat.send('4290B6C0');
    const restart = await chat.send('start over');
    expect(lines(restart)[0]).toMatch(/^\[card\] /);
    expect(said(restart)).not.toContain('4290B6C0');
    await chat.send('ABCDEF12');
    expect(said(await chat.send('status'))).toContain('ABCDEF12');
    expect(said(await chat.send('cancel'))).toMatch(/cancel/i);
    expect(said(await chat.send('status'))).toMatch(/cancel/i);
  });

  it('two misunderstood inputs in a row: the bot offers IT', async () => {
    const chat = freshChat();
    await chat.submit({ verb: 'startRecovery' });
    expect(lines(await chat.send('GHJKL-MNP'))).toHaveLength(1);
    const second = await chat.send('QWRTZ');
    expect(lines(second).at(-1)).toMatch(/Talk to IT \/ Start over/);
  });

  it('while the Key ID is awaited, words that are no Key ID get "that does not look like a Key ID"', async () => {
    const chat = freshChat();
    await chat.submit({ verb: 'startRecovery' });
    const turn = await chat.send('GHJKL-MNP');
    expect(said(turn)).toMatch(/does not look like a Key ID/);
  });

  it('talk to IT after the hand-off keeps the Key ID and the answers', async () => {
    const chat = freshChat(4);
    await chat.send('key id 77AA88BB');
    await chat.submit({ verb: 'answers', rootCause: 'wrongPin' });
    const turn = await chat.submit({ verb: 'talkToIt' });
    expect(said(turn)).toContain('77AA88BB');
    expect(await harness.app.store.caseRequests.latestFor(person(4).id)).toMatchObject({
      reason: 'requesterAsked',
      request: { keyId: '77AA88BB', rootCause: 'wrongPin', reasonCode: 'PIN_LOCKOUT' },
    });
  });

  it('a button from an earlier request does not act on the new one', async () => {
    const chat = freshChat();
    await chat.send('4290B6C0');
    await chat.submit(answers('wrongPin', 'workPc'));
    const stale = await chat.submit({ verb: 'confirmKeyIdYes' });
    // The request waits for its sign-in: that is where the person is, and what they hear.
    expect(said(stale)).toMatch(/Almost there: verify it's you/);
    expect(said(stale)).toContain('4290B6C0');
    await chat.submit({ verb: 'talkToIt' });
    const reset = await chat.submit({ verb: 'confirmKeyIdYes' });
    expect(said(reset)).toMatch(/earlier request/i);
  });

  it('an unreadable card submit is answered in words, not as a crash', async () => {
    const chat = freshChat();
    const turn = await chat.submit({ verb: 'deleteEverything', rootCause: 'x' });
    expect(turn.status).toBe(200);
    expect(said(turn)).toMatch(/earlier request/);
  });

  it('a message whose text is not a string is refused at the HTTP edge, and the chat goes on', async () => {
    const chat = freshChat();
    const turn = await harness.post({ ...messageOf(chat.context, ''), text: { evil: true } });
    expect(turn.status).toBe(400);
    expect((await chat.send('hi')).replies.length).toBeGreaterThan(0);
  });

  it('someone outside the self-service group hears it before any sign-in, and IT gets the case', async () => {
    const adele = DEMO_PEOPLE.find((p) => !p.selfService)!;
    const chat = harness.personalChat(adele, { fresh: true });
    const turn = await chat.send(
      'my laptop wants the bitlocker key after the windows update, key id 4290B6C0',
    );
    expect(lines(turn)[0]).toMatch(/I've asked IT to help/);
    expect(said(turn)).toMatch(/isn't switched on for your account/);
    expect(JSON.stringify(turn.calls)).not.toContain('/auth/start');
    const recorded = await harness.app.store.caseRequests.latestFor(adele.id);
    expect(recorded).toMatchObject({ reason: 'notInSelfServiceGroup', request: { keyId: '4290B6C0' } });
  });
});
