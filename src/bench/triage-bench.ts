/**
 * `npm run bench:triage [-- --dir <checkout>] [--runs 5] [--conversations 100]`: how long the built bot takes
 * from process start to a 200 on `/readyz`, and what a triage turn costs, measured on the real server.
 *
 * - Cold start: `node dist/main.js` as App Service runs it (demo mode re-launches itself once to trust the
 *   demo tenant's CA, as `npm start` does), timed from spawn to the first 200 on `/readyz`; `--runs` times.
 * - Turns: one bot process (started trusting the CA, so its pid is the bot's own) and a stub Bot Connector
 *   that accepts every reply. Each conversation sends the messages in {@link TURNS}; the script prints the
 *   HTTP time per kind of message (p50, p95) and the bot process's CPU time per turn, read from /proc.
 *
 * `--dir` points at another checkout (built with `npm run build`), so two versions can be measured the same
 * way on the same machine. Figures are printed, never asserted: a benchmark is not a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../demo-tenant/sample-people.js';
import { freePort, startStubConnector } from './bench-servers.js';

/** What one conversation says, in order; each is one measured turn. */
const TURNS = [
  { kind: 'greeting', text: 'hi' },
  {
    kind: 'sentence with a Key ID',
    text: 'my laptop wants the bitlocker key after a bios update, key id 4290b6c0',
  },
  { kind: 'question', text: 'where do I find the key id?' },
] as const;

const TICKS_PER_SECOND = 100;

const out = (line: string) => process.stdout.write(`${line}\n`);

interface Options {
  readonly dir: string;
  readonly runs: number;
  readonly conversations: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: '.' },
      runs: { type: 'string', default: '5' },
      conversations: { type: 'string', default: '100' },
    },
  });
  const dir = resolve(values.dir);
  if (!existsSync(join(dir, 'dist/main.js'))) {
    throw new Error(`${dir}/dist/main.js is missing: run \`npm run build\` there first`);
  }
  return { dir, runs: Number(values.runs), conversations: Number(values.conversations) };
}

interface Bot {
  readonly process: ChildProcess;
  readonly url: string;
  readonly database: string;
}

async function startBot(dir: string, extraEnv: Record<string, string> = {}): Promise<Bot> {
  const port = await freePort();
  const database = join(tmpdir(), `bench-${randomUUID()}.db`);
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `sqlite:${database}`,
      LOG_LEVEL: 'warn',
      // One person plays every conversation, far past the per-person rate limit a real one would meet.
      MESSAGES_PER_MINUTE: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { process: child, url: `http://127.0.0.1:${port}`, database };
}

async function stopBot(bot: Bot): Promise<void> {
  if (bot.process.exitCode === null) {
    const exited = new Promise((done) => bot.process.once('exit', done));
    bot.process.kill('SIGTERM');
    await exited;
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${bot.database}${suffix}`, { force: true });
}

/** Polls `/readyz` every 10 ms; resolves with the time since `startedAt`. */
async function untilReady(bot: Bot, startedAt: number): Promise<number> {
  for (;;) {
    if (bot.process.exitCode !== null) throw new Error(`the bot exited with ${bot.process.exitCode}`);
    try {
      const response = await fetch(`${bot.url}/readyz`);
      if (response.status === 200) return performance.now() - startedAt;
    } catch {
      // Not listening yet: the expected answer until the server is up.
    }
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** utime + stime of a process, in milliseconds (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

function message(serviceUrl: string, conversationId: string, text: string) {
  const alex = DEMO_PEOPLE[0]!;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-US',
    from: { id: `29:${alex.id}`, name: alex.displayName, aadObjectId: alex.id },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    recipient: { id: '28:bench-bot', name: 'BitLocker Recovery' },
    text,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function measureColdStart(opts: Options): Promise<void> {
  const times: number[] = [];
  // One unmeasured start creates the demo tenant's certificates under .data/, as a first `npm start` does.
  const warm = await startBot(opts.dir);
  await untilReady(warm, performance.now());
  await stopBot(warm);
  for (let run = 0; run < opts.runs; run += 1) {
    const startedAt = performance.now();
    const bot = await startBot(opts.dir);
    times.push(await untilReady(bot, startedAt));
    await stopBot(bot);
  }
  const sorted = [...times].sort((a, b) => a - b);
  out(
    `cold start to /readyz (${opts.runs} runs): median ${ms(percentile(sorted, 50))}, min ${ms(sorted[0]!)}, max ${ms(sorted[sorted.length - 1]!)}`,
  );
}

async function measureTurns(opts: Options): Promise<void> {
  const caPath = join(opts.dir, '.data/demo-tenant/ca.pem');
  const bot = await startBot(opts.dir, { NODE_EXTRA_CA_CERTS: caPath });
  const connector = await startStubConnector();
  try {
    await untilReady(bot, performance.now());
    const pid = bot.process.pid!;
    const latencies = new Map<string, number[]>(TURNS.map((turn) => [turn.kind, []]));
    // A few unmeasured conversations let the JIT and the caches settle.
    const converse = async (record: boolean) => {
      const conversationId = `a:bench-${randomUUID()}`;
      for (const turn of TURNS) {
        const startedAt = performance.now();
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message(connector.url, conversationId, turn.text)),
        });
        await response.arrayBuffer();
        if (response.status >= 300) throw new Error(`turn "${turn.text}" answered ${response.status}`);
        if (record) latencies.get(turn.kind)!.push(performance.now() - startedAt);
      }
    };
    for (let i = 0; i < 10; i += 1) await converse(false);
    const cpuBefore = cpuMs(pid);
    const repliesBefore = connector.received();
    for (let i = 0; i < opts.conversations; i += 1) await converse(true);
    const turns = opts.conversations * TURNS.length;
    const cpu = cpuMs(pid) - cpuBefore;
    out(`triage turns (${opts.conversations} conversations × ${TURNS.length} messages, sequential):`);
    for (const [kind, values] of latencies) {
      const sorted = [...values].sort((a, b) => a - b);
      out(`  ${kind.padEnd(24)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}`);
    }
    out(
      `  bot CPU per turn: ${ms(cpu / turns)}; connector calls per turn: ${((connector.received() - repliesBefore) / turns).toFixed(2)}`,
    );
  } finally {
    await stopBot(bot);
    await new Promise<void>((done) => connector.server.close(() => done()));
  }
}

const opts = options();
out(`bench: ${opts.dir} on Node ${process.version}`);
await measureColdStart(opts);
await measureTurns(opts);
