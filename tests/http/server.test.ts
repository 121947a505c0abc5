import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { messageActivity } from '../support/teams-activities.js';

const alex = DEMO_PEOPLE[0]!;

describe('HTTP server', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${harness.app.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${harness.app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', dependencies: { store: 'up', graph: 'closed' } });
  });

  it('serves Prometheus metrics that count activities', async () => {
    await harness.personalChat(alex).send('hi');
    const metrics = await (await fetch(`${harness.app.url}/metrics`)).text();
    expect(metrics).toMatch(/bot_activities_total\{type="message",outcome="handled"\} [1-9]/);
  });

  it.each([
    ['invalid JSON', '{"type": "message",'],
    ['a JSON array', '[1,2,3]'],
    ['no type', '{"text":"hi"}'],
    ['an empty body', ''],
  ])('answers 400 to %s and keeps serving', async (_name, rawBody) => {
    const turn = await harness.post(undefined, { rawBody });
    expect(turn.status).toBe(400);
    expect(turn.calls).toHaveLength(0);
    expect((await fetch(`${harness.app.url}/healthz`)).status).toBe(200);
  });

  it('answers 400 to an activity missing what a handler needs', async () => {
    const turn = await harness.post({ type: 'message', text: 'hi' });
    expect(turn.status).toBe(400);
    expect(JSON.stringify(turn.body)).toContain('serviceUrl');
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'type=message&text=hi'],
  ])('answers 415 to a %s body', async (contentType, body) => {
    const response = await fetch(`${harness.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(response.status).toBe(415);
  });

  it('answers 400 to a message whose text is not a string, and keeps serving', async () => {
    const chat = harness.personalChat(DEMO_PEOPLE[0]!);
    const turn = await harness.post({ ...messageActivity(chat.context, 'hi'), text: { evil: true } });
    expect(turn.status).toBe(400);
    expect(JSON.stringify(turn.body)).toContain('text');
    expect((await chat.send('hi')).status).toBe(200);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight turns, then refuses new ones', async () => {
    const harness = await startConversationHarness();
    // A slow connector keeps the turns in flight while the server is asked to stop.
    harness.connector.setLatency(400);
    const chats = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!].map((person) =>
      harness.personalChat(person),
    );
    const inFlight = Promise.all(chats.map((chat) => chat.send('hi')));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stopping = harness.app.stop();
    const turns = await inFlight;
    await stopping;
    for (const turn of turns) {
      expect(turn.status).toBe(200);
      expect(turn.replies.map((reply) => reply.kind)).toContain('card');
    }
    await expect(fetch(`${harness.app.url}/healthz`)).rejects.toThrow();
    await harness.stop();
  });
});
