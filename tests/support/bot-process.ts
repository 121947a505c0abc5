import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startDemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { createLogger } from '../../src/observability/logger.js';
import { openStore, type Store } from '../../src/store/store.js';
import { startChannelIssuer } from './channel-issuer.js';
import {
  BOT_FRAMEWORK_SCOPE,
  BOT_NAME,
  freePort,
  type Session,
  sessionOf,
  tenantModeEnv,
} from './conversation.js';
import { type RecordingConnector, startRecordingConnector } from './recording-connector.js';
import { personalScope, type TeamsScope, type TeamsUser } from './teams-activities.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A person in one conversation with the bot process; each request answers with its HTTP status. */
export type ProcessChat = Session<number>;

/**
 * The real bot as a child process (`node --import tsx src/main.ts`, as `npm run dev` runs it) in tenant mode
 * against a demo tenant, a channel token issuer and a recording connector that live in the test process, so
 * they outlive the bot: it can be killed with SIGKILL and started again on the same port and database.
 */
export interface BotProcessHarness {
  readonly url: string;
  readonly demoTenant: Awaited<ReturnType<typeof startDemoTenant>>;
  readonly connector: RecordingConnector;
  /** The test's own connection to the bot's database, for what a restarted bot must find there. */
  readonly store: Store;
  /** What the bot process wrote, for failure messages. */
  readonly output: () => string;
  personalChat(person: DemoPerson): ProcessChat;
  teamChannel(person: DemoPerson, teamId: string, channelId: string): ProcessChat;
  /** Starts the bot and resolves once `/readyz` answers 200. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBotProcessHarness(options: {
  readonly databaseUrl: string;
  readonly env?: Readonly<Record<string, string>>;
}): Promise<BotProcessHarness> {
  const logger = createLogger({ level: 'silent' });
  const demoTenant = await startDemoTenant({ logger, certDir: '.data/demo-tenant' });
  const issuer = await startChannelIssuer();
  const connector = await startRecordingConnector({
    kind: 'required',
    jwksUri: demoTenant.jwksUri,
    issuer: `${demoTenant.authority}/v2.0`,
    audience: BOT_FRAMEWORK_SCOPE,
    appId: demoTenant.botApp.clientId,
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const botAppId = demoTenant.botApp.clientId;
  const env: Record<string, string> = {
    // No env files: everything the bot reads is here.
    TEAMSFX_ENV: 'bot-process-test',
    PORT: String(port),
    PUBLIC_BASE_URL: url,
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: 'info',
    MESSAGES_PER_MINUTE: '10000',
    ...tenantModeEnv(demoTenant, issuer),
    ...options.env,
  };
  const store = await openStore(options.databaseUrl, logger);
  let child: ChildProcess | undefined;
  let output = '';

  const post = async (activity: unknown): Promise<number> => {
    const token = await issuer.channelToken({ audience: botAppId, serviceUrl: connector.serviceUrl });
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    return response.status;
  };

  const session = (person: DemoPerson, scope: (user: TeamsUser) => TeamsScope): ProcessChat =>
    sessionOf(
      { serviceUrl: connector.serviceUrl, tenantId: demoTenant.tenantId, botAppId, botName: BOT_NAME },
      person,
      scope,
      post,
    );

  const harness: BotProcessHarness = {
    url,
    demoTenant,
    connector,
    store,
    output: () => output,
    personalChat: (person) => session(person, (user) => personalScope(user, botAppId)),
    teamChannel: (person, teamId, channelId) =>
      session(person, () => ({ kind: 'channel', teamId, channelId })),
    async start() {
      if (child) throw new Error('the bot process is already running');
      const started = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: REPO,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      started.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      await untilReady(url, started, () => output);
    },
    async kill() {
      const running = child;
      if (!running) return;
      child = undefined;
      if (running.exitCode === null && running.signalCode === null) {
        const exited = once(running, 'exit');
        running.kill('SIGKILL');
        await exited;
      }
    },
    async stop() {
      await harness.kill();
      await store.close();
      await connector.stop();
      await issuer.stop();
      await demoTenant.stop();
    },
  };
  return harness;
}

/** Waits for `/readyz`; fails with the process's output when it exits first or never gets ready. */
async function untilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const exited = once(child, 'exit').then(() => 'exited' as const);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ready = await Promise.race([
      fetch(`${url}/readyz`)
        .then((response) => response.status === 200)
        .catch(() => false),
      exited,
    ]);
    if (ready === 'exited') throw new Error(`the bot process exited before it was ready:\n${output()}`);
    if (ready) return;
    await sleep(100);
  }
  throw new Error(`the bot process was not ready within 90 s:\n${output()}`);
}
