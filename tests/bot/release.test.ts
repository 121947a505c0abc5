import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRecoveryKey } from '../../src/demo-tenant/demo-directory.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import {
  type ChatSession,
  type ConversationHarness,
  cardText,
  startConversationHarness,
  type Turn,
} from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { keyReads, signIn, verifyLink } from '../support/sign-in.js';

const alex = demoPerson('Alex Wilber');
const megan = demoPerson('Megan Bowen');
const adele = demoPerson('Adele Vance');
const nestor = demoPerson('Nestor Wilke');
const lee = demoPerson('Lee Gu');

/** The OS-volume keys of a demo device, newest first. */
function keysOf(harness: ConversationHarness, deviceName: string): DemoRecoveryKey[] {
  const device = [...harness.demoTenant.data.devices.values()].find((d) => d.displayName === deviceName)!;
  return harness.demoTenant.data
    .keysForDevice(device.deviceId)
    .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
}

const said = (calls: Turn['calls']): string =>
  calls
    .map((call) => {
      const activity = call.activity as
        | { text?: string; attachments?: { content: Record<string, unknown> }[] }
        | undefined;
      return activity?.attachments?.[0] ? cardText(activity.attachments[0].content) : (activity?.text ?? '');
    })
    .join('\n');

/** Triage up to the verification card, for `person`, with the Key ID `prefix`. */
async function askForKey(chat: ChatSession, prefix: string, rootCause = 'windowsUpdate'): Promise<Turn> {
  await chat.send(`my key id is ${prefix}`);
  return chat.submit({ verb: 'answers', rootCause, deviceKind: 'workPc' });
}

function releaseCardIn(calls: Turn['calls']) {
  return calls.find((call) => JSON.stringify(call.activity ?? {}).includes('Your recovery key'));
}

describe('verified self-service release over HTTP, with the real sign-in', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('happy path: the one matching key, to the right person, once; It worked hides it', async () => {
    const key = keysOf(harness, DEMO_DEVICE_NAMES.alexLaptop)[0]!;
    const chat = harness.personalChat(alex);
    const verify = await askForKey(chat, key.id.slice(0, 8).toUpperCase());
    expect(verify.transcript).toContain("Verify it's you");
    const before = keyReads(harness);
    const result = await signIn(harness, verifyLink(verify), alex.id);
    expect(result.callbackStatus).toBe(200);
    expect(result.callbackPage).toMatch(/verified/i);
    expect(keyReads(harness)).toBe(before + 1);
    const card = releaseCardIn(result.after);
    expect(card?.conversationId).toBe((chat.context.scope as { conversationId: string }).conversationId);
    const text = said(result.after);
    expect(text).toContain(DEMO_DEVICE_NAMES.alexLaptop);
    expect(text).toContain(key.id.toUpperCase());
    key.key.split('-').forEach((block, index) => {
      expect(text).toContain(`${index + 1}: ${block}`);
    });
    const audit = await harness.app.store.audit.query({ requesterObjectId: alex.id });
    expect(audit[0]).toMatchObject({
      decision: 'released',
      deviceName: DEMO_DEVICE_NAMES.alexLaptop,
      keyId: key.id,
    });

    // "It worked": the card is replaced by a key-free card (the job runner polls every 100 ms here).
    const requestId = requestIdOf(result.after);
    const mark = harness.connector.calls.length;
    const worked = await chat.submit({ verb: 'keyWorked', requestId });
    expect(worked.transcript).toMatch(/you're back in/i);
    const update = await waitFor(() =>
      harness.connector.since(mark).find((call) => call.operation === 'update'),
    );
    expect(update.activityId).toBe(card?.responseId);
    expect(JSON.stringify(update.activity)).toContain('Recovery key hidden');
    expect(JSON.stringify(update.activity)).not.toMatch(/\d{6}-\d{6}/);
  });

  it('the timer hides the card too (any instance, durable)', async () => {
    const key = keysOf(harness, DEMO_DEVICE_NAMES.nestorLaptop)[0]!;
    const chat = harness.personalChat(nestor);
    const verify = await askForKey(chat, key.id.slice(0, 10));
    const result = await signIn(harness, verifyLink(verify), nestor.id);
    expect(releaseCardIn(result.after)).toBeDefined();
    const mark = harness.connector.calls.length;
    // The card's timer is KEY_VISIBLE_MINUTES away; bring the job's due time to now as the clock would.
    const jobKey = `hide:${nestor.id}:${requestIdOf(result.after)}`;
    await harness.app.store.jobs.reschedule(jobKey, new Date().toISOString());
    const update = await waitFor(() =>
      harness.connector.since(mark).find((call) => call.operation === 'update'),
    );
    expect(JSON.stringify(update.activity)).toContain('Recovery key hidden');
  });

  it('ambiguous prefix: more digits are asked for, nothing is read', async () => {
    const laptop = keysOf(harness, DEMO_DEVICE_NAMES.meganLaptop)[0]!;
    const surface = keysOf(harness, DEMO_DEVICE_NAMES.meganSurface)[0]!;
    expect(laptop.id.slice(0, 8)).toBe(surface.id.slice(0, 8));
    const chat = harness.personalChat(megan);
    const verify = await askForKey(chat, laptop.id.slice(0, 8));
    const before = keyReads(harness);
    const result = await signIn(harness, verifyLink(verify), megan.id);
    expect(keyReads(harness)).toBe(before);
    expect(said(result.after)).toMatch(/More than one key on your PCs starts like that/);
  });

  it('no match: the same words as "not allowed", and IT is asked', async () => {
    const chat = harness.personalChat(lee);
    const verify = await askForKey(chat, 'ABCDEF12');
    const before = keyReads(harness);
    const result = await signIn(harness, verifyLink(verify), lee.id);
    expect(keyReads(harness)).toBe(before);
    expect(said(result.after)).toContain("I couldn't release a key for that Key ID from here.");
    expect(await harness.app.store.caseRequests.latestFor(lee.id)).toMatchObject({ reason: 'notReleasable' });
  });

  it('outside the self-service group: told before any sign-in, escalated, audited, no key read', async () => {
    const key = keysOf(harness, DEMO_DEVICE_NAMES.adeleLaptop)[0]!;
    const chat = harness.personalChat(adele);
    const before = keyReads(harness);
    const answersTurn = await askForKey(chat, key.id.slice(0, 8));
    expect(answersTurn.transcript).not.toContain("Verify it's you");
    expect(said(answersTurn.calls)).toContain("Getting keys yourself isn't switched on for your account");
    expect(keyReads(harness)).toBe(before);
    const audit = await harness.app.store.audit.query({ requesterObjectId: adele.id });
    // Newest first: the refusal, then the escalation it led to.
    expect(audit.slice(0, 2)).toMatchObject([
      { decision: 'escalated', reason: 'notInSelfServiceGroup' },
      { decision: 'denied', reason: 'notInSelfServiceGroup' },
    ]);
  });

  it('risk-stop answer: no sign-in offered, no key', async () => {
    const chat = harness.personalChat(alex);
    await chat.send('key id 4290B6C0');
    const turn = await chat.submit({ verb: 'answers', rootCause: 'outOfMyHands', deviceKind: 'workPc' });
    expect(turn.transcript).not.toContain("Verify it's you");
    expect(cardText(turn.replies[0]?.card)).toMatch(/no key is shown in chat/i);
  });
});

describe('tenant switch and limits', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('tenant switch off in delegated mode: Graph refuses the key read, the request is escalated', async () => {
    harness.demoTenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = false;
    try {
      const key = keysOf(harness, DEMO_DEVICE_NAMES.alexDesktop)[0]!;
      const chat = harness.personalChat(alex);
      const verify = await askForKey(chat, key.id.slice(0, 8));
      const result = await signIn(harness, verifyLink(verify), alex.id);
      expect(releaseCardIn(result.after)).toBeUndefined();
      // The Key ID matched Alex's own PC, so the verified owner hears the real reason.
      expect(said(result.after)).toContain("Your organization doesn't let people read their own keys");
      const audit = await harness.app.store.audit.query({ requesterObjectId: alex.id });
      expect(audit.slice(0, 2)).toMatchObject([
        { decision: 'escalated', reason: 'notAllowedByTenant' },
        { decision: 'denied', reason: 'notAllowedByTenant' },
      ]);
    } finally {
      harness.demoTenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = true;
    }
  });

  it('rate limit: after 3 releases in a day the 4th is refused and escalated, with no key read', async () => {
    // Three earlier releases today, on other devices, as the ledger of any instance would hold them.
    for (const n of [1, 2, 3]) {
      await harness.app.store.releases.claim(
        {
          requestId: `R-EARLIER-${n}`,
          requesterObjectId: megan.id,
          deviceId: `0000000${n}-0000-4000-8000-000000000000`,
          keyId: `0000000${n}-1111-4000-8000-000000000000`,
          releasedAt: new Date(Date.now() - n * 60 * 60 * 1000).toISOString(),
        },
        [],
      );
    }
    const key = keysOf(harness, DEMO_DEVICE_NAMES.meganLaptop)[0]!;
    const chat = harness.personalChat(megan);
    const verify = await askForKey(chat, key.id);
    const before = keyReads(harness);
    const result = await signIn(harness, verifyLink(verify), megan.id);
    expect(keyReads(harness)).toBe(before);
    expect(releaseCardIn(result.after)).toBeUndefined();
    expect(said(result.after)).toMatch(/number of keys I can show in a day/);
    const audit = await harness.app.store.audit.query({ requesterObjectId: megan.id });
    expect(audit.slice(0, 2)).toMatchObject([
      { decision: 'escalated', reason: 'rateLimited' },
      { decision: 'rateLimited', reason: 'rateLimited' },
    ]);
    expect(await harness.app.store.caseRequests.latestFor(megan.id)).toMatchObject({ reason: 'rateLimited' });
  });
});

describe('after "It worked": rotation through Intune', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({ env: { ROTATE_AFTER_RELEASE: 'intune' } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('hides the card, asks Intune to rotate, and confirms the new key', async () => {
    const released = keysOf(harness, DEMO_DEVICE_NAMES.alexLaptop)[0]!;
    const chat = harness.personalChat(alex);
    const verify = await askForKey(chat, released.id.slice(0, 8));
    const result = await signIn(harness, verifyLink(verify), alex.id);
    const requestId = requestIdOf(result.after);
    await chat.submit({ verb: 'keyWorked', requestId });
    const decisions = async () =>
      (await harness.app.store.audit.query({ requesterObjectId: alex.id })).map((e) => e.decision);
    await waitForAsync(async () => ((await decisions()).includes('rotationRequested') ? true : undefined));
    expect(harness.demoTenant.graphRequests.entries.some((r) => r.url.includes('rotateBitLockerKeys'))).toBe(
      true,
    );
    const newest = keysOf(harness, DEMO_DEVICE_NAMES.alexLaptop)[0]!;
    expect(newest.id).not.toBe(released.id);
    // The follow-up look is minutes away; bring it to now as the clock would.
    await harness.app.store.jobs.reschedule(`rotation:${alex.id}:${requestId}:2`, new Date().toISOString());
    await waitForAsync(async () => ((await decisions()).includes('rotationConfirmed') ? true : undefined));
  });
});

describe('out-of-band notice', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({ env: { NOTICE_SENDER_MAILBOX: lee.id } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('mails the requester which device’s key was viewed, without the key', async () => {
    const key = keysOf(harness, DEMO_DEVICE_NAMES.alexDesktop)[0]!;
    const chat = harness.personalChat(alex);
    const verify = await askForKey(chat, key.id.slice(0, 8));
    const result = await signIn(harness, verifyLink(verify), alex.id);
    expect(releaseCardIn(result.after)).toBeDefined();
    const inbox = harness.demoTenant.data.mailbox(alex.mail);
    expect(inbox).toHaveLength(1);
    const mail = JSON.stringify(inbox[0]);
    expect(mail).toContain(DEMO_DEVICE_NAMES.alexDesktop);
    expect(mail).toMatch(/wasn't you/i);
    for (const block of key.key.split('-')) expect(mail).not.toContain(block);
  });
});

describe('application mode', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness({ env: { KEY_ACCESS: 'application' } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('releases with the app token, still only among the requester’s own devices', async () => {
    harness.demoTenant.data.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = false;
    const key = keysOf(harness, DEMO_DEVICE_NAMES.alexLaptop)[0]!;
    const chat = harness.personalChat(alex);
    const verify = await askForKey(chat, key.id.slice(0, 8));
    const result = await signIn(harness, verifyLink(verify), alex.id);
    expect(releaseCardIn(result.after)).toBeDefined();
    const entry = harness.demoTenant.data.audit.at(-1);
    expect(entry?.actor.kind).toBe('app');
  });
});

function requestIdOf(calls: Turn['calls']): string {
  const activity = releaseCardIn(calls)?.activity as
    | { attachments: { content: { actions: { data?: { requestId?: string } }[] } }[] }
    | undefined;
  const requestId = activity?.attachments[0]?.content.actions[0]?.data?.requestId;
  if (!requestId) throw new Error('no release card with a request id');
  return requestId;
}

async function waitForAsync<T>(probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting');
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting');
}
