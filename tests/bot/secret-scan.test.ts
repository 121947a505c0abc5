import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import {
  askForKey,
  demoKey,
  ON_PREMISES_PC,
  releaseCardCalls,
  releaseRequestId,
  screenKeyId,
  updateCalls,
} from '../support/ask-for-key.js';
import {
  type ChatSession,
  type ConversationHarness,
  startConversationHarness,
} from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import {
  RECOVERY_PASSWORD_PATTERN,
  type ScannedText,
  scanForRecoveryPasswords,
  stringsIn,
} from '../support/scan-for-recovery-passwords.js';
import { type SignInResult, signIn, verifyLink } from '../support/sign-in.js';
import { sqliteFileBytes, storedRows } from '../support/stored-texts.js';
import {
  type ActivityContext,
  installActivity,
  messageActivity,
  submitActivity,
} from '../support/teams-activities.js';

const alex = demoPerson('Alex Wilber');
const megan = demoPerson('Megan Bowen');
const adele = demoPerson('Adele Vance');
const nestor = demoPerson('Nestor Wilke');
const lee = demoPerson('Lee Gu');
const isaiah = demoPerson('Isaiah Langer');

/** A valid recovery password that no demo device has: what a person pastes into the chat by mistake. */
const PASTED_PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';

/** Every denial the flows below must produce (audited as `denied:<reason>`), so the scan covers them all. */
const EXPECTED_DENIALS = [
  'deviceDisabled',
  'repeatRecovery',
  'notInSelfServiceGroup',
  'noMatch',
  'notAllowedByTenant',
  'directoryUnavailable',
] as const;

describe('the scanner itself', () => {
  const password = '123453-234564-345675-456786-567897-678908-789910-891011';

  it('finds the dashed shape and a known key laid out as card blocks, and never prints the digits', () => {
    const blocks = password.split('-');
    const asCard = JSON.stringify([
      { type: 'TextBlock', text: `1: ${blocks[0]}    2: ${blocks[1]}` },
      { type: 'TextBlock', text: `3: ${blocks[2]}    4: ${blocks[3]}` },
      { type: 'TextBlock', text: `5: ${blocks[4]}    6: ${blocks[5]}` },
      { type: 'TextBlock', text: `7: ${blocks[6]}    8: ${blocks[7]}` },
    ]);
    const hits = scanForRecoveryPasswords(
      [
        { source: 'dashed', text: `key=${password};` },
        { source: 'card', text: asCard },
        { source: 'clean', text: 'request 42 at 2025-11-25T10:00:00.123456Z, id 123456-654321' },
      ],
      [password],
    );
    expect(hits.map((hit) => `${hit.source}:${hit.kind}`)).toEqual([
      'dashed:pattern',
      'dashed:knownKey',
      'card:knownKey',
    ]);
    expect(JSON.stringify(hits)).not.toMatch(/\d{6}/);
  });

  it('looks inside JSON held in a string, where an escape could hide a dash', () => {
    const escaped = JSON.stringify({ note: password.replaceAll('-', '\\u002d') }).replaceAll('\\\\', '\\');
    expect(escaped).not.toMatch(RECOVERY_PASSWORD_PATTERN);
    const hits = scanForRecoveryPasswords(
      stringsIn(escaped).map((text) => ({ source: 'row', text })),
      [],
    );
    expect(hits).toHaveLength(1);
  });
});

describe('secret scan: after every flow, no recovery password anywhere the bot wrote', () => {
  let harness: ConversationHarness;
  let databasePath: string;
  let conversations = 0;
  /** The released keys, by request id: what the excluded release cards must show. */
  const released = new Map<string, string>();
  /** What the bot answered over HTTP: turn bodies, sign-in pages, health and metrics. */
  const httpAnswers: ScannedText[] = [];

  /** A new 1:1 chat for `person` (Teams gives each chat its own conversation id). */
  const freshChat = (person: DemoPerson): ChatSession => {
    conversations += 1;
    const base = harness.personalChat(person).context;
    const scope = base.scope as { kind: 'personal'; conversationId: string };
    const context: ActivityContext = {
      ...base,
      scope: { ...scope, conversationId: `${scope.conversationId}-${conversations}` },
    };
    const post = async (activity: unknown) => {
      const turn = await harness.post(activity);
      httpAnswers.push({
        source: `turn response ${httpAnswers.length}`,
        text: JSON.stringify(turn.body ?? ''),
      });
      return turn;
    };
    return {
      context,
      send: (text) => post(messageActivity(context, text)),
      submit: (data) => post(submitActivity(context, data)),
      execute: () => Promise.reject(new Error('no Action.Execute in 1:1 flows')),
      install: () => post(installActivity(context)),
    };
  };

  const signedIn = async (link: string, person: DemoPerson, mfa?: 'deny'): Promise<SignInResult> => {
    const result = await signIn(harness, link, person.id, mfa ? { mfa } : {});
    httpAnswers.push({ source: `callback page for ${person.displayName}`, text: result.callbackPage });
    for (const call of releaseCardCalls(result.after)) {
      const requestId = releaseRequestId(call);
      if (requestId) released.set(requestId, '');
    }
    return result;
  };

  /** Key ID → verify card → sign-in as `signer` (default the requester). */
  const release = async (
    person: DemoPerson,
    keyIdText: string,
    options: { chat?: ChatSession; signer?: DemoPerson; mfa?: 'deny' } = {},
  ): Promise<SignInResult> => {
    const chat = options.chat ?? freshChat(person);
    const { answersTurn } = await askForKey(chat, keyIdText);
    return signedIn(verifyLink(answersTurn), options.signer ?? person, options.mfa);
  };

  const releasedKey = async (person: DemoPerson, deviceName: string, chat: ChatSession) => {
    const key = demoKey(harness, deviceName);
    const result = await release(person, screenKeyId(key), { chat });
    const [card] = releaseCardCalls(result.after);
    const requestId = card ? releaseRequestId(card) : undefined;
    if (!requestId)
      throw new Error(`no release card for ${deviceName}:\n${JSON.stringify(result.after.length)}`);
    released.set(requestId, key.key);
    return { requestId, result };
  };

  beforeAll(async () => {
    harness = await startConversationHarness();
    databasePath = harness.config.store.url.replace(/^sqlite:/, '');

    // Triage branches, each in its own chat, including a person pasting a recovery password three ways.
    const branches: ((chat: ChatSession) => Promise<unknown>)[] = [
      async (chat) => {
        await chat.install();
        await chat.send('hi');
        await chat.submit({ verb: 'whereKeyId' });
      },
      (chat) => chat.send(`my key is ${PASTED_PASSWORD}`),
      async (chat) => {
        await chat.submit({ verb: 'startRecovery' });
        await chat.submit({ verb: 'submitKeyId', keyId: PASTED_PASSWORD });
      },
      async (chat) => {
        await chat.send('my key id is 4290B6C0');
        await chat.submit({
          verb: 'answers',
          rootCause: 'wrongPin',
          deviceKind: 'workPc',
          errorCode: `E_FVE_${PASTED_PASSWORD}`,
        });
      },
      (chat) => chat.send('my key id is 42ab'),
      (chat) => chat.send('key ids 4290B6C0 and 1A2B3C4D'),
      async (chat) => {
        await chat.send('my key id is 4290B6CO');
        await chat.submit({ verb: 'confirmKeyIdYes' });
      },
      (chat) => askForKey(chat, '4290B6C0', { rootCause: 'nothingUnusual', deviceKind: 'personalPc' }),
      (chat) => askForKey(chat, '4290B6C0', { rootCause: 'nothingUnusual', deviceKind: 'secondHand' }),
      (chat) => askForKey(chat, '4290B6C0', ON_PREMISES_PC),
      (chat) => askForKey(chat, '4290B6C0', { rootCause: 'outOfMyHands', deviceKind: 'workPc' }),
      async (chat) => {
        await chat.submit({ verb: 'guideNoKeyAnywhere' });
        await chat.submit({ verb: 'guideWhyThisHappened' });
      },
      async (chat) => {
        await chat.send('banana');
        await chat.send('purple');
        await chat.send('talk to IT');
      },
      async (chat) => {
        // Sentences, mid-flow questions, a scam report and a password typed in words around it.
        await chat.send('my work laptop wants the bitlocker key after a bios update');
        await chat.send(`where do I find it? is it ${PASTED_PASSWORD}`);
        await chat.send('someone called me and asked for my key');
        await chat.submit({ verb: 'reportSuspiciousContact' });
      },
      async (chat) => {
        await chat.send('help');
        await chat.send('my key id is 4290B6C0');
        await chat.send('status');
        await chat.send('cancel');
        await chat.send('status');
      },
    ];
    for (const flow of branches) await flow(freshChat(lee));

    // Release happy path, then "It worked": the hide job replaces the card.
    const alexChat = freshChat(alex);
    const alexRelease = await releasedKey(alex, DEMO_DEVICE_NAMES.alexLaptop, alexChat);
    await alexChat.submit({ verb: 'keyWorked', requestId: alexRelease.requestId });

    // Release, then "It didn't work": troubleshooting and a case for IT.
    const nestorChat = freshChat(nestor);
    const nestorRelease = await releasedKey(nestor, DEMO_DEVICE_NAMES.nestorLaptop, nestorChat);
    await nestorChat.submit({ verb: 'keyDidNotWork', requestId: nestorRelease.requestId });
    await nestorChat.send('status');

    // Two devices share the first 8 hex digits: more digits, then the release (the card stays up).
    const meganChat = freshChat(megan);
    const meganKey = demoKey(harness, DEMO_DEVICE_NAMES.meganLaptop);
    await release(megan, meganKey.id.slice(0, 8), { chat: meganChat });
    await releasedKey(megan, DEMO_DEVICE_NAMES.meganLaptop, meganChat);

    // Denials.
    await release(megan, screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.meganOldPc)));
    await release(alex, screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexLaptop)));
    // Outside the self-service group: refused before any sign-in.
    await askForKey(freshChat(adele), screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.adeleLaptop)));
    await release(isaiah, screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.alexDesktop)));
    const policy = harness.demoTenant.data.authorizationPolicy.defaultUserRolePermissions;
    policy.allowedToReadBitlockerKeysForOwnedDevice = false;
    await release(lee, screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.leeLaptop)));
    policy.allowedToReadBitlockerKeysForOwnedDevice = true;

    // Sign-ins that verify nobody: another person, a refused MFA step, a replayed callback.
    await release(nestor, screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.nestorLaptop)), { signer: isaiah });
    await release(nestor, screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.nestorLaptop)), { mfa: 'deny' });
    const replay = await fetch(alexRelease.result.callbackUrl);
    httpAnswers.push({ source: 'replayed callback page', text: await replay.text() });

    // Graph down (last: it may leave the circuit breaker open).
    harness.demoTenant.faults.set({ serverErrors: { everyNth: 1, status: 503 } });
    const isaiahChat = freshChat(isaiah);
    await release(isaiah, screenKeyId(demoKey(harness, DEMO_DEVICE_NAMES.isaiahLaptop)), {
      chat: isaiahChat,
    });
    harness.demoTenant.faults.reset();
    await isaiahChat.send('status');
    await alexChat.send('status');

    // The hide job runs on the job runner's next polls.
    const deadline = Date.now() + 5000;
    while (updateCalls(harness.connector.calls).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const response = await fetch(`${harness.app.url}${path}`);
      httpAnswers.push({ source: `GET ${path}`, text: await response.text() });
    }
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const knownPasswords = (): string[] => [
    ...harness.demoTenant.data.recoveryKeys.map((key) => key.key),
    PASTED_PASSWORD,
  ];

  const expectNoPasswords = (texts: readonly ScannedText[]): void => {
    expect(texts.length).toBeGreaterThan(0);
    expect(scanForRecoveryPasswords(texts, knownPasswords())).toEqual([]);
  };

  it('ran every flow: releases, It worked / It did not work, each denial, refused sign-ins, cases', async () => {
    expect(released.size).toBe(3);
    const audit = await harness.app.store.audit.query({ limit: 500 });
    const decisions = audit.map((event) =>
      event.reason ? `${event.decision}:${event.reason}` : event.decision,
    );
    expect(decisions.filter((decision) => decision === 'released')).toHaveLength(3);
    for (const denial of EXPECTED_DENIALS) {
      expect(
        decisions.some((decision) => decision.endsWith(`:${denial}`)),
        `${denial} in ${decisions}`,
      ).toBe(true);
    }
    expect(decisions).toEqual(
      expect.arrayContaining([
        `signInMismatch:signedInAs:${isaiah.id}`,
        expect.stringMatching(/^signInFailed:/),
      ]),
    );
    const megansCards = said(megan);
    expect(megansCards).toMatch(/More than one key on your PCs starts like that/);
    expect(updateCalls(harness.connector.calls)).toHaveLength(1);
    const reasons = await caseReasons();
    expect(reasons).toEqual(
      expect.arrayContaining([
        'onPremisesDevice',
        'riskStop',
        'requesterAsked',
        'keyDidNotWork',
        'notReleasable',
        'directoryUnavailable',
      ]),
    );
  });

  it('log output: no recovery password in any line', () => {
    expect(harness.logs.length).toBeGreaterThan(100);
    expect(harness.logs.filter((line) => line.includes('key released'))).toHaveLength(released.size);
    expectNoPasswords(harness.logs.map((line, index) => ({ source: `log line ${index}`, text: line })));
  });

  it('the SQLite file and its -wal: no recovery password in any byte', () => {
    const texts = sqliteFileBytes(databasePath);
    expect(texts.map((file) => file.source)).toContain(`${databasePath}-wal`);
    // The bytes are searchable text: the released requests' ids (in audit events and jobs) are found in them.
    for (const requestId of released.keys())
      expect(texts.some((file) => file.text.includes(requestId))).toBe(true);
    expectNoPasswords(texts);
  });

  it('every stored row of every table: no recovery password in any column', () => {
    const { texts, rowsPerTable } = storedRows(databasePath);
    // The flows wrote turn state, case requests, audit events, releases and jobs: the scan saw them.
    const written = Object.entries(rowsPerTable)
      .filter(([, count]) => count > 0)
      .map(([table]) => table);
    expect(written.length, JSON.stringify(rowsPerTable)).toBeGreaterThanOrEqual(5);
    expectNoPasswords(texts);
  });

  it('every connector call except the release cards themselves, and every HTTP answer: no recovery password', () => {
    const calls = harness.connector.calls;
    const cards = releaseCardCalls(calls);
    expect(cards).toHaveLength(released.size);
    // Positive control: each excluded card really shows its key, and the scanner sees it there.
    for (const card of cards) {
      const key = released.get(releaseRequestId(card) ?? '');
      expect(key).toMatch(/^\d{6}(-\d{6}){7}$/);
      expect(
        scanForRecoveryPasswords([{ source: 'release card', text: JSON.stringify(card.activity) }], [key!]),
      ).toHaveLength(1);
    }
    const others = calls.filter((call) => !cards.includes(call));
    expect(others.length).toBeGreaterThan(50);
    expect(updateCalls(others)).toHaveLength(1);
    expectNoPasswords([
      ...others.map((call, index) => ({
        source: `connector ${call.operation} #${index} in ${call.conversationId}`,
        text: JSON.stringify(call.activity ?? null),
      })),
      ...httpAnswers,
    ]);
  });

  it('what the bot sent to Graph (URLs and headers): no recovery password', () => {
    expectNoPasswords(
      harness.demoTenant.graphRequests.entries.map((request, index) => ({
        source: `graph request ${index}`,
        text: `${request.method} ${request.url} ${JSON.stringify(request.headers)}`,
      })),
    );
  });

  function said(person: DemoPerson): string {
    const prefix = (harness.personalChat(person).context.scope as { conversationId: string }).conversationId;
    return harness.connector.calls
      .filter((call) => call.conversationId?.startsWith(prefix))
      .map((call) => JSON.stringify(call.activity ?? null))
      .join('\n');
  }

  async function caseReasons(): Promise<string[]> {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare<[], { reason: string }>('SELECT reason FROM case_requests')
        .all()
        .map((row) => row.reason);
    } finally {
      db.close();
    }
  }
});
