import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import { createLogger, type Logger } from '../../src/observability/logger.js';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import {
  PLAYGROUND_BOT_ID,
  PLAYGROUND_CONVERSATIONS,
  playgroundPersonalChatId,
  renderPlaygroundConfig,
} from '../../src/playground/playground-config.js';

const REPO_CONFIG = new URL('../../.m365agentsplayground.yml', import.meta.url);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// Nothing listens here: the Playground only calls the bot once a browser connects.
const NO_BOT = 'http://127.0.0.1:9/api/messages';

interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName: string;
}

/** The shape of `GET /_internal/v1/testConfig`: the config as the Playground parsed it. */
interface LoadedConfig {
  config: {
    tenantId: string;
    bot: { id: string; name: string };
    currentUser: PlaygroundUser;
    users: PlaygroundUser[];
    personalChat: { id: string };
    groupChats: { id: string; name: string }[];
    teams: { id: string; name: string; channels: { id: string; name: string }[] }[];
  };
}

function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

async function loadedConfig(playground: Playground): Promise<LoadedConfig> {
  const response = await fetch(`${playground.url}/_internal/v1/testConfig`);
  expect(response.status).toBe(200);
  return (await response.json()) as LoadedConfig;
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

/** Processes (Linux) whose working directory is `dir`, deleted or not. */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).replace(/ \(deleted\)$/, '') === dir;
      } catch {
        // The process ended while we looked, or belongs to someone we may not inspect.
        return false;
      }
    })
    .map(Number);
}

const running: Playground[] = [];
async function start(options: Omit<Parameters<typeof startPlayground>[0], 'logger'> & { logger?: Logger }) {
  const playground = await startPlayground({ port: 0, logger: capturingLogger().logger, ...options });
  running.push(playground);
  return playground;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((playground) => playground.stop()));
});

describe('the Playground config', () => {
  it('is the committed .m365agentsplayground.yml, generated from the demo tenant', () => {
    const regenerate =
      "Regenerate it: npx tsx -e \"import('./src/playground/playground-config.ts').then(m => " +
      'process.stdout.write(m.renderPlaygroundConfig()))" > .m365agentsplayground.yml';
    expect(readFileSync(REPO_CONFIG, 'utf8'), regenerate).toBe(renderPlaygroundConfig());
  });

  it('is accepted by the Playground: demo tenant, GUID object ids, Alex typing, a Helpdesk channel', async () => {
    const playground = await start({ botEndpoint: NO_BOT, configPath: REPO_CONFIG.pathname });
    const { config } = await loadedConfig(playground);

    expect(config.tenantId).toBe(DEMO_TENANT_ID);
    expect(config.bot.id).toBe(PLAYGROUND_BOT_ID);
    expect(config.currentUser).toMatchObject({ name: 'Alex Wilber', aadObjectId: DEMO_PEOPLE[0]?.id });
    expect(config.personalChat.id).toBe(playgroundPersonalChatId(DEMO_PEOPLE[0]!));
    const everyone = [config.currentUser, ...config.users];
    expect(everyone.map((user) => user.aadObjectId).sort()).toEqual(
      DEMO_PEOPLE.map((person) => person.id).sort(),
    );
    for (const user of everyone) expect(user.aadObjectId).toMatch(GUID);
    expect(everyone.map((user) => user.userPrincipleName).sort()).toEqual(
      DEMO_PEOPLE.map((person) => person.userPrincipalName).sort(),
    );
    expect(config.teams[0]?.id).toBe(PLAYGROUND_CONVERSATIONS.teamId);
    expect(config.teams[0]?.channels).toEqual([
      expect.objectContaining({ id: PLAYGROUND_CONVERSATIONS.teamId, name: 'General' }),
      expect.objectContaining({ id: PLAYGROUND_CONVERSATIONS.helpdeskChannelId, name: 'Helpdesk' }),
    ]);
    expect(config.groupChats[0]?.id).toBe(PLAYGROUND_CONVERSATIONS.groupChatId);
  });

  it('puts another person at the keyboard when asked, with their own personal chat', async () => {
    const agent = DEMO_PEOPLE.find((person) => person.role === 'helpdesk-agent')!;
    const playground = await start({ botEndpoint: NO_BOT, currentUser: agent });
    const { config } = await loadedConfig(playground);

    expect(config.currentUser).toMatchObject({ name: agent.displayName, aadObjectId: agent.id });
    expect(config.personalChat.id).toBe(playgroundPersonalChatId(agent));
    expect(config.users.map((user) => user.aadObjectId)).not.toContain(agent.id);
    expect(config.users).toHaveLength(5);
  });
});

describe('startPlayground', () => {
  it('serves the web client at the returned url', async () => {
    const playground = await start({ botEndpoint: NO_BOT });
    expect(playground.url).toBe(`http://localhost:${playground.port}`);

    const page = await fetch(playground.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it.skipIf(process.platform !== 'linux')(
    'stop() ends every process it started and removes its work directory; a second stop() is harmless',
    async () => {
      const { logger, lines } = capturingLogger();
      const playground = await startPlayground({ botEndpoint: NO_BOT, port: 0, logger });
      const ready = lines.find((line) => line.msg === 'Playground ready');
      const workDir = dirname(String(ready?.configPath));
      expect(processesIn(workDir).length).toBeGreaterThan(0);

      await playground.stop();
      await playground.stop();

      expect(processesIn(workDir)).toEqual([]);
      expect(existsSync(workDir)).toBe(false);
      expect(await refusesConnections(playground.url)).toBe(true);
      expect(lines.filter((line) => line.msg === 'Playground stopped')).toHaveLength(1);
    },
  );

  it('reports the port it really took when the requested one is busy', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const busyPort = (blocker.address() as { port: number }).port;
    const { logger, lines } = capturingLogger();
    try {
      const playground = await start({ botEndpoint: NO_BOT, port: busyPort, logger });

      expect(playground.port).not.toBe(busyPort);
      expect((await fetch(`${playground.url}/_debug/ping`)).status).toBe(200);
      expect(lines).toContainEqual(
        expect.objectContaining({ requestedPort: busyPort, port: playground.port }),
      );
    } finally {
      blocker.close();
    }
  });

  it("fails with the Playground's own reason when the config file is invalid, and leaves nothing running", async () => {
    const configPath = join(tmpdir(), `invalid-playground-${process.pid}.yml`);
    writeFileSync(configPath, 'version: "0.1.1"\ntenantId: "x"\n');

    const started = startPlayground({
      botEndpoint: NO_BOT,
      port: 0,
      configPath,
      logger: capturingLogger().logger,
    });

    const error = await started.then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(
      /failed to start: exited after listening.*must have required property 'bot'/s,
    );
    const port = /Listening on (\d+)/.exec(error?.message ?? '')?.[1];
    expect(port).toBeDefined();
    expect(await refusesConnections(`http://localhost:${port}`)).toBe(true);
  });
});
