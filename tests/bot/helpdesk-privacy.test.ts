import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/cards/messages.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { askForKey, demoKey, ON_PREMISES_PC } from '../support/ask-for-key.js';
import {
  type ChatSession,
  type ConversationHarness,
  startConversationHarness,
} from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { executeActivity } from '../support/teams-activities.js';

const adele = demoPerson('Adele Vance');
const megan = demoPerson('Megan Bowen');
const lee = demoPerson('Lee Gu');

const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
const AGENT_NOTE = 'Checked her badge photo on a video call';
const EN = CATALOGUE.en.helpdesk.refusals;

/** Every verb a case card can send, with what its form adds. */
const VERBS: readonly [string, Record<string, unknown>][] = [
  ['caseClaim', {}],
  ['caseReleaseClaim', {}],
  ['caseRecordVerification', { verificationMethod: 'inPerson', verificationNote: 'it is her' }],
  ['caseSendKey', {}],
  ['caseResolve', {}],
  ['caseReject', { verificationNote: 'odd' }],
  ['caseReopen', {}],
  ['caseShowKeyToMe', {}],
  ['caseRevealKey', { showKeyReason: 'reading it to her' }],
  ['caseRefresh', {}],
  ['caseAddNote', { requesterNote: 'please hurry' }],
  ['caseCancel', {}],
];

describe('case details are shown to the helpdesk and, in their own view, to the requester only', () => {
  let harness: ConversationHarness;
  let caseNumber: number;
  let secrets: string[];

  beforeAll(async () => {
    harness = await startConversationHarness();
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
    const key = demoKey(harness, 'ADELE-LAPTOP');
    // Adele is outside the self-service group: her Key ID goes straight to a case.
    await askForKey(harness.personalChat(adele), key.id.slice(0, 8), ON_PREMISES_PC);
    const [opened] = await harness.app.store.cases.byRequester(adele.id);
    caseNumber = opened!.number;
    const channel = harness.teamChannel(lee, TEAM, CHANNEL);
    await channel.execute('caseClaim', { caseNumber, expectedVersion: opened!.version });
    const claimed = await harness.app.store.cases.get(caseNumber);
    await channel.execute('caseRecordVerification', {
      caseNumber,
      expectedVersion: claimed!.version,
      verificationMethod: 'videoCallPhotoId',
      verificationNote: AGENT_NOTE,
    });
    const stored = await harness.app.store.cases.get(caseNumber);
    expect(stored?.status).toBe('verified');
    secrets = [
      adele.displayName,
      adele.userPrincipalName,
      key.id.slice(0, 8),
      'ADELE-LAPTOP',
      'ADELE-HOME-PC',
      AGENT_NOTE,
      lee.displayName,
    ];
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const leaks = (body: unknown) => secrets.filter((secret) => JSON.stringify(body).includes(secret));

  it.each([
    ['from their 1:1 chat', (h: ConversationHarness) => h.personalChat(megan)],
    ['from the helpdesk channel', (h: ConversationHarness) => h.teamChannel(megan, TEAM, CHANNEL)],
  ])(
    'a non-member pressing any button %s, on any case number and version, hears words only',
    async (_where, chatOf) => {
      const chat: ChatSession = chatOf(harness);
      const current = (await harness.app.store.cases.get(caseNumber))!;
      const answers = new Map<string, string>();
      for (const [verb, form] of VERBS) {
        for (const target of [
          { caseNumber, expectedVersion: current.version },
          { caseNumber, expectedVersion: current.version + 7 },
          { caseNumber: caseNumber + 1000, expectedVersion: 1 },
        ]) {
          const turn = await chat.execute(verb, { ...target, ...form });
          expect(turn.status, `${verb} ${JSON.stringify(target)}`).toBe(200);
          expect(leaks(turn.body), `${verb} ${JSON.stringify(target)}`).toEqual([]);
          expect(JSON.stringify(turn.body)).not.toContain('application/vnd.microsoft.card.adaptive');
          // The same words whether the case exists or not: case numbers cannot be probed.
          const words = JSON.stringify(turn.body);
          const seen = answers.get(verb);
          if (seen === undefined) answers.set(verb, words);
          else expect(words, verb).toBe(seen);
        }
      }
      expect(answers.get('caseClaim')).toContain(EN.notHelpdeskMember);
      expect(answers.get('caseCancel')).toContain(EN.notRequester);
      expect(await harness.app.store.cases.get(caseNumber)).toEqual(current);
    },
  );

  it('the requester pressing agent buttons on their own case sees their own view, never the agents’ notes', async () => {
    const chat = harness.personalChat(adele);
    const current = (await harness.app.store.cases.get(caseNumber))!;
    for (const [verb, form] of VERBS.filter(([verb]) => verb !== 'caseAddNote' && verb !== 'caseCancel')) {
      const turn = await chat.execute(verb, { caseNumber, expectedVersion: current.version, ...form });
      expect(turn.status, verb).toBe(200);
      const body = JSON.stringify(turn.body);
      expect(body, verb).not.toContain(AGENT_NOTE);
      expect(body, verb).not.toContain('ADELE-HOME-PC');
      expect(body, verb).not.toContain('/auth/start');
    }
    expect(await harness.app.store.cases.get(caseNumber)).toEqual(current);
  });

  it('the requester’s own Add a note is answered with their view of the case', async () => {
    const current = (await harness.app.store.cases.get(caseNumber))!;
    const turn = await harness.personalChat(adele).execute('caseAddNote', {
      caseNumber,
      expectedVersion: current.version,
      requesterNote: 'I am at my desk',
    });
    expect(turn.status).toBe(200);
    expect(JSON.stringify(turn.body)).not.toContain(AGENT_NOTE);
    expect(JSON.stringify(turn.body)).toContain(String(caseNumber));
    const after = await harness.app.store.cases.get(caseNumber);
    expect(after?.history.at(-1)).toMatchObject({ action: 'noteAdded', detail: 'I am at my desk' });
  });

  it('a requester naming another person’s case learns nothing of it', async () => {
    const current = (await harness.app.store.cases.get(caseNumber))!;
    for (const verb of ['caseCancel', 'caseAddNote', 'caseRefresh']) {
      const turn = await harness
        .personalChat(megan)
        .execute(verb, { caseNumber, expectedVersion: current.version, requesterNote: 'mine now' });
      expect(leaks(turn.body), verb).toEqual([]);
    }
    expect(await harness.app.store.cases.get(caseNumber)).toEqual(current);
  });
});

describe('case buttons with bad data or while Graph is down', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    harness = await startConversationHarness();
    await harness.teamChannel(lee, TEAM, CHANNEL).install();
    await harness.personalChat(adele).send('talk to IT');
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('bad data, an unknown verb and an unknown invoke get a 400 with words, never an empty 501', async () => {
    const channel = harness.teamChannel(lee, TEAM, CHANNEL);
    for (const turn of [
      await channel.execute('caseClaim', { caseNumber: 'one', expectedVersion: 1 }),
      await channel.execute('caseClaim', {}),
      await channel.execute('caseFrobnicate', { caseNumber: 1, expectedVersion: 1 }),
    ]) {
      expect(turn.status).toBe(400);
      expect(turn.body).toMatchObject({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { message: EN.unreadableAction },
      });
    }
    const unknown = await harness.post({
      ...executeActivity(channel.context, 'caseClaim'),
      name: 'composeExtension/whatever',
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain(EN.unreadableAction);
  });

  it.each([
    ['down', { serverErrors: { status: 503, everyNth: 1 } }],
    ['throttling', { throttle: { everyNth: 1, retryAfterSeconds: 30 } }],
    ['hanging', { latencyMs: 20_000 }],
  ] as const)(
    'with Graph %s an agent’s press is answered in words within Teams’ 5 s',
    async (_how, fault) => {
      const [opened] = await harness.app.store.cases.byRequester(adele.id);
      // A fresh agent each time: membership answers are cached for a minute.
      const agent = { ...demoPerson('Isaiah Langer'), id: crypto.randomUUID() };
      harness.demoTenant.faults.set(fault);
      try {
        const started = performance.now();
        const turn = await harness
          .teamChannel(agent, TEAM, CHANNEL)
          .execute('caseClaim', { caseNumber: opened!.number, expectedVersion: opened!.version });
        expect(performance.now() - started).toBeLessThan(5000);
        expect(turn.status).toBe(200);
        expect(JSON.stringify(turn.body)).toContain(EN.membershipUnknown);
      } finally {
        harness.demoTenant.faults.reset();
      }
      expect((await harness.app.store.cases.get(opened!.number))?.status).toBe('open');
    },
  );
});
