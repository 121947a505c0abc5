import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { hideJobKey } from '../../src/recovery/after-disclosure.js';
import {
  askForKey,
  demoKey,
  ON_PREMISES_PC,
  releaseCardCalls,
  releaseRequestId,
  screenKeyId,
} from '../support/ask-for-key.js';
import {
  type ChatSession,
  type ConversationHarness,
  startConversationHarness,
  type Turn,
} from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import type { ConnectorCall } from '../support/recording-connector.js';
import { type ScannedText, scanForRecoveryPasswords } from '../support/scan-for-recovery-passwords.js';
import { keyReads, type SignInResult, signIn } from '../support/sign-in.js';
import { sqliteFileBytes, storedRows } from '../support/stored-texts.js';

const alex = demoPerson('Alex Wilber');
const megan = demoPerson('Megan Bowen');
const adele = demoPerson('Adele Vance');
const nestor = demoPerson('Nestor Wilke');
const lee = demoPerson('Lee Gu');
const isaiah = demoPerson('Isaiah Langer');

const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
/** A valid recovery password that no demo device has: what someone types into a case field by mistake. */
const PASTED_PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';

describe('helpdesk secret scan: the key reaches the requester’s 1:1 chat and nothing else', () => {
  let harness: ConversationHarness;
  let databasePath: string;
  /** Every HTTP answer of `/api/messages` (invoke responses included), sign-in pages, health and metrics. */
  const httpAnswers: ScannedText[] = [];
  /** The Universal Action (invoke) responses apart: the agent's own view, which the brief names. */
  const invokeAnswers: ScannedText[] = [];
  const cases = { adele: 0, megan: 0, nestor: 0, alex: 0, alexAgain: 0 };
  let sentKey = '';
  let sentKeyId = '';
  /** Alex's key, shown to Isaiah alone (Show key to me), and the private chat it went to. */
  let shownKey = '';
  let isaiahChatId = '';

  const keep = async (label: string, turnPromise: Promise<Turn>, invoke = false): Promise<Turn> => {
    const turn = await turnPromise;
    // The label never holds what was typed: a failing scan prints sources, and a typed text may be a key.
    const answer = {
      source: `${label} #${httpAnswers.length} (HTTP ${turn.status})`,
      text: JSON.stringify(turn.body ?? ''),
    };
    httpAnswers.push(answer);
    if (invoke) invokeAnswers.push(answer);
    return turn;
  };
  /** A session whose every HTTP answer is kept for the scan. */
  const recorded = (session: ChatSession, label: string): ChatSession => ({
    context: session.context,
    send: (text) => keep(`${label} message`, session.send(text)),
    submit: (data) => keep(`${label} submit`, session.submit(data)),
    execute: (verb, data) => keep(`${label} ${verb}`, session.execute(verb, data), true),
    install: () => keep(`${label} install`, session.install()),
  });
  const channel = (person: DemoPerson) =>
    recorded(harness.teamChannel(person, TEAM, CHANNEL), `${person.displayName} in the channel`);
  const chat = (person: DemoPerson) => recorded(harness.personalChat(person), `${person.displayName} 1:1`);
  const chatId = (person: DemoPerson) =>
    (harness.personalChat(person).context.scope as { conversationId: string }).conversationId;

  /** An agent presses `verb` on the case card as it is now (the version they see). */
  const act = async (
    agent: DemoPerson,
    caseNumber: number,
    verb: string,
    extra: Record<string, unknown> = {},
  ) => {
    const current = await harness.app.store.cases.get(caseNumber);
    return channel(agent).execute(verb, { caseNumber, expectedVersion: current!.version, ...extra });
  };
  const requesterActs = async (person: DemoPerson, caseNumber: number, verb: string, extra = {}) => {
    const current = await harness.app.store.cases.get(caseNumber);
    return chat(person).execute(verb, { caseNumber, expectedVersion: current!.version, ...extra });
  };
  const sendKeyLink = (turn: Turn): string | undefined =>
    /"url":"([^"]*\/auth\/start[^"]*)"/.exec(JSON.stringify(turn.body))?.[1];
  /** The agent presses Send key and gets their own sign-in link (in the invoke response only). */
  const sendKeyLinkOf = async (agent: DemoPerson, caseNumber: number): Promise<string> => {
    const link = sendKeyLink(await act(agent, caseNumber, 'caseSendKey'));
    if (!link) throw new Error(`no Send key sign-in link for ${agent.displayName} on case ${caseNumber}`);
    return link;
  };
  /** The advanced agent presses Show key to me, gives the reason, and gets their own sign-in link. */
  const showKeyLinkOf = async (agent: DemoPerson, caseNumber: number, reason: string): Promise<string> => {
    await act(agent, caseNumber, 'caseShowKeyToMe');
    const link = sendKeyLink(await act(agent, caseNumber, 'caseRevealKey', { showKeyReason: reason }));
    if (!link) throw new Error(`no Show key sign-in link for ${agent.displayName} on case ${caseNumber}`);
    return link;
  };
  const agentSignIn = async (link: string, signer: DemoPerson): Promise<SignInResult> => {
    const result = await signIn(harness, link, signer.id);
    httpAnswers.push({ source: `callback page for ${signer.displayName}`, text: result.callbackPage });
    return result;
  };
  const openedCase = async (person: DemoPerson): Promise<number> => {
    const [opened] = await harness.app.store.cases.byRequester(person.id);
    if (!opened) throw new Error(`no case for ${person.displayName}`);
    return opened.number;
  };
  const waitFor = async (done: () => boolean, ms = 5000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  beforeAll(async () => {
    harness = await startConversationHarness();
    databasePath = harness.config.store.url.replace(/^sqlite:/, '');
    await channel(lee).install();

    // 1. Adele: escalated, claimed, verified, Send key with Isaiah's own fresh sign-in → her 1:1 chat.
    const adeleKey = demoKey(harness, DEMO_DEVICE_NAMES.adeleLaptop);
    sentKey = adeleKey.key;
    sentKeyId = adeleKey.id;
    await askForKey(chat(adele), adeleKey.id.slice(0, 8), ON_PREMISES_PC);
    cases.adele = await openedCase(adele);
    await act(isaiah, cases.adele, 'caseClaim');
    await act(lee, cases.adele, 'caseClaim'); // already Isaiah's
    await act(isaiah, cases.adele, 'caseSendKey'); // before any verification: refused
    await act(isaiah, cases.adele, 'caseRecordVerification', {
      verificationMethod: 'videoCallPhotoId',
      verificationNote: `read out ${PASTED_PASSWORD}`,
    });
    await act(isaiah, cases.adele, 'caseRecordVerification', {
      verificationMethod: 'videoCallPhotoId',
      verificationNote: 'Teams video call, badge shown',
    });
    await act(lee, cases.adele, 'caseSendKey'); // not Lee's case
    // The link is Isaiah's: Lee signing in on it verifies nobody.
    await agentSignIn(await sendKeyLinkOf(isaiah, cases.adele), lee);
    await agentSignIn(await sendKeyLinkOf(isaiah, cases.adele), isaiah);
    await act(isaiah, cases.adele, 'caseSendKey'); // released already: nothing more to send
    // "It worked" on the release card; then the card is hidden (as the timer would, if the button does not).
    await chat(adele).submit({ verb: 'keyWorked', requestId: `case:${cases.adele}` });
    await harness.app.store.jobs.reschedule(
      hideJobKey(`case:${cases.adele}`, adele.id),
      new Date().toISOString(),
    );
    await waitFor(() =>
      harness.connector.calls.some(
        (call) => call.operation === 'update' && call.conversationId === chatId(adele),
      ),
    );
    await act(isaiah, cases.adele, 'caseResolve');
    await chat(adele).send('status');

    // 2. Megan: the Key ID she gave fits two of her PCs: Isaiah is told to ask for more, no key is read.
    // Lee, whose sign-in grants no key reads, is then refused by the tenant. Show key to me: Isaiah's view.
    await askForKey(
      chat(megan),
      demoKey(harness, DEMO_DEVICE_NAMES.meganLaptop).id.slice(0, 8),
      ON_PREMISES_PC,
    );
    cases.megan = await openedCase(megan);
    await act(isaiah, cases.megan, 'caseClaim');
    await act(isaiah, cases.megan, 'caseRecordVerification', {
      verificationMethod: 'managerConfirmation',
      verificationNote: 'manager confirmed in Teams',
    });
    await agentSignIn(await sendKeyLinkOf(isaiah, cases.megan), isaiah);
    await act(isaiah, cases.megan, 'caseShowKeyToMe');
    await act(isaiah, cases.megan, 'caseRevealKey', { showKeyReason: `reading ${PASTED_PASSWORD}` });
    await act(isaiah, cases.megan, 'caseRefresh');
    // Show key on an ambiguous Key ID ends like Send key: ask for more digits, nothing read.
    await agentSignIn(await showKeyLinkOf(isaiah, cases.megan, 'no Teams on the kiosk'), isaiah);
    await act(isaiah, cases.megan, 'caseReleaseClaim');
    await act(lee, cases.megan, 'caseClaim');
    await act(lee, cases.megan, 'caseRecordVerification', {
      verificationMethod: 'inPerson',
      verificationNote: 'desk visit',
    });
    await agentSignIn(await sendKeyLinkOf(lee, cases.megan), lee);
    await act(lee, cases.megan, 'caseResolve');
    await act(lee, cases.megan, 'caseReopen');

    // 3. Nestor asks with Alex's Key ID: Isaiah's Send key finds no key of Nestor's; then rejected.
    await askForKey(
      chat(nestor),
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
      ON_PREMISES_PC,
    );
    cases.nestor = await openedCase(nestor);
    await act(isaiah, cases.nestor, 'caseClaim');
    await act(isaiah, cases.nestor, 'caseRecordVerification', {
      verificationMethod: 'videoCallPhotoId',
      verificationNote: 'call',
    });
    await agentSignIn(await sendKeyLinkOf(isaiah, cases.nestor), isaiah);
    await act(isaiah, cases.nestor, 'caseReject', { verificationNote: `caller said ${PASTED_PASSWORD}` });
    await act(isaiah, cases.nestor, 'caseReject', { verificationNote: 'Key ID is not his device' });
    await chat(nestor).send('status');

    // 4. Alex: talk to IT, notes (one with a pasted key), a reminder of the unclaimed case, then cancel.
    await chat(alex).send('talk to IT');
    cases.alex = await openedCase(alex);
    await requesterActs(alex, cases.alex, 'caseAddNote', { requesterNote: `my key is ${PASTED_PASSWORD}` });
    await requesterActs(alex, cases.alex, 'caseAddNote', { requesterNote: 'I am at the front desk' });
    const waiting = (await harness.app.store.cases.get(cases.alex))!;
    const hourAgo = new Date(Date.now() - 60 * 60_000).toISOString();
    await harness.app.store.cases.update(
      { ...waiting, announcedAt: hourAgo, waitingSince: hourAgo, version: waiting.version + 1 },
      waiting.version,
    );
    await harness.app.store.jobs.reschedule(`remind:${cases.alex}:1`, new Date().toISOString());
    await waitFor(() =>
      harness.connector.calls.some(
        (call) =>
          (call.operation === 'reply' || call.operation === 'send') &&
          call.conversationId?.startsWith(`${CHANNEL};messageid=`) === true &&
          JSON.stringify(call.activity ?? {}).includes(alex.displayName),
      ),
    );
    await requesterActs(alex, cases.alex, 'caseCancel');
    await act(lee, cases.alex, 'caseClaim');
    await chat(alex).send('status');

    // 5. Alex again, from a kiosk without Teams: Lee may not see keys; Isaiah (advanced) does, privately.
    const alexKey = demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop);
    shownKey = alexKey.key;
    await chat(alex).send('restart');
    await askForKey(chat(alex), alexKey.id.slice(0, 8), ON_PREMISES_PC);
    cases.alexAgain = await openedCase(alex);
    await act(lee, cases.alexAgain, 'caseClaim');
    await act(lee, cases.alexAgain, 'caseRecordVerification', {
      verificationMethod: 'inPerson',
      verificationNote: 'at the service desk',
    });
    await act(lee, cases.alexAgain, 'caseShowKeyToMe');
    await act(lee, cases.alexAgain, 'caseRevealKey', { showKeyReason: 'kiosk without Teams' });
    await act(lee, cases.alexAgain, 'caseReleaseClaim');
    await act(isaiah, cases.alexAgain, 'caseClaim');
    await act(isaiah, cases.alexAgain, 'caseRecordVerification', {
      verificationMethod: 'inPerson',
      verificationNote: 'at the service desk, badge',
    });
    const showLink = await showKeyLinkOf(isaiah, cases.alexAgain, 'kiosk without Teams, reading it aloud');
    const shown = await agentSignIn(showLink, isaiah);
    // The first message after Teams opened a conversation for Isaiah is in that conversation.
    const opened = shown.after.findIndex((call) => call.operation === 'createConversation');
    if (opened < 0) throw new Error('Show key to me opened no private chat');
    isaiahChatId = shown.after[opened + 1]?.conversationId ?? '';
    await harness.app.store.jobs.reschedule(
      hideJobKey(`caseShow:${cases.alexAgain}`, isaiah.id),
      new Date().toISOString(),
    );
    await waitFor(() =>
      harness.connector.calls.some(
        (call) => call.operation === 'update' && call.conversationId === isaiahChatId,
      ),
    );
    await act(isaiah, cases.alexAgain, 'caseResolve');

    // 6. The helpdesk commands, in the channel and in 1:1, including an audit "by key".
    const adeleLaptopId = [...harness.demoTenant.data.devices.values()].find(
      (device) => device.displayName === DEMO_DEVICE_NAMES.adeleLaptop,
    )!.deviceId;
    for (const session of [channel(lee), chat(isaiah)]) {
      await session.send('queue');
      await session.send('stats');
      for (const caseNumber of Object.values(cases)) await session.send(`case ${caseNumber}`);
      for (const subject of [
        adele.userPrincipalName,
        adele.id,
        adeleLaptopId,
        sentKeyId.slice(0, 8),
        `{${sentKeyId}}`,
      ])
        await session.send(`audit ${subject}`);
      await session.send(`audit ${sentKey}`);
    }
    await channel(megan).send('queue');
    await chat(megan).send(`audit ${adele.userPrincipalName}`);

    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const response = await fetch(`${harness.app.url}${path}`);
      httpAnswers.push({ source: `GET ${path}`, text: await response.text() });
    }
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const knownPasswords = (): string[] => [
    ...harness.demoTenant.data.recoveryKeys.map((key) => key.key),
    PASTED_PASSWORD,
  ];
  const expectNoPasswords = (texts: readonly ScannedText[]): void => {
    expect(texts.length).toBeGreaterThan(0);
    expect(scanForRecoveryPasswords(texts, knownPasswords())).toEqual([]);
  };
  const callText = (call: ConnectorCall, index: number): ScannedText => ({
    source: `connector ${call.operation} #${index} in ${call.conversationId ?? '(new conversation)'}`,
    text: JSON.stringify(call.activity ?? null),
  });
  const inChannel = (call: ConnectorCall): boolean =>
    call.conversationId?.startsWith(CHANNEL) === true ||
    (call.operation === 'createConversation' && JSON.stringify(call.activity ?? {}).includes(CHANNEL));

  it('ran every helpdesk flow: one key sent, one shown, each case in its end state, refusals, reminder, mismatch', async () => {
    expect(keyReads(harness)).toBe(2);
    const status = async (caseNumber: number) => (await harness.app.store.cases.get(caseNumber))?.status;
    expect(await status(cases.adele)).toBe('resolved');
    expect(await status(cases.megan)).toBe('reopened');
    expect(await status(cases.nestor)).toBe('rejected');
    expect(await status(cases.alex)).toBe('cancelled');
    expect(await status(cases.alexAgain)).toBe('resolved');
    const alexCase = await harness.app.store.cases.get(cases.alex);
    expect(alexCase?.history.map((item) => item.action)).toContain('reminded');
    const audit = await harness.app.store.audit.query({ limit: 500 });
    const decisions = audit.map((event) => event.decision);
    expect(decisions.filter((decision) => decision === 'released')).toHaveLength(2);
    expect(audit.filter((event) => event.reason === 'showKeyToMe:released')).toHaveLength(1);
    expect(decisions).toContain('signInMismatch');
    // The sign-in on Megan's case ended in "ask for more digits", on Nestor's in "no key sent".
    // What the bot told the agents in the channel after each sign-in (the card updates are scanned below).
    const said = harness.connector.calls
      .filter((call) => call.conversationId?.startsWith(CHANNEL) && call.operation !== 'update')
      .map((call) => call.activity?.text ?? '');
    for (const expected of [
      /^That sign-in could not be used for sending the key/,
      /^The key is in Adele Vance's chat now/,
      /^No key was sent: Entra ID does not let this sign-in read BitLocker keys/,
      /^No key was sent: none of the requester's PCs has a key with that Key ID/,
      /^Case \d+ for Alex Wilber has waited/,
      /^The key was shown to Isaiah Langer in their private chat/,
    ])
      expect(
        said.filter((text) => expected.test(text)),
        String(expected),
      ).toHaveLength(1);
    // Send key and Show key on Megan's ambiguous Key ID.
    expect(
      said.filter((text) => /^2 keys on the requester's PCs start with that Key ID/.test(text)),
    ).toHaveLength(2);
  });

  it('the keys are in exactly two messages: Adele’s release card in her 1:1 chat, Alex’s in Isaiah’s private chat', () => {
    const calls = harness.connector.calls;
    const withKnownPassword = calls
      .map((call, index) => ({
        call,
        hits: scanForRecoveryPasswords([callText(call, index)], knownPasswords()),
      }))
      .filter(({ hits }) => hits.length > 0);
    expect(withKnownPassword).toHaveLength(2);
    const [sent, shown] = withKnownPassword.map(({ call }) => call);
    expect(['send', 'reply']).toContain(sent?.operation);
    expect(sent?.conversationId).toBe(chatId(adele));
    expect(releaseCardCalls(calls)).toEqual([sent]);
    expect(releaseRequestId(sent!)).toBe(`case:${cases.adele}`);
    // Isaiah's private chat: the one Teams opened for him, not the channel, not Alex's, not Adele's.
    expect(['send', 'reply']).toContain(shown?.operation);
    expect(shown?.conversationId).toBe(isaiahChatId);
    expect([chatId(alex), chatId(adele), chatId(isaiah)]).not.toContain(isaiahChatId);
    expect(shown?.conversationId?.startsWith(CHANNEL)).toBe(false);
    // Positive controls: each card holds its own key (not another), in the block layout.
    expect(scanForRecoveryPasswords([callText(sent!, 0)], [sentKey]).map((hit) => hit.kind)).toContain(
      'knownKey',
    );
    expect(scanForRecoveryPasswords([callText(shown!, 0)], [shownKey]).map((hit) => hit.kind)).toContain(
      'knownKey',
    );
  });

  it('the channel: the posted base cards, their updates and the thread replies carry no key and no sign-in link', () => {
    const channelCalls = harness.connector.calls.filter(inChannel);
    const posted = channelCalls.filter((call) => call.operation === 'createConversation');
    expect(posted).toHaveLength(5);
    expect(channelCalls.filter((call) => call.operation === 'update').length).toBeGreaterThanOrEqual(15);
    expect(
      channelCalls.filter((call) => call.operation === 'reply' || call.operation === 'send').length,
    ).toBeGreaterThan(3);
    const texts = channelCalls.map(callText);
    expectNoPasswords(texts);
    // The agent's Send key link belongs in their own invoke response only, never in what the channel sees.
    expect(texts.filter((text) => text.text.includes('/auth/start')).map((text) => text.source)).toEqual([]);
  });

  it('every Universal Action (invoke) response body: no recovery password', () => {
    expect(invokeAnswers.length).toBeGreaterThanOrEqual(30);
    // Send key: four links (Isaiah ×3, Lee ×1); Show key to me: two (Isaiah), none for Lee.
    expect(invokeAnswers.filter((answer) => answer.text.includes('/auth/start')).length).toBe(7);
    expectNoPasswords(invokeAnswers);
  });

  it('every other connector call and every HTTP answer: no recovery password', () => {
    const others = harness.connector.calls.map(callText).filter((_text, index) => {
      const call = harness.connector.calls[index]!;
      const shownToIsaiah = call.operation !== 'update' && call.conversationId === isaiahChatId;
      return releaseRequestId(call) === undefined && !shownToIsaiah;
    });
    expect(others.length).toBe(harness.connector.calls.length - 2);
    // Both cards are hidden: their replacements in Adele's and Isaiah's chats are key-free.
    for (const conversationId of [chatId(adele), isaiahChatId])
      expect(
        harness.connector.calls.some(
          (call) => call.operation === 'update' && call.conversationId === conversationId,
        ),
      ).toBe(true);
    expectNoPasswords([...others, ...httpAnswers]);
  });

  it('the case rows, their JSON documents, the audit rows and the jobs: no recovery password', async () => {
    const stored = await Promise.all(
      Object.values(cases).map((caseNumber) => harness.app.store.cases.get(caseNumber)),
    );
    expectNoPasswords(stored.map((kept, index) => ({ source: `case ${index}`, text: JSON.stringify(kept) })));
    const audit = await harness.app.store.audit.query({ limit: 500 });
    expectNoPasswords(
      audit.map((event, index) => ({ source: `audit event ${index}`, text: JSON.stringify(event) })),
    );
    const { texts, rowsPerTable } = storedRows(databasePath);
    for (const table of ['cases', 'case_requests', 'audit_events', 'jobs', 'releases', 'helpdesk_channels'])
      expect(rowsPerTable[table], `${table} in ${JSON.stringify(rowsPerTable)}`).toBeGreaterThan(0);
    expectNoPasswords(texts);
  });

  it('the log lines, the SQLite file and its -wal, and what went to Graph: no recovery password', () => {
    expect(harness.logs.length).toBeGreaterThan(50);
    expectNoPasswords(harness.logs.map((line, index) => ({ source: `log line ${index}`, text: line })));
    const files = sqliteFileBytes(databasePath);
    expect(files.map((file) => file.source)).toContain(`${databasePath}-wal`);
    expect(files.some((file) => file.text.includes(`case:${cases.adele}`))).toBe(true);
    expectNoPasswords(files);
    expectNoPasswords(
      harness.demoTenant.graphRequests.entries.map((request, index) => ({
        source: `graph request ${index}`,
        text: `${request.method} ${request.url} ${JSON.stringify(request.headers)}`,
      })),
    );
  });
});
