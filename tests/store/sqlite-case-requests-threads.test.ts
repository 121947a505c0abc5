import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { capturingLogger, storeBackends } from '../support/store-backends.js';
import { aNewCaseRequest } from './a-new-case-request.js';
import type { RecordOutcome } from './record-case-requests-worker.js';
import { aStartingGate, openGateWhenAllWaiting, startStoreWorker } from './start-store-worker.js';

const WORKERS = 3;
const REQUESTS = 40;

const ENTRY = new URL('./record-case-requests-worker.ts', import.meta.url);

describe('SQLite case requests across threads', () => {
  it('records each request once when several connections race on one file', async () => {
    const backend = storeBackends().find((candidate) => candidate.title === 'SQLite file')!;
    const database = await backend.createDatabase();
    try {
      // Migrate first, so the race is about case requests and not about who creates the schema.
      await (await openStore(database.url, capturingLogger().logger)).close();
      const caseRequests = Array.from({ length: REQUESTS }, () => aNewCaseRequest());
      const gate = aStartingGate();
      const workers = Array.from({ length: WORKERS }, () =>
        startStoreWorker<RecordOutcome[]>(ENTRY, { url: database.url, caseRequests, gate }),
      );
      await openGateWhenAllWaiting(gate, workers);
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
