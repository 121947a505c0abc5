import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CaseRaceOutcome, CaseRaceTask } from './case-race.js';

const ENTRY = fileURLToPath(new URL('./case-race-process.ts', import.meta.url));

/** A racer in its own Node process: `ready` once its store is open, `start()` fires it, `done` is its answer. */
export interface CaseRacer {
  readonly ready: Promise<void>;
  start(): void;
  readonly done: Promise<CaseRaceOutcome[]>;
}

/** Starts `case-race-process.ts` under tsx, with its own store on `url`. */
export function spawnCaseRacer(url: string, task: CaseRaceTask): CaseRacer {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`racer exited with ${code}: ${stderr.slice(-2000)}`)));
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => String((await lines.next()).value);
  const ready = Promise.race([
    nextLine().then((line) => {
      if (line !== 'ready') throw new Error(`racer said ${line.slice(0, 200)} instead of ready`);
    }),
    exited,
  ]);
  child.stdin.write(`${JSON.stringify({ url, task })}\n`);
  const done = ready.then(() =>
    Promise.race([nextLine().then((line) => JSON.parse(line) as CaseRaceOutcome[]), exited]),
  );
  // The exit after the answer is expected; only an exit before it is a failure, and `done` reports that.
  exited.catch(() => {});
  return {
    ready,
    start: () => child.stdin.write('go\n'),
    done,
  };
}
