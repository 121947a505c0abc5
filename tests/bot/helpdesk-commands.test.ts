import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHelpdeskCommand } from '../../src/bot/helpdesk-commands.js';
import { en } from '../../src/cards/messages/en.js';
import { CATALOGUE } from '../../src/cards/messages.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { askForKey, demoKey, ON_PREMISES_PC } from '../support/ask-for-key.js';
import {
  type ChatSession,
  type ConversationHarness,
  cardText,
  startConversationHarness,
  type Turn,
} from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { signIn, verifyLink } from '../support/sign-in.js';

const alex = demoPerson('Alex Wilber');
const adele = demoPerson('Adele Vance');
const nestor = demoPerson('Nestor Wilke');
const lee = demoPerson('Lee Gu');
const isaiah = demoPerson('Isaiah Langer');
const megan = demoPerson('Megan Bowen');

const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
const RECOVERY_PASSWORD = /\d{6}(-\d{6}){7}/;
const REFUSAL = 'Sorry, that is only for the IT helpdesk team. Nothing was changed.';

describe('matchHelpdeskCommand: the command table', () => {
  it.each([
    ['queue', { kind: 'queue' }],
    ['  QUEUE ', { kind: 'queue' }],
    ['stats', { kind: 'stats' }],
    ['case 12', { kind: 'case', caseNumber: 12 }],
    ['Case #7', { kind: 'case', caseNumber: 7 }],
    ['case', { kind: 'usage' }],
    ['case 0', { kind: 'usage' }],
    ['case twelve', { kind: 'usage' }],
    ['audit', { kind: 'usage' }],
    ['audit bob', { kind: 'usage' }],
    [
      'audit AlexW@contoso.example',
      { kind: 'audit', subject: { kind: 'userPrincipalName', upn: 'AlexW@contoso.example' } },
    ],
    [
      'audit {4290B6C0-1A2B-3C4D-5E6F-708192A3B4C5}',
      { kind: 'audit', subject: { kind: 'guid', id: '4290b6c0-1a2b-3c4d-5e6f-708192a3b4c5' } },
    ],
    ['audit 4290b6c0-1a', { kind: 'audit', subject: { kind: 'keyIdPrefix', prefix: '4290B6C01A' } }],
    ['audit 4290b6c', { kind: 'usage' }],
    ['audit 111111-222222-333333-444444-555555-666666-777777-888888', { kind: 'usage' }],
  ])('%j → %j', (text, expected) => {
    expect(matchHelpdeskCommand(text)).toMatchObject(expected);
  });

  it.each(['hi', 'status', 'talk to IT', 'my key id is 4290B6C0', 'queue please', 'statistics'])(
    '%j is not a helpdesk command (the triage gets it)',
    (text) => {
      expect(matchHelpdeskCommand(text)).toBeUndefined();
    },
  );
});

describe('helpdesk commands over HTTP (issue 5 item 6)', () => {
  let harness: ConversationHarness;
  let adeleCase: number;
  let nestorCase: number;
  const alexKey = () => demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop);
  const alexLaptopId = () =>
    [...harness.demoTenant.data.devices.values()].find(
      (device) => device.displayName === DEMO_DEVICE_NAMES.alexLaptop,
    )!.deviceId;
  const channel = (person: DemoPerson): ChatSession => harness.teamChannel(person, TEAM, CHANNEL);

  beforeAll(async () => {
    harness = await startConversationHarness();
    await channel(lee).install();
    // Known data: one self-service release (with the real sign-in) and two cases, all today.
    const { answersTurn } = await askForKey(harness.personalChat(alex), alexKey().id.slice(0, 8));
    const signedIn = await signIn(harness, verifyLink(answersTurn), alex.id);
    expect(JSON.stringify(signedIn.after)).toContain('Your recovery key');
    await askForKey(harness.personalChat(adele), '1A2B3C4D', ON_PREMISES_PC);
    await harness.personalChat(nestor).send('talk to IT');
    adeleCase = (await harness.app.store.cases.byRequester(adele.id))[0]!.number;
    nestorCase = (await harness.app.store.cases.byRequester(nestor.id))[0]!.number;
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
  });

  /** The one reply of a command turn, which must be a card. */
  const onlyCard = (turn: Turn): Record<string, unknown> => {
    expect(turn.status).toBe(200);
    expect(turn.replies).toHaveLength(1);
    expect(JSON.stringify(turn.calls)).not.toMatch(RECOVERY_PASSWORD);
    const card = turn.replies[0]?.card;
    expect(card, turn.transcript).toBeDefined();
    return card!;
  };
  const facts = (card: Record<string, unknown>): Map<string, string> =>
    new Map(
      (card.body as { type: string; facts?: { title: string; value: string }[] }[])
        .filter((element) => element.type === 'FactSet')
        .flatMap((element) => element.facts ?? [])
        .map((fact) => [fact.title, fact.value]),
    );

  const places = [
    ['in the helpdesk channel', () => channel(lee)],
    ['in a 1:1 chat', () => harness.personalChat(isaiah)],
  ] as const;

  describe.each(places)('a helpdesk member %s', (_where, session) => {
    it('queue: the open cases, oldest first, with Key ID and reason', async () => {
      const card = onlyCard(await session().send('queue'));
      const text = cardText(card);
      expect(text).toContain('Open cases (2)');
      expect(text.indexOf(`Case ${adeleCase} · ${adele.displayName}`)).toBeGreaterThan(-1);
      expect(text.indexOf(`Case ${adeleCase}`)).toBeLessThan(text.indexOf(`Case ${nestorCase}`));
      expect(text).toContain('1A2B3C4D');
    });

    it('case <n>: the case card; an unknown number says so', async () => {
      const card = onlyCard(await session().send(`case ${adeleCase}`));
      expect(cardText(card)).toContain(`Case ${adeleCase}`);
      expect(cardText(card)).toContain(adele.displayName);
      const unknown = await session().send('case 999');
      expect(unknown.replies.map((reply) => reply.text)).toEqual(['There is no case 999.']);
    });

    it('stats: today’s requests, self-served, escalated, median time to key, top block reasons', async () => {
      const card = onlyCard(await session().send('stats'));
      const day = new Date().toISOString().slice(0, 10);
      expect(cardText(card)).toContain(`Today (${day})`);
      const numbers = facts(card);
      expect(numbers.get('Requests')).toBe('3');
      expect(numbers.get('Self-served')).toBe('1');
      expect(numbers.get('Escalated to IT')).toBe('2');
      // Alex's key was on screen within seconds of the first message.
      expect(numbers.get('Median time to key')).toBe('0 min');
      expect(numbers.get('BIOS or firmware update')).toBe('1');
      expect(numbers.size).toBe(5);
    });

    it('audit by UPN, object id, device id, Key ID prefix and whole Key ID: the release event', async () => {
      const key = alexKey();
      for (const subject of [
        alex.userPrincipalName.toUpperCase(),
        alex.id,
        alexLaptopId(),
        key.id.slice(0, 8),
        `{${key.id.toUpperCase()}}`,
      ]) {
        const card = onlyCard(await session().send(`audit ${subject}`));
        const text = cardText(card);
        expect(text, subject).toContain('Key released');
        expect(text, subject).toContain(alex.displayName);
        expect(text, subject).toContain(DEMO_DEVICE_NAMES.alexLaptop);
        expect(text, subject).toContain(key.id.slice(0, 8).toUpperCase());
        expect(text, subject).not.toContain(key.key);
      }
    });

    it('audit of someone with no events, and a command without a usable argument', async () => {
      const none = onlyCard(await session().send(`audit ${megan.userPrincipalName}`));
      expect(cardText(none)).toContain(`No audit events for ${megan.userPrincipalName}.`);
      const nobody = onlyCard(await session().send('audit nobody@contoso.example'));
      expect(cardText(nobody)).toContain('No audit events for nobody@contoso.example.');
      for (const text of ['audit', 'case', `audit ${alexKey().key}`]) {
        const turn = await session().send(text);
        expect(turn.replies.map((reply) => reply.text)).toEqual([en.helpdesk.commandsUsage]);
        expect(JSON.stringify(turn.calls)).not.toMatch(RECOVERY_PASSWORD);
      }
    });
  });

  describe.each([
    ['in the helpdesk channel', () => channel(megan)],
    ['in a 1:1 chat', () => harness.personalChat(megan)],
  ] as const)('someone outside the helpdesk %s', (_where, session) => {
    it.each(['queue', 'stats', 'case 1', `audit ${alex.userPrincipalName}`])(
      '%s: a polite refusal and no data',
      async (command) => {
        const turn = await session().send(command);
        expect(turn.status).toBe(200);
        expect(turn.replies.map((reply) => reply.text)).toEqual([REFUSAL]);
        const sent = JSON.stringify(turn.calls);
        for (const secret of [alex.displayName, adele.displayName, DEMO_DEVICE_NAMES.alexLaptop, '1A2B3C4D'])
          expect(sent).not.toContain(secret);
      },
    );
  });

  it('closed cases still count in today’s stats, and leave the queue', async () => {
    for (const caseNumber of [adeleCase, nestorCase]) {
      const act = async (verb: string, extra: Record<string, unknown> = {}) => {
        const current = await harness.app.store.cases.get(caseNumber);
        await channel(lee).execute(verb, { caseNumber, expectedVersion: current!.version, ...extra });
      };
      await act('caseClaim');
      await act('caseRecordVerification', {
        verificationMethod: 'videoCallPhotoId',
        verificationNote: 'Teams video call, badge shown',
      });
      await act('caseResolve');
      expect((await harness.app.store.cases.get(caseNumber))?.status).toBe('resolved');
    }
    expect(cardText(onlyCard(await channel(lee).send('queue')))).toContain('No open cases right now.');
    const numbers = facts(onlyCard(await channel(isaiah).send('stats')));
    expect(numbers.get('Requests')).toBe('3');
    expect(numbers.get('Escalated to IT')).toBe('2');
    expect(numbers.get('BIOS or firmware update')).toBe('1');
  });

  it('a key the helpdesk sent is escalated, not self-served, and the audit names the agent', async () => {
    const adeleKey = demoKey(harness, DEMO_DEVICE_NAMES.adeleLaptop);
    await harness.personalChat(adele).send('restart');
    await askForKey(harness.personalChat(adele), adeleKey.id.slice(0, 8), ON_PREMISES_PC);
    const [again] = await harness.app.store.cases.byRequester(adele.id);
    const act = async (verb: string, extra: Record<string, unknown> = {}) => {
      const current = await harness.app.store.cases.get(again!.number);
      return channel(isaiah).execute(verb, {
        caseNumber: again!.number,
        expectedVersion: current!.version,
        ...extra,
      });
    };
    await act('caseClaim');
    await act('caseRecordVerification', { verificationMethod: 'inPerson', verificationNote: 'at the desk' });
    const link = /"url":"([^"]*\/auth\/start[^"]*)"/.exec(
      JSON.stringify((await act('caseSendKey')).body),
    )?.[1];
    await signIn(harness, link!, isaiah.id);
    expect((await harness.app.store.cases.get(again!.number))?.status).toBe('released');
    const [released] = (await harness.app.store.audit.query({ requesterObjectId: adele.id })).filter(
      (event) => event.decision === 'released',
    );
    expect(released?.actor).toContain(isaiah.id);

    const numbers = facts(onlyCard(await channel(isaiah).send('stats')));
    expect(numbers.get('Self-served')).toBe('1');
    expect(numbers.get('Escalated to IT')).toBe('3');
    expect(numbers.get('Requests')).toBe('4');
  });

  it('the commands are not answered in other channels: the usual redirect, no data', async () => {
    const elsewhere = harness.teamChannel(lee, TEAM, '19:general-elsewhere@thread.tacv2');
    const turn = await elsewhere.send('queue');
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]?.kind).toBe('text');
    expect(turn.transcript).not.toContain(adele.displayName);
  });

  it('in 1:1 the triage still gets everything else', async () => {
    const turn = await harness.personalChat(isaiah).send('my key id is 4290B6C0');
    expect(turn.transcript).not.toContain(en.helpdesk.commandsUsage);
    expect(turn.transcript).not.toContain(REFUSAL);
    expect(turn.replies.length).toBeGreaterThan(0);
  });
});

describe('helpdesk commands for the advanced group and while the directory is down', () => {
  let harness: ConversationHarness;
  beforeAll(async () => {
    // A helpdesk group nobody is in: Isaiah is then an agent through the advanced group alone.
    harness = await startConversationHarness({ env: { HELPDESK_GROUP_ID: crypto.randomUUID() } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('an agent in the advanced group only may use every command', async () => {
    for (const command of ['queue', 'stats', 'case 1', `audit ${isaiah.userPrincipalName}`]) {
      const turn = await harness.personalChat(isaiah).send(command);
      expect(turn.transcript, command).not.toContain(REFUSAL);
    }
  });

  it('with Graph down an agent is told the directory is not answering, and sees no data', async () => {
    const lee2 = { ...lee, id: crypto.randomUUID() };
    harness.demoTenant.faults.set({ serverErrors: { status: 503, everyNth: 1 } });
    try {
      const turn = await harness.personalChat(lee2).send('queue');
      expect(turn.transcript).toContain(CATALOGUE.en.helpdesk.refusals.membershipUnknown);
    } finally {
      harness.demoTenant.faults.reset();
    }
  });
});
