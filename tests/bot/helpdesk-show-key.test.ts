import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { askForKey, demoKey, ON_PREMISES_PC } from '../support/ask-for-key.js';
import { type ConversationHarness, startConversationHarness, type Turn } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import type { ConnectorCall } from '../support/recording-connector.js';
import { keyReads, signIn } from '../support/sign-in.js';

const adele = demoPerson('Adele Vance');
const lee = demoPerson('Lee Gu');
const isaiah = demoPerson('Isaiah Langer');

const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
const REASON = 'Adele has no Teams on the kiosk PC; reading it to her by phone after a video check';
const SIGN_IN_LINK = /"url":"([^"]*\/auth\/start[^"]*)"/;

describe('Show key to me: only the advanced agent who asked sees the key, in their private chat', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const keyOf = (deviceName: string) => demoKey(harness, deviceName);
  const adeleKey = () => keyOf('ADELE-LAPTOP');
  const current = async (caseNumber: number) => (await harness.app.store.cases.get(caseNumber))!;
  const press = async (person: DemoPerson, verb: string, caseNumber: number, extra = {}): Promise<Turn> =>
    harness
      .teamChannel(person, TEAM, CHANNEL)
      .execute(verb, { caseNumber, expectedVersion: (await current(caseNumber)).version, ...extra });
  const carriesKey = (call: ConnectorCall, password: string) =>
    password.split('-').some((block) => JSON.stringify(call.activity ?? {}).includes(block));

  /** An escalated request (Adele's laptop unless said), claimed and verified by `owner`. */
  async function verifiedCaseOf(
    owner: DemoPerson,
    requester: DemoPerson = adele,
    deviceName = 'ADELE-LAPTOP',
  ): Promise<number> {
    const chat = harness.personalChat(requester);
    await chat.send('restart');
    await askForKey(chat, keyOf(deviceName).id.slice(0, 8), ON_PREMISES_PC);
    const [opened] = await harness.app.store.cases.byRequester(requester.id);
    await press(owner, 'caseClaim', opened!.number);
    await press(owner, 'caseRecordVerification', opened!.number, {
      verificationMethod: 'videoCallPhotoId',
      verificationNote: 'video call, badge matched',
    });
    expect((await current(opened!.number)).status).toBe('verified');
    return opened!.number;
  }

  it('a normal agent who owns a verified case is refused, and nothing changes', async () => {
    const caseNumber = await verifiedCaseOf(lee);
    const before = await current(caseNumber);
    const mark = harness.connector.calls.length;
    const offered = await press(lee, 'caseShowKeyToMe', caseNumber);
    expect(JSON.stringify(offered.body)).toContain('advanced helpdesk role');
    expect(JSON.stringify(offered.body)).not.toContain('showKeyReason');
    // The reveal button pressed anyway (a crafted or old card): refused the same way, no sign-in offered.
    const crafted = await press(lee, 'caseRevealKey', caseNumber, { showKeyReason: REASON });
    expect(JSON.stringify(crafted.body)).toContain('advanced helpdesk role');
    expect(JSON.stringify(crafted.body)).not.toMatch(SIGN_IN_LINK);
    expect(await current(caseNumber)).toEqual(before);
    expect(harness.connector.since(mark).filter((call) => call.activity?.type !== 'typing')).toEqual([]);
    await press(lee, 'caseResolve', caseNumber);
  });

  it('an advanced agent gives a reason, signs in, and the key arrives in their private chat alone', async () => {
    const key = adeleKey();
    const caseNumber = await verifiedCaseOf(isaiah);

    const offered = await press(isaiah, 'caseShowKeyToMe', caseNumber);
    expect(JSON.stringify(offered.body)).toContain('showKeyReason');
    expect(JSON.stringify(offered.body)).not.toMatch(SIGN_IN_LINK);
    const blank = await press(isaiah, 'caseRevealKey', caseNumber, { showKeyReason: '   ' });
    expect(JSON.stringify(blank.body)).toContain('showKeyReason');
    expect(JSON.stringify(blank.body)).not.toMatch(SIGN_IN_LINK);

    const reveal = await press(isaiah, 'caseRevealKey', caseNumber, { showKeyReason: REASON });
    const link = SIGN_IN_LINK.exec(JSON.stringify(reveal.body))?.[1];
    expect(link).toBeDefined();
    expect((await current(caseNumber)).status).toBe('verified');

    const reads = keyReads(harness);
    const result = await signIn(harness, link!, isaiah.id);
    expect(result.callbackStatus).toBe(200);
    expect(keyReads(harness)).toBe(reads + 1);

    // Teams is asked for the 1:1 chat with Isaiah; the key goes there and nowhere else.
    const isaiahTeamsId = harness.teamChannel(isaiah, TEAM, CHANNEL).context.from.id;
    const opened = result.after.find((call) => call.operation === 'createConversation');
    // The chat is opened (with no message) before the key is read; the recorded body is the request.
    expect(opened?.activity).toMatchObject({ isGroup: false, members: [{ id: isaiahTeamsId }] });
    expect(opened?.activity).not.toHaveProperty('activity');
    const withKey = result.after.filter((call) => carriesKey(call, key.key));
    expect(withKey).toHaveLength(1);
    expect(withKey[0]?.conversationId).not.toContain(CHANNEL);
    expect(withKey[0]?.conversationId).not.toBe(
      (harness.personalChat(adele).context.scope as { conversationId: string }).conversationId,
    );

    // The channel sees who saw it and why; the case is released, with the reason in its history and audit.
    const thread = result.after.filter((call) => call.conversationId?.startsWith(CHANNEL));
    expect(thread.some((call) => JSON.stringify(call.activity).includes('shown to Isaiah Langer'))).toBe(
      true,
    );
    expect(thread.some((call) => JSON.stringify(call.activity).includes(REASON))).toBe(true);
    const shown = await current(caseNumber);
    expect(shown.status).toBe('released');
    expect(shown.history.at(-1)).toMatchObject({ action: 'keyShownToAgent', detail: REASON });
    const audit = await harness.app.store.audit.query({ requesterObjectId: adele.id });
    expect(audit.find((event) => event.reason === 'showKeyToMe:released')).toMatchObject({
      actor: expect.stringContaining('Isaiah Langer'),
      note: REASON,
      keyId: key.id,
    });
    expect(audit.find((event) => event.decision === 'released')).toMatchObject({
      verification: { method: 'helpdesk:videoCallPhotoId+agentStepUp+shownToAgent' },
      actor: expect.stringContaining(isaiah.id),
      note: REASON,
    });

    // A second look at the same case is not a second read.
    const again = await press(isaiah, 'caseShowKeyToMe', caseNumber);
    const againLink = SIGN_IN_LINK.exec(
      JSON.stringify((await press(isaiah, 'caseRevealKey', caseNumber, { showKeyReason: REASON })).body),
    )?.[1];
    expect(JSON.stringify(again.body)).toContain('showKeyReason');
    const second = await signIn(harness, againLink!, isaiah.id);
    expect(keyReads(harness)).toBe(reads + 1);
    expect(second.after.filter((call) => carriesKey(call, key.key))).toEqual([]);
    expect(JSON.stringify(second.after)).toContain('No key was shown: this key has already been given out');

    // The timer hides it: the message in Isaiah's chat is replaced by a card without the key.
    const mark = harness.connector.calls.length;
    await harness.app.store.jobs.reschedule(
      `hide:${isaiah.id}:caseShow:${caseNumber}`,
      new Date().toISOString(),
    );
    const update = await waitFor(() =>
      harness.connector.since(mark).find((call) => call.operation === 'update'),
    );
    expect(update.conversationId).toBe(withKey[0]?.conversationId);
    expect(update.activityId).toBe(withKey[0]?.responseId);
    expect(JSON.stringify(update.activity)).toContain(`case ${caseNumber}: hidden`);
    expect(carriesKey(update, key.key)).toBe(false);
  });

  it('Teams will not open the agent’s private chat: no key is read, the thread says what to do', async () => {
    const caseNumber = await verifiedCaseOf(isaiah);
    const link = SIGN_IN_LINK.exec(
      JSON.stringify((await press(isaiah, 'caseRevealKey', caseNumber, { showKeyReason: REASON })).body),
    )?.[1];
    const before = await current(caseNumber);
    const reads = keyReads(harness);
    harness.connector.failNext('createConversation', 403, 'BotNotInConversationRoster');
    const result = await signIn(harness, link!, isaiah.id);
    expect(keyReads(harness)).toBe(reads);
    expect(JSON.stringify(result.after)).toContain(
      'I could not open a private chat with you, so no key was read',
    );
    expect(await current(caseNumber)).toEqual(before);
    await press(isaiah, 'caseResolve', caseNumber);
  });

  it('the card does not reach the agent: the read is taken back, nothing recorded, and a retry works', async () => {
    // Another PC: Adele's laptop gave out its key in the test above, and a second within the hour is refused.
    const key = keyOf('NESTOR-LAPTOP');
    const caseNumber = await verifiedCaseOf(isaiah, demoPerson('Nestor Wilke'), 'NESTOR-LAPTOP');
    const linkOf = async () =>
      SIGN_IN_LINK.exec(
        JSON.stringify((await press(isaiah, 'caseRevealKey', caseNumber, { showKeyReason: REASON })).body),
      )?.[1];
    const before = await current(caseNumber);
    // 403 as when the person blocked the bot (a 5xx would be retried by the Bot Framework client). The
    // card is the first message in the new chat, which botbuilder posts as a reply.
    harness.connector.failNext('reply', 403, 'ConversationBlockedByUser');
    const failed = await signIn(harness, (await linkOf())!, isaiah.id);
    expect(JSON.stringify(failed.after)).toContain(
      'I could not put the key in your private chat, so nobody has seen it',
    );
    expect(await current(caseNumber)).toEqual(before);
    expect(
      JSON.stringify(failed.after.filter((call) => call.conversationId?.startsWith(CHANNEL))),
    ).not.toContain('shown to');

    const retried = await signIn(harness, (await linkOf())!, isaiah.id);
    expect(retried.after.filter((call) => carriesKey(call, key.key))).toHaveLength(1);
    expect((await current(caseNumber)).status).toBe('released');
  });

  it('an out-of-date card answers members with the case, everyone else without it', async () => {
    const caseNumber = await verifiedCaseOf(lee);
    const stale = { caseNumber, expectedVersion: 1 };
    const member = await harness.teamChannel(isaiah, TEAM, CHANNEL).execute('caseRefresh', stale);
    expect(JSON.stringify(member.body)).toContain(adele.userPrincipalName);
    const outsider = await harness.personalChat(demoPerson('Nestor Wilke')).execute('caseShowKeyToMe', stale);
    expect(JSON.stringify(outsider.body)).toContain('only for the IT helpdesk');
    expect(JSON.stringify(outsider.body)).not.toContain(adele.displayName);
    const requester = await harness.personalChat(adele).execute('caseCancel', stale);
    expect(JSON.stringify(requester.body)).toContain('That card is out of date');
    expect(JSON.stringify(requester.body)).not.toContain(adele.userPrincipalName);
    expect(JSON.stringify(requester.body)).not.toContain('video call, badge matched');
    await press(lee, 'caseResolve', caseNumber);
  });

  it('"Hide key" in the private chat replaces that message at once', async () => {
    const chat = harness.personalChat(isaiah);
    const mark = harness.connector.calls.length;
    const hidden = await chat.execute(
      'caseHideKey',
      { caseNumber: 7, expectedVersion: 3 },
      { replyToId: 'm-7' },
    );
    expect(JSON.stringify(hidden.body)).toContain('case 7: hidden');
    const update = harness.connector.since(mark).find((call) => call.operation === 'update');
    expect(update).toMatchObject({ activityId: 'm-7' });
    expect(JSON.stringify(update?.activity)).toContain('case 7: hidden');
  });
});

describe('Show key to me in application mode, with the notice mail', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({
      env: { KEY_ACCESS: 'application', NOTICE_SENDER_MAILBOX: lee.id },
    });
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('reads with the app token after the agent’s sign-in, and mails the requester without the key', async () => {
    const key = demoKey(harness, 'ADELE-LAPTOP');
    await askForKey(harness.personalChat(adele), key.id.slice(0, 8), ON_PREMISES_PC);
    const [opened] = await harness.app.store.cases.byRequester(adele.id);
    const press = async (verb: string, extra: Record<string, unknown> = {}) => {
      const current = (await harness.app.store.cases.get(opened!.number))!;
      return harness
        .teamChannel(isaiah, TEAM, CHANNEL)
        .execute(verb, { caseNumber: current.number, expectedVersion: current.version, ...extra });
    };
    await press('caseClaim');
    await press('caseRecordVerification', {
      verificationMethod: 'inPerson',
      verificationNote: 'at the desk',
    });
    const link = SIGN_IN_LINK.exec(
      JSON.stringify((await press('caseRevealKey', { showKeyReason: REASON })).body),
    )?.[1];
    const result = await signIn(harness, link!, isaiah.id);
    expect(
      result.after.filter((call) => JSON.stringify(call.activity ?? {}).includes(key.key.split('-')[0]!)),
    ).toHaveLength(1);
    expect(harness.demoTenant.data.audit.at(-1)?.actor.kind).toBe('app');
    const inbox = harness.demoTenant.data.mailbox(adele.mail);
    expect(inbox).toHaveLength(1);
    const mail = JSON.stringify(inbox[0]);
    expect(mail).toContain('ADELE-LAPTOP');
    for (const block of key.key.split('-')) expect(mail).not.toContain(block);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
