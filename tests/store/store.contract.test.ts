import { Application, TurnState } from '@microsoft/teams-ai';
import { ConversationState, type StoreItem, TestAdapter, TurnContext } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import { RECOVERY_PASSWORD_PATTERN } from '../../src/observability/logger.js';
import { RecoveryPasswordRefusedError } from '../../src/recovery/recovery-password-refused-error.js';
import { ESCALATION_REASONS } from '../../src/recovery/triage-types.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { migrations } from '../../src/store/migrations.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openStore, type Store } from '../../src/store/store.js';
import {
  capturingLogger,
  type StoreBackend,
  storeBackends,
  type TestDatabase,
} from '../support/store-backends.js';
import { aConversationReference, aNewCaseRequest, type CaseRequestOverrides } from './a-new-case-request.js';
import { LEAKED_PASSWORD } from './leaked-password.js';

/** The conversation state the teams-ai tests keep. */
interface CounterConversation {
  count?: number;
  step?: string;
}
type CounterState = TurnState<CounterConversation>;

/** Racing rounds per backend: enough to hit interleavings, few enough for a 2-core machine. */
const RACE_ROUNDS = 60;

/** A Teams-like conversation id: these run past 200 characters. */
const LONG_CONVERSATION_ID = `a:1${'Xk9_-'.repeat(50)}@thread.v2`;

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: unknown };
  }
  throw new Error('expected the write to be rejected');
}

function withoutETag(item: StoreItem | undefined): Record<string, unknown> {
  const { eTag: _eTag, ...rest } = item ?? {};
  return rest;
}

// Titles go through `%s` rather than `$title`, which would truncate the skip notice.
describe.each(storeBackends().map((backend) => [backend.title, backend] as const))(
  'store contract: %s',
  (_title: string, backend: StoreBackend) => {
    describe.skipIf(!backend.enabled)(backend.kind, () => {
      const cleanups: (() => Promise<void>)[] = [];

      afterEach(async () => {
        for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      });

      async function freshDatabase(): Promise<TestDatabase> {
        const database = await backend.createDatabase();
        cleanups.push(() => database.dispose());
        return database;
      }

      async function open(database: TestDatabase, logger = capturingLogger().logger): Promise<Store> {
        const store = await openStore(database.url, logger);
        cleanups.push(() => store.close());
        return store;
      }

      // Creating and migrating a PostgreSQL schema is what makes this suite slow, so tests that need no
      // database of their own share one per backend, emptied before each test.
      let sharedDatabase: TestDatabase | undefined;
      let sharedStores: [Store, Store] | undefined;
      beforeAll(async () => {
        if (!backend.shared) return;
        sharedDatabase = await backend.createDatabase();
        const logger = capturingLogger().logger;
        sharedStores = [
          await openStore(sharedDatabase.url, logger),
          await openStore(sharedDatabase.url, logger),
        ];
      });
      afterAll(async () => {
        for (const store of sharedStores ?? []) await store.close();
        await sharedDatabase?.dispose();
      });

      /**
       * Two store instances on one database holding no turn state and no case requests (one instance when
       * the backend cannot share: a fresh `:memory:` database costs nothing).
       */
      async function twoInstances(): Promise<[Store, Store]> {
        if (sharedDatabase?.query && sharedStores) {
          await sharedDatabase.query('DELETE FROM turn_state RETURNING key');
          await sharedDatabase.query('DELETE FROM case_requests RETURNING number');
          return sharedStores;
        }
        const first = await open(await freshDatabase());
        return [first, first];
      }

      it('opens, reports its kind and answers ping', async () => {
        const store = await open(await freshDatabase());
        expect(store.kind).toBe(backend.kind);
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it.skipIf(!backend.shared)('runs migrations once and keeps data across reopen', async () => {
        const database = await freshDatabase();
        const firstLog = capturingLogger();
        const first = await open(database, firstLog.logger);
        await first.turnState.write({ kept: { n: 1 } });
        await first.close();

        const secondLog = capturingLogger();
        const second = await open(database, secondLog.logger);
        expect(withoutETag((await second.turnState.read(['kept'])).kept)).toEqual({ n: 1 });
        const applied = await database.query!('SELECT version, name FROM schema_migrations ORDER BY version');
        expect(applied.map((row) => [Number(row.version), row.name])).toEqual(
          migrations.map((migration) => [migration.version, migration.name]),
        );
        expect(firstLog.lines.filter((line) => line.includes('applied migration'))).toHaveLength(
          migrations.length,
        );
        expect(secondLog.lines.filter((line) => line.includes('applied migration'))).toHaveLength(0);
      });

      it('reads only keys that exist', async () => {
        const [store] = await twoInstances();
        expect(await store.turnState.read([])).toEqual({});
        expect(await store.turnState.read(['nobody', 'nothing'])).toEqual({});
        await store.turnState.write({ here: { x: 1 } });
        const items = await store.turnState.read(['nobody', 'here']);
        expect(Object.keys(items)).toEqual(['here']);
      });

      it('creates an item without eTag and returns it with a string eTag', async () => {
        const [store] = await twoInstances();
        await store.turnState.write({ fresh: { topic: 'triage', step: 2 } });
        const { fresh } = await store.turnState.read(['fresh']);
        expect(fresh).toEqual({ topic: 'triage', step: 2, eTag: expect.any(String) });
        expect(fresh?.eTag).not.toBe('');
        expect(fresh?.eTag).not.toBe('*');
      });

      it.skipIf(!backend.shared)(
        'stores the eTag once, in its column, not inside the JSON value',
        async () => {
          const database = await freshDatabase();
          const store = await open(database);
          await store.turnState.write({ once: { a: 1, eTag: '*' } });
          const [row] = await database.query!("SELECT etag, value FROM turn_state WHERE key = 'once'");
          expect(JSON.parse(String(row?.value))).toEqual({ a: 1 });
          expect((await store.turnState.read(['once'])).once?.eTag).toBe(row?.etag);
        },
      );

      it('updates with the current eTag and issues a new one', async () => {
        const [store] = await twoInstances();
        await store.turnState.write({ item: { v: 1 } });
        const read = (await store.turnState.read(['item'])).item!;
        await store.turnState.write({ item: { ...read, v: 2 } });
        const after = (await store.turnState.read(['item'])).item!;
        expect(after.v).toBe(2);
        expect(after.eTag).not.toBe(read.eTag);
      });

      it('rejects a stale eTag with ETAG_CONFLICT and keeps the stored value', async () => {
        const [store] = await twoInstances();
        await store.turnState.write({ item: { v: 1 } });
        const stale = (await store.turnState.read(['item'])).item!;
        await store.turnState.write({ item: { ...stale, v: 2 } });
        const error = await rejection(store.turnState.write({ item: { ...stale, v: 3 } }));
        expect(error.message).toContain('eTag conflict');
        expect(error.message).toBe('Storage: error writing "item" due to eTag conflict.');
        expect(error.code).toBe('ETAG_CONFLICT');
        expect((await store.turnState.read(['item'])).item?.v).toBe(2);
      });

      it('rejects an eTag for an item that was deleted meanwhile', async () => {
        const [store] = await twoInstances();
        await store.turnState.write({ gone: { v: 1 } });
        const read = (await store.turnState.read(['gone'])).gone!;
        await store.turnState.delete(['gone']);
        expect((await rejection(store.turnState.write({ gone: read }))).code).toBe('ETAG_CONFLICT');
        expect(await store.turnState.read(['gone'])).toEqual({});
      });

      it.each([
        ['absent', {}],
        ['undefined', { eTag: undefined }],
        ['empty', { eTag: '' }],
      ])(
        'treats a write with eTag %s as creation and rejects it when the key exists',
        async (_label, eTag) => {
          const [store] = await twoInstances();
          await store.turnState.write({ taken: { owner: 'first', ...eTag } });
          const error = await rejection(store.turnState.write({ taken: { owner: 'second', ...eTag } }));
          expect(error.code).toBe('ETAG_CONFLICT');
          expect((await store.turnState.read(['taken'])).taken?.owner).toBe('first');
        },
      );

      it('lets eTag * overwrite whatever is stored, and create when absent', async () => {
        const [store] = await twoInstances();
        await store.turnState.write({ blind: { v: 'created', eTag: '*' } });
        const created = (await store.turnState.read(['blind'])).blind!;
        expect(created.v).toBe('created');
        await store.turnState.write({ blind: { ...created, v: 'updated' } });
        await store.turnState.write({ blind: { v: 'forced', eTag: '*' } });
        const forced = (await store.turnState.read(['blind'])).blind!;
        expect(withoutETag(forced)).toEqual({ v: 'forced' });
        expect(forced.eTag).not.toBe(created.eTag);
      });

      it('never reuses an eTag', async () => {
        const [store] = await twoInstances();
        const seen = new Set<string>();
        for (let i = 0; i < 40; i += 1) {
          await store.turnState.write({ [`k${i % 3}`]: { i, eTag: '*' } });
          const items = await store.turnState.read([`k${i % 3}`]);
          seen.add(String(items[`k${i % 3}`]?.eTag));
        }
        expect(seen.size).toBe(40);
      });

      it('lets exactly one of two writers holding the same eTag win, every round', async () => {
        const [left, right] = await twoInstances();
        await left.turnState.write({ contested: { round: -1 } });
        for (let round = 0; round < RACE_ROUNDS; round += 1) {
          const [fromLeft, fromRight] = await Promise.all([
            left.turnState.read(['contested']),
            right.turnState.read(['contested']),
          ]);
          expect(fromLeft.contested?.eTag).toBe(fromRight.contested?.eTag);
          const outcomes = await Promise.allSettled([
            left.turnState.write({ contested: { ...fromLeft.contested, round, by: 'left' } }),
            right.turnState.write({ contested: { ...fromRight.contested, round, by: 'right' } }),
          ]);
          const winners = outcomes.flatMap((outcome, index) =>
            outcome.status === 'fulfilled' ? [index] : [],
          );
          expect(winners).toHaveLength(1);
          const loser = outcomes.find((outcome) => outcome.status === 'rejected');
          expect(loser?.reason).toMatchObject({ code: 'ETAG_CONFLICT' });
          const stored = (await left.turnState.read(['contested'])).contested;
          expect(stored).toMatchObject({ round, by: winners[0] === 0 ? 'left' : 'right' });
        }
      });

      it('lets exactly one of two writers create the same new key, every round', async () => {
        const [left, right] = await twoInstances();
        for (let round = 0; round < RACE_ROUNDS; round += 1) {
          const key = `new-${round}`;
          const outcomes = await Promise.allSettled([
            left.turnState.write({ [key]: { by: 'left' } }),
            right.turnState.write({ [key]: { by: 'right' } }),
          ]);
          const winners = outcomes.flatMap((outcome, index) =>
            outcome.status === 'fulfilled' ? [index] : [],
          );
          expect(winners).toHaveLength(1);
          expect((await right.turnState.read([key]))[key]?.by).toBe(winners[0] === 0 ? 'left' : 'right');
        }
      });

      it('applies a multi-key write all or nothing', async () => {
        const [store] = await twoInstances();
        await store.turnState.write({ b: { v: 1 } });
        const staleB = (await store.turnState.read(['b'])).b!;
        await store.turnState.write({ b: { ...staleB, v: 2 } });

        // `a` and `c` sort around `b`, so the conflict happens after one write already ran.
        const error = await rejection(
          store.turnState.write({ a: { v: 'new' }, b: { ...staleB, v: 3 }, c: { v: 'new', eTag: '*' } }),
        );
        expect(error.code).toBe('ETAG_CONFLICT');
        expect(error.message).toContain('"b"');
        const afterFailure = await store.turnState.read(['a', 'b', 'c']);
        expect(Object.keys(afterFailure)).toEqual(['b']);
        expect(afterFailure.b?.v).toBe(2);

        await store.turnState.write({
          a: { v: 'new' },
          b: { ...afterFailure.b, v: 3 },
          c: { v: 'new', eTag: '*' },
        });
        const afterSuccess = await store.turnState.read(['a', 'b', 'c']);
        expect(Object.keys(afterSuccess).sort()).toEqual(['a', 'b', 'c']);
        expect(afterSuccess.b?.v).toBe(3);
      });

      it('deletes keys, ignores missing ones, and allows creation again', async () => {
        const [store, other] = await twoInstances();
        await store.turnState.write({ one: { v: 1 }, two: { v: 2 } });
        await store.turnState.delete(['one', 'never-existed']);
        await store.turnState.delete([]);
        expect(Object.keys(await other.turnState.read(['one', 'two']))).toEqual(['two']);
        await other.turnState.write({ one: { v: 'again' } });
        expect((await store.turnState.read(['one'])).one?.v).toBe('again');
      });

      it('round-trips unicode, nested values and long keys exactly', async () => {
        const [store, other] = await twoInstances();
        const value = {
          text: 'Grüße 👋🏽 مرحبا 你好 e\u0301 \u0000 nul \u2028 "quoted" \\ back',
          lone: '\ud83d',
          numbers: [0, -1, 1.5, 2 ** 53 - 1, 1e-7],
          flags: { yes: true, no: false, nothing: null },
          nested: { deeper: { list: [{ a: [1, [2, [3]]] }], empty: {}, none: [] } },
        };
        const key = `msteams/28:bot-id/conversations/${LONG_CONVERSATION_ID}/conversation`;
        expect(key.length).toBeGreaterThan(200);
        await store.turnState.write({ [key]: value });
        const read = await other.turnState.read([key]);
        expect(withoutETag(read[key])).toEqual(value);
      });

      it('keeps values out of errors and logs', async () => {
        const { logger, lines } = capturingLogger();
        const database = await freshDatabase();
        const store = await open(database, logger);
        // Turn state must never hold a recovery password; if a bug ever put one there, the store
        // must not be the component that spreads it.
        const leak = { note: '496298-461032-321464-595518-463221-173943-033616-139579' };
        await store.turnState.write({ secretive: leak });
        const error = await rejection(store.turnState.write({ secretive: leak }));
        expect(error.message).not.toMatch(RECOVERY_PASSWORD_PATTERN);
        expect(String(error.stack)).not.toMatch(RECOVERY_PASSWORD_PATTERN);
        expect(lines.join('')).not.toMatch(RECOVERY_PASSWORD_PATTERN);
      });

      it('rejects malformed writes before touching the database', async () => {
        const [store] = await twoInstances();
        await expect(store.turnState.write({ bad: [] as unknown as StoreItem })).rejects.toThrow(TypeError);
        await expect(store.turnState.write({ bad: { eTag: 7 } })).rejects.toThrow(/eTag .* must be a string/);
        await expect(store.turnState.read(undefined as unknown as string[])).rejects.toThrow(ReferenceError);
        expect(await store.turnState.read(['bad'])).toEqual({});
      });

      it('fails ping after close, and closes twice without error', async () => {
        const store = await openStore((await freshDatabase()).url, capturingLogger().logger);
        await store.close();
        await expect(store.ping()).rejects.toThrow();
        await expect(store.close()).resolves.toBeUndefined();
      });

      it('carries teams-ai conversation state across turns of a real Application', async () => {
        const [store, other] = await twoInstances();
        const app = new Application<CounterState>({
          storage: store.turnState,
          startTypingTimer: false,
          turnStateFactory: () => new TurnState<CounterConversation>(),
        });
        app.message('count', async (context, state) => {
          const count = (state.conversation.count ?? 0) + 1;
          state.conversation.count = count;
          await context.sendActivity(`count ${count}`);
        });
        app.message('forget', async (context, state) => {
          state.deleteConversationState();
          await context.sendActivity('forgotten');
        });
        const adapter = new TestAdapter(
          async (context) => {
            await app.run(context);
          },
          {
            channelId: 'msteams',
            conversation: {
              id: LONG_CONVERSATION_ID,
              isGroup: false,
              conversationType: 'personal',
              name: '',
            },
          },
        );

        await adapter.send('count').assertReply('count 1').send('count').assertReply('count 2');
        const key = `msteams/bot/conversations/${LONG_CONVERSATION_ID}`;
        expect(withoutETag((await other.turnState.read([key]))[key])).toEqual({ count: 2 });

        await adapter.send('forget').assertReply('forgotten').send('count').assertReply('count 1');
      });

      it('makes the slower of two concurrent teams-ai turns fail with an eTag conflict', async () => {
        const [store, other] = await twoInstances();
        const adapter = new TestAdapter();
        const activity = { ...adapter.makeActivity('hello'), channelId: 'msteams' };
        const seed: CounterState = new TurnState();
        const seedContext = new TurnContext(adapter, activity);
        await seed.load(seedContext, store.turnState);
        seed.conversation.step = 'key-id';
        await seed.save(seedContext, store.turnState);

        const first: CounterState = new TurnState();
        const second: CounterState = new TurnState();
        await Promise.all([
          first.load(new TurnContext(adapter, activity), store.turnState),
          second.load(new TurnContext(adapter, activity), other.turnState),
        ]);
        first.conversation.step = 'root-cause';
        second.conversation.step = 'verify';
        await first.save(new TurnContext(adapter, activity), store.turnState);
        await expect(second.save(new TurnContext(adapter, activity), other.turnState)).rejects.toThrow(
          /eTag conflict/,
        );

        const reloaded: CounterState = new TurnState();
        await reloaded.load(new TurnContext(adapter, activity), other.turnState);
        expect(reloaded.conversation.step).toBe('root-cause');
      });

      it("works as botbuilder's ConversationState storage (blind writes)", async () => {
        const [store] = await twoInstances();
        const conversationState = new ConversationState(store.turnState);
        const visits = conversationState.createProperty<number>('visits');
        const adapter = new TestAdapter(async (context) => {
          const count = (await visits.get(context, 0)) + 1;
          await visits.set(context, count);
          await conversationState.saveChanges(context);
          await context.sendActivity(`visit ${count}`);
        });
        await adapter.send('a').assertReply('visit 1').send('b').assertReply('visit 2');
      });

      describe('case requests', () => {
        async function rowCount(database: TestDatabase): Promise<number> {
          const [row] = await database.query!('SELECT count(*) AS n FROM case_requests');
          return Number(row?.n);
        }

        it('records a case request and reads it back, from another instance too', async () => {
          const [store, other] = await twoInstances();
          const original = aNewCaseRequest();
          const { caseRequest, created } = await store.caseRequests.record(original);
          expect(created).toBe(true);
          expect(Number.isSafeInteger(caseRequest.number) && caseRequest.number > 0).toBe(true);
          expect(caseRequest).toStrictEqual({ ...original, number: caseRequest.number });
          expect(await other.caseRequests.latestFor(original.requester.objectId)).toStrictEqual(caseRequest);
        });

        it('answers a retry with the request already recorded and created false, whatever the retry says', async () => {
          const database = await freshDatabase();
          const store = await open(database);
          const other = backend.shared ? await open(database) : store;
          const original = aNewCaseRequest({ reason: 'notUnderstood' });
          const first = await store.caseRequests.record(original);
          const retry = await other.caseRequests.record(original);
          expect(retry).toStrictEqual({ caseRequest: first.caseRequest, created: false });
          const changed = aNewCaseRequest({
            request: { ...original.request, keyId: 'FFFFFFFF' },
            reason: 'riskStop',
            createdAt: '2025-06-21T00:00:00.000Z',
          });
          expect(await store.caseRequests.record(changed)).toStrictEqual({
            caseRequest: first.caseRequest,
            created: false,
          });
          if (database.query) expect(await rowCount(database)).toBe(1);
        });

        it('lets exactly one of two concurrent records of one request create it, every round', async () => {
          const database = await freshDatabase();
          const left = await open(database);
          const right = backend.shared ? await open(database) : left;
          for (let round = 0; round < RACE_ROUNDS; round += 1) {
            const fromLeft = aNewCaseRequest({ reason: 'requesterAsked' });
            const fromRight = aNewCaseRequest({ request: fromLeft.request, reason: 'notUnderstood' });
            const [a, b] = await Promise.all([
              left.caseRequests.record(fromLeft),
              right.caseRequests.record(fromRight),
            ]);
            expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
            expect(a.caseRequest).toStrictEqual(b.caseRequest);
            const winner = a.created ? fromLeft : fromRight;
            expect(a.caseRequest).toStrictEqual({ ...winner, number: a.caseRequest.number });
          }
          if (database.query) expect(await rowCount(database)).toBe(RACE_ROUNDS);
        });

        it('turns a burst of double clicks from both instances into one row', async () => {
          const database = await freshDatabase();
          const left = await open(database);
          const right = backend.shared ? await open(database) : left;
          const original = aNewCaseRequest();
          const outcomes = await Promise.all(
            Array.from({ length: 12 }, (_, index) =>
              (index % 2 === 0 ? left : right).caseRequests.record(original),
            ),
          );
          expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
          expect(new Set(outcomes.map((outcome) => outcome.caseRequest.number)).size).toBe(1);
          if (database.query) expect(await rowCount(database)).toBe(1);
        });

        it('hands out increasing numbers across instances and requesters', async () => {
          const [store, other] = await twoInstances();
          const numbers: number[] = [];
          for (let index = 0; index < 8; index += 1) {
            const person = DEMO_PEOPLE[index % DEMO_PEOPLE.length]!;
            const { caseRequest } = await (index % 2 === 0 ? store : other).caseRequests.record(
              aNewCaseRequest({ requester: { objectId: person.id, displayName: person.displayName } }),
            );
            numbers.push(caseRequest.number);
          }
          for (let index = 1; index < numbers.length; index += 1) {
            expect(numbers[index]).toBeGreaterThan(numbers[index - 1]!);
          }
        });

        it.skipIf(!backend.shared)(
          'never hands a number out twice, even after the newest row is deleted',
          async () => {
            const database = await freshDatabase();
            const store = await open(database);
            await store.caseRequests.record(aNewCaseRequest());
            const newest = (await store.caseRequests.record(aNewCaseRequest())).caseRequest.number;
            await database.query!(`DELETE FROM case_requests WHERE number = ${newest} RETURNING number`);
            await store.close();
            const reopened = await open(database);
            expect(
              (await reopened.caseRequests.record(aNewCaseRequest())).caseRequest.number,
            ).toBeGreaterThan(newest);
          },
        );

        it('gives the newest recorded request as latest, even when its clock ran behind', async () => {
          const [store, other] = await twoInstances();
          const [alex, megan] = DEMO_PEOPLE;
          const first = await store.caseRequests.record(
            aNewCaseRequest({ requester: { objectId: alex!.id }, createdAt: '2025-06-20T10:00:00.000Z' }),
          );
          const megans = await other.caseRequests.record(
            aNewCaseRequest({ requester: { objectId: megan!.id, displayName: megan!.displayName } }),
          );
          expect(await store.caseRequests.latestFor(alex!.id)).toStrictEqual(first.caseRequest);
          // Recorded later by an instance whose clock is behind: "latest" follows the order of recording.
          const second = await other.caseRequests.record(
            aNewCaseRequest({ requester: { objectId: alex!.id }, createdAt: '2025-06-20T09:59:59.000Z' }),
          );
          expect(await store.caseRequests.latestFor(alex!.id)).toStrictEqual(second.caseRequest);
          expect(await store.caseRequests.latestFor(megan!.id)).toStrictEqual(megans.caseRequest);
          // A retry of the older request does not make it the latest again.
          await store.caseRequests.record(
            aNewCaseRequest({ requester: { objectId: alex!.id }, request: first.caseRequest.request }),
          );
          expect((await other.caseRequests.latestFor(alex!.id))?.number).toBe(second.caseRequest.number);
        });

        it('answers undefined for a requester without case requests', async () => {
          const [store] = await twoInstances();
          expect(await store.caseRequests.latestFor(DEMO_PEOPLE[1]!.id)).toBeUndefined();
          await store.caseRequests.record(aNewCaseRequest({ requester: { objectId: DEMO_PEOPLE[0]!.id } }));
          expect(await store.caseRequests.latestFor(DEMO_PEOPLE[1]!.id)).toBeUndefined();
          expect(await store.caseRequests.latestFor('')).toBeUndefined();
        });

        it.each<[string, (password: string) => CaseRequestOverrides]>([
          ['the Key ID', (password) => ({ request: { keyId: password } })],
          ['the error code', (password) => ({ request: { errorCode: password.replaceAll('-', '') } })],
          [
            'the display name',
            (password) => ({ requester: { displayName: `Alex ${password.replaceAll('-', ' ')}` } }),
          ],
          [
            'the conversation reference',
            (password) => ({ conversationReference: JSON.stringify({ user: { name: password } }) }),
          ],
        ])(
          'refuses a recovery password in %s with SECRET_IN_CASE and stores nothing',
          async (_label, inject) => {
            const { logger, lines } = capturingLogger();
            const database = await freshDatabase();
            const store = await open(database, logger);
            const request = aNewCaseRequest(inject(LEAKED_PASSWORD));
            const error = await rejection(store.caseRequests.record(request));
            expect(error).toBeInstanceOf(RecoveryPasswordRefusedError);
            expect(error.code).toBe('SECRET_IN_CASE');
            expect(error.message).not.toMatch(/\d{6}/);
            expect(String(error.stack)).not.toMatch(RECOVERY_PASSWORD_PATTERN);
            expect(await store.caseRequests.latestFor(request.requester.objectId)).toBeUndefined();
            if (database.query) expect(await rowCount(database)).toBe(0);
            expect(lines.join('')).not.toMatch(/\d{6}\D{0,3}\d{6}/);
          },
        );

        it('refuses a retry that carries a recovery password even though the request is recorded', async () => {
          const [store] = await twoInstances();
          const original = aNewCaseRequest();
          const { caseRequest } = await store.caseRequests.record(original);
          const poisoned = { ...original, request: { ...original.request, keyId: LEAKED_PASSWORD } };
          expect((await rejection(store.caseRequests.record(poisoned))).code).toBe('SECRET_IN_CASE');
          expect(await store.caseRequests.latestFor(original.requester.objectId)).toStrictEqual(caseRequest);
        });

        it.each(ESCALATION_REASONS)(
          'round-trips a request escalated as %s exactly, with unicode and empty answers',
          async (reason) => {
            const [store, other] = await twoInstances();
            const requester = {
              objectId: DEMO_PEOPLE[2]!.id,
              tenantId: DEMO_TENANT_ID,
              teamsUserId: `29:1${'Zq-_'.repeat(40)}`,
              displayName: 'Adèle Vance 👋🏽 مرحبا 你好 e\u0301 "quoted" \\ back \u0000 \u2028',
            };
            const original = aNewCaseRequest({
              requester,
              request: {
                id: `req-${reason}-${'ü'.repeat(3)}`,
                keyId: reason === 'notUnderstood' ? undefined : '4290B6C0A1B2C3D4E5F60718293A4B5C',
                rootCause: reason === 'riskStop' ? 'outOfMyHands' : undefined,
                reasonCode: reason === 'riskStop' ? 'RISK_DEVICE_OUT_OF_HANDS' : undefined,
                errorCode: 'E_FVE_BAD_CODE_ID',
                deviceKind: reason === 'onPremisesDevice' ? 'oldDomainPc' : undefined,
                riskStop: reason === 'riskStop',
                startedAt: '2024-07-19T04:09:00.001Z',
              },
              reason,
              conversationReference: aConversationReference(requester, LONG_CONVERSATION_ID),
              createdAt: '2024-07-19T04:09:59.999Z',
            });
            const { caseRequest } = await store.caseRequests.record(original);
            expect(caseRequest).toStrictEqual({ ...original, number: caseRequest.number });
            expect(await other.caseRequests.latestFor(requester.objectId)).toStrictEqual(caseRequest);
          },
        );

        it.skipIf(!backend.shared)(
          'adds its table to a database that has only turn state, keeping that state',
          async () => {
            const database = await freshDatabase();
            const location = parseDatabaseUrl(database.url);
            const { logger } = capturingLogger();
            const before = migrations.filter((migration) => migration.name === 'turn_state');
            const old =
              location.kind === 'sqlite'
                ? openSqliteStore(location.path, logger, before)
                : await openPostgresStore(location.connectionString, logger, before);
            await old.turnState.write({ kept: { n: 1 } });
            await old.close();

            const store = await open(database);
            expect(withoutETag((await store.turnState.read(['kept'])).kept)).toEqual({ n: 1 });
            const { created } = await store.caseRequests.record(aNewCaseRequest());
            expect(created).toBe(true);
          },
        );
      });
    });
  },
);
