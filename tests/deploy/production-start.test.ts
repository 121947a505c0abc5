import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/conversation.js';
import { eventually } from '../support/eventually.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/**
 * The app as App Service runs it: built at deploy time (`npm run build`'s two steps, into a folder of its
 * own), then started with `npm start` next to a node_modules that holds the production dependencies only
 * (`npm ls --omit=dev`, linked from this checkout: no registry needed). An import of a development
 * dependency from the running code fails here as it would after `npm ci --omit=dev`.
 */
async function deployedCopy(): Promise<string> {
  const app = mkdtempSync(join(tmpdir(), 'bot-deployed-'));
  await run(
    process.execPath,
    [
      join(REPO, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      join(app, 'dist'),
    ],
    { cwd: REPO },
  );
  copyFileSync(join(REPO, 'package.json'), join(app, 'package.json'));
  // The corpus is data the running bot reads too (the saved model is keyed by its hash).
  cpSync(join(REPO, 'src/understanding/corpus'), join(app, 'src/understanding/corpus'), { recursive: true });
  // npm ls exits 1 over problems that do not matter here (botbuilder-dialogs' recognizers are "invalid"
  // against their own ranges, a few lodash helpers "extraneous"); the list it prints is complete.
  const stdout = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: REPO,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => {
      if (!error.stdout) throw error;
      return error.stdout;
    },
  );
  const modules = join(REPO, 'node_modules');
  for (const path of stdout.split('\n')) {
    const below = relative(modules, path);
    const parts = below.split(sep);
    // Only what sits directly in node_modules (a package or @scope/package); nested ones come along.
    const topLevel = parts[0]?.startsWith('@') ? parts.length === 2 : parts.length === 1;
    if (!below || below.startsWith('..') || !topLevel) continue;
    const target = join(app, 'node_modules', below);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(path, target, 'dir');
  }
  await run(process.execPath, [join(app, 'dist/understanding/build-intent-model.js')], { cwd: app });
  return app;
}

/** What App Service would be given: tenant mode, production, every variable a feature needs. */
function productionEnv(app: string, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? app,
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_BASE_URL: 'https://bitlocker-bot.azurewebsites.net',
    DATABASE_URL: `sqlite:${join(app, 'data', 'bot.db')}`,
    BOT_ID: '11111111-2222-4333-8444-555555555555',
    BOT_PASSWORD: 'bot secret',
    AAD_APP_TENANT_ID: '66666666-7777-4888-9999-000000000000',
    AAD_APP_CLIENT_ID: '77777777-8888-4999-8aaa-bbbbbbbbbbbb',
    AAD_APP_CLIENT_SECRET: 'sign-in secret',
    HELPDESK_CHANNEL_ID: '19:helpdesk@thread.tacv2',
    HELPDESK_GROUP_ID: '88888888-9999-4aaa-8bbb-cccccccccccc',
    LOG_LEVEL: 'info',
  };
}

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
}

function npmStart(app: string, env: Record<string, string>): Started {
  const child = spawn('npm', ['start', '--silent'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

async function exitOf(started: Started): Promise<number | null> {
  if (started.child.exitCode !== null) return started.child.exitCode;
  const [code] = (await once(started.child, 'exit')) as [number | null];
  return code;
}

describe('started the way App Service starts it (built, production dependencies only, NODE_ENV=production)', () => {
  let app: string;
  beforeAll(async () => {
    app = await deployedCopy();
  }, 240_000);
  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('reaches /readyz with a complete tenant configuration', async () => {
    const port = await freePort();
    mkdirSync(join(app, 'data'), { recursive: true });
    const started = npmStart(app, productionEnv(app, port));
    try {
      const ready = await eventually(
        'the bot to answer /readyz',
        async () => {
          if (started.child.exitCode !== null)
            throw new Error(`the bot exited (${started.child.exitCode}):\n${started.output()}`);
          const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
          return response?.status === 200 ? await response.json() : undefined;
        },
        60_000,
      );
      expect(ready).toMatchObject({ status: 'ready', dependencies: { store: 'up' } });
      // No METRICS_TOKEN: /metrics is not served on the public port at all.
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    } finally {
      started.child.kill('SIGTERM');
      await exitOf(started);
    }
    // The admin's export runs from the same deployment, on the same settings, with nothing of dev.
    const exported = await run('npm', ['run', '--silent', 'audit:export', '--', '--since', '1h'], {
      cwd: app,
      env: productionEnv(app, port),
    });
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toContain('audit:export wrote 0 events');
  }, 90_000);

  it.each([
    ['PUBLIC_BASE_URL', 'is not set'],
    ['DATABASE_URL', 'is not set'],
  ])(
    'refuses to start without %s and names it',
    async (variable, problem) => {
      const env = productionEnv(app, await freePort());
      delete env[variable];
      const started = npmStart(app, env);
      expect(await exitOf(started)).toBe(1);
      expect(started.output()).toContain(`${variable}: ${problem}`);
    },
    60_000,
  );
});
