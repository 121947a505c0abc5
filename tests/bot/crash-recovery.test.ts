import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages.js';
import { completeDemoSignIn } from '../../src/demo-tenant/complete-demo-sign-in.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { demoKey, releaseRequestId, screenKeyId, WORK_PC_AFTER_UPDATE } from '../support/ask-for-key.js';
import { type BotProcessHarness, startBotProcessHarness } from '../support/bot-process.js';
import { demoPerson } from '../support/demo-people.js';
import { eventually } from '../support/eventually.js';
import type { ConnectorCall } from '../support/recording-connector.js';
import { storeBackends, type TestDatabase } from '../support/store-backends.js';

const alex = demoPerson('Alex Wilber');
const adele = demoPerson('Adele Vance');
const lee = demoPerson('Lee Gu');

/** What the bot sent to a conversation as text or card text, one message per entry. */
function texts(calls: readonly ConnectorCall[]): string[] {
  return calls
    .filter((call) => call.activity?.type === 'message')
    .map((call) => call.activity?.text ?? JSON.stringify(call.activity?.attachments ?? []));
}

/** The "Verify it's you" link in what the bot sent since `mark`. */
function verifyLinkSince(harness: BotProcessHarness, mark: number): string | undefined {
  for (const call of harness.connector.since(mark)) {
    const match = JSON.stringify(call.activity ?? {}).match(/"url":"([^"]*\/auth\/start[^"]*)"/);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Alex asks for his laptop's key and gets to the sign-in link, as on his phone. */
async function askForAlexsKey(harness: BotProcessHarness): Promise<string> {
  const chat = harness.personalChat(alex);
  const mark = harness.connector.calls.length;
  const keyId = screenKeyId(demoKey({ demoTenant: harness.demoTenant }, DEMO_DEVICE_NAMES.alexLaptop));
  expect(await chat.send(`my key id is ${keyId}`)).toBe(200);
  expect(await chat.submit({ verb: 'answers', ...WORK_PC_AFTER_UPDATE })).toBe(200);
  return await eventually('the sign-in link', () => verifyLinkSince(harness, mark));
}

/** Follows the link through the demo sign-in; resolves with the callback URL the browser is sent to. */
async function signInUpToCallback(link: string): Promise<URL> {
  const start = await fetch(link, { redirect: 'manual' });
  const location = start.headers.get('location');
  if (start.status !== 302 || !location) throw new Error(`/auth/start answered ${start.status}`);
  return (await completeDemoSignIn(location, { userId: alex.id })).redirectUrl;
}

/** Claims standing for Alex, pending ones included. */
function releasesOfAlex(harness: BotProcessHarness): Promise<number> {
  return harness.store.releases.countByRequester(alex.id, new Date(0).toISOString());
}

const backends = storeBackends().filter((backend) => backend.shared);

describe.each(backends)('a real bot process killed with SIGKILL mid-release ($title)', (backend) => {
  let harness: BotProcessHarness | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await harness?.stop();
    await database?.dispose();
    harness = undefined;
    database = undefined;
  });

  const start = async () => {
    database = await backend.createDatabase();
    harness = await startBotProcessHarness({
      databaseUrl: database.url,
      env: { RELEASE_RECOVERY_SECONDS: '2', HELPDESK_CHANNEL_ID: PLAYGROUND_CONVERSATIONS.helpdeskChannelId },
    });
    await harness.start();
    return harness;
  };

  it.skipIf(!backend.enabled)(
    'during the key read: after a restart nothing was released, the person is told to try again, and can',
    async () => {
      const bot = await start();
      const link = await askForAlexsKey(bot);
      const callback = await signInUpToCallback(link);
      // Every Graph call now takes a while, so the release sits in its key read long enough to be killed.
      bot.demoTenant.faults.set({ latencyMs: 1500 });
      const page = fetch(callback, { redirect: 'manual' }).catch(() => undefined);
      const claimed = await eventually('a pending claim', async () => {
        const count = await releasesOfAlex(bot);
        return count > 0 ? count : undefined;
      });
      expect(claimed).toBe(1);
      // Killed while the claim is pending: the key is being read and nothing is on screen yet.
      expect(await database!.query!('SELECT stage FROM releases')).toEqual([{ stage: 'pending' }]);
      await bot.kill();
      await page;
      bot.demoTenant.faults.reset();
      const mark = bot.connector.calls.length;

      await bot.start();

      await eventually(
        'the “interrupted” message',
        () =>
          texts(bot.connector.since(mark)).some((text) => text.includes(en.release.interrupted)) || undefined,
      );
      // No phantom release: the claim was taken back, so it neither counts nor blocks a retry.
      expect(await releasesOfAlex(bot)).toBe(0);
      const again = await askForAlexsKey(bot);
      const retryMark = bot.connector.calls.length;
      const retried = await fetch(await signInUpToCallback(again), { redirect: 'manual' });
      expect(retried.status).toBe(200);
      const card = await eventually('the release card', () =>
        bot.connector.since(retryMark).find((call) => releaseRequestId(call) !== undefined),
      );
      expect(card.conversationId).toBeDefined();
    },
    120_000,
  );

  it.skipIf(!backend.enabled)(
    'right after the card is sent: after a restart its hide job and rotation check are there, and “It worked” hides it',
    async () => {
      const bot = await start();
      const link = await askForAlexsKey(bot);
      const mark = bot.connector.calls.length;
      const page = await fetch(await signInUpToCallback(link), { redirect: 'manual' });
      expect(page.status).toBe(200);
      const card = await eventually('the release card', () =>
        bot.connector.since(mark).find((call) => releaseRequestId(call) !== undefined),
      );
      const requestId = releaseRequestId(card)!;
      await eventually('the card recorded as shown', async () =>
        (await bot.store.releases.progress(requestId))?.stage === 'shown' ? true : undefined,
      );
      await bot.kill();

      await bot.start();

      const progress = await bot.store.releases.progress(requestId);
      expect(progress?.stage).toBe('shown');
      expect(progress?.card?.activityId).toBe(card.responseId);
      const pending = await database!.query!(
        `SELECT kind FROM jobs WHERE state = 'pending' AND kind IN ('hideKeyCard', 'checkRotation') AND key LIKE '%${requestId}%' ORDER BY kind`,
      );
      expect(pending.map((row) => row.kind)).toEqual(['checkRotation', 'hideKeyCard']);
      // Alex says it worked: the restarted bot hides the card now and looks for the replacement key.
      const hideMark = bot.connector.calls.length;
      expect(await bot.personalChat(alex).submit({ verb: 'keyWorked', requestId })).toBe(200);
      const hidden = await eventually('the card hidden', () =>
        bot.connector.since(hideMark).find((call) => call.operation === 'update'),
      );
      expect(hidden.activityId).toBe(card.responseId);
      expect(JSON.stringify(hidden.activity)).not.toMatch(/\d{6}-\d{6}-\d{6}/);
    },
    120_000,
  );

  it.skipIf(!backend.enabled)(
    'between the sign-in and its callback: the restarted bot finishes the sign-in and shows the key',
    async () => {
      const bot = await start();
      const link = await askForAlexsKey(bot);
      const callback = await signInUpToCallback(link);
      await bot.kill();

      await bot.start();

      const mark = bot.connector.calls.length;
      const page = await fetch(callback, { redirect: 'manual' });
      expect(page.status).toBe(200);
      await eventually('the release card', () =>
        bot.connector.since(mark).find((call) => releaseRequestId(call) !== undefined),
      );
    },
    120_000,
  );

  it.skipIf(!backend.enabled)(
    'during a helpdesk Claim: after a restart the case is claimed exactly once, by the agent who retried',
    async () => {
      const bot = await start();
      const channel = bot.teamChannel(
        lee,
        PLAYGROUND_CONVERSATIONS.teamId,
        PLAYGROUND_CONVERSATIONS.helpdeskChannelId,
      );
      expect(await channel.install()).toBe(200);
      expect(await bot.personalChat(adele).send('talk to IT')).toBe(200);
      const [opened] = await eventually('the case', async () => {
        const cases = await bot.store.cases.byRequester(adele.id);
        return cases.length > 0 ? cases : undefined;
      });
      // The agent's membership check takes a while: the Claim is in flight when the process dies.
      bot.demoTenant.faults.set({ latencyMs: 1500 });
      const asked = bot.demoTenant.graphRequests.entries.length;
      // Handled at once: the kill below cuts this request off, and a rejection nobody waits for yet is an
      // unhandled error for Vitest.
      const press = channel
        .execute('caseClaim', { caseNumber: opened!.number, expectedVersion: opened!.version })
        .catch(() => undefined);
      await eventually('the membership check', () =>
        bot.demoTenant.graphRequests.entries
          .slice(asked)
          .some((request) => request.url.includes('checkMemberGroups'))
          ? true
          : undefined,
      );
      await bot.kill();
      await press;
      bot.demoTenant.faults.reset();

      await bot.start();

      const current = (await bot.store.cases.get(opened!.number))!;
      expect(
        await channel.execute('caseClaim', { caseNumber: current.number, expectedVersion: current.version }),
      ).toBe(200);
      const claimed = await bot.store.cases.get(opened!.number);
      expect(claimed).toMatchObject({ status: 'claimed', owner: { objectId: lee.id } });
      expect(claimed!.history.filter((entry) => entry.action === 'claimed')).toHaveLength(1);
      const audit = await bot.store.audit.query({ requesterObjectId: adele.id });
      expect(audit.filter((event) => event.reason === 'claim:claimed')).toHaveLength(1);
    },
    120_000,
  );
});
