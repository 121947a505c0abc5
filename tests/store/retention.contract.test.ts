import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import { createLogger } from '../../src/observability/logger.js';
import { retentionCutoffs } from '../../src/store/retention.js';
import { openStore, type Store } from '../../src/store/store.js';
import { storeBackends } from '../support/store-backends.js';

const DAY_MS = 24 * 60 * 60_000;
const alex = DEMO_PEOPLE[0]!;
const T0 = new Date('2026-01-10T08:00:00.000Z');
const daysAfter = (days: number) => new Date(T0.getTime() + days * DAY_MS);

describe.each(storeBackends().map((backend) => [backend.title, backend] as const))(
  'retention contract: %s',
  (_title, backend) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    const open = async (): Promise<Store> => {
      const database = await backend.createDatabase();
      const store = await openStore(database.url, createLogger({ level: 'silent' }));
      cleanups.push(
        () => database.dispose(),
        () => store.close(),
      );
      return store;
    };

    it.skipIf(!backend.enabled)(
      'deletes finished jobs and audit events past their cut-offs, keeps pending jobs and younger events',
      async () => {
        const store = await open();
        const event = (at: Date) => ({
          at: at.toISOString(),
          correlationId: `c-${at.getTime()}`,
          decision: 'denied' as const,
          reason: 'noMatch',
          requester: { objectId: alex.id, tenantId: DEMO_TENANT_ID },
        });
        await store.audit.append(event(daysAfter(0)));
        await store.audit.append(event(daysAfter(300)));
        const job = (key: string, dueAt: Date) => ({
          key,
          kind: 'caseReminder' as const,
          payload: {},
          dueAt: dueAt.toISOString(),
        });
        await store.jobs.schedule(job('old-done', daysAfter(0)));
        await store.jobs.schedule(job('old-pending', daysAfter(0)));
        const [done] = (await store.jobs.claimDue(daysAfter(1).toISOString(), 'w', 60_000, 10)).filter(
          (claimed) => claimed.dueAt === daysAfter(0).toISOString(),
        );
        await store.jobs.complete(done!.id, 'w');

        const counts = await store.retention.purge(
          retentionCutoffs(daysAfter(401), { data: 90, audit: 400 }),
        );

        expect(counts.auditEvents).toBe(1);
        expect(counts.finishedJobs).toBe(1);
        const left = await store.audit.query({ requesterObjectId: alex.id });
        expect(left.map((kept) => kept.at)).toEqual([daysAfter(300).toISOString()]);
        // The pending job survives any cut-off: only finished work is forgotten.
        const pending = await store.jobs.claimDue(daysAfter(402).toISOString(), 'w2', 60_000, 10);
        expect(pending).toHaveLength(1);
        // A second run (another instance) finds nothing more.
        const again = await store.retention.purge(retentionCutoffs(daysAfter(401), { data: 90, audit: 400 }));
        expect(Object.values(again).every((count) => count === 0)).toBe(true);
      },
    );
  },
);
