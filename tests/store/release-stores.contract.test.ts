import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import { RecoveryPasswordRefusedError } from '../../src/recovery/recovery-password-refused-error.js';
import type { AuditEvent, Job, JobKind } from '../../src/recovery/release-ports.js';
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
import { aNewCaseRequest } from './a-new-case-request.js';
import { expectNoLeakedPassword, LEAKED_PASSWORD } from './leaked-password.js';
import {
  type AuditEventOverrides,
  anAuditEvent,
  aReleaseRecord,
  minutesAfterT0,
  uniqueId,
} from './release-builders.js';

/** Racing rounds per backend: enough to hit interleavings, few enough for a 2-core machine. */
const RACE_ROUNDS = 40;

const MINUTE = 60_000;

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: unknown };
  }
  throw new Error('expected the call to be rejected');
}

/**
 * One database per describe block, with two store instances on it (one when the backend cannot share):
 * creating a PostgreSQL schema and migrating it is what costs time, so tests share it and keep apart by
 * using fresh ids.
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
  'release stores contract: %s',
  (_title: string, backend: StoreBackend) => {
    describe.skipIf(!backend.enabled)(backend.kind, () => {
      describe('audit log', () => {
        const shared = sharedDatabase(backend);

        async function appendAll(store: Store, events: readonly AuditEvent[]): Promise<void> {
          for (const event of events) await store.audit.append(event);
        }

        it('appends events and gives them back newest first, to another instance too', async () => {
          const [store, other] = shared.stores();
          const objectId = uniqueId('requester');
          const [older, newest, oldest] = [5, 9, 1].map((minute) =>
            anAuditEvent({ at: minutesAfterT0(minute), requester: { objectId } }),
          );
          await appendAll(store, [older!, newest!, oldest!]);
          expect(await other.audit.query({ requesterObjectId: objectId })).toStrictEqual([
            newest,
            older,
            oldest,
          ]);
        });

        it('orders by the instant, not by how the time is written, and returns times canonical', async () => {
          const [store] = shared.stores();
          const objectId = uniqueId('requester');
          // 11:00 at +02:00 is 09:00Z: as text it sorts after 10:00Z, as an instant before it.
          const early = anAuditEvent({ at: '2025-06-20T11:00:00+02:00', requester: { objectId } });
          const late = anAuditEvent({ at: '2025-06-20T10:00:00.000Z', requester: { objectId } });
          await appendAll(store, [late, early]);
          const events = await store.audit.query({ requesterObjectId: objectId });
          expect(events.map((event) => event.at)).toEqual([
            '2025-06-20T10:00:00.000Z',
            '2025-06-20T09:00:00.000Z',
          ]);
          expect(events[1]).toStrictEqual({ ...early, at: '2025-06-20T09:00:00.000Z' });
        });

        it('keeps append order among events of the same instant, newest appended first', async () => {
          const [store, other] = shared.stores();
          const objectId = uniqueId('requester');
          const events = ['denied', 'escalated', 'rateLimited'].map((decision) =>
            anAuditEvent({ decision: decision as AuditEvent['decision'], requester: { objectId } }),
          );
          await store.audit.append(events[0]!);
          await other.audit.append(events[1]!);
          await store.audit.append(events[2]!);
          const found = await other.audit.query({ requesterObjectId: objectId });
          expect(found.map((event) => event.decision)).toEqual(['rateLimited', 'escalated', 'denied']);
        });

        it('filters by device, by Key ID prefix ignoring case and separators, and by both', async () => {
          const [store, other] = shared.stores();
          const objectId = uniqueId('requester');
          const deviceId = uniqueId('device');
          const prefix = uniqueId('').replaceAll('-', '').slice(0, 12).toUpperCase();
          const keyId = `${prefix.slice(0, 8)}-${prefix.slice(8)}-4C3D-8E9F-0A1B2C3D4E5F`;
          const onDevice = anAuditEvent({ at: minutesAfterT0(1), deviceId, keyId, requester: { objectId } });
          const typedPrefix = anAuditEvent({
            at: minutesAfterT0(2),
            decision: 'denied',
            reason: 'noMatch',
            deviceId: undefined,
            keyId: prefix.slice(0, 8).toLowerCase(),
          });
          const otherKey = anAuditEvent({
            at: minutesAfterT0(3),
            deviceId,
            keyId: 'FFFFFFFF',
            requester: { objectId },
          });
          await appendAll(store, [onDevice, typedPrefix, otherKey]);

          expect(await other.audit.query({ deviceId })).toStrictEqual([otherKey, onDevice]);
          const byPrefix = { keyId: `{${prefix.slice(0, 8).toLowerCase()}-${prefix.slice(8, 10)}` };
          expect(await other.audit.query(byPrefix)).toStrictEqual([onDevice]);
          const { deviceId: _absent, ...typedPrefixStored } = typedPrefix;
          expect(await other.audit.query({ keyId: prefix.slice(0, 8) })).toStrictEqual([
            typedPrefixStored,
            onDevice,
          ]);
          expect(await other.audit.query({ keyId: prefix.slice(0, 8), deviceId })).toStrictEqual([onDevice]);
          expect(
            await other.audit.query({ keyId: prefix.slice(0, 8), requesterObjectId: objectId }),
          ).toStrictEqual([onDevice]);
          expect(
            await other.audit.query({ keyId: prefix.slice(0, 8), deviceId: uniqueId('device') }),
          ).toEqual([]);
        });

        it('treats LIKE wildcards in a Key ID filter as plain characters', async () => {
          const [store] = shared.stores();
          const objectId = uniqueId('requester');
          await store.audit.append(anAuditEvent({ keyId: 'AB%CD_EF', requester: { objectId } }));
          await store.audit.append(anAuditEvent({ keyId: 'ABXCDYEF', requester: { objectId } }));
          const found = await store.audit.query({ requesterObjectId: objectId, keyId: 'ab%cd_' });
          expect(found.map((event) => event.keyId)).toEqual(['AB%CD_EF']);
          expect(await store.audit.query({ requesterObjectId: objectId, keyId: '%' })).toEqual([]);
        });

        it('matches nothing for an empty Key ID filter or ids no event can have', async () => {
          const [store] = shared.stores();
          const objectId = uniqueId('requester');
          await store.audit.append(anAuditEvent({ requester: { objectId } }));
          expect(await store.audit.query({ requesterObjectId: objectId, keyId: '' })).toEqual([]);
          expect(await store.audit.query({ requesterObjectId: objectId, keyId: '{ - }' })).toEqual([]);
          expect(await store.audit.query({ requesterObjectId: `${objectId}\u0000` })).toEqual([]);
          expect(await store.audit.query({ deviceId: '' })).toEqual([]);
          expect(await store.audit.query({ requesterObjectId: uniqueId('nobody') })).toEqual([]);
        });

        it('returns at most `limit` events, 50 by default, and refuses limits outside 1–1000', async () => {
          const [store] = shared.stores();
          const objectId = uniqueId('requester');
          const events = Array.from({ length: 53 }, (_, minute) =>
            anAuditEvent({ at: minutesAfterT0(minute), requester: { objectId } }),
          );
          await appendAll(store, events);
          const newestFirst = [...events].reverse();
          expect(await store.audit.query({ requesterObjectId: objectId, limit: 2 })).toStrictEqual(
            newestFirst.slice(0, 2),
          );
          expect(await store.audit.query({ requesterObjectId: objectId })).toStrictEqual(
            newestFirst.slice(0, 50),
          );
          expect(await store.audit.query({ requesterObjectId: objectId, limit: 1000 })).toHaveLength(53);
          for (const limit of [0, -1, 1.5, 1001, Number.NaN]) {
            expect(await rejection(store.audit.query({ requesterObjectId: objectId, limit }))).toBeInstanceOf(
              TypeError,
            );
          }
        });

        it('answers a query without filters with the newest events of everyone', async () => {
          const [store] = shared.stores();
          // Later than anything else in this database, so the shared rows of other tests do not interfere.
          const future = [1, 2, 3].map((second) => anAuditEvent({ at: `9999-12-31T23:59:5${second}.000Z` }));
          await appendAll(shared.stores()[1], future);
          expect(await store.audit.query({ limit: 2 })).toStrictEqual([future[2], future[1]]);
        });

        it('round-trips every field exactly, drops undefined and unknown properties', async () => {
          const [store, other] = shared.stores();
          const objectId = uniqueId('requester');
          const full: AuditEvent = {
            at: '2024-07-19T04:09:59.999Z',
            correlationId: uniqueId('correlation'),
            decision: 'rotationOverdue',
            reason: 'notRotatedWithin24h',
            requester: {
              objectId,
              tenantId: DEMO_TENANT_ID,
              displayName: 'Adèle Vance 👋🏽 "q" \\ \u0000 \u2028',
            },
            deviceId: uniqueId('device'),
            deviceName: 'ADELE-DESKTOP — 東京',
            keyId: '{4290B6C0-1A2B-4C3D-8E9F-0A1B2C3D4E5F}',
            requestId: uniqueId('request'),
            verification: { method: 'videoCallWithPhotoId', at: '2024-07-19T04:01:00.000Z' },
            actor: 'Megan Bowen (helpdesk)',
            note: 'Requester has no Teams access — reading it by phone',
          };
          await store.audit.append(full);
          const sparse = {
            at: '2024-07-19T05:00:00.000Z',
            correlationId: uniqueId('correlation'),
            decision: 'keyCardHidden',
            requester: { objectId, tenantId: DEMO_TENANT_ID, displayName: undefined },
            reason: undefined,
            keyId: undefined,
            extra: 'not part of an audit event',
          } as unknown as AuditEvent;
          await store.audit.append(sparse);
          expect(await other.audit.query({ requesterObjectId: objectId })).toStrictEqual([
            {
              at: sparse.at,
              correlationId: sparse.correlationId,
              decision: 'keyCardHidden',
              requester: { objectId, tenantId: DEMO_TENANT_ID },
            },
            full,
          ]);
        });

        it.each<[string, (password: string) => AuditEventOverrides]>([
          ['the reason', (password) => ({ reason: `user pasted ${password}` })],
          ['the Key ID', (password) => ({ keyId: password })],
          ['the device name', (password) => ({ deviceName: password.replaceAll('-', ' ') })],
          [
            'the display name',
            (password) => ({ requester: { displayName: `Alex ${password.replaceAll('-', '')}` } }),
          ],
          [
            'the verification method',
            (password) => ({ verification: { method: password, at: minutesAfterT0(0) } }),
          ],
          ['the actor', (password) => ({ actor: password.replaceAll('-', '\u2013') })],
          ['the correlation id', (password) => ({ correlationId: password })],
          ['the note', (password) => ({ note: `reading ${password} to them` })],
          [
            'a property the type does not know',
            (password) => ({ remark: password }) as unknown as Partial<AuditEvent>,
          ],
        ])(
          'refuses a recovery password in %s with SECRET_IN_AUDIT and stores nothing',
          async (_label, inject) => {
            const [store, other] = shared.stores();
            const objectId = uniqueId('requester');
            const { requester, ...rest } = inject(LEAKED_PASSWORD);
            const event = anAuditEvent({ ...rest, requester: { objectId, ...requester } });
            const error = await rejection(store.audit.append(event));
            expect(error).toBeInstanceOf(RecoveryPasswordRefusedError);
            expect(error.code).toBe('SECRET_IN_AUDIT');
            expectNoLeakedPassword(error, shared.lines);
            expect(await other.audit.query({ requesterObjectId: objectId })).toEqual([]);
          },
        );

        it.each<[string, (event: AuditEvent) => unknown, RegExp]>([
          ['an unknown decision', (event) => ({ ...event, decision: 'approvedByVibes' }), /decision/],
          ['a local time', (event) => ({ ...event, at: '2025-06-20T09:00:00' }), /audit event at/],
          [
            'a day that does not exist',
            (event) => ({ ...event, at: '2025-02-30T09:00:00.000Z' }),
            /audit event at/,
          ],
          ['a missing requester', (event) => ({ ...event, requester: undefined }), /requester/],
          [
            'an empty requester object id',
            (event) => ({ ...event, requester: { ...event.requester, objectId: '' } }),
            /requester\.objectId/,
          ],
          ['a reason that is not text', (event) => ({ ...event, reason: 42 }), /reason/],
          [
            'a verification without time',
            (event) => ({ ...event, verification: { method: 'x' } }),
            /verification/,
          ],
        ])('refuses %s with a TypeError naming the field', async (_label, change, field) => {
          const [store] = shared.stores();
          const objectId = uniqueId('requester');
          const error = await rejection(
            store.audit.append(change(anAuditEvent({ requester: { objectId } })) as AuditEvent),
          );
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toMatch(field);
          expect(await store.audit.query({ requesterObjectId: objectId })).toEqual([]);
        });

        it.skipIf(!backend.shared)(
          'refuses to change an event, even in SQL (only retention deletes)',
          async () => {
            const [store] = shared.stores();
            const database = shared.database();
            const objectId = uniqueId('requester');
            const event = anAuditEvent({ requester: { objectId } });
            await store.audit.append(event);
            const where = `WHERE requester_object_id = '${objectId}'`;
            await expect(
              database.query!(`UPDATE audit_events SET decision = 'denied' ${where} RETURNING id`),
            ).rejects.toThrow(/append-only/);
            expect(await store.audit.query({ requesterObjectId: objectId })).toStrictEqual([event]);
          },
        );
      });

      describe('release ledger', () => {
        const shared = sharedDatabase(backend);

        it('claims a request once; every later claim, from any instance, is refused', async () => {
          const [store, other] = shared.stores();
          const first = aReleaseRecord({ deviceId: uniqueId('device') });
          expect(await store.releases.claim(first, [])).toBe(true);
          expect(await other.releases.claim(first, [])).toBe(false);
          expect(await store.releases.claim(first, [])).toBe(false);
          // A replay that says something else does not overwrite what was recorded.
          const replay = { ...first, keyId: 'FFFFFFFF', releasedAt: minutesAfterT0(5) };
          expect(await other.releases.claim(replay, [])).toBe(false);
          expect(await other.releases.latestForDevice(first.deviceId)).toStrictEqual(first);
          expect(await store.releases.countByDevice(first.deviceId, minutesAfterT0(-60))).toBe(1);
        });

        it('withdraws a claim whose key read failed: it no longer counts and can be claimed again', async () => {
          const [store, other] = shared.stores();
          const record = aReleaseRecord({ deviceId: uniqueId('device') });
          expect(await store.releases.claim(record, [])).toBe(true);
          await other.releases.withdraw(record.requestId, []);
          expect(await store.releases.countByDevice(record.deviceId, minutesAfterT0(-60))).toBe(0);
          expect(await store.releases.latestForDevice(record.deviceId)).toBeUndefined();
          expect(await other.releases.claim(record, [])).toBe(true);
          await store.releases.withdraw('R-NEVER-CLAIMED', []);
        });

        it('schedules a claim’s follow-ups in the same transaction, and only for the claim that wins', async () => {
          const [store, other] = shared.stores();
          const record = aReleaseRecord({ deviceId: uniqueId('device') });
          const followUp = (n: number) => ({
            key: `${uniqueId('follow-up')}:${n}`,
            kind: 'hideKeyCard' as const,
            payload: { requestId: record.requestId, n },
            dueAt: minutesAfterT0(0),
          });
          const won = [followUp(1), followUp(2)];
          expect(await store.releases.claim(record, won)).toBe(true);
          expect(await other.releases.claim(record, [followUp(3)])).toBe(false);
          const due = await other.jobs.claimDue(minutesAfterT0(1), 'worker', 60_000, 1000);
          const mine = due.filter((job) => job.payload.requestId === record.requestId);
          expect(mine.map((job) => job.payload.n).sort()).toEqual([1, 2]);
          // A follow-up that cannot be stored takes the claim with it: never a claim without its follow-ups.
          const second = aReleaseRecord({ deviceId: uniqueId('device') });
          await expect(
            store.releases.claim(second, [
              followUp(4),
              { ...followUp(5), payload: { when: new Date() } as never },
            ]),
          ).rejects.toThrow();
          expect(await other.releases.progress(second.requestId)).toBeUndefined();
          expect(await other.releases.claim(second, [])).toBe(true);
        });

        it('tracks a claim pending → sending → shown, with where the card is, for any instance', async () => {
          const [store, other] = shared.stores();
          const record = aReleaseRecord({ deviceId: uniqueId('device') });
          expect(await store.releases.progress(record.requestId)).toBeUndefined();
          await store.releases.claim(record, []);
          expect(await other.releases.progress(record.requestId)).toStrictEqual({ record, stage: 'pending' });
          await store.releases.markSending(record.requestId);
          expect((await other.releases.progress(record.requestId))?.stage).toBe('sending');
          const card = { conversationReference: '{"conversation":{"id":"a:1"}}', activityId: '1:abc' };
          await store.releases.markShown(record.requestId, card);
          expect(await other.releases.progress(record.requestId)).toStrictEqual({
            record,
            stage: 'shown',
            card,
          });
          // Shown stays shown: a late "sending" from a slow instance does not undo it.
          await other.releases.markSending(record.requestId);
          expect((await store.releases.progress(record.requestId))?.stage).toBe('shown');
        });

        it('withdraw cancels the named follow-ups with the claim', async () => {
          const [store, other] = shared.stores();
          const record = aReleaseRecord({ deviceId: uniqueId('device') });
          const key = uniqueId('hide');
          const kept = uniqueId('kept');
          const job = (jobKey: string) => ({
            key: jobKey,
            kind: 'hideKeyCard' as const,
            payload: { requestId: record.requestId },
            dueAt: minutesAfterT0(0),
          });
          await store.releases.claim(record, [job(key)]);
          await store.jobs.schedule(job(kept));
          await other.releases.withdraw(record.requestId, [key]);
          const due = await store.jobs.claimDue(minutesAfterT0(1), 'worker-2', 60_000, 1000);
          const left = due.filter((found) => found.payload.requestId === record.requestId);
          expect(left).toHaveLength(1);
          expect(await store.releases.progress(record.requestId)).toBeUndefined();
        });

        it('lets exactly one of two instances claiming the same request at once win, every round', async () => {
          const [left, right] = shared.stores();
          const deviceId = uniqueId('device');
          for (let round = 0; round < RACE_ROUNDS; round += 1) {
            const record = aReleaseRecord({ deviceId, releasedAt: minutesAfterT0(round) });
            const outcomes = await Promise.all([
              left.releases.claim(record, []),
              right.releases.claim(record, []),
            ]);
            expect(outcomes.filter(Boolean)).toHaveLength(1);
          }
          expect(await left.releases.countByDevice(deviceId, minutesAfterT0(0))).toBe(RACE_ROUNDS);
        });

        it('turns a burst of double clicks from both instances into one release', async () => {
          const [left, right] = shared.stores();
          const record = aReleaseRecord({ deviceId: uniqueId('device') });
          const outcomes = await Promise.all(
            Array.from({ length: 12 }, (_, index) =>
              (index % 2 === 0 ? left : right).releases.claim(record, []),
            ),
          );
          expect(outcomes.filter(Boolean)).toHaveLength(1);
          expect(await right.releases.countByDevice(record.deviceId, minutesAfterT0(-1))).toBe(1);
        });

        it('counts releases by requester and by device since a time, inclusive, as instants', async () => {
          const [store, other] = shared.stores();
          const alex = uniqueId('alex');
          const megan = uniqueId('megan');
          const laptop = uniqueId('laptop');
          const desktop = uniqueId('desktop');
          for (const [requesterObjectId, deviceId, minute] of [
            [alex, laptop, 0],
            [alex, laptop, 30],
            [alex, desktop, 60],
            [megan, laptop, 45],
          ] as const) {
            await store.releases.claim(
              aReleaseRecord({ requesterObjectId, deviceId, releasedAt: minutesAfterT0(minute) }),
              [],
            );
          }
          expect(await other.releases.countByRequester(alex, minutesAfterT0(-1))).toBe(3);
          expect(await other.releases.countByRequester(alex, minutesAfterT0(30))).toBe(2);
          expect(await other.releases.countByRequester(alex, minutesAfterT0(31))).toBe(1);
          expect(await other.releases.countByRequester(megan, minutesAfterT0(0))).toBe(1);
          expect(await other.releases.countByDevice(laptop, minutesAfterT0(0))).toBe(3);
          expect(await other.releases.countByDevice(laptop, minutesAfterT0(45))).toBe(1);
          expect(await other.releases.countByDevice(desktop, minutesAfterT0(61))).toBe(0);
          // 11:30 at +02:00 is T0 + 30 min: compared as text it would count nothing.
          expect(await other.releases.countByRequester(alex, '2025-06-20T11:30:00+02:00')).toBe(2);
          expect(await other.releases.countByRequester(uniqueId('nobody'), minutesAfterT0(-1))).toBe(0);
          expect(await other.releases.countByDevice('', minutesAfterT0(-1))).toBe(0);
          expect(await rejection(other.releases.countByRequester(alex, 'yesterday'))).toBeInstanceOf(
            TypeError,
          );
          expect(await rejection(other.releases.countByDevice(laptop, '2025-06-20 09:00'))).toBeInstanceOf(
            TypeError,
          );
        });

        it('gives the latest release of a device by release time, the later claim on a tie', async () => {
          const [store, other] = shared.stores();
          const deviceId = uniqueId('device');
          expect(await store.releases.latestForDevice(deviceId)).toBeUndefined();
          const newest = aReleaseRecord({ deviceId, releasedAt: minutesAfterT0(10) });
          await store.releases.claim(newest, []);
          // Claimed later by an instance whose clock is behind: "latest" follows the release time.
          await other.releases.claim(aReleaseRecord({ deviceId, releasedAt: minutesAfterT0(5) }), []);
          expect(await store.releases.latestForDevice(deviceId)).toStrictEqual(newest);
          const tie = aReleaseRecord({
            deviceId,
            releasedAt: '2025-06-20T11:10:00.000+02:00',
            keyId: 'SECOND',
          });
          await other.releases.claim(tie, []);
          expect(await store.releases.latestForDevice(deviceId)).toStrictEqual({
            ...tie,
            releasedAt: newest.releasedAt,
          });
          expect(await store.releases.latestForDevice(uniqueId('device'))).toBeUndefined();
          expect(await store.releases.latestForDevice('\u0000')).toBeUndefined();
        });

        it.each([
          ['the Key ID', { keyId: LEAKED_PASSWORD }],
          ['the request id', { requestId: LEAKED_PASSWORD.replaceAll('-', '') }],
          ['the device id', { deviceId: LEAKED_PASSWORD.replaceAll('-', ' ') }],
        ])(
          'refuses a recovery password in %s with SECRET_IN_RELEASE and records nothing',
          async (_label, poison) => {
            const [store, other] = shared.stores();
            const requesterObjectId = uniqueId('requester');
            const record = aReleaseRecord({ requesterObjectId, ...poison });
            const error = await rejection(store.releases.claim(record, []));
            expect(error).toBeInstanceOf(RecoveryPasswordRefusedError);
            expect(error.code).toBe('SECRET_IN_RELEASE');
            expectNoLeakedPassword(error, shared.lines);
            expect(await other.releases.countByRequester(requesterObjectId, minutesAfterT0(-60))).toBe(0);
          },
        );

        it.each([
          ['an empty request id', { requestId: '' }, /requestId/],
          ['a NUL in the device id', { deviceId: 'a\u0000b' }, /deviceId/],
          ['a release time without zone', { releasedAt: '2025-06-20T09:00:00.000' }, /releasedAt/],
        ])('refuses %s with a TypeError naming the field', async (_label, change, field) => {
          const [store] = shared.stores();
          const error = await rejection(store.releases.claim(aReleaseRecord(change), []));
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toMatch(field);
        });
      });

      describe('job queue', () => {
        const shared = sharedDatabase(backend);
        const WORKER_A = 'instance-a/worker';
        const WORKER_B = 'instance-b/worker';

        /**
         * The two stores with an empty queue: `claimDue` sees every job in the database, so each test starts
         * from none. A `:memory:` database cannot be reached from outside and gets a new store instead.
         */
        const stores: Store[] = [];
        afterAll(async () => {
          for (const store of stores) await store.close();
        });

        async function emptyQueue(): Promise<[Store, Store]> {
          const database = shared.database();
          if (database.query) {
            await database.query('DELETE FROM jobs RETURNING id');
            return shared.stores();
          }
          const store = await openStore('sqlite::memory:', capturingLogger().logger);
          stores.push(store);
          return [store, store];
        }

        function aJob(minute: number, kind: JobKind = 'hideKeyCard', key = uniqueId(kind)) {
          return {
            key,
            kind,
            payload: {
              conversationId: `a:1${key}`,
              activityId: '1718900000000',
              deviceId: uniqueId('device'),
            },
            dueAt: minutesAfterT0(minute),
          };
        }

        function ids(jobs: readonly Job[]): string[] {
          return jobs.map((job) => job.id);
        }

        it('schedules a job that becomes claimable at its due time, with its payload intact', async () => {
          const [store, other] = await emptyQueue();
          const job = {
            key: uniqueId('checkRotation'),
            kind: 'checkRotation' as const,
            payload: {
              deviceId: uniqueId('device'),
              reference: {
                user: { name: 'Adèle 👋🏽 "q" \\ \u0000' },
                nested: [1, 2.5, true, null, { deep: [] }],
              },
            },
            dueAt: '2025-06-21T11:00:00+02:00',
          };
          await store.jobs.schedule(job);
          expect(await other.jobs.claimDue(minutesAfterT0(24 * 60 - 1), WORKER_B, MINUTE, 10)).toEqual([]);
          const [claimed, ...more] = await other.jobs.claimDue(minutesAfterT0(24 * 60), WORKER_B, MINUTE, 10);
          expect(more).toEqual([]);
          expect(claimed).toStrictEqual({
            id: expect.stringMatching(/^[1-9]\d*$/),
            kind: 'checkRotation',
            payload: job.payload,
            dueAt: '2025-06-21T09:00:00.000Z',
            attempts: 0,
          });
        });

        it('schedules once per key, whatever a repeat says, also after the job is done', async () => {
          const [store, other] = await emptyQueue();
          const first = aJob(0);
          await store.jobs.schedule(first);
          await other.jobs.schedule({
            ...first,
            kind: 'checkRotation',
            payload: { other: true },
            dueAt: minutesAfterT0(-30),
          });
          const claimed = await store.jobs.claimDue(minutesAfterT0(0), WORKER_A, MINUTE, 10);
          expect(claimed).toStrictEqual([
            expect.objectContaining({ kind: 'hideKeyCard', payload: first.payload }),
          ]);
          await store.jobs.complete(claimed[0]!.id, WORKER_A);
          await other.jobs.schedule(first);
          expect(await other.jobs.claimDue(minutesAfterT0(60 * 24 * 365), WORKER_B, MINUTE, 10)).toEqual([]);
        });

        it('leases due jobs oldest first, at most `limit`, and not the ones not yet due', async () => {
          const [store] = await emptyQueue();
          const jobs = [3, 1, 2, 9].map((minute) => aJob(minute));
          for (const job of jobs) await store.jobs.schedule(job);
          const first = await store.jobs.claimDue(minutesAfterT0(5), WORKER_A, MINUTE, 2);
          expect(first.map((job) => job.payload)).toEqual([jobs[1]!.payload, jobs[2]!.payload]);
          const second = await store.jobs.claimDue(minutesAfterT0(5), WORKER_A, MINUTE, 2);
          expect(second.map((job) => job.payload)).toEqual([jobs[0]!.payload]);
          expect(await store.jobs.claimDue(minutesAfterT0(5), WORKER_A, MINUTE, 2)).toEqual([]);
        });

        it('holds a lease against other workers until it expires, then lets another worker take over', async () => {
          const [store, other] = await emptyQueue();
          await store.jobs.schedule(aJob(0));
          const [leased] = await store.jobs.claimDue(minutesAfterT0(0), WORKER_A, 5 * MINUTE, 10);
          expect(leased).toBeDefined();
          expect(await other.jobs.claimDue(minutesAfterT0(4.99), WORKER_B, MINUTE, 10)).toEqual([]);
          expect(await store.jobs.claimDue(minutesAfterT0(1), WORKER_A, MINUTE, 10)).toEqual([]);
          // The worker died: once the lease has run out, the job is claimable again, attempts unchanged.
          const takenOver = await other.jobs.claimDue(minutesAfterT0(5), WORKER_B, MINUTE, 10);
          expect(takenOver).toStrictEqual([leased]);
          const late = await rejection(store.jobs.complete(leased!.id, WORKER_A));
          expect(late).toMatchObject({ code: 'JOB_LEASE_LOST', jobId: leased!.id });
          await other.jobs.complete(leased!.id, WORKER_B);
          expect(await store.jobs.claimDue(minutesAfterT0(60 * 24 * 365), WORKER_A, MINUTE, 10)).toEqual([]);
        });

        it('completes only for the lease holder, and a repeated complete by the holder is a no-op', async () => {
          const [store, other] = await emptyQueue();
          await store.jobs.schedule(aJob(0));
          const [job] = await store.jobs.claimDue(minutesAfterT0(0), WORKER_A, MINUTE, 10);
          expect((await rejection(other.jobs.complete(job!.id, WORKER_B))).code).toBe('JOB_LEASE_LOST');
          // Not completed by B: after A's lease runs out the job is still there to claim.
          const [again] = await other.jobs.claimDue(minutesAfterT0(1), WORKER_B, MINUTE, 10);
          expect(again?.id).toBe(job!.id);
          await other.jobs.complete(job!.id, WORKER_B);
          await other.jobs.complete(job!.id, WORKER_B);
          expect((await rejection(store.jobs.complete(job!.id, WORKER_A))).code).toBe('JOB_LEASE_LOST');
          expect(await store.jobs.claimDue(minutesAfterT0(60), WORKER_A, MINUTE, 10)).toEqual([]);
          expect((await rejection(store.jobs.complete('999999999', WORKER_A))).code).toBe('JOB_LEASE_LOST');
          expect((await rejection(store.jobs.complete(job!.id, ''))).code).toBe('JOB_LEASE_LOST');
          for (const malformed of ['', 'abc', '1.5', '-1', '0', '1e3']) {
            expect(await rejection(store.jobs.complete(malformed, WORKER_A))).toBeInstanceOf(TypeError);
          }
        });

        it('gives a job back on retry: counted, due again later, and only by the lease holder', async () => {
          const [store, other] = await emptyQueue();
          await store.jobs.schedule(aJob(0, 'checkRotation'));
          const [job] = await store.jobs.claimDue(minutesAfterT0(0), WORKER_A, 10 * MINUTE, 10);
          expect((await rejection(other.jobs.retry(job!.id, WORKER_B, minutesAfterT0(1)))).code).toBe(
            'JOB_LEASE_LOST',
          );
          await store.jobs.retry(job!.id, WORKER_A, minutesAfterT0(30));
          expect((await rejection(store.jobs.retry(job!.id, WORKER_A, minutesAfterT0(31)))).code).toBe(
            'JOB_LEASE_LOST',
          );
          expect((await rejection(store.jobs.complete(job!.id, WORKER_A))).code).toBe('JOB_LEASE_LOST');
          // Given back, the lease is gone: not due before its new time, then claimable by anyone.
          expect(await other.jobs.claimDue(minutesAfterT0(29), WORKER_B, MINUTE, 10)).toEqual([]);
          const [retried] = await other.jobs.claimDue(minutesAfterT0(30), WORKER_B, MINUTE, 10);
          expect(retried).toStrictEqual({ ...job, dueAt: minutesAfterT0(30), attempts: 1 });
          await other.jobs.retry(retried!.id, WORKER_B, minutesAfterT0(40));
          const [third] = await store.jobs.claimDue(minutesAfterT0(40), WORKER_A, MINUTE, 10);
          expect(third?.attempts).toBe(2);
          await store.jobs.complete(third!.id, WORKER_A);
          expect((await rejection(store.jobs.retry(third!.id, WORKER_A, minutesAfterT0(50)))).code).toBe(
            'JOB_LEASE_LOST',
          );
          expect(await rejection(store.jobs.retry(third!.id, WORKER_A, 'soon'))).toBeInstanceOf(TypeError);
        });

        it('reschedules a pending job earlier or later, and leaves unknown and finished jobs alone', async () => {
          const [store, other] = await emptyQueue();
          const hide = aJob(10);
          await store.jobs.schedule(hide);
          // "It worked": hide the card now rather than in ten minutes.
          await other.jobs.reschedule(hide.key, minutesAfterT0(0));
          const [now] = await store.jobs.claimDue(minutesAfterT0(0), WORKER_A, MINUTE, 10);
          expect(now).toMatchObject({ payload: hide.payload, dueAt: minutesAfterT0(0) });
          // Moving a leased job does not break its lease.
          await other.jobs.reschedule(hide.key, minutesAfterT0(-5));
          expect(await other.jobs.claimDue(minutesAfterT0(0.5), WORKER_B, MINUTE, 10)).toEqual([]);
          await store.jobs.complete(now!.id, WORKER_A);
          await other.jobs.reschedule(hide.key, minutesAfterT0(1));
          await other.jobs.reschedule(uniqueId('unknown'), minutesAfterT0(1));
          await other.jobs.reschedule('', minutesAfterT0(1));
          expect(await store.jobs.claimDue(minutesAfterT0(60), WORKER_A, MINUTE, 10)).toEqual([]);

          const later = aJob(0);
          await store.jobs.schedule(later);
          await store.jobs.reschedule(later.key, '2025-06-20T12:00:00+02:00');
          expect(await store.jobs.claimDue(minutesAfterT0(59), WORKER_A, MINUTE, 10)).toEqual([]);
          expect(await store.jobs.claimDue(minutesAfterT0(60), WORKER_A, MINUTE, 10)).toHaveLength(1);
          expect(await rejection(store.jobs.reschedule(later.key, 'tomorrow'))).toBeInstanceOf(TypeError);
        });

        it('hands each of many due jobs to exactly one of two workers claiming at once', async () => {
          const [left, right] = await emptyQueue();
          const scheduled = Array.from({ length: 90 }, (_, index) => aJob(index % 7));
          for (const job of scheduled) await left.jobs.schedule(job);
          const processed: { worker: string; job: Job }[] = [];

          async function work(store: Store, worker: string): Promise<void> {
            for (;;) {
              const jobs = await store.jobs.claimDue(minutesAfterT0(10), worker, MINUTE, 4);
              if (jobs.length === 0) return;
              for (const job of jobs) {
                processed.push({ worker, job });
                await store.jobs.complete(job.id, worker);
              }
            }
          }
          await Promise.all([work(left, WORKER_A), work(right, WORKER_B)]);

          const processedIds = processed.map(({ job }) => job.id);
          expect(new Set(processedIds).size).toBe(processedIds.length);
          expect(processed.map(({ job }) => job.payload).sort(byDevice)).toEqual(
            scheduled.map((job) => job.payload).sort(byDevice),
          );
          if (backend.shared) {
            // Both workers got a share: the race was real, not one worker draining the queue alone.
            expect(new Set(processed.map(({ worker }) => worker)).size).toBe(2);
          }
          expect(await left.jobs.claimDue(minutesAfterT0(60 * 24), WORKER_A, MINUTE, 100)).toEqual([]);
        });

        it('hands every job whose lease expired to exactly one of two workers taking over', async () => {
          const [left, right] = await emptyQueue();
          for (let index = 0; index < 40; index += 1) await left.jobs.schedule(aJob(0));
          const abandoned = await left.jobs.claimDue(minutesAfterT0(0), 'crashed-worker', MINUTE, 100);
          expect(abandoned).toHaveLength(40);
          const rounds = await Promise.all([
            right.jobs.claimDue(minutesAfterT0(1), WORKER_B, MINUTE, 25),
            left.jobs.claimDue(minutesAfterT0(1), WORKER_A, MINUTE, 25),
          ]);
          const [toB, toA] = rounds.map(ids);
          expect(toA!.length + toB!.length).toBe(40);
          expect(new Set([...toA!, ...toB!])).toEqual(new Set(ids(abandoned)));
        });

        it.each<[string, (password: string) => Record<string, unknown>]>([
          ['the payload', (password) => ({ payload: { text: `your key is ${password}` } })],
          [
            'a nested payload value',
            (password) => ({ payload: { card: { body: [{ blocks: password.split('-').join('\n') }] } } }),
          ],
          ['a payload property name', (password) => ({ payload: { [password]: true } })],
          [
            'serialized JSON in the payload',
            // The escaped newlines hide the separators until the JSON is read.
            (password) => ({ payload: { reference: JSON.stringify({ n: password.replaceAll('-', '\n') }) } }),
          ],
          ['the key', (password) => ({ key: `hide:${password}` })],
        ])(
          'refuses a recovery password in %s with SECRET_IN_JOB and schedules nothing',
          async (_label, poison) => {
            const [store] = await emptyQueue();
            const job = { ...aJob(0), ...poison(LEAKED_PASSWORD) } as ReturnType<typeof aJob>;
            const error = await rejection(store.jobs.schedule(job));
            expect(error).toBeInstanceOf(RecoveryPasswordRefusedError);
            expect(error.code).toBe('SECRET_IN_JOB');
            expectNoLeakedPassword(error, shared.lines);
            expect(await store.jobs.claimDue(minutesAfterT0(60), WORKER_A, MINUTE, 10)).toEqual([]);
          },
        );

        it.each<[string, Record<string, unknown>, RegExp]>([
          ['an unknown kind', { kind: 'mineBitcoin' }, /kind/],
          ['an empty key', { key: '' }, /key/],
          ['a payload that is an array', { payload: [1, 2] }, /payload/],
          ['a Date in the payload', { payload: { at: new Date(0) } }, /payload\.at/],
          ['NaN in the payload', { payload: { n: Number.NaN } }, /payload\.n/],
          ['a function in the payload', { payload: { f: () => 1 } }, /payload\.f/],
          ['undefined inside an array', { payload: { list: [1, undefined] } }, /payload\.list\[1\]/],
          ['a due time without zone', { dueAt: '2025-06-20T09:00:00' }, /dueAt/],
          ['a due time after the year 9999', { dueAt: '+010000-01-01T00:00:00.000Z' }, /dueAt/],
        ])('refuses %s with a TypeError naming the field', async (_label, change, field) => {
          const [store] = await emptyQueue();
          const error = await rejection(
            store.jobs.schedule({ ...aJob(0), ...change } as ReturnType<typeof aJob>),
          );
          expect(error).toBeInstanceOf(TypeError);
          expect(error.message).toMatch(field);
        });

        it.each<[string, [string, string, number, number]]>([
          ['a local time', ['2025-06-20T09:00:00', WORKER_A, MINUTE, 1]],
          ['an empty worker', [minutesAfterT0(0), '', MINUTE, 1]],
          ['a zero lease', [minutesAfterT0(0), WORKER_A, 0, 1]],
          ['a lease over a day', [minutesAfterT0(0), WORKER_A, 24 * 60 * MINUTE + 1, 1]],
          ['a zero limit', [minutesAfterT0(0), WORKER_A, MINUTE, 0]],
          ['a fractional limit', [minutesAfterT0(0), WORKER_A, MINUTE, 2.5]],
        ])('refuses claimDue with %s', async (_label, args) => {
          const [store] = await emptyQueue();
          await store.jobs.schedule(aJob(0));
          expect(await rejection(store.jobs.claimDue(...args))).toBeInstanceOf(TypeError);
          expect(await store.jobs.claimDue(minutesAfterT0(0), WORKER_A, MINUTE, 10)).toHaveLength(1);
        });
      });

      it.skipIf(!backend.shared)(
        'adds the audit, release and job tables to a database migrated by an earlier release, keeping its data',
        async () => {
          const database = await backend.createDatabase();
          try {
            const location = parseDatabaseUrl(database.url);
            const { logger } = capturingLogger();
            const before = migrations.filter((migration) => migration.version < 4);
            const old =
              location.kind === 'sqlite'
                ? openSqliteStore(location.path, logger, before)
                : await openPostgresStore(location.connectionString, logger, before);
            const { caseRequest } = await old.caseRequests.record(aNewCaseRequest());
            await old.close();

            const store = await openStore(database.url, logger);
            try {
              expect(await store.caseRequests.latestFor(caseRequest.requester.objectId)).toStrictEqual(
                caseRequest,
              );
              expect(await store.releases.claim(aReleaseRecord(), [])).toBe(true);
              await store.audit.append(anAuditEvent());
              await store.jobs.schedule({
                key: 'k',
                kind: 'hideKeyCard',
                payload: {},
                dueAt: minutesAfterT0(0),
              });
              expect(await store.jobs.claimDue(minutesAfterT0(0), 'w', MINUTE, 1)).toHaveLength(1);
            } finally {
              await store.close();
            }
          } finally {
            await database.dispose();
          }
        },
      );
    });
  },
);

function byDevice(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): number {
  return String(a.deviceId).localeCompare(String(b.deviceId));
}
