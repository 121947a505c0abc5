import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../src/observability/logger.js';
import type { NewCaseRequest } from '../../src/recovery/case-requests.js';
import { openStore } from '../../src/store/store.js';
import { waitAtGate } from './start-store-worker.js';

/** What the parent hands each worker: one database, the same requests for everyone, a start line. */
export interface RecordCaseRequestsJob {
  readonly url: string;
  readonly caseRequests: readonly NewCaseRequest[];
  /** The start line (see `aStartingGate`). */
  readonly gate: SharedArrayBuffer;
}

/** One `record` outcome, as the worker saw it. */
export interface RecordOutcome {
  readonly requestId: string;
  readonly number: number;
  readonly created: boolean;
}

// A worker thread has its own connection and event loop, so, unlike two stores in one thread, its
// transactions really interleave with the other workers' on the same database file.
const job = workerData as RecordCaseRequestsJob;
const store = await openStore(job.url, createLogger({ level: 'silent' }));
waitAtGate(job.gate);
const outcomes: RecordOutcome[] = [];
try {
  for (const caseRequest of job.caseRequests) {
    const { caseRequest: recorded, created } = await store.caseRequests.record(caseRequest);
    outcomes.push({ requestId: recorded.request.id, number: recorded.number, created });
  }
} finally {
  await store.close();
}
parentPort?.postMessage(outcomes);
