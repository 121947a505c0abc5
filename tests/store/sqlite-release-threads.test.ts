import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { capturingLogger, storeBackends, type TestDatabase } from '../support/store-backends.js';
import { aReleaseRecord, minutesAfterT0 } from './release-builders.js';
import type { ReleaseWorkerAnswer, ReleaseWorkerTask } from './release-worker.js';
import { aStartingGate, openGateWhenAllWaiting, startStoreWorker } from './start-store-worker.js';

const WORKERS = 3;
/** Enough jobs for many interleaved claims; each contended write costs SQLite busy-handler back-off. */
const JOBS = 60;
const ENTRY = new URL('./release-worker.ts', import.meta.url);

/** Runs one task per worker thread on `database`, all released at once, and collects their answers. */
async function race(
  database: TestDatabase,
  tasks: readonly ReleaseWorkerTask[],
): Promise<ReleaseWorkerAnswer[]> {
  const gate = aStartingGate();
  const workers = tasks.map((task) =>
    startStoreWorker<ReleaseWorkerAnswer>(ENTRY, { url: database.url, gate, task }),
  );
  await openGateWhenAllWaiting(gate, workers);
  return Promise.all(workers.map((worker) => worker.done));
}

async function withMigratedFile(work: (database: TestDatabase) => Promise<void>): Promise<void> {
  const backend = storeBackends().find((candidate) => candidate.title === 'SQLite file')!;
  const database = await backend.createDatabase();
  try {
    // Migrate first, so the race is about the work and not about who creates the schema.
    await (await openStore(database.url, capturingLogger().logger)).close();
    await work(database);
  } finally {
    await database.dispose();
  }
}

describe('SQLite releases and jobs across threads', () => {
  it('lets exactly one thread claim each release when several connections race on one file', async () => {
    await withMigratedFile(async (database) => {
      const records = Array.from({ length: 40 }, (_, minute) =>
        aReleaseRecord({ releasedAt: minutesAfterT0(minute) }),
      );
      const answers = await race(
        database,
        Array.from({ length: WORKERS }, () => ({ kind: 'claimReleases', records })),
      );
      records.forEach((_record, index) => {
        expect(answers.filter((outcomes) => outcomes[index] === true)).toHaveLength(1);
      });
      const [row] = await database.query!('SELECT count(*) AS n FROM releases');
      expect(row).toEqual({ n: records.length });
    });
  });

  it('runs each due job exactly once when several threads drain the queue at once', async () => {
    await withMigratedFile(async (database) => {
      const store = await openStore(database.url, capturingLogger().logger);
      try {
        for (let index = 0; index < JOBS; index += 1) {
          await store.jobs.schedule({
            key: `hide-${index}`,
            kind: 'hideKeyCard',
            payload: { index },
            dueAt: minutesAfterT0(index % 10),
          });
        }
      } finally {
        await store.close();
      }
      const answers = (await race(
        database,
        Array.from({ length: WORKERS }, (_, index) => ({
          kind: 'drainJobs',
          worker: `thread-${index}`,
          now: minutesAfterT0(10),
          leaseMs: 60_000,
          limit: 3,
        })),
      )) as (readonly string[])[];
      const ran = answers.flat();
      expect(ran).toHaveLength(JOBS);
      expect(new Set(ran).size).toBe(JOBS);
      const [row] = await database.query!("SELECT count(*) AS n, sum(state = 'done') AS done FROM jobs");
      expect(row).toEqual({ n: JOBS, done: JOBS });
    });
  });
});
