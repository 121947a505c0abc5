import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DemoPerson } from '../demo-tenant/sample-people.js';
import { type Logger, redactText } from '../observability/logger.js';
import { renderPlaygroundConfig } from './playground-config.js';

/** The Playground's own default port; it moves to a random free port when this one is taken. */
export const PLAYGROUND_DEFAULT_PORT = 56150;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  readonly botEndpoint: string;
  /** `0` asks for any free port. Default {@link PLAYGROUND_DEFAULT_PORT}. */
  readonly port?: number;
  /** A `.m365agentsplayground.yml`. Default: generated from the demo tenant with `currentUser`. */
  readonly configPath?: string;
  /** Who types in the Playground when no `configPath` is given. Default Alex Wilber. */
  readonly currentUser?: DemoPerson;
  readonly logger: Logger;
  /** How long to wait for the Playground to answer. Default 30 s. */
  readonly startTimeoutMs?: number;
}

/** A running Microsoft 365 Agents Playground. */
export interface Playground {
  /** What a person opens in a browser, e.g. `http://localhost:56150`. */
  readonly url: string;
  readonly port: number;
  /** Kills the Playground's whole process tree and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const LISTENING_LINE = /^Listening on (\d+)$/;
const STOP_GRACE_MS = 5_000;
const POLL_INTERVAL_MS = 100;

function playgroundCliPath(): string {
  // A devDependency: resolved on use, so `npm start` on a server without devDependencies never needs it.
  return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
}

function logFilePath(workDir: string): string {
  return join(workDir, 'playground.log');
}

/**
 * The child's whole environment. Nothing is inherited: a developer's `http_proxy` would send the
 * Playground's calls to the bot through the proxy (it installs a global proxy interceptor), and its
 * own variables (`BOT_ENDPOINT`, `TEAMSAPPTESTER_PORT`, …) would override our flags.
 */
function playgroundEnvironment(workDir: string, configPath: string): Record<string, string> {
  return {
    // Without this it calls `open(url)` and a browser pops up (or xdg-open fails on a server).
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    // It deletes and rewrites this file at start; the default is ./devTools/ under the working directory.
    M365_AGENTS_PLAYGROUND_LOGFILE: logFilePath(workDir),
    // --disable-telemetry stops events, yet Application Insights still starts "statsbeat", which probes
    // the Azure metadata address and resolves Microsoft hosts. The Playground must stay offline.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL: 'true',
  };
}

function readTail(path: string, lines: number): string {
  try {
    return redactText(readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join('\n'));
  } catch {
    // The Playground may die before it creates its log file; the exit code is all there is then.
    return '';
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`;
}

function exited(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || hasExited(child)) return;
  try {
    // The child leads its own process group (detached), so a negative pid reaches everything it started.
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone between the check above and the kill.
  }
}

function spawnPlayground(
  botEndpoint: string,
  port: number,
  workDir: string,
  configPath: string,
): ChildProcess {
  const args = [
    '--app-endpoint',
    botEndpoint,
    '--channel-id',
    'msteams',
    '--disable-telemetry',
    '--port',
    String(port),
  ];
  return spawn(process.execPath, [playgroundCliPath(), ...args], {
    cwd: workDir,
    env: playgroundEnvironment(workDir, configPath),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Kills the process group, escalating to SIGKILL after a grace period, then removes the work directory. */
function stopper(child: ChildProcess, workDir: string, logger: Logger): () => Promise<void> {
  // Should our process exit without stop() (a crashed test run), the Playground must not outlive it.
  const killOnExit = () => killTree(child, 'SIGKILL');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      killTree(child, 'SIGTERM');
      const grace = setTimeout(() => killTree(child, 'SIGKILL'), STOP_GRACE_MS);
      await exited(child);
      clearTimeout(grace);
      // The leader may exit before the rest of its group: make sure nothing it started is left behind.
      killTree(child, 'SIGKILL');
      process.removeListener('exit', killOnExit);
      rmSync(workDir, { recursive: true, force: true });
      logger.info('Playground stopped');
    })();
    return stopping;
  };
}

/** The port from the Playground's "Listening on <port>" line (printed when stdout is not a terminal). */
async function waitUntilListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  try {
    return await Promise.race([
      new Promise<number>((resolve) => {
        lines.on('line', (line) => {
          const match = LISTENING_LINE.exec(line.trim());
          if (match?.[1]) resolve(Number(match[1]));
        });
      }),
      new Promise<never>((_, reject) => child.once('error', reject)),
      exited(child).then(() => Promise.reject(new Error(`exited before listening, ${describeExit(child)}`))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not listen within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Mounted only after the config file validated (a bad one makes it exit after listening). */
async function waitUntilAnswering(child: ChildProcess, url: string, deadline: number): Promise<void> {
  while (!(await answersPing(url))) {
    if (hasExited(child)) throw new Error(`exited after listening, ${describeExit(child)}`);
    if (Date.now() > deadline) throw new Error('did not answer /_debug/ping in time');
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

async function answersPing(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/_debug/ping`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    // Connection refused or timed out: not up yet.
    return false;
  }
}

/**
 * Starts the Agents Playground CLI pointed at the bot, in Teams mode, offline (telemetry off, no
 * browser opened), and resolves once its web client and connector answer. The Playground prints the
 * port it really took (it falls back to a random one when the port is taken) and mounts its API only
 * after the config file validated, so readiness is `/_debug/ping` answering, not the port being open.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const logger = options.logger.child({ component: 'playground' });
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const workDir = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const configPath = options.configPath ?? join(workDir, '.m365agentsplayground.yml');
  if (options.configPath === undefined) {
    writeFileSync(
      configPath,
      renderPlaygroundConfig(options.currentUser ? { currentUser: options.currentUser } : {}),
    );
  }
  const requestedPort = options.port ?? PLAYGROUND_DEFAULT_PORT;
  const child = spawnPlayground(options.botEndpoint, requestedPort, workDir, configPath);
  const stop = stopper(child, workDir, logger);
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) =>
    logger.warn({ line }, 'Playground wrote to stderr'),
  );
  try {
    const port = await waitUntilListening(child, timeoutMs);
    const url = `http://localhost:${port}`;
    await waitUntilAnswering(child, url, deadline);
    if (requestedPort !== 0 && requestedPort !== port) {
      logger.info({ requestedPort, port }, 'Playground port was taken; it chose another');
    }
    logger.info({ url, botEndpoint: options.botEndpoint, configPath }, 'Playground ready');
    return { url, port, stop };
  } catch (error) {
    const tail = readTail(logFilePath(workDir), 20);
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Agents Playground failed to start: ${reason}${tail ? `. Its log ends:\n${tail}` : ''}`, {
      cause: error,
    });
  }
}
