import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/helpdesk/case.js';
import { openCaseFrom } from '../../src/helpdesk/open-case-from.js';
import { openStore, type Store } from '../../src/store/store.js';
import { describeCaseStoreContract, describeChannelStoreContract } from '../helpdesk/case-store-contract.js';
import {
  capturingLogger,
  type StoreBackend,
  storeBackends,
  type TestDatabase,
} from '../support/store-backends.js';
import { aConversationReference } from './a-new-case-request.js';
import { aCaseRequest, anAgent, changed, claimedBy, minutesAfter, OPENED_AT } from './case-builders.js';
import { expectNoLeakedPassword, LEAKED_PASSWORD } from './leaked-password.js';
import { anAuditEvent } from './release-builders.js';

/** Racing rounds per backend: enough to hit interleavings, few enough for a 2-core machine. */
const RACE_ROUNDS = 30;

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown; field?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: unknown; field?: unknown };
  }
  throw new Error('expected the call to be rejected');
}

/** A case worked far enough that every optional part holds something. */
function aFullyWorkedCase(opened: Case): Case {
  const agent = anAgent('Lee Gu');
  const claimed = claimedBy(opened, agent, minutesAfter(OPENED_AT, 2));
  return changed(claimed, 'verified', minutesAfter(OPENED_AT, 3), {
    requester: { ...opened.requester, userPrincipalName: 'AlexW@contoso.example' },
    devices: [
      { name: 'ALEX-LAPTOP', deviceId: 'b7f3c0de-1111-4c3d-8e9f-0a1b2c3d4e5f', joinType: 'AzureAd' },
      {
        name: 'ALEX-DESK',
        deviceId: 'c1a2b3c4-2222-4c3d-8e9f-0a1b2c3d4e5f',
        lastSignInAt: '2025-06-19T08:00:00Z',
      },
    ],
    evidence: { proven: 'stepUpSignIn', at: '2025-06-20T09:15:00.000Z' },
    verification: {
      method: 'videoCallPhotoId',
      note: 'Photo ID matched on a video call — «ok» 👍',
      by: agent,
      at: minutesAfter(OPENED_AT, 3).toISOString(),
    },
    post: { channelId: '19:helpdesk@thread.tacv2', activityId: '1718900000123' },
    announcedAt: minutesAfter(OPENED_AT, 1).toISOString(),
    history: [
      ...claimed.history,
      {
        at: minutesAfter(OPENED_AT, 3).toISOString(),
        by: { kind: 'agent', ...agent },
        action: 'verificationRecorded',
        detail: 'videoCallPhotoId',
        status: 'verified',
      },
    ],
  });
}

/**
 * One database per describe block with two store instances on it (one when the backend cannot share):
 * migrating a PostgreSQL schema is what costs time, so tests share it and keep apart by fresh request ids.
 */
function sharedDatabase(backend: StoreBackend) {
  let database: TestDatabase | undefined;
  let stores: [Store, Store] | undefined;
  const log = capturingLogger();
  beforeAll(async () => {
    database = await backend.createDatabase();
    const first = await openStore(database.url, log.logger);
    stores = [first, backend.shared ? await openStore(database.url, log.logger) : first];
  });
  afterAll(async () => {
    for (const store of new Set(stores)) await store.close();
    await database?.dispose();
  });
  return {
    stores: (): [Store, Store] => stores!,
    database: (): TestDatabase => database!,
    lines: log.lines,
  };
}

describe.each(storeBackends().map((backend) => [backend.title, backend] as const))(
  'helpdesk stores contract: %s',
  (_title: string, backend: StoreBackend) => {
    describe.skipIf(!backend.enabled)(backend.kind, () => {
      describe('the domain contract', () => {
        const shared = sharedDatabase(backend);
        // The domain suite wants an empty store numbering from 1: empty the shared one and restart its
        // numbering (a fresh migrated schema per test would cost more than the tests).
        async function emptied(): Promise<Store> {
          const [store] = shared.stores();
          const database = shared.database();
          if (database.query === undefined) return store;
          if (backend.kind === 'postgres') {
            await database.query('TRUNCATE cases, helpdesk_channels');
            await database.query('ALTER SEQUENCE cases_number_seq RESTART');
          } else {
            await database.query('DELETE FROM cases RETURNING number');
            await database.query('DELETE FROM helpdesk_channels RETURNING channel_id');
            await database.query("DELETE FROM sqlite_sequence WHERE name = 'cases' RETURNING name");
          }
          return store;
        }
        if (backend.shared) {
          describeCaseStoreContract(backend.title, async () => (await emptied()).cases);
          describeChannelStoreContract(backend.title, async () => (await emptied()).helpdeskChannels);
        } else {
          const opened: Store[] = [];
          afterAll(async () => {
            for (const store of opened) await store.close();
          });
          const fresh = async (): Promise<Store> => {
            const store = await openStore('sqlite::memory:', capturingLogger().logger);
            opened.push(store);
            return store;
          };
          describeCaseStoreContract(backend.title, async () => (await fresh()).cases);
          describeChannelStoreContract(backend.title, async () => (await fresh()).helpdeskChannels);
        }
      });

      describe('cases', () => {
        const shared = sharedDatabase(backend);

        it('opens the case the domain would, and another instance reads it back exactly', async () => {
          const [store, other] = shared.stores();
          const caseRequest = aCaseRequest();
          const { case: opened, created } = await store.cases.create(caseRequest, OPENED_AT);
          expect(created).toBe(true);
          expect(opened).toStrictEqual(openCaseFrom(caseRequest, opened.number, OPENED_AT));
          expect(await other.cases.get(opened.number)).toStrictEqual(opened);
        });

        it('answers a retry from another instance with the same case and spends no number on it', async () => {
          const [store, other] = shared.stores();
          const caseRequest = aCaseRequest();
          const { case: opened } = await store.cases.create(caseRequest, OPENED_AT);
          const retry = await other.cases.create(
            { ...caseRequest, number: 9999 },
            minutesAfter(OPENED_AT, 5),
          );
          expect(retry).toStrictEqual({ case: opened, created: false });
          const { case: next } = await other.cases.create(aCaseRequest(), OPENED_AT);
          expect(next.number).toBe(opened.number + 1);
        });

        it('creates each case once when two instances create at once, numbers without gaps, every round', async () => {
          const [left, right] = shared.stores();
          const numbers: number[] = [];
          for (let round = 0; round < RACE_ROUNDS; round += 1) {
            const caseRequest = aCaseRequest();
            const results = await Promise.all([
              left.cases.create(caseRequest, OPENED_AT),
              right.cases.create(caseRequest, OPENED_AT),
            ]);
            expect(results.filter((result) => result.created)).toHaveLength(1);
            expect(results[0].case).toStrictEqual(results[1].case);
            numbers.push(results[0].case.number);
          }
          expect(numbers).toEqual(numbers.map((_number, index) => numbers[0]! + index));
        });

        it('lets exactly one of two instances claiming at once win, every round; the loser gets a conflict', async () => {
          const [left, right] = shared.stores();
          for (let round = 0; round < RACE_ROUNDS; round += 1) {
            const { case: opened } = await left.cases.create(aCaseRequest(), OPENED_AT);
            const agents = [anAgent('Lee Gu'), anAgent('Diego Siciliani')] as const;
            const [fromLeft, fromRight] = await Promise.all([
              left.cases.get(opened.number),
              right.cases.get(opened.number),
            ]);
            const outcomes = await Promise.allSettled([
              left.cases.update(claimedBy(fromLeft!, agents[0], OPENED_AT), fromLeft!.version),
              right.cases.update(claimedBy(fromRight!, agents[1], OPENED_AT), fromRight!.version),
            ]);
            const winners = outcomes.flatMap((outcome, index) =>
              outcome.status === 'fulfilled' ? [index] : [],
            );
            expect(winners).toHaveLength(1);
            const loser = outcomes.find((outcome) => outcome.status === 'rejected');
            expect(loser?.reason).toMatchObject({
              code: 'CASE_VERSION_CONFLICT',
              caseNumber: opened.number,
              expectedVersion: 1,
            });
            expect(await right.cases.get(opened.number)).toMatchObject({
              version: 2,
              owner: agents[winners[0]!],
            });
          }
        });

        it('stores a change with its audit event or neither: two instances racing leave one change and one event', async () => {
          const [left, right] = shared.stores();
          for (let round = 0; round < 10; round += 1) {
            const requester = { objectId: crypto.randomUUID() };
            const { case: opened } = await left.cases.create(aCaseRequest({ requester }), OPENED_AT);
            const event = (by: string) =>
              anAuditEvent({ decision: 'caseChanged', reason: 'claim:claimed', actor: by, requester });
            const outcomes = await Promise.allSettled([
              left.cases.update(claimedBy(opened, anAgent('Lee Gu'), OPENED_AT), 1, event('Lee Gu')),
              right.cases.update(
                claimedBy(opened, anAgent('Diego Siciliani'), OPENED_AT),
                1,
                event('Diego Siciliani'),
              ),
            ]);
            expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
            const events = await right.audit.query({ requesterObjectId: requester.objectId });
            expect(events.map((stored) => stored.actor)).toEqual([
              (await right.cases.get(opened.number))?.owner?.name,
            ]);
          }
        });

        it('an audit event the trail refuses leaves the case as it was', async () => {
          const [store] = shared.stores();
          const requester = { objectId: crypto.randomUUID() };
          const { case: opened } = await store.cases.create(aCaseRequest({ requester }), OPENED_AT);
          const leaking = anAuditEvent({ decision: 'caseChanged', note: LEAKED_PASSWORD, requester });
          const refused = await rejection(
            store.cases.update(claimedBy(opened, anAgent(), OPENED_AT), 1, leaking),
          );
          expect(refused).toMatchObject({ code: 'SECRET_IN_AUDIT' });
          expect(await store.cases.get(opened.number)).toStrictEqual(opened);
          expect(await store.audit.query({ requesterObjectId: requester.objectId })).toEqual([]);
        });

        it('updates over the current version only, and refuses a change that does not raise it', async () => {
          const [store, other] = shared.stores();
          const { case: opened } = await store.cases.create(aCaseRequest(), OPENED_AT);
          const claimed = claimedBy(opened, anAgent(), minutesAfter(OPENED_AT, 1));
          await store.cases.update(claimed, 1);
          const stale = await rejection(other.cases.update(claimedBy(opened, anAgent(), OPENED_AT), 1));
          expect(stale).toMatchObject({ code: 'CASE_VERSION_CONFLICT', caseNumber: opened.number });
          expect(await rejection(store.cases.update({ ...claimed, version: 2 }, 2))).toBeInstanceOf(
            RangeError,
          );
          expect(await rejection(store.cases.update(claimed, 0))).toBeInstanceOf(RangeError);
          const unknown = await rejection(store.cases.update({ ...claimed, number: 2 ** 40 }, 1));
          expect(unknown).toMatchObject({ code: 'CASE_VERSION_CONFLICT' });
          expect(await other.cases.get(opened.number)).toStrictEqual(claimed);
        });

        it('refuses to move a case to another requester or request, and says it is no race', async () => {
          const [store] = shared.stores();
          const { case: opened } = await store.cases.create(aCaseRequest(), OPENED_AT);
          const next = claimedBy(opened, anAgent(), OPENED_AT);
          for (const moved of [
            { ...next, requestId: 'another-request' },
            { ...next, requester: { ...next.requester, objectId: '00000000-0000-4000-8000-00000000abcd' } },
            { ...next, caseRequestNumber: next.caseRequestNumber + 1 },
          ]) {
            const error = await rejection(store.cases.update(moved, 1));
            expect(error).toBeInstanceOf(TypeError);
            expect(error.code).toBeUndefined();
          }
          expect(await store.cases.get(opened.number)).toStrictEqual(opened);
        });

        it('round-trips every field of a fully worked case exactly', async () => {
          const [store, other] = shared.stores();
          const { case: opened } = await store.cases.create(aCaseRequest(), OPENED_AT);
          const worked = aFullyWorkedCase(opened);
          await store.cases.update(worked, opened.version);
          expect(await other.cases.get(opened.number)).toStrictEqual(worked);
          expect((await other.cases.byRequester(opened.requester.objectId))[0]).toStrictEqual(worked);
        });

        it('lists not-closed cases oldest first and a requester’s cases newest first, across instances', async () => {
          const [store, other] = shared.stores();
          const objectId = crypto.randomUUID();
          const mine = [];
          for (let index = 0; index < 4; index += 1) {
            mine.push((await store.cases.create(aCaseRequest({ requester: { objectId } }), OPENED_AT)).case);
          }
          const statuses = ['resolved', 'reopened', 'cancelled', 'released'] as const;
          for (const [index, status] of statuses.entries()) {
            await store.cases.update(changed(mine[index]!, status, OPENED_AT), 1);
          }
          const open = (await other.cases.openCases()).filter((item) => item.requester.objectId === objectId);
          expect(open.map((item) => [item.number, item.status])).toEqual([
            [mine[1]!.number, 'reopened'],
            [mine[3]!.number, 'released'],
          ]);
          const all = await other.cases.byRequester(objectId);
          expect(all.map((item) => item.number)).toEqual(mine.map((item) => item.number).reverse());
          expect(all.map((item) => item.status)).toEqual([...statuses].reverse());
        });

        it('finds nothing for numbers and requesters no case can have', async () => {
          const [store] = shared.stores();
          for (const number of [0, -1, 1.5, Number.NaN, 2 ** 60, 2 ** 40]) {
            expect(await store.cases.get(number)).toBeUndefined();
          }
          expect(await store.cases.byRequester('')).toEqual([]);
          expect(await store.cases.byRequester('nobody\u0000')).toEqual([]);
          expect(await store.cases.byRequester(crypto.randomUUID())).toEqual([]);
        });

        it.skipIf(!backend.shared)('keeps the indexed columns equal to the document', async () => {
          const [store] = shared.stores();
          const { case: opened } = await store.cases.create(aCaseRequest(), OPENED_AT);
          const claimed = claimedBy(opened, anAgent(), minutesAfter(OPENED_AT, 7));
          await store.cases.update(claimed, 1);
          const [row] = await shared.database().query!(
            `SELECT requester_object_id, request_id, case_request_number, status, version, created_at, updated_at
               FROM cases WHERE number = ${opened.number}`,
          );
          const instant = (value: unknown) =>
            value instanceof Date ? value.toISOString() : new Date(Number(value)).toISOString();
          expect({
            ...row,
            case_request_number: Number(row?.case_request_number),
            created_at: instant(row?.created_at),
            updated_at: instant(row?.updated_at),
          }).toEqual({
            requester_object_id: claimed.requester.objectId,
            request_id: claimed.requestId,
            case_request_number: claimed.caseRequestNumber,
            status: 'claimed',
            version: 2,
            created_at: OPENED_AT.toISOString(),
            updated_at: minutesAfter(OPENED_AT, 7).toISOString(),
          });
        });

        // Each way a key could reach a case: through the case request, or through any JSON field of a change.
        const leaks: [string, (worked: Case) => Case][] = [
          [
            'a history detail',
            (c) => ({ ...c, history: [...c.history, { ...c.history[0]!, detail: LEAKED_PASSWORD }] }),
          ],
          [
            'a verification note',
            (c) => ({ ...c, verification: { ...c.verification!, note: `key ${LEAKED_PASSWORD}` } }),
          ],
          [
            'a device name',
            (c) => ({ ...c, devices: [{ ...c.devices[0]!, name: LEAKED_PASSWORD.replaceAll('-', ' ') }] }),
          ],
          [
            'the owner name',
            (c) => ({ ...c, owner: { ...c.owner!, name: LEAKED_PASSWORD.replaceAll('-', '') } }),
          ],
          [
            'the UPN',
            (c) => ({ ...c, requester: { ...c.requester, userPrincipalName: `${LEAKED_PASSWORD}@x` } }),
          ],
          ['the card activity id', (c) => ({ ...c, post: { ...c.post!, activityId: LEAKED_PASSWORD } })],
          [
            'the evidence',
            (c) => ({
              ...c,
              evidence: { ...c.evidence!, proven: LEAKED_PASSWORD.replaceAll('-', '\u2013') },
            }),
          ],
          ['the Key ID', (c) => ({ ...c, keyId: LEAKED_PASSWORD })],
          ['the triage error code', (c) => ({ ...c, triage: { ...c.triage, errorCode: LEAKED_PASSWORD } })],
          ['a property name', (c) => ({ ...c, [LEAKED_PASSWORD]: true }) as Case],
          [
            'the requester conversation, JSON-escaped',
            (c) => ({
              ...c,
              requesterConversation: JSON.stringify({ user: { name: LEAKED_PASSWORD } }).replaceAll(
                '-',
                '\\u002d',
              ),
            }),
          ],
        ];

        it.each(leaks)(
          'refuses a change carrying a recovery password in %s, and stores nothing',
          async (_where, leak) => {
            const [store] = shared.stores();
            const { case: opened } = await store.cases.create(aCaseRequest(), OPENED_AT);
            const worked = aFullyWorkedCase(opened);
            await store.cases.update(worked, opened.version);
            const error = await rejection(
              store.cases.update({ ...leak(worked), version: 9 }, worked.version),
            );
            expect(error.code).toBe('RECOVERY_PASSWORD_IN_CASE');
            expectNoLeakedPassword(error, shared.lines);
            expect(await store.cases.get(opened.number)).toStrictEqual(worked);
          },
        );

        it.each([
          ['request.keyId', { request: { keyId: LEAKED_PASSWORD } }],
          ['request.errorCode', { request: { errorCode: LEAKED_PASSWORD.replaceAll('-', '') } }],
          ['requester.displayName', { requester: { displayName: `Alex ${LEAKED_PASSWORD}` } }],
        ] as const)(
          'refuses a case request with a recovery password in %s, spending no number',
          async (field, overrides) => {
            const [store, other] = shared.stores();
            const { case: before } = await store.cases.create(aCaseRequest(), OPENED_AT);
            const leaky = aCaseRequest(overrides);
            const error = await rejection(store.cases.create(leaky, OPENED_AT));
            expect(error).toMatchObject({
              code: 'RECOVERY_PASSWORD_IN_CASE',
              field: expect.stringContaining(field),
            });
            expectNoLeakedPassword(error, shared.lines);
            expect(await other.cases.byRequester(leaky.requester.objectId)).not.toContainEqual(
              expect.objectContaining({ requestId: leaky.request.id }),
            );
            expect((await other.cases.create(aCaseRequest(), OPENED_AT)).case.number).toBe(before.number + 1);
          },
        );

        it('refuses a case request whose conversation reference hides a recovery password in JSON escapes', async () => {
          const [store] = shared.stores();
          const base = aCaseRequest();
          const hidden = aConversationReference({
            ...base.requester,
            displayName: LEAKED_PASSWORD,
          }).replaceAll('-', '\\u002d');
          const error = await rejection(
            store.cases.create({ ...base, conversationReference: hidden }, OPENED_AT),
          );
          expect(error.code).toBe('RECOVERY_PASSWORD_IN_CASE');
          expectNoLeakedPassword(error, shared.lines);
          expect(await store.cases.byRequester(base.requester.objectId)).not.toContainEqual(
            expect.objectContaining({ requestId: base.request.id }),
          );
        });
      });

      describe('helpdesk channels', () => {
        const shared = sharedDatabase(backend);
        const reference = (channelId: string, extra: Record<string, unknown> = {}) =>
          JSON.stringify({
            conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: 'tenant' },
            channelId: 'msteams',
            serviceUrl: 'https://smba.trafficmanager.net/emea/',
            ...extra,
          });

        it('saves a reference verbatim, replaces it on a later save, and another instance reads it', async () => {
          const [store, other] = shared.stores();
          const channelId = `19:${crypto.randomUUID()}@thread.tacv2`;
          expect(await other.helpdeskChannels.get(channelId)).toBeUndefined();
          const first = ` ${reference(channelId, { note: 'ü\u2028' })}`;
          await store.helpdeskChannels.save(channelId, first);
          expect(await other.helpdeskChannels.get(channelId)).toBe(first);
          await other.helpdeskChannels.save(channelId, reference(channelId, { v: 2 }));
          expect(await store.helpdeskChannels.get(channelId)).toBe(reference(channelId, { v: 2 }));
        });

        it('refuses ids and references that are not what Teams sends, and finds nothing for them', async () => {
          const [store] = shared.stores();
          for (const [channelId, text] of [
            ['', reference('x')],
            ['19:a\u0000b', reference('x')],
            ['19:ok@thread.tacv2', 'not json'],
            ['19:ok@thread.tacv2', '[1]'],
            ['19:ok@thread.tacv2', 'null'],
          ] as const) {
            expect(await rejection(store.helpdeskChannels.save(channelId, text))).toBeInstanceOf(TypeError);
          }
          expect(await store.helpdeskChannels.get('')).toBeUndefined();
          expect(await store.helpdeskChannels.get('19:a\u0000b')).toBeUndefined();
          expect(await store.helpdeskChannels.get('19:ok@thread.tacv2')).toBeUndefined();
        });

        it.each([
          ['plain', (id: string) => reference(id, { topic: LEAKED_PASSWORD })],
          [
            'JSON-escaped',
            (id: string) => reference(id, { topic: LEAKED_PASSWORD }).replaceAll('-', '\\u002d'),
          ],
          [
            'as a property name',
            (id: string) => reference(id, { [LEAKED_PASSWORD.replaceAll('-', ' ')]: 1 }),
          ],
        ])(
          'refuses a reference holding a recovery password (%s) and keeps the previous one',
          async (_how, leaky) => {
            const [store] = shared.stores();
            const channelId = `19:${crypto.randomUUID()}@thread.tacv2`;
            await store.helpdeskChannels.save(channelId, reference(channelId));
            const error = await rejection(store.helpdeskChannels.save(channelId, leaky(channelId)));
            expect(error.code).toBe('SECRET_IN_CHANNEL');
            expectNoLeakedPassword(error, shared.lines);
            expect(await store.helpdeskChannels.get(channelId)).toBe(reference(channelId));
            const idError = await rejection(
              store.helpdeskChannels.save(LEAKED_PASSWORD, reference(channelId)),
            );
            expect(idError.code).toBe('SECRET_IN_CHANNEL');
          },
        );
      });
    });
  },
);
