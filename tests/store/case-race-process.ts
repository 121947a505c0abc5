import { createInterface } from 'node:readline';
import { createLogger } from '../../src/observability/logger.js';
import { openStore } from '../../src/store/store.js';
import { type CaseRaceTask, runCaseRace } from './case-race.js';

/**
 * A second bot process in miniature: reads `{ url, task }` as one JSON line on stdin, opens its own
 * store (its own pool), says `ready`, waits for a `go` line so that all racers start together, runs the
 * race and writes its outcomes as one JSON line. Started by `spawnCaseRacer` with tsx.
 */
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const first = await lines.next();
const { url, task } = JSON.parse(String(first.value)) as { url: string; task: CaseRaceTask };
const store = await openStore(url, createLogger({ level: 'silent' }));
try {
  process.stdout.write('ready\n');
  await lines.next();
  process.stdout.write(`${JSON.stringify(await runCaseRace(store, task))}\n`);
} finally {
  await store.close();
  process.stdin.destroy();
}
