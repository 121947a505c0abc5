import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { capturingLogger, storeBackends, type TestDatabase } from '../support/store-backends.js';
import { aCaseRequest, anAgent } from './case-builders.js';
import type { CaseRaceOutcome, CaseRaceTask } from './case-race.js';
import { spawnCaseRacer } from './spawn-case-racer.js';
import { aStartingGate, openGateWhenAllWaiting, startStoreWorker } from './start-store-worker.js';

const CASES = 25;
const THREAD_ENTRY = new URL('./case-race-thread.ts', import.meta.url);

function backend(title: string) {
  return storeBackends().find((candidate) => candidate.title.startsWith(title))!;
}

/** Every case was created by exactly one racer, has one number for all, and exactly one owner. */
async function expectOneCreatorAndOneOwner(
  database: TestDatabase,
  tasks: readonly CaseRaceTask[],
  answers: readonly CaseRaceOutcome[][],
): Promise<void> {
  const caseRequests = tasks[0]!.caseRequests;
  for (const caseRequest of caseRequests) {
    const outcomes = answers.map((answer) => answer.find((o) => o.requestId === caseRequest.request.id)!);
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.number)).size).toBe(1);
    expect(outcomes.filter((outcome) => outcome.claim === 'won')).toHaveLength(1);
  }
  const store = await openStore(database.url, capturingLogger().logger);
  try {
    const numbers = answers[0]!.map((outcome) => outcome.number).sort((a, b) => a - b);
    // No number was spent on a racer that found the case already created.
    expect(numbers).toEqual(Array.from({ length: caseRequests.length }, (_, index) => numbers[0]! + index));
    for (const [index, answer] of answers.entries()) {
      for (const outcome of answer.filter((o) => o.claim === 'won')) {
        const stored = await store.cases.get(outcome.number);
        expect(stored).toMatchObject({ status: 'claimed', version: 2, owner: tasks[index]!.agent });
        expect(stored?.history.filter((entry) => entry.action === 'claimed')).toHaveLength(1);
      }
    }
  } finally {
    await store.close();
  }
  const [row] = await database.query!('SELECT count(*) AS n, count(DISTINCT number) AS numbers FROM cases');
  expect({ n: Number(row?.n), numbers: Number(row?.numbers) }).toEqual({ n: CASES, numbers: CASES });
}

function tasksFor(racers: number): CaseRaceTask[] {
  const caseRequests = Array.from({ length: CASES }, () => aCaseRequest());
  return Array.from({ length: racers }, (_, index) => ({ caseRequests, agent: anAgent(`Agent ${index}`) }));
}

describe('cases across threads on one SQLite file', () => {
  it('creates each case once and gives it exactly one owner when three threads race', async () => {
    const database = await backend('SQLite file').createDatabase();
    try {
      // Migrate first, so the race is about cases and not about who creates the schema.
      await (await openStore(database.url, capturingLogger().logger)).close();
      const tasks = tasksFor(3);
      const gate = aStartingGate();
      const workers = tasks.map((task) =>
        startStoreWorker<CaseRaceOutcome[]>(THREAD_ENTRY, { url: database.url, gate, task }),
      );
      await openGateWhenAllWaiting(gate, workers);
      const answers = await Promise.all(workers.map((worker) => worker.done));
      await expectOneCreatorAndOneOwner(database, tasks, answers);
    } finally {
      await database.dispose();
    }
  });
});

const postgres = backend('PostgreSQL');

describe.skipIf(!postgres.enabled)(`cases across processes on one database: ${postgres.title}`, () => {
  it('creates each case once and gives it exactly one owner when two server processes race', async () => {
    const database = await postgres.createDatabase();
    try {
      await (await openStore(database.url, capturingLogger().logger)).close();
      const tasks = tasksFor(2);
      const racers = tasks.map((task) => spawnCaseRacer(database.url, task));
      await Promise.all(racers.map((racer) => racer.ready));
      for (const racer of racers) racer.start();
      const answers = await Promise.all(racers.map((racer) => racer.done));
      await expectOneCreatorAndOneOwner(database, tasks, answers);
    } finally {
      await database.dispose();
    }
  }, 60_000);
});
