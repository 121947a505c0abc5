import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/cards/messages.js';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { askForKey, demoKey, ON_PREMISES_PC } from '../support/ask-for-key.js';
import { type ConversationHarness, cardText, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { keyReads, signIn } from '../support/sign-in.js';

const adele = demoPerson('Adele Vance');
const nestor = demoPerson('Nestor Wilke');
const lee = demoPerson('Lee Gu');
const isaiah = demoPerson('Isaiah Langer');
const megan = demoPerson('Megan Bowen');

const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;

describe('helpdesk channel: cases posted and claimed (first slice of issue 5)', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const caseCardPosted = () =>
    harness.connector.calls.filter(
      (call) =>
        call.operation === 'createConversation' && JSON.stringify(call.activity ?? {}).includes('Adaptive'),
    );

  it('a case opened before the channel is known waits, and is posted when the bot is installed there', async () => {
    const chat = harness.personalChat(adele);
    await askForKey(chat, '1A2B3C4D', ON_PREMISES_PC);
    expect(caseCardPosted()).toHaveLength(0);
    const cases = await harness.app.store.cases.byRequester(adele.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.post).toBeUndefined();

    await harness.teamChannel(lee, TEAM, CHANNEL).install();
    const posted = caseCardPosted();
    expect(posted).toHaveLength(1);
    const card = (
      posted[0]?.activity as { activity?: { attachments?: { content: Record<string, unknown> }[] } }
    )?.activity?.attachments?.[0]?.content;
    expect(cardText(card)).toContain(adele.displayName);
    expect(cardText(card)).toContain('1A2B3C4D');
    expect(JSON.stringify(posted[0]?.activity)).not.toMatch(/\d{6}-\d{6}/);
    const stored = await harness.app.store.cases.byRequester(adele.id);
    expect(stored[0]?.post?.channelId).toBe(CHANNEL);
    // The directory's details for the agent: UPN and the requester's registered PCs.
    expect(stored[0]?.requester.userPrincipalName).toBe(adele.userPrincipalName);
    expect(stored[0]?.devices.map((device) => device.name).sort()).toEqual(['ADELE-HOME-PC', 'ADELE-LAPTOP']);
    expect(cardText(card)).toContain('ADELE-LAPTOP');
  });

  it('a new case goes straight to the channel once it is known', async () => {
    const before = caseCardPosted().length;
    const chat = harness.personalChat(nestor);
    await chat.send('talk to IT');
    expect(caseCardPosted()).toHaveLength(before + 1);
  });

  it('Claim: one owner; the requester is told; a second agent is refused; a non-member changes nothing', async () => {
    const [opened] = await harness.app.store.cases.byRequester(adele.id);
    const data = { caseNumber: opened!.number, expectedVersion: opened!.version };
    const mark = harness.connector.calls.length;

    const claim = await harness.teamChannel(lee, TEAM, CHANNEL).execute('caseClaim', data);
    expect(claim.status).toBe(200);
    const response = JSON.stringify(claim.body);
    expect(response).toContain('application/vnd.microsoft.card.adaptive');
    expect(response).toContain(lee.displayName);
    const claimed = await harness.app.store.cases.get(opened!.number);
    expect(claimed).toMatchObject({ status: 'claimed', owner: { objectId: lee.id } });
    const audit = await harness.app.store.audit.query({ requesterObjectId: adele.id });
    expect(audit[0]).toMatchObject({ decision: 'caseChanged', reason: 'claim:claimed' });
    expect(audit[0]?.actor).toContain(lee.id);
    // Everyone in the channel sees it: the posted card is updated in place; the requester hears who has it.
    const after = harness.connector.since(mark);
    expect(after.some((call) => call.operation === 'update')).toBe(true);
    expect(
      after.some(
        (call) =>
          JSON.stringify(call.activity ?? {}).includes(lee.displayName) && call.operation !== 'update',
      ),
    ).toBe(true);

    const second = await harness.teamChannel(isaiah, TEAM, CHANNEL).execute('caseClaim', {
      caseNumber: opened!.number,
      expectedVersion: claimed!.version,
    });
    expect(JSON.stringify(second.body)).toContain(lee.displayName);
    expect((await harness.app.store.cases.get(opened!.number))?.owner?.objectId).toBe(lee.id);

    const outsider = await harness.teamChannel(megan, TEAM, CHANNEL).execute('caseResolve', {
      caseNumber: opened!.number,
      expectedVersion: claimed!.version,
    });
    expect(outsider.status).toBe(200);
    expect((await harness.app.store.cases.get(opened!.number))?.status).toBe('claimed');
  });

  it('a stale card (old version) does not act', async () => {
    const [current] = await harness.app.store.cases.byRequester(adele.id);
    const turn = await harness.teamChannel(lee, TEAM, CHANNEL).execute('caseResolve', {
      caseNumber: current!.number,
      expectedVersion: current!.version - 1,
    });
    expect(turn.status).toBe(200);
    expect((await harness.app.store.cases.get(current!.number))?.status).toBe('claimed');
  });

  it('record verification, then resolve; the requester is told', async () => {
    const [current] = await harness.app.store.cases.byRequester(adele.id);
    const verified = await harness.teamChannel(lee, TEAM, CHANNEL).execute('caseRecordVerification', {
      caseNumber: current!.number,
      expectedVersion: current!.version,
      verificationMethod: 'videoCallPhotoId',
      verificationNote: 'Teams video call, badge shown',
    });
    expect(verified.status).toBe(200);
    const afterVerify = await harness.app.store.cases.get(current!.number);
    expect(afterVerify).toMatchObject({ status: 'verified', verification: { method: 'videoCallPhotoId' } });
    await harness.teamChannel(lee, TEAM, CHANNEL).execute('caseResolve', {
      caseNumber: current!.number,
      expectedVersion: afterVerify!.version,
    });
    expect((await harness.app.store.cases.get(current!.number))?.status).toBe('resolved');
  });
});

describe('helpdesk channel in tenant mode (Bot Framework tokens on every connector call)', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({ mode: 'tenant', env: { HELPDESK_CHANNEL_ID: CHANNEL } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('posts the case card with a valid bearer token', async () => {
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
    await harness.personalChat(nestor).send('talk to IT');
    const post = harness.connector.calls.find((call) => call.operation === 'createConversation');
    expect(post?.token.status).toBe('valid');
  });
});

describe('requester side and reminders', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('an unclaimed case is re-announced in its thread when the reminder is due', async () => {
    await harness.personalChat(megan).send('talk to IT');
    const [opened] = await harness.app.store.cases.byRequester(megan.id);
    expect(opened?.post).toBeDefined();
    const mark = harness.connector.calls.length;
    // CASE_REMIND_MINUTES pass: the case has waited an hour since it was announced, and the reminder job,
    // due then, is due now.
    const hourAgo = new Date(Date.now() - 60 * 60_000).toISOString();
    const aged = { ...opened!, announcedAt: hourAgo, waitingSince: hourAgo, version: opened!.version + 1 };
    await harness.app.store.cases.update(aged, opened!.version);
    await harness.app.store.jobs.reschedule(`remind:${opened!.number}:1`, new Date().toISOString());
    const deadline = Date.now() + 5000;
    let reminder: (typeof harness.connector.calls)[number] | undefined;
    while (!reminder && Date.now() < deadline) {
      reminder = harness.connector
        .since(mark)
        .find((call) => call.operation === 'reply' || call.operation === 'send');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(reminder?.conversationId).toContain(`${CHANNEL};messageid=${opened!.post!.activityId}`);
    expect((await harness.app.store.cases.get(opened!.number))?.history.at(-1)?.action).toBe('reminded');
  });

  it('the requester cancels mid-way: the channel card shows it, agents can no longer act', async () => {
    const chat = harness.personalChat(nestor);
    await chat.send('talk to IT');
    const [opened] = await harness.app.store.cases.byRequester(nestor.id);
    const mark = harness.connector.calls.length;
    const cancel = await chat.execute('caseCancel', {
      caseNumber: opened!.number,
      expectedVersion: opened!.version,
    });
    expect(cancel.status).toBe(200);
    const cancelled = await harness.app.store.cases.get(opened!.number);
    expect(cancelled?.status).toBe('cancelled');
    expect(harness.connector.since(mark).some((call) => call.operation === 'update')).toBe(true);
    await harness.teamChannel(lee, TEAM, CHANNEL).execute('caseClaim', {
      caseNumber: opened!.number,
      expectedVersion: cancelled!.version,
    });
    expect((await harness.app.store.cases.get(opened!.number))?.status).toBe('cancelled');
  });

  it('someone else cannot cancel a requester’s case', async () => {
    await harness.personalChat(alexPerson()).send('talk to IT');
    const [opened] = await harness.app.store.cases.byRequester(alexPerson().id);
    await harness
      .personalChat(megan)
      .execute('caseCancel', { caseNumber: opened!.number, expectedVersion: opened!.version });
    expect((await harness.app.store.cases.get(opened!.number))?.status).toBe('open');
  });
});

function alexPerson(): DemoPerson {
  return demoPerson('Alex Wilber');
}

describe('send key to requester: the full escalation path, the agent never sees the key', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('claim → verify → Send key → agent sign-in → the release card in the requester’s 1:1 chat only', async () => {
    const key = demoKey(harness, 'ADELE-LAPTOP');
    const requesterChat = harness.personalChat(adele);
    await askForKey(requesterChat, key.id.slice(0, 8), ON_PREMISES_PC);
    const [opened] = await harness.app.store.cases.byRequester(adele.id);
    const agent = harness.teamChannel(isaiah, TEAM, CHANNEL);
    await agent.execute('caseClaim', { caseNumber: opened!.number, expectedVersion: opened!.version });
    let current = await harness.app.store.cases.get(opened!.number);
    // Send key before a recorded verification is refused.
    const early = await agent.execute('caseSendKey', {
      caseNumber: current!.number,
      expectedVersion: current!.version,
    });
    expect(JSON.stringify(early.body)).not.toContain('/auth/start');
    await agent.execute('caseRecordVerification', {
      caseNumber: current!.number,
      expectedVersion: current!.version,
      verificationMethod: 'videoCallPhotoId',
      verificationNote: 'video call, badge',
    });
    current = await harness.app.store.cases.get(opened!.number);
    const send = await agent.execute('caseSendKey', {
      caseNumber: current!.number,
      expectedVersion: current!.version,
    });
    const link = /"url":"([^"]*\/auth\/start[^"]*)"/.exec(JSON.stringify(send.body))?.[1];
    expect(link).toBeDefined();
    const before = keyReads(harness);
    const result = await signIn(harness, link!, isaiah.id);
    expect(result.callbackStatus).toBe(200);
    expect(keyReads(harness)).toBe(before + 1);
    const requesterConversation = (requesterChat.context.scope as { conversationId: string }).conversationId;
    const withKey = result.after.filter((call) =>
      JSON.stringify(call.activity ?? {}).includes(key.key.split('-')[0]!),
    );
    expect(withKey.length).toBe(1);
    expect(withKey[0]?.conversationId).toBe(requesterConversation);
    expect((await harness.app.store.cases.get(opened!.number))?.status).toBe('released');
    expect(
      result.after.some(
        (call) =>
          call.conversationId?.startsWith(CHANNEL) &&
          JSON.stringify(call.activity).includes(adele.displayName),
      ),
    ).toBe(true);
  });
});

describe('reject as suspicious', () => {
  const SECURITY = '19:security-team-alerts@thread.tacv2';
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({ env: { SECURITY_CHANNEL_ID: SECURITY } });
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
    await harness.teamChannel(lee, TEAM, SECURITY).install();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('closes the case, tells the requester, and alerts the security channel', async () => {
    await harness.personalChat(megan).send('talk to IT');
    const [opened] = await harness.app.store.cases.byRequester(megan.id);
    const mark = harness.connector.calls.length;
    await harness.teamChannel(lee, TEAM, CHANNEL).execute('caseReject', {
      caseNumber: opened!.number,
      expectedVersion: opened!.version,
      verificationNote: 'caller could not answer basic questions',
    });
    expect((await harness.app.store.cases.get(opened!.number))?.status).toBe('rejected');
    const alert = harness.connector.since(mark).find((call) => call.conversationId?.startsWith(SECURITY));
    expect(alert?.activity?.text).toContain(`case ${opened!.number}`);
    expect(alert?.activity?.text).toContain(megan.displayName);
  });
});

describe('someone outside the helpdesk presses the case buttons', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('Claim, Send key and Show key to me by a non-member: refused, the case and the channel unchanged', async () => {
    await harness.personalChat(nestor).send('talk to IT');
    const [opened] = await harness.app.store.cases.byRequester(nestor.id);
    const press = async (person: DemoPerson, verb: string, extra: Record<string, unknown> = {}) => {
      const current = (await harness.app.store.cases.get(opened!.number))!;
      return harness
        .teamChannel(person, TEAM, CHANNEL)
        .execute(verb, { caseNumber: current.number, expectedVersion: current.version, ...extra });
    };
    const refusedWithoutChange = async (verb: string, extra: Record<string, unknown> = {}) => {
      const before = await harness.app.store.cases.get(opened!.number);
      const mark = harness.connector.calls.length;
      const turn = await press(megan, verb, extra);
      expect(turn.status).toBe(200);
      expect(JSON.stringify(turn.body)).toContain('only for the IT helpdesk');
      expect(JSON.stringify(turn.body)).not.toContain('/auth/start');
      expect(await harness.app.store.cases.get(opened!.number)).toEqual(before);
      expect(harness.connector.since(mark).filter((call) => call.activity?.type !== 'typing')).toEqual([]);
    };

    await refusedWithoutChange('caseClaim');
    await press(lee, 'caseClaim');
    await press(lee, 'caseRecordVerification', { verificationMethod: 'inPerson', verificationNote: 'desk' });
    expect((await harness.app.store.cases.get(opened!.number))?.status).toBe('verified');
    await refusedWithoutChange('caseSendKey');
    await refusedWithoutChange('caseShowKeyToMe');
    await refusedWithoutChange('caseRevealKey', { showKeyReason: 'I want to see it' });
    const audit = await harness.app.store.audit.query({ requesterObjectId: nestor.id });
    expect(audit.map((event) => event.reason)).not.toContain('showKeyToMe:released');
  });
});

describe('helpdesk and requester languages', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({ env: { HELPDESK_LANGUAGE: 'en' } });
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('a German requester hears German, also in the updates the helpdesk sends later; the channel stays English', async () => {
    const chat = harness.personalChat(megan, { fresh: true, locale: 'de-DE' });
    const asked = await chat.send('ich möchte mit jemandem von der IT sprechen');
    expect(cardText(asked.replies[0]?.card)).toContain(CATALOGUE.de.caseRequestedTitle);
    const [opened] = await harness.app.store.cases.byRequester(megan.id);
    const channelCard = harness.connector.calls.find(
      (call) =>
        call.operation === 'createConversation' &&
        JSON.stringify(call.activity ?? {}).includes(megan.displayName),
    );
    expect(JSON.stringify(channelCard?.activity)).toContain(CATALOGUE.en.helpdesk.claim);

    const mark = harness.connector.calls.length;
    await harness.teamChannel(lee, TEAM, CHANNEL).execute('caseClaim', {
      caseNumber: opened!.number,
      expectedVersion: opened!.version,
    });
    const toRequester = harness.connector
      .since(mark)
      .filter(
        (call) =>
          call.operation !== 'update' && JSON.stringify(call.activity ?? {}).includes(lee.displayName),
      );
    const update = JSON.stringify(toRequester.map((call) => call.activity));
    expect(update).toContain(CATALOGUE.de.helpdesk.requester.updates.claimed(lee.displayName));
    expect(update).not.toContain(CATALOGUE.en.helpdesk.requester.updates.claimed(lee.displayName));
  });
});
