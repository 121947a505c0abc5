import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../src/observability/logger.js';
import { openStore } from '../../src/store/store.js';
import { type CaseRaceTask, runCaseRace } from './case-race.js';
import { waitAtGate } from './start-store-worker.js';

/** What the parent hands each worker thread. */
export interface CaseRaceThreadJob {
  readonly url: string;
  readonly gate: SharedArrayBuffer;
  readonly task: CaseRaceTask;
}

// A worker thread has its own connection and event loop, so its transactions really interleave with
// the other workers' on the same database file.
const job = workerData as CaseRaceThreadJob;
const store = await openStore(job.url, createLogger({ level: 'silent' }));
waitAtGate(job.gate);
try {
  parentPort?.postMessage(await runCaseRace(store, job.task));
} finally {
  await store.close();
}
