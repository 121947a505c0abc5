import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/cards/messages.js';
import { DIRECTORY_ROLES } from '../../src/demo-tenant/directory-roles.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import {
  askForKey,
  demoKey,
  releaseCardCalls,
  releaseRequestId,
  screenKeyId,
  updateCalls,
} from '../support/ask-for-key.js';
import {
  type ConversationHarness,
  cardText,
  type HarnessOptions,
  startConversationHarness,
} from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { eventually } from '../support/eventually.js';
import type { ConnectorCall } from '../support/recording-connector.js';
import { keyReads, signIn, verifyLink, verifyLinkAfter } from '../support/sign-in.js';
import {
  type ActivityContext,
  messageActivity,
  submitActivity,
  teamsUser,
} from '../support/teams-activities.js';

const alex = demoPerson('Alex Wilber');
const megan = demoPerson('Megan Bowen');
const isaiah = demoPerson('Isaiah Langer');

const PLAYGROUND_TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const PLAYGROUND_CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
const FOREIGN_TENANT_ID = '99999999-9999-4999-8999-999999999999';
const MINUTE_MS = 60_000;

/** Everything the bot said in `calls`, card text included, one message per line. */
function said(calls: readonly ConnectorCall[]): string {
  return calls
    .filter((call) => call.activity?.type === 'message')
    .map((call) => {
      const card = call.activity?.attachments?.[0]?.content as Record<string, unknown> | undefined;
      return card ? cardText(card) : (call.activity?.text ?? '');
    })
    .join('\n');
}

/** The conversation id Teams gives the chat or channel a session talks in. */
function conversationOf(session: { readonly context: ActivityContext }): string {
  const { scope } = session.context;
  return scope.kind === 'channel' ? scope.channelId : scope.conversationId;
}

/** The bot's Graph traffic, as `METHOD path` lines, for failure messages that say what did happen. */
/** What reached the demo Graph, but for the bot's start-up check of the tenant setting (made once, at start). */
function graphTraffic(harness: ConversationHarness): string {
  return harness.demoTenant.graphRequests.entries
    .filter((request) => !request.url.includes('/policies/authorizationPolicy'))
    .map((request) => `${request.method} ${request.url} → ${String(request.outcome)}`)
    .join('\n');
}

/**
 * Exactly `count` `$select=key` requests reached the demo Graph, and it audited exactly as many "Read
 * BitLocker key" entries: two independent witnesses of key reads.
 */
function expectKeyReads(harness: ConversationHarness, count: number): void {
  expect(keyReads(harness), graphTraffic(harness)).toBe(count);
  expect(harness.demoTenant.data.audit).toHaveLength(count);
}

function expectNoKeyRead(harness: ConversationHarness): void {
  expectKeyReads(harness, 0);
}

describe('release abuse: every attempt ends without a key read at the demo tenant', () => {
  let harness: ConversationHarness;
  const start = async (options: HarnessOptions = {}): Promise<ConversationHarness> => {
    harness = await startConversationHarness(options);
    return harness;
  };
  afterEach(async () => {
    vi.useRealTimers();
    await harness?.stop();
  });

  it.each(['delegated', 'application'] as const)(
    "a Helpdesk Administrator asking with someone else's Key ID gets the words of a Key ID nobody has (%s access)",
    async (keyAccess) => {
      await start({ env: { KEY_ACCESS: keyAccess } });
      // The demo Graph lets this role read anyone's key with a delegated token (as Entra does), and an
      // app-only token has no owner check at all: only the bot's own ownership check stands in the way.
      expect(harness.demoTenant.data.users.get(isaiah.id)?.directoryRoles).toContain(
        DIRECTORY_ROLES.helpdeskAdministrator,
      );
      const alexKey = demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop);
      const chat = harness.personalChat(isaiah);

      const { answersTurn } = await askForKey(chat, screenKeyId(alexKey));
      const someoneElses = await signIn(harness, verifyLink(answersTurn), isaiah.id);

      expect(someoneElses.callbackStatus).toBe(200);
      expect(graphTraffic(harness)).toContain('ownedDevices');
      expectNoKeyRead(harness);
      expect(said(someoneElses.after)).toContain(en.caseReasons.notReleasable);
      expect(releaseCardCalls(someoneElses.after)).toEqual([]);
      expect(await harness.app.store.caseRequests.latestFor(isaiah.id)).toMatchObject({
        reason: 'notReleasable',
      });
      expect(await harness.app.store.audit.query({ requesterObjectId: isaiah.id })).toContainEqual(
        expect.objectContaining({ decision: 'denied', reason: 'noMatch' }),
      );

      // "Not yours" must read exactly like "no such key", or the bot becomes a Key ID oracle.
      const restart = await chat.send('restart');
      expect(restart.status).toBe(200);
      const { answersTurn: second } = await askForKey(chat, '0BADC0DE-1234-4321-ABCD-0123456789AB');
      const nobodys = await signIn(harness, verifyLink(second), isaiah.id);
      const sameWords = (text: string) =>
        text.replace(/\b[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\b/g, '<Key ID>').replace(/\d+/g, '#');
      expect(sameWords(said(nobodys.after))).toBe(sameWords(said(someoneElses.after)));
      expectNoKeyRead(harness);
    },
  );

  it('a sign-in completed by someone other than the Teams user is refused, audited and told to the requester', async () => {
    await start();
    const chat = harness.personalChat(alex);
    const { answersTurn } = await askForKey(
      chat,
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
    );
    const link = verifyLink(answersTurn);

    const byMegan = await signIn(harness, link, megan.id);

    expect(byMegan.callbackStatus).toBe(403);
    expect(byMegan.callbackPage).toContain('You signed in as someone else');
    expectNoKeyRead(harness);
    const told = byMegan.after.filter((call) => call.activity?.type === 'message');
    expect(told.map((call) => call.conversationId)).toEqual([conversationOf(chat), conversationOf(chat)]);
    expect(said(byMegan.after)).toContain(en.signIn.mismatch(megan.displayName));
    expect(await harness.app.store.audit.query({ requesterObjectId: alex.id })).toEqual([
      expect.objectContaining({ decision: 'signInMismatch', reason: `signedInAs:${megan.id}` }),
    ]);
    // The link was used up by Megan's attempt: Alex cannot finish it either, so a fresh one came with the words.
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(410);
    expectNoKeyRead(harness);
    const fresh = verifyLinkAfter(byMegan.after);
    expect(fresh).not.toBe(link);
    const byAlex = await signIn(harness, fresh, alex.id);
    expect(byAlex.callbackStatus).toBe(200);
    expect(releaseCardCalls(byAlex.after)).toHaveLength(1);
  });

  it('a replayed callback (state already used) releases nothing more', async () => {
    await start();
    const chat = harness.personalChat(alex);
    const { answersTurn } = await askForKey(
      chat,
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
    );
    const link = verifyLink(answersTurn);
    const first = await signIn(harness, link, alex.id);
    expect(releaseCardCalls(first.after)).toHaveLength(1);
    expectKeyReads(harness, 1);
    harness.demoTenant.graphRequests.clear();
    const mark = harness.connector.calls.length;

    const replay = await fetch(first.callbackUrl, { redirect: 'manual' });

    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This sign-in link was already used');
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(410);
    expect(graphTraffic(harness)).toBe('');
    expect(harness.demoTenant.data.audit).toHaveLength(1);
    expect(releaseCardCalls(harness.connector.since(mark))).toEqual([]);
  });

  it('a state that expired while the person was signing in releases nothing', async () => {
    await start();
    const chat = harness.personalChat(alex);
    const { answersTurn } = await askForKey(
      chat,
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
    );
    const link = verifyLink(answersTurn);

    // The person leaves the sign-in page open for 11 minutes: only the clock moves (timers stay real).
    const late = await signIn(harness, link, alex.id, {
      beforeCallback: () => {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(Date.now() + 11 * MINUTE_MS);
      },
    });

    expect(late.callbackStatus).toBe(400);
    expect(late.callbackPage).toContain('This sign-in link has expired');
    expectNoKeyRead(harness);
    expect(said(late.after)).toContain(en.signIn.failed);
    expect(verifyLinkAfter(late.after)).not.toBe(link);
    expect(await harness.app.store.audit.query({ requesterObjectId: alex.id })).toEqual([
      expect.objectContaining({ decision: 'signInFailed', reason: 'stateExpired' }),
    ]);

    // A link opened after its lifetime does not even reach the sign-in page.
    const { answersTurn: again } = await askForKey(
      chat,
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
    );
    vi.setSystemTime(Date.now() + 11 * MINUTE_MS);
    const opened = await fetch(verifyLink(again), { redirect: 'manual' });
    expect(opened.status).toBe(410);
    expect(opened.headers.get('location')).toBeNull();
    expectNoKeyRead(harness);
  });

  it("a card action for someone else's request, sent by another user, reads no key and leaves the card alone", async () => {
    await start();
    const alexChat = harness.personalChat(alex);
    const { answersTurn } = await askForKey(
      alexChat,
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
    );
    const released = await signIn(harness, verifyLink(answersTurn), alex.id);
    const [card] = releaseCardCalls(released.after);
    const requestId = card ? releaseRequestId(card) : undefined;
    expect(requestId).toBeDefined();
    expectKeyReads(harness, 1);
    const mark = harness.connector.calls.length;

    // Megan presses Alex's buttons: from her own 1:1 chat, and with an activity naming Alex's chat.
    const meganChat = harness.personalChat(megan);
    const inAlexsChat = { ...alexChat.context, from: teamsUser(megan.id, megan.displayName) };
    const presses = [
      await meganChat.submit({ verb: 'keyWorked', requestId }),
      await meganChat.submit({ verb: 'keyDidNotWork', requestId }),
      await harness.post(submitActivity(inAlexsChat, { verb: 'keyWorked', requestId })),
    ];
    expect(presses.map((turn) => turn.status)).toEqual([200, 200, 200]);
    // In her own chat the buttons belong to no request of hers: she hears so, and IT gets no case from it.
    expect(presses.slice(0, 2).map((turn) => turn.transcript)).toEqual([
      `bot: ${en.staleCard}`,
      `bot: ${en.staleCard}`,
    ]);
    expect(await harness.app.store.caseRequests.latestFor(megan.id)).toBeUndefined();
    // Several job polls (every 100 ms) pass: a hide scheduled for Alex's card would run in this time.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect(updateCalls(harness.connector.since(mark))).toEqual([]);
    expect(releaseCardCalls(harness.connector.since(mark))).toEqual([]);
    expectKeyReads(harness, 1);

    // The same press by Alex does hide his card: the silence above was not a slow job runner.
    await alexChat.submit({ verb: 'keyWorked', requestId });
    await eventually('the card hidden', () =>
      updateCalls(harness.connector.since(mark)).length > 0 ? true : undefined,
    );
    expect(updateCalls(harness.connector.since(mark))[0]?.conversationId).toBe(conversationOf(alexChat));
    expectKeyReads(harness, 1);
  });

  it.each(['groupChat', 'teamChannel'] as const)(
    'a key request from a %s gets the 1:1 redirect: no sign-in link, no Graph call',
    async (where) => {
      await start();
      const shared = where === 'groupChat' ? harness.groupChat(alex) : harness.teamChannel(alex);
      const keyId = screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop));

      const { keyIdTurn, answersTurn } = await askForKey(shared, keyId);
      const press = await shared.submit({ verb: 'keyWorked', requestId: 'R-ANYTHING' });

      for (const turn of [keyIdTurn, answersTurn, press]) {
        expect(turn.transcript).toBe(`bot: ${en.groupChatRedirect}`);
        expect(() => verifyLink(turn)).toThrow();
        expect(turn.calls.every((call) => call.conversationId === conversationOf(shared))).toBe(true);
      }
      expect(graphTraffic(harness)).toBe('');
      expectNoKeyRead(harness);
    },
  );

  it.each(['demo', 'tenant'] as const)(
    'an activity from another tenant is refused before any handler runs (%s mode)',
    async (mode) => {
      await start({ mode });
      const chat = harness.personalChat(alex);
      const foreign = { ...chat.context, tenantId: FOREIGN_TENANT_ID };
      const keyId = screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop));

      const turns = [
        await harness.post(messageActivity(foreign, `my key id is ${keyId}`)),
        await harness.post(
          submitActivity(foreign, { verb: 'answers', rootCause: 'windowsUpdate', deviceKind: 'workPc' }),
        ),
        await harness.post(submitActivity(foreign, { verb: 'keyWorked', requestId: 'R-ANYTHING' })),
      ];

      for (const turn of turns) {
        expect(turn.status).toBe(403);
        expect(turn.calls).toEqual([]);
      }
      expect(graphTraffic(harness)).toBe('');
      expectNoKeyRead(harness);
      // The same activities from our own tenant do get an answer: the refusal was about the tenant.
      const own = await chat.send(`my key id is ${keyId}`);
      expect(own.status).toBe(200);
      expect(own.replies.length).toBeGreaterThan(0);
    },
  );
});

describe('Graph faults during the release (over HTTP through the bot)', () => {
  let harness: ConversationHarness;
  afterEach(async () => {
    await harness?.stop();
  });

  it('429 with Retry-After: 2: the retry reaches Graph no earlier than 2 s later, and the key is still released', async () => {
    harness = await startConversationHarness();
    const chat = harness.personalChat(alex);
    const { answersTurn } = await askForKey(
      chat,
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
    );
    harness.demoTenant.graphRequests.clear();
    // Every 4th Graph request is answered 429 with Retry-After: 2 (the release makes five or more).
    harness.demoTenant.faults.set({ throttle: { everyNth: 4, retryAfterSeconds: 2 } });

    const result = await signIn(harness, verifyLink(answersTurn), alex.id);

    const requests = harness.demoTenant.graphRequests.entries;
    const throttled = requests.filter((request) => request.outcome === 429);
    expect(throttled.length, graphTraffic(harness)).toBeGreaterThan(0);
    for (const answer of throttled) {
      const retry = requests
        .slice(requests.indexOf(answer) + 1)
        .find((request) => request.method === answer.method && request.url === answer.url);
      expect(retry, `no retry of ${answer.url}`).toBeDefined();
      expect(retry!.receivedAt - answer.receivedAt).toBeGreaterThanOrEqual(2000);
    }
    expect(releaseCardCalls(result.after)).toHaveLength(1);
    expect(requests.filter((r) => r.url.includes('$select=key') && r.outcome === 200)).toHaveLength(1);
  });

  it('a 503 storm: an honest message, a case request for IT, no key read and no crash', async () => {
    harness = await startConversationHarness();
    const chat = harness.personalChat(alex);
    const { answersTurn } = await askForKey(
      chat,
      screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)),
    );
    harness.demoTenant.faults.set({ serverErrors: { everyNth: 1, status: 503 } });

    const result = await signIn(harness, verifyLink(answersTurn), alex.id);

    expect(harness.demoTenant.faults.stats.serverErrors).toBeGreaterThan(1);
    expectNoKeyRead(harness);
    expect(result.callbackStatus).toBeLessThan(500);
    expect(said(result.after)).toContain(en.caseReasons.directoryUnavailable);
    expect(await harness.app.store.caseRequests.latestFor(alex.id)).toMatchObject({
      reason: 'directoryUnavailable',
    });
    expect(harness.logs.filter((line) => line.includes('"turn failed'))).toEqual([]);
    // Still serving: the health check answers and the requester can ask where things stand.
    expect((await fetch(`${harness.app.url}/healthz`)).status).toBe(200);
    const status = await chat.send('status');
    expect(status.status).toBe(200);
    expect(status.replies.length).toBeGreaterThan(0);
  });

  it('a hung Graph: chat turns answer at once, the sign-in page within 1 s, and the requester hears from the bot', async () => {
    harness = await startConversationHarness();
    // Graph hangs from the start; the triage turns never wait on it.
    harness.demoTenant.faults.set({ latencyMs: 20_000 });
    const chat = harness.personalChat(alex);
    const keyId = screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop));
    const turnStarted = performance.now();
    const { answersTurn } = await askForKey(chat, keyId);
    expect(performance.now() - turnStarted).toBeLessThan(5000);

    const result = await signIn(harness, verifyLink(answersTurn), alex.id);

    expect(result.callbackMs).toBeLessThan(1000);
    expect(result.callbackPage).toContain('my answer is in the chat, or will be in a moment');
    expect(result.callbackStatus).toBeLessThan(500);
    expectNoKeyRead(harness);
    expect(said(result.after)).toContain(en.caseReasons.directoryUnavailable);
    expect(result.after.every((call) => call.conversationId === conversationOf(chat))).toBe(true);
    expect(await harness.app.store.caseRequests.latestFor(alex.id)).toMatchObject({
      reason: 'directoryUnavailable',
    });
    harness.demoTenant.faults.reset();
  }, 40_000);
});

describe('Key IDs that match none of the person’s PCs (probing)', () => {
  let harness: ConversationHarness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('25 misses in a row open at most KEY_ID_MISS_CASE_LIMIT cases, alert the helpdesk once, and then say talk to IT', async () => {
    harness = await startConversationHarness({ env: { KEY_ID_MISS_CASE_LIMIT: '3' } });
    await harness.teamChannel(isaiah, PLAYGROUND_TEAM, PLAYGROUND_CHANNEL).install();
    const chat = harness.personalChat(alex);
    const mark = harness.connector.calls.length;
    let last = '';
    for (let miss = 0; miss < 25; miss += 1) {
      const keyId = `F00D${miss.toString(16).toUpperCase().padStart(4, '0')}`;
      const { answersTurn } = await askForKey(chat, keyId);
      const result = await signIn(harness, verifyLink(answersTurn), alex.id);
      last = said(result.after);
    }
    const cases = await harness.app.store.cases.byRequester(alex.id);
    expect(cases).toHaveLength(3);
    const alerts = harness.connector
      .since(mark)
      .filter((call) => call.activity?.text?.includes(en.helpdesk.probingAlert(alex.displayName, 4)));
    expect(alerts).toHaveLength(1);
    expect(String(alerts[0]?.conversationId)).toContain(PLAYGROUND_CHANNEL);
    expect(last).toContain(en.missLimit);
    expect(keyReads(harness)).toBe(0);
  });
});
