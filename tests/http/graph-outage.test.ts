import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/cards/messages.js';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { eventually } from '../support/eventually.js';

const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
const isaiah = demoPerson('Isaiah Langer');
const adele = demoPerson('Adele Vance');

describe('a Graph outage is visible, and over as soon as Graph answers again', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
    await harness.teamChannel(isaiah, TEAM, CHANNEL).install();
    await harness.personalChat(adele).send('talk to IT');
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const readiness = async () => {
    const response = await fetch(`${harness.app.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { dependencies: { graph: string } } };
  };
  const metrics = async () => (await fetch(`${harness.app.url}/metrics`)).text();
  /** A helpdesk press by someone the membership cache has not seen (a fresh id): one Graph call each. */
  const press = async (agent: DemoPerson = { ...isaiah, id: crypto.randomUUID() }) => {
    const [opened] = await harness.app.store.cases.byRequester(adele.id);
    return harness
      .teamChannel(agent, TEAM, CHANNEL)
      .execute('caseClaim', { caseNumber: opened!.number, expectedVersion: opened!.version });
  };

  it('/readyz stays 200 and says the circuit is open; /metrics has the breaker and the errors; a probe closes it', async () => {
    harness.demoTenant.faults.set({ serverErrors: { status: 503, everyNth: 1 } });
    for (let n = 0; n < 3; n += 1) {
      const turn = await press();
      expect(JSON.stringify(turn.body)).toContain(CATALOGUE.en.helpdesk.refusals.membershipUnknown);
    }
    const down = await eventually('the circuit open', async () => {
      const ready = await readiness();
      return ready.body.dependencies.graph === 'open' ? ready : undefined;
    });
    expect(down.status).toBe(200);
    const during = await metrics();
    expect(during).toMatch(/graph_circuit_state 2/);
    expect(during).toMatch(/graph_attempts_total\{operation="checkMemberGroups",outcome="5xx"\} [1-9]/);
    expect(during).toMatch(/graph_errors_total\{operation="checkMemberGroups",kind="unavailable"\} [1-9]/);

    harness.demoTenant.faults.reset();
    // No request needed: the background probe finds Graph answering and closes the circuit.
    await eventually(
      'the circuit closed by the probe',
      async () => ((await readiness()).body.dependencies.graph === 'closed' ? true : undefined),
      15_000,
    );
    expect(await metrics()).toMatch(/graph_circuit_state 0/);
    const after = await press(isaiah);
    expect(JSON.stringify(after.body)).not.toContain(CATALOGUE.en.helpdesk.refusals.membershipUnknown);
    expect(JSON.stringify(after.body)).toContain(isaiah.displayName);
  }, 30_000);
});
