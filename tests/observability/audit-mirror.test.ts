import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import type { AuditEvent } from '../../src/recovery/release-ports.js';
import { askForKey, demoKey } from '../support/ask-for-key.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { eventually } from '../support/eventually.js';
import { scanForRecoveryPasswords } from '../support/scan-for-recovery-passwords.js';
import { signIn, verifyLink } from '../support/sign-in.js';

const alex = demoPerson('Alex Wilber');
const adele = demoPerson('Adele Vance');
const lee = demoPerson('Lee Gu');

/** The log lines the audit mirror wrote, as the events they carry. */
function mirrored(harness: ConversationHarness): AuditEvent[] {
  return harness.logs
    .map((line) => JSON.parse(line) as { audit?: boolean; event?: AuditEvent })
    .filter((entry) => entry.audit === true)
    .map((entry) => entry.event!);
}

describe('the audit trail mirrored to the log, one structured line per stored event', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('a self-service release and a helpdesk claim: every stored event is a line, and no line holds a key', async () => {
    const key = demoKey(harness, 'ALEX-LAPTOP');
    const chat = harness.personalChat(alex);
    const { answersTurn: verify } = await askForKey(chat, key.id.slice(0, 8).toUpperCase());
    expect((await signIn(harness, verifyLink(verify), alex.id)).callbackStatus).toBe(200);

    const channel = harness.teamChannel(
      lee,
      PLAYGROUND_CONVERSATIONS.teamId,
      PLAYGROUND_CONVERSATIONS.helpdeskChannelId,
    );
    await channel.install();
    await harness.personalChat(adele).send('talk to IT');
    const [opened] = await eventually('the case', async () => {
      const cases = await harness.app.store.cases.byRequester(adele.id);
      return cases.length > 0 ? cases : undefined;
    });
    await channel.execute('caseClaim', { caseNumber: opened!.number, expectedVersion: opened!.version });

    const stored = [
      ...(await harness.app.store.audit.query({ requesterObjectId: alex.id })),
      ...(await harness.app.store.audit.query({ requesterObjectId: adele.id })),
    ];
    expect(stored.map((event) => event.decision)).toEqual(
      expect.arrayContaining(['released', 'caseChanged']),
    );
    const byId = (events: readonly AuditEvent[]) =>
      events.map((event) => `${event.correlationId} ${event.decision} ${event.reason ?? ''}`).sort();
    expect(byId(mirrored(harness))).toEqual(byId(stored));
    const lines = harness.logs.filter((line) => line.includes('"audit":true'));
    expect(scanForRecoveryPasswords([{ source: 'log', text: lines.join('\n') }], [key.key])).toEqual([]);
  });
});
