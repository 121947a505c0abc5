import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { eventually } from '../support/eventually.js';

const DAY_MS = 24 * 60 * 60_000;
const alex = demoPerson('Alex Wilber');
const nestor = demoPerson('Nestor Wilke');
const lee = demoPerson('Lee Gu');
const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;

describe('retention: the daily job deletes what is past its time, the audit trail on its own, longer clock', () => {
  let harness: ConversationHarness;
  let offsetMs = 0;
  beforeAll(async () => {
    harness = await startConversationHarness({ clock: () => new Date(Date.now() + offsetMs) });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const runs = () => harness.logs.filter((line) => line.includes('retention: expired data deleted')).length;
  const moveTo = async (days: number) => {
    const before = runs();
    offsetMs = days * DAY_MS;
    // The next day's run is now due: the job runner (any instance) takes it at its next look.
    await eventually('the retention run', () => (runs() > before ? true : undefined));
  };

  it('keeps everything young, then drops conversations, requests, closed cases and finished jobs, then old audit', async () => {
    await eventually('the first run at start', () => (runs() > 0 ? true : undefined));
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
    const alexChat = harness.personalChat(alex);
    await alexChat.send('hi');
    expect((await alexChat.send('hello')).transcript).toContain('Hi again');
    await alexChat.send('talk to IT');
    await harness.personalChat(nestor).send('talk to IT');
    const [alexCase] = await harness.app.store.cases.byRequester(alex.id);
    const [nestorCase] = await harness.app.store.cases.byRequester(nestor.id);
    const channel = harness.teamChannel(lee, TEAM, CHANNEL);
    await channel.execute('caseClaim', {
      caseNumber: nestorCase!.number,
      expectedVersion: nestorCase!.version,
    });
    const claimed = await harness.app.store.cases.get(nestorCase!.number);
    await channel.execute('caseResolve', { caseNumber: claimed!.number, expectedVersion: claimed!.version });
    expect((await harness.app.store.cases.get(nestorCase!.number))?.status).toBe('resolved');
    const auditBefore = await harness.app.store.audit.query({ requesterObjectId: nestor.id });
    expect(auditBefore.length).toBeGreaterThan(0);

    await moveTo(30);
    expect(await harness.app.store.cases.get(nestorCase!.number)).toBeDefined();
    expect(await harness.app.store.caseRequests.latestFor(alex.id)).toBeDefined();

    await moveTo(91);
    // The closed case and every case request are gone; the open case stays until it is closed.
    expect(await harness.app.store.cases.get(nestorCase!.number)).toBeUndefined();
    expect(await harness.app.store.cases.get(alexCase!.number)).toBeDefined();
    expect(await harness.app.store.caseRequests.latestFor(alex.id)).toBeUndefined();
    expect(await harness.app.store.audit.query({ requesterObjectId: nestor.id })).toEqual(auditBefore);
    // Alex's conversation state is gone too: "hi" is a first hello again.
    expect((await alexChat.send('hi')).transcript).not.toContain('Hi again');

    await moveTo(401);
    expect(await harness.app.store.audit.query({ requesterObjectId: nestor.id })).toEqual([]);
  }, 60_000);
});
