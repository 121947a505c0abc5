import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../src/observability/logger.js';
import type { ReleaseRecord } from '../../src/recovery/release-ports.js';
import { openStore, type Store } from '../../src/store/store.js';
import { waitAtGate } from './start-store-worker.js';

/** What one worker thread does against the shared database file. */
export type ReleaseWorkerTask =
  | { readonly kind: 'claimReleases'; readonly records: readonly ReleaseRecord[] }
  | {
      readonly kind: 'drainJobs';
      readonly worker: string;
      readonly now: string;
      readonly leaseMs: number;
      readonly limit: number;
    };

/** What the parent hands each worker. */
export interface ReleaseWorkerJob {
  readonly url: string;
  readonly gate: SharedArrayBuffer;
  readonly task: ReleaseWorkerTask;
}

/** `claimReleases`: one outcome per record, in order. `drainJobs`: the ids of the jobs this worker ran. */
export type ReleaseWorkerAnswer = readonly boolean[] | readonly string[];

async function run(store: Store, task: ReleaseWorkerTask): Promise<ReleaseWorkerAnswer> {
  if (task.kind === 'claimReleases') {
    const outcomes: boolean[] = [];
    for (const record of task.records) outcomes.push(await store.releases.claim(record, []));
    return outcomes;
  }
  const ran: string[] = [];
  for (;;) {
    const jobs = await store.jobs.claimDue(task.now, task.worker, task.leaseMs, task.limit);
    if (jobs.length === 0) return ran;
    for (const leased of jobs) {
      ran.push(leased.id);
      await store.jobs.complete(leased.id, task.worker);
    }
  }
}

// A worker thread has its own connection and event loop, so, unlike two stores in one thread, its
// transactions really interleave with the other workers' on the same database file.
const job = workerData as ReleaseWorkerJob;
const store = await openStore(job.url, createLogger({ level: 'silent' }));
waitAtGate(job.gate);
try {
  parentPort?.postMessage(await run(store, job.task));
} finally {
  await store.close();
}
