import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationGate } from '../../src/bot/conversation-gate.js';
import { CATALOGUE } from '../../src/cards/messages.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';

const alex = demoPerson('Alex Wilber');
const megan = demoPerson('Megan Bowen');
const EN = CATALOGUE.en;

describe('ConversationGate', () => {
  it('runs the turns of one conversation one at a time, in order, and others alongside', async () => {
    const gate = new ConversationGate({ now: () => 0 });
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = gate.serialize('a', async () => {
      order.push('a1 start');
      await held;
      order.push('a1 end');
    });
    const second = gate.serialize('a', async () => {
      order.push('a2');
    });
    await gate.serialize('b', async () => {
      order.push('b1');
    });
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('a failing turn does not block the next one', async () => {
    const gate = new ConversationGate({ now: () => 0 });
    await expect(gate.serialize('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    let ran = false;
    await gate.serialize('a', async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('drops the same message again within the double-tap window, not later and not other messages', () => {
    let now = 0;
    const gate = new ConversationGate({ now: () => now });
    expect(gate.admit('p', 'c', { text: 'hi' }).kind).toBe('run');
    expect(gate.admit('p', 'c', { text: 'hi' }).kind).toBe('doubleTap');
    expect(gate.admit('p', 'c', { text: 'help' }).kind).toBe('run');
    now += 5000;
    expect(gate.admit('p', 'c', { text: 'help' }).kind).toBe('run');
    expect(gate.admit('p', 'other chat', { text: 'help' }).kind).toBe('run');
    // Someone else sending the same thing in the same conversation is not a double tap of it.
    expect(gate.admit('q', 'other chat', { text: 'help' }).kind).toBe('run');
  });

  it('limits a person to a burst, says so once, refills over time, and flags abuse once', () => {
    let now = 0;
    const gate = new ConversationGate({ now: () => now, burst: 3, perMinute: 6, abuseAfter: 5 });
    const admit = (n: number) => gate.admit('p', 'c', { text: `m${n}` });
    expect([1, 2, 3].map((n) => admit(n).kind)).toEqual(['run', 'run', 'run']);
    const over = [4, 5, 6, 7, 8, 9].map(admit);
    expect(over.map((a) => (a.kind === 'limited' ? [a.tell, a.abuse] : a.kind))).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [false, false],
      [false, true],
      [false, false],
    ]);
    now += 10_000; // one token back (6 a minute)
    expect(admit(10).kind).toBe('run');
    expect(admit(11).kind).toBe('limited');
  });
});

describe('a double tap and a flood, over HTTP', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    // The product's default limit (the harness raises it for scripted conversations).
    harness = await startConversationHarness({ env: { MESSAGES_PER_MINUTE: '30' } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('10 identical messages at once from one person: exactly one triage answer, no error', async () => {
    const chat = harness.personalChat(alex);
    await chat.send('hi');
    const mark = harness.connector.calls.length;
    const turns = await Promise.all(Array.from({ length: 10 }, () => chat.send('my key id is 767BAE83')));
    expect(turns.map((turn) => turn.status)).toEqual(Array(10).fill(200));
    // Each turn's own view overlaps the others' (they run at once): count what the connector got.
    const sent = harness.connector.since(mark).filter((call) => call.activity?.type === 'message');
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent)).not.toContain(EN.turnError);
    expect(harness.logs.filter((line) => line.includes('turn failed'))).toEqual([]);
  });

  it('a flood of different messages: the first ones answered, then one “slow down”, then silence', async () => {
    const chat = harness.personalChat(megan);
    const turns = [];
    for (let n = 0; n < 45; n += 1) turns.push(await chat.send(`help ${n}`));
    const slowDowns = turns.filter((turn) => turn.transcript.includes(EN.slowDown));
    expect(slowDowns).toHaveLength(1);
    const afterIt = turns.slice(turns.indexOf(slowDowns[0]!) + 1);
    expect(afterIt.length).toBeGreaterThan(10);
    expect(afterIt.every((turn) => turn.replies.length === 0)).toBe(true);
    // Someone else is not slowed down by it.
    expect((await harness.personalChat(alex, { fresh: true }).send('help')).replies.length).toBeGreaterThan(
      0,
    );
  });
});

describe('different messages at once in one conversation', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('are answered one after the other, none with “something went wrong”', async () => {
    const chat = harness.personalChat(alex);
    const texts = ['hi', 'help', 'my key id is 767BAE83', 'status', 'what is a key id?'];
    const mark = harness.connector.calls.length;
    const turns = await Promise.all(texts.map((text) => chat.send(text)));
    expect(turns.map((turn) => turn.status)).toEqual(Array(texts.length).fill(200));
    const sent = harness.connector.since(mark).filter((call) => call.activity?.type === 'message');
    expect(sent.length).toBeGreaterThanOrEqual(texts.length);
    expect(JSON.stringify(sent)).not.toContain(EN.turnError);
    expect(harness.logs.filter((line) => line.includes('turn failed'))).toEqual([]);
  });
});
