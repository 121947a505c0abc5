import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';
import {
  capturingLogger,
  type StoreBackend,
  storeBackends,
  type TestDatabase,
} from '../support/store-backends.js';
import { aRequester, aSignInState } from './a-sign-in-state.js';

/** Racing rounds per backend: enough to hit interleavings, few enough for a 2-core machine. */
const RACE_ROUNDS = 40;
const MINUTE = 60_000;

describe.each(storeBackends().map((backend) => [backend.title, backend] as const))(
  'sign-in state store: %s',
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

      async function open(database: TestDatabase): Promise<Store> {
        const store = await openStore(database.url, capturingLogger().logger);
        cleanups.push(() => store.close());
        return store;
      }

      async function twoInstances(): Promise<[Store, Store]> {
        const database = await freshDatabase();
        const first = await open(database);
        return [first, backend.shared ? await open(database) : first];
      }

      it('round-trips every field and hands the record out exactly once', async () => {
        const [store] = await twoInstances();
        const record = aSignInState({ requester: aRequester(1), createdAt: '2026-03-01T10:00:00.000Z' });
        await store.signInStates.create(record);
        const at = new Date('2026-03-01T10:05:00.000Z');

        expect(await store.signInStates.find(record.state, at)).toEqual(record);
        expect(await store.signInStates.find(record.state, at)).toEqual(record);
        expect(await store.signInStates.consume(record.state, at)).toEqual({ kind: 'consumed', record });
        expect(await store.signInStates.consume(record.state, at)).toEqual({ kind: 'unknown' });
        expect(await store.signInStates.find(record.state, at)).toBeUndefined();
      });

      it('answers unknown for a state it never issued', async () => {
        const [store] = await twoInstances();
        await store.signInStates.create(aSignInState());
        expect(await store.signInStates.consume(aSignInState().state, new Date())).toEqual({
          kind: 'unknown',
        });
        expect(await store.signInStates.find(aSignInState().state, new Date())).toBeUndefined();
      });

      it('reports an expired state once as expired (with its record), then as unknown', async () => {
        const [store] = await twoInstances();
        const record = aSignInState({ createdAt: '2026-03-01T10:00:00.000Z', lifetimeMs: 10 * MINUTE });
        await store.signInStates.create(record);
        const atExpiry = new Date(record.expiresAt);

        expect(await store.signInStates.find(record.state, new Date(atExpiry.getTime() - 1))).toEqual(record);
        expect(await store.signInStates.find(record.state, atExpiry)).toBeUndefined();
        expect(await store.signInStates.consume(record.state, atExpiry)).toEqual({ kind: 'expired', record });
        expect(await store.signInStates.consume(record.state, atExpiry)).toEqual({ kind: 'unknown' });
      });

      it.each([
        { kind: 'selfService', requestId: 'R-MX67UNKT' },
        { kind: 'sendKey', caseNumber: 42 },
        {
          kind: 'showKey',
          caseNumber: 7,
          reason: 'Requester has no Teams on this phone; reading it by phone',
        },
      ] as const)('keeps the purpose as typed data, for any instance: $kind', async (purpose) => {
        const [store, other] = await twoInstances();
        const record = aSignInState({ purpose });
        await store.signInStates.create(record);
        const consumed = await other.signInStates.consume(record.state, new Date());
        expect(consumed.kind === 'consumed' ? consumed.record.purpose : undefined).toStrictEqual(purpose);
      });

      it('refuses a second record with the same state', async () => {
        const [store] = await twoInstances();
        const record = aSignInState();
        await store.signInStates.create(record);
        const other = { kind: 'selfService', requestId: 'another' } as const;
        await expect(store.signInStates.create({ ...record, purpose: other })).rejects.toThrow();
        expect((await store.signInStates.find(record.state, new Date()))?.purpose).toEqual(record.purpose);
      });

      it('refuses a record whose times are not ISO timestamps', async () => {
        const [store] = await twoInstances();
        await expect(store.signInStates.create({ ...aSignInState(), expiresAt: 'soon' })).rejects.toThrow(
          /ISO/,
        );
      });

      it('retention purges only states that expired before the cut-off', async () => {
        const [store] = await twoInstances();
        const old = aSignInState({ createdAt: '2026-03-01T08:00:00.000Z' });
        const recent = aSignInState({ createdAt: '2026-03-01T09:45:00.000Z' });
        const live = aSignInState({ createdAt: '2026-03-01T10:00:00.000Z' });
        for (const record of [old, recent, live]) await store.signInStates.create(record);

        // Only the sign-in cut-off matters here; the others are far in the past and delete nothing.
        const longAgo = new Date('2000-01-01T00:00:00.000Z');
        const counts = await store.retention.purge({
          turnState: longAgo,
          signInStates: new Date('2026-03-01T09:00:00.000Z'),
          finishedJobs: longAgo,
          caseRequests: longAgo,
          closedCases: longAgo,
          auditEvents: longAgo,
        });
        expect(counts.signInStates).toBe(1);
        const at = new Date('2026-03-01T10:01:00.000Z');
        expect(await store.signInStates.consume(old.state, at)).toEqual({ kind: 'unknown' });
        expect((await store.signInStates.consume(recent.state, at)).kind).toBe('expired');
        expect((await store.signInStates.consume(live.state, at)).kind).toBe('consumed');
      });

      it('lets exactly one of two instances consume a state, round after round', async () => {
        const [first, second] = await twoInstances();
        const now = new Date();
        for (let round = 0; round < RACE_ROUNDS; round += 1) {
          const record = aSignInState();
          await first.signInStates.create(record);
          const outcomes = await Promise.all([
            first.signInStates.consume(record.state, now),
            second.signInStates.consume(record.state, now),
            second.signInStates.consume(record.state, now),
          ]);
          expect(outcomes.filter((outcome) => outcome.kind === 'consumed')).toEqual([
            { kind: 'consumed', record },
          ]);
          expect(outcomes.filter((outcome) => outcome.kind === 'unknown')).toHaveLength(2);
        }
      });

      it.runIf(backend.shared)('lets a second instance see a state the first one created', async () => {
        const [first, second] = await twoInstances();
        const record = aSignInState();
        await first.signInStates.create(record);
        expect(await second.signInStates.consume(record.state, new Date())).toEqual({
          kind: 'consumed',
          record,
        });
      });
    });
  },
);
