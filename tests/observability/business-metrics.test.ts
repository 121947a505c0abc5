import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { askForKey, demoKey } from '../support/ask-for-key.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { eventually } from '../support/eventually.js';
import { scanForRecoveryPasswords } from '../support/scan-for-recovery-passwords.js';
import { signIn, verifyLink } from '../support/sign-in.js';

const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
const alex = demoPerson('Alex Wilber');
const adele = demoPerson('Adele Vance');
const isaiah = demoPerson('Isaiah Langer');
const MINUTE = 60_000;

/** The value of one series in Prometheus text, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2] ?? '';
    if (Object.entries(labels).every(([key, value]) => present.includes(`${key}="${value}"`)))
      return Number(match[3]);
  }
  return undefined;
}

describe('business metrics in /metrics, through a morning with a Graph fault', () => {
  let harness: ConversationHarness;
  let offsetMs = 0;
  beforeAll(async () => {
    harness = await startConversationHarness({ clock: () => new Date(Date.now() + offsetMs) });
  });
  afterAll(async () => {
    await harness?.stop();
  });
  const metrics = async () => (await fetch(`${harness.app.url}/metrics`)).text();

  it('releases, sign-ins, refusals, escalations, Graph 429s and the breaker, job lag and open cases', async () => {
    // A self-service release: a sign-in started and verified, a key released.
    const key = demoKey(harness, 'ALEX-LAPTOP');
    const chat = harness.personalChat(alex);
    const { answersTurn: verify } = await askForKey(chat, key.id.slice(0, 8).toUpperCase());
    expect((await signIn(harness, verifyLink(verify), alex.id)).callbackStatus).toBe(200);
    // A callback for no sign-in the bot offered: a failed one.
    await fetch(`${harness.app.url}/auth/callback?state=${'x'.repeat(43)}&code=forged`, {
      redirect: 'manual',
    });

    // A refusal (Adele may not self-serve), its escalation, and an open case for the helpdesk.
    await harness.teamChannel(isaiah, TEAM, CHANNEL).install();
    const adeles = harness.personalChat(adele);
    await askForKey(adeles, demoKey(harness, 'ADELE-LAPTOP').id.slice(0, 8).toUpperCase());
    const [opened] = await eventually('the case', async () => {
      const cases = await harness.app.store.cases.byRequester(adele.id);
      return cases.length > 0 ? cases : undefined;
    });

    // Graph throttles: agents' presses hear "directory not answering".
    harness.demoTenant.faults.set({ throttle: { everyNth: 1, retryAfterSeconds: 0 } });
    for (let n = 0; n < 3; n += 1) {
      await harness
        .teamChannel({ ...isaiah, id: crypto.randomUUID() }, TEAM, CHANNEL)
        .execute('caseClaim', { caseNumber: opened!.number, expectedVersion: opened!.version });
    }
    const during = await metrics();
    harness.demoTenant.faults.reset();

    // Eleven minutes on: the key card's hide job is due and runs a little late.
    offsetMs = 11 * MINUTE;
    const after = await eventually('the hide job to run', async () => {
      const text = await metrics();
      return (sample(text, 'job_lag_seconds_count', { kind: 'hideKeyCard' }) ?? 0) > 0 ? text : undefined;
    });

    expect(sample(after, 'bot_decisions_total', { decision: 'released' })).toBe(1);
    expect(
      sample(after, 'bot_decisions_total', { decision: 'denied', reason: 'notInSelfServiceGroup' }),
    ).toBe(1);
    expect(
      sample(after, 'bot_decisions_total', { decision: 'escalated', reason: 'notInSelfServiceGroup' }),
    ).toBe(1);
    expect(sample(after, 'sign_ins_total', { outcome: 'started' })).toBe(1);
    expect(sample(after, 'sign_ins_total', { outcome: 'verified' })).toBe(1);
    expect(sample(after, 'sign_ins_total', { outcome: 'failed', reason: 'stateUnknownOrUsed' })).toBe(1);
    expect(sample(during, 'graph_attempts_total', { outcome: '429' })).toBeGreaterThanOrEqual(3);
    // Throttling is Graph answering: the breaker reports it stayed closed (an outage opens it, graph-outage.test).
    expect(sample(during, 'graph_circuit_state')).toBe(0);
    expect(sample(after, 'job_lag_seconds_sum', { kind: 'hideKeyCard' })).toBeGreaterThan(30);
    // Eleven minutes old at first, the case is still under 15 minutes.
    expect(sample(after, 'helpdesk_open_cases', { age: 'under_15m' })).toBe(1);
    expect(sample(after, 'helpdesk_open_cases', { age: 'over_4h' })).toBe(0);
    offsetMs = 5 * 60 * MINUTE;
    expect(sample(await metrics(), 'helpdesk_open_cases', { age: 'over_4h' })).toBe(1);

    expect(scanForRecoveryPasswords([{ source: '/metrics', text: after }], [key.key])).toEqual([]);
  }, 60_000);
});

describe('/metrics is not open to the internet', () => {
  let harness: ConversationHarness;
  const token = 'a-metrics-token-of-thirty-two-chars!';
  beforeAll(async () => {
    harness = await startConversationHarness({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('with METRICS_TOKEN it answers only that bearer token', async () => {
    const url = `${harness.app.url}/metrics`;
    const without = await fetch(url);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const right = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('bot_decisions_total');
  });
});
