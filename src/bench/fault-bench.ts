/**
 * `npm run bench:faults [-- --runs 5]`: how fast the bot answers when Microsoft Graph misbehaves, measured
 * on the real server in this process with its demo tenant's fault knobs.
 *
 * - A helpdesk button (Back to the case: one membership check) with Graph fine, down (503), throttling
 *   (429, Retry-After 30 s), slow (2 s a call) and hanging; each run waits for the circuit to be closed first,
 *   so it measures a press with the breaker out of the way. Teams allows 5 s.
 * - The sign-in callback page for a self-service release with Graph fine, slow and hanging, and when the
 *   release it started had finished. The page should answer within 1 s whatever Graph does.
 *
 * Figures are printed, never asserted: a benchmark is not a test.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { ensureDemoCertificates } from '../demo-tenant/certificates.js';
import { completeDemoSignIn } from '../demo-tenant/complete-demo-sign-in.js';
import { startDemoTenant } from '../demo-tenant/demo-tenant.js';
import type { FaultSettings } from '../demo-tenant/fault-knobs.js';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_TENANT_ID } from '../demo-tenant/sample-people.js';
import { startApp } from '../main.js';
import { createLogger } from '../observability/logger.js';
import { PLAYGROUND_CONVERSATIONS } from '../playground/playground-config.js';
import { freePort, type StubConnector, startStubConnector } from './bench-servers.js';

const CERT_DIR = '.data/demo-tenant';
const out = (line: string) => process.stdout.write(`${line}\n`);

const BUTTON_FAULTS: Readonly<Record<string, FaultSettings>> = {
  'Graph fine': {},
  'Graph down (503)': { serverErrors: { status: 503, everyNth: 1 } },
  'Graph throttling (Retry-After 30 s)': { throttle: { everyNth: 1, retryAfterSeconds: 30 } },
  'Graph slow (2 s a call)': { latencyMs: 2000 },
  'Graph hanging': { latencyMs: 60_000 },
};
const CALLBACK_FAULTS: Readonly<Record<string, FaultSettings>> = {
  'Graph fine': {},
  'Graph slow (2 s a call)': { latencyMs: 2000 },
  'Graph hanging': { latencyMs: 60_000 },
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const logger = createLogger({ level: 'silent' });
  const demoTenant = await startDemoTenant({ logger, certDir: CERT_DIR });
  const connector = await startStubConnector({ keepBodies: true });
  const database = join(tmpdir(), `fault-bench-${randomUUID()}.db`);
  const port = await freePort();
  const config = loadConfig(
    {
      PORT: String(port),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `sqlite:${database}`,
      MESSAGES_PER_MINUTE: '100000',
    },
    { envDir: join(tmpdir(), 'no-env-files') },
  );
  const app = await startApp(config, { logger, demoTenant, jobPollMs: 200 });
  const post = (activity: unknown) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
  try {
    const adele = person('Adele Vance');
    await post(
      activity(connector.url, { kind: 'channel' }, person('Lee Gu'), { type: 'conversationUpdate' }),
    );
    await post(activity(connector.url, { kind: 'personal' }, adele, { type: 'message', text: 'talk to IT' }));
    const [opened] = await app.store.cases.byRequester(adele.id);
    if (!opened) throw new Error('no case to press buttons on');

    out(`helpdesk button (Back to the case), ${runs} runs each, circuit closed before each:`);
    for (const [name, fault] of Object.entries(BUTTON_FAULTS)) {
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        demoTenant.faults.reset();
        await circuitClosed(app.url);
        demoTenant.faults.set(fault);
        // A new agent id each time: membership answers are cached for a minute.
        const agent = { ...person('Isaiah Langer'), id: randomUUID() };
        const started = performance.now();
        await post(
          activity(connector.url, { kind: 'channel' }, agent, {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: {
              action: {
                type: 'Action.Execute',
                verb: 'caseRefresh',
                data: { caseNumber: opened.number, expectedVersion: opened.version },
              },
            },
          }),
        ).then((response) => response.text());
        times.push(performance.now() - started);
      }
      out(`  ${name.padEnd(38)} ${summary(times)}`);
    }

    out(`sign-in callback page (self-service), ${runs} runs each:`);
    for (const [name, fault] of Object.entries(CALLBACK_FAULTS)) {
      const pages: number[] = [];
      const finished: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        demoTenant.faults.reset();
        await circuitClosed(app.url);
        const callback = await signInUpToCallback(connector, post);
        demoTenant.faults.set(fault);
        const started = performance.now();
        await (await fetch(callback, { redirect: 'manual' })).text();
        pages.push(performance.now() - started);
        await app.settle();
        finished.push(performance.now() - started);
      }
      out(`  ${name.padEnd(38)} page ${summary(pages)}; release done ${summary(finished)}`);
    }
  } finally {
    demoTenant.faults.reset();
    await app.stop();
    await demoTenant.stop();
    connector.server.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  }
}

/** Alex asks for his desktop's key, opens the link and signs in; resolves with where the browser goes next. */
async function signInUpToCallback(
  connector: StubConnector,
  post: (activity: unknown) => Promise<Response>,
): Promise<URL> {
  const alex = person('Alex Wilber');
  const conversation = { kind: 'personal' as const, id: `a:bench-${randomUUID()}` };
  const mark = connector.bodies.length;
  await post(activity(connector.url, conversation, alex, { type: 'message', text: 'my key id is 4680E012' }));
  await post(
    activity(connector.url, conversation, alex, {
      type: 'message',
      value: { verb: 'answers', rootCause: 'windowsUpdate', deviceKind: 'workPc' },
    }),
  );
  const link = connector.bodies
    .slice(mark)
    .map((body) => /"url":"([^"]*\/auth\/start[^"]*)"/.exec(body)?.[1])
    .find((found) => found !== undefined);
  if (!link) throw new Error('no sign-in link');
  const start = await fetch(link, { redirect: 'manual' });
  const location = start.headers.get('location');
  if (!location) throw new Error(`/auth/start answered ${start.status}`);
  return (await completeDemoSignIn(location, { userId: alex.id })).redirectUrl;
}

async function circuitClosed(url: string): Promise<void> {
  for (;;) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { dependencies?: { graph?: string } };
    if (ready.dependencies?.graph === 'closed') return;
    await sleep(100);
  }
}

function summary(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `median ${median.toFixed(0).padStart(5)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(0).padStart(5)} ms`;
}

function person(name: string) {
  const found = DEMO_PEOPLE.find((candidate) => candidate.displayName === name);
  if (!found) throw new Error(`no demo person ${name}`);
  return found;
}

type Where = { readonly kind: 'personal'; readonly id?: string } | { readonly kind: 'channel' };

/** An activity as Teams sends it, in a 1:1 chat or the helpdesk channel. */
function activity(
  serviceUrl: string,
  where: Where,
  from: { id: string; displayName: string },
  fields: object,
) {
  const channel = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
  const conversation =
    where.kind === 'personal'
      ? { id: where.id ?? `a:bench-${from.id}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID }
      : { id: channel, conversationType: 'channel', isGroup: true, tenantId: DEMO_TENANT_ID };
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
    recipient: { id: `28:${DEMO_BOT_APP_ID}`, name: 'BitLocker Recovery' },
    conversation,
    channelData: {
      tenant: { id: DEMO_TENANT_ID },
      ...(where.kind === 'channel'
        ? {
            team: { id: PLAYGROUND_CONVERSATIONS.teamId },
            channel: { id: channel },
            eventType: 'teamMemberAdded',
          }
        : {}),
    },
    ...((fields as { type?: string }).type === 'conversationUpdate'
      ? { membersAdded: [{ id: `28:${DEMO_BOT_APP_ID}` }] }
      : {}),
    ...fields,
  };
}

// Node reads NODE_EXTRA_CA_CERTS only at start, and the demo tenant speaks HTTPS with its own CA: run again
// trusting it, as `npm run dev` does.
const { caPath } = ensureDemoCertificates(CERT_DIR);
if (process.env.NODE_EXTRA_CA_CERTS !== caPath) {
  const again = spawnSync(process.execPath, process.execArgv.concat(process.argv.slice(1)), {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caPath },
  });
  process.exit(again.status ?? 1);
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
