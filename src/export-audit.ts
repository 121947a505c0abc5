import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from './config/config.js';
import { processEnvironment } from './config/process-environment.js';
import { databaseCredentials } from './identity/database-token.js';
import { createLogger } from './observability/logger.js';
import type { AuditExportSource, AuditExportStart } from './store/audit-export.js';
import { openStore } from './store/store.js';

/**
 * `npm run audit:export -- [--since <time>] [--cursor <file>] [--out <file>]`: the audit trail as JSON
 * lines (`{"sequence":n,"event":{…}}`), oldest first, for a SIEM or an archive. With `--cursor`, each run
 * goes on after the last event the previous run wrote; the cursor moves only after the lines are written
 * (and, with `--out`, on disk), so a crash repeats lines rather than losing them: consumers drop a
 * `sequence` they have seen. Events are never keys: the store refuses any event shaped like one.
 */

const USAGE = `Usage: npm run audit:export -- [--since <time>] [--cursor <file>] [--out <file>]
  --since <time>    start at this time: ISO 8601 (2026-12-01T00:00:00Z) or an age (30m, 24h, 7d);
                    default: the whole trail. Ignored when the cursor file exists.
  --cursor <file>   go on after the last event the previous run with this file wrote, and record
                    where this run stopped.
  --out <file>      append the lines to this file instead of writing them to standard output.
  --settle-seconds <n>  leave events younger than this for the next run (default 10): on PostgreSQL a
                    transaction can commit after a later one took a higher sequence.`;

const BATCH = 1000;
const AGE = /^(\d+)([mhd])$/;
const AGE_UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ExportOptions {
  readonly since: Date | undefined;
  readonly cursorFile: string | undefined;
  readonly outFile: string | undefined;
  readonly settleMs: number;
}

export function parseExportArguments(argv: readonly string[], now: Date): ExportOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        since: { type: 'string' },
        cursor: { type: 'string' },
        out: { type: 'string' },
        'settle-seconds': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const settle = values['settle-seconds'] ?? '10';
  if (!/^\d+$/.test(settle)) throw new UsageError(`--settle-seconds must be a whole number, not "${settle}"`);
  return {
    since: values.since === undefined ? undefined : parseSince(values.since, now),
    cursorFile: values.cursor,
    outFile: values.out,
    settleMs: Number(settle) * 1000,
  };
}

function parseSince(text: string, now: Date): Date {
  const age = AGE.exec(text);
  if (age) return new Date(now.getTime() - Number(age[1]) * AGE_UNIT_MS[age[2] as keyof typeof AGE_UNIT_MS]);
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at.getTime())) {
    throw new UsageError(`--since "${text}" is neither an ISO 8601 time nor an age such as 24h or 7d`);
  }
  return at;
}

/** The sequence a cursor file holds, or undefined when there is no file yet. */
async function readCursor(file: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as { afterSequence?: unknown };
  if (typeof parsed.afterSequence !== 'number' || !Number.isSafeInteger(parsed.afterSequence)) {
    throw new UsageError(`the cursor file ${file} does not hold {"afterSequence": <number>}`);
  }
  return parsed.afterSequence;
}

/** Written beside the file and renamed over it, so a crash leaves the old cursor or the new, never half. */
async function writeCursor(file: string, afterSequence: number): Promise<void> {
  await mkdir(dirname(resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ afterSequence })}\n`);
  await rename(temporary, file);
}

/** Where the lines go: appended to a file and flushed to disk, or standard output once it took them. */
interface LineSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

async function openSink(outFile: string | undefined, stdout: NodeJS.WritableStream): Promise<LineSink> {
  if (outFile === undefined) {
    return {
      write: (text) =>
        new Promise<void>((done, fail) => stdout.write(text, (error) => (error ? fail(error) : done()))),
      close: async () => {},
    };
  }
  await mkdir(dirname(resolve(outFile)), { recursive: true });
  const handle = await open(outFile, 'a');
  return {
    async write(text) {
      await handle.appendFile(text);
      await handle.sync();
    },
    close: () => handle.close(),
  };
}

/** Writes every settled event from the start the options give; returns how many and where it stopped. */
export async function exportAudit(
  source: AuditExportSource,
  options: ExportOptions,
  io: { readonly now: () => Date; readonly stdout: NodeJS.WritableStream },
): Promise<{ readonly written: number; readonly afterSequence: number | undefined }> {
  const resumeAfter = options.cursorFile === undefined ? undefined : await readCursor(options.cursorFile);
  let start: AuditExportStart =
    resumeAfter !== undefined ? { afterSequence: resumeAfter } : { since: options.since ?? new Date(0) };
  const settledBefore = new Date(io.now().getTime() - options.settleMs);
  const sink = await openSink(options.outFile, io.stdout);
  let written = 0;
  let afterSequence = resumeAfter;
  try {
    for (;;) {
      const batch = await source.read(start, settledBefore, BATCH);
      if (batch.length === 0) break;
      await sink.write(batch.map((stored) => `${JSON.stringify(stored)}\n`).join(''));
      written += batch.length;
      afterSequence = batch[batch.length - 1]!.sequence;
      if (options.cursorFile !== undefined) await writeCursor(options.cursorFile, afterSequence);
      if (batch.length < BATCH) break;
      start = { afterSequence };
    }
  } finally {
    await sink.close();
  }
  return { written, afterSequence };
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseExportArguments(argv, new Date());
  const config = loadConfig(processEnvironment());
  // Standard output may be the export itself: the store's own lines go to standard error, warnings only.
  const logger = createLogger({ level: 'warn', destination: pino.destination({ dest: 2, sync: true }) });
  const store = await openStore(config.store.url, logger, databaseCredentials(config, logger));
  try {
    const { written, afterSequence } = await exportAudit(store.auditExport, options, {
      now: () => new Date(),
      stdout: process.stdout,
    });
    const position =
      afterSequence === undefined
        ? ''
        : options.cursorFile === undefined
          ? `; the last has sequence ${afterSequence}`
          : `; the next run goes on after sequence ${afterSequence} (${options.cursorFile})`;
    console.error(`audit:export wrote ${written} event${written === 1 ? '' : 's'}${position}`);
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error('audit:export failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
