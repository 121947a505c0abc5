import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { capturingLogger, storeBackends } from '../support/store-backends.js';
import { aNewCaseRequest } from './a-new-case-request.js';
import type { RecordCaseRequestsJob, RecordOutcome } from './record-case-requests-worker.js';

const WORKERS = 3;
const REQUESTS = 40;

function runWorker(job: RecordCaseRequestsJob): { done: Promise<RecordOutcome[]> } {
  // `--import tsx` in execArgv does not reach a worker's entry module on Node 20, so the worker starts as a
  // tiny CommonJS script that registers tsx's loader and then imports the TypeScript entry.
  const entry = new URL('./record-case-requests-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: job });
  const done = new Promise<RecordOutcome[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before answering`)));
  });
  return { done };
}

describe('SQLite case requests across threads', () => {
  it('records each request once when several connections race on one file', async () => {
    const backend = storeBackends().find((candidate) => candidate.title === 'SQLite file')!;
    const database = await backend.createDatabase();
    try {
      // Migrate first, so the race is about case requests and not about who creates the schema.
      await (await openStore(database.url, capturingLogger().logger)).close();
      const caseRequests = Array.from({ length: REQUESTS }, () => aNewCaseRequest());
      const gate = new SharedArrayBuffer(8);
      const workers = Array.from({ length: WORKERS }, () =>
        runWorker({ url: database.url, caseRequests, gate }),
      );
      const view = new Int32Array(gate);
      const failed = Promise.race(
        workers.map((worker) => worker.done.then(() => new Promise<never>(() => {}))),
      );
      while (Atomics.load(view, 0) < WORKERS) {
        await Promise.race([failed, new Promise((resolve) => setTimeout(resolve, 5))]);
      }
      Atomics.store(view, 1, 1);
      Atomics.notify(view, 1);
      const results = await Promise.all(workers.map((worker) => worker.done));

      for (const caseRequest of caseRequests) {
        const outcomes = results.map(
          (outcomes) => outcomes.find((o) => o.requestId === caseRequest.request.id)!,
        );
        expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
        expect(new Set(outcomes.map((outcome) => outcome.number)).size).toBe(1);
      }
      const [row] = await database.query!(
        'SELECT count(*) AS n, count(DISTINCT number) AS numbers FROM case_requests',
      );
      expect(row).toEqual({ n: REQUESTS, numbers: REQUESTS });
    } finally {
      await database.dispose();
    }
  });
});
