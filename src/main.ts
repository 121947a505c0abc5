import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBotAdapter } from './bot/bot-adapter.js';
import { type Bot, createBot } from './bot/bot-app.js';
import type { HelpdeskServices } from './bot/helpdesk-flow.js';
import { startJobRunner } from './bot/job-runner.js';
import type { KeyAccessFactory, ReleaseServices } from './bot/release-flow.js';
import { messagesFor } from './cards/messages.js';
import { type Config, ConfigError, loadConfig } from './config/config.js';
import { processEnvironment } from './config/process-environment.js';
import { ensureDemoCertificates } from './demo-tenant/certificates.js';
import { VOLUME_TYPES } from './demo-tenant/demo-directory.js';
import { type DemoTenant, startDemoTenant } from './demo-tenant/demo-tenant.js';
import { DEMO_GROUPS, type DemoPerson } from './demo-tenant/sample-people.js';
import { createGraphClientFactory, type GraphAccess, type GraphClientFactory } from './graph/graph-client.js';
import { graphKeyAccess, graphRotationDirectory } from './graph/graph-key-access.js';
import { graphReleaseNotifier } from './graph/graph-release-notice.js';
import { checkKeyAccessMode } from './graph/key-access-check.js';
import { authRoutes } from './http/auth-routes.js';
import { PortInUseError, startHttpServer } from './http/server.js';
import { type AppTokenProvider, createAppTokenProvider } from './identity/app-token-provider.js';
import { databaseCredentials } from './identity/database-token.js';
import type { EntraAppSettings } from './identity/msal-client.js';
import { createStepUp } from './identity/step-up.js';
import { createLogger, type Logger } from './observability/logger.js';
import {
  createMetrics,
  decisionMetricsObserver,
  graphMetricsObserver,
  type Metrics,
  signInMetricsObserver,
  trackOpenCases,
} from './observability/metrics.js';
import { startTelemetry } from './observability/telemetry.js';
import { startPlayground } from './playground/playground.js';
import { PLAYGROUND_CONVERSATIONS, playgroundUserFromArgs } from './playground/playground-config.js';
import { DEFAULT_RELEASE_LIMITS } from './recovery/release-policy.js';
import { nextRetentionJob, retentionCutoffs, retentionJob } from './store/retention.js';
import { openStore, type Store } from './store/store.js';
import { loadUnderstanding } from './understanding/load-understanding.js';
import type { Understanding } from './understanding/understand.js';

export interface StartAppOptions {
  readonly logger: Logger;
  /** A demo tenant the caller already runs (tests share one); otherwise demo mode starts its own. */
  readonly demoTenant?: DemoTenant;
  /** How often this instance looks for due jobs (hide a card…); default 2 s. */
  readonly jobPollMs?: number;
  /** An understanding the caller already loaded (tests share one); otherwise it is loaded here. */
  readonly understanding?: Understanding;
  /** The application's clock (default the system's): tests move time instead of editing rows. */
  readonly clock?: () => Date;
}

export interface RunningApp {
  readonly config: Config;
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  readonly demoTenant: DemoTenant | undefined;
  /** Resolves once the releases still running after their sign-in page was answered have finished. */
  settle(): Promise<void>;
  /** Graceful: finishes in-flight turns, then closes storage and the demo tenant it started. */
  stop(): Promise<void>;
}

/** The composition root: configuration in, a listening bot out. */
export async function startApp(config: Config, options: StartAppOptions): Promise<RunningApp> {
  const { logger } = options;
  const telemetry = await startTelemetry(config.applicationInsightsConnectionString, logger);
  let demoTenant = options.demoTenant;
  const ownsDemoTenant = config.mode === 'demo' && !demoTenant;
  if (ownsDemoTenant) {
    demoTenant = await startDemoTenant({ logger, certDir: config.demo.certDir });
  }
  const tenantId = config.mode === 'demo' ? demoTenant!.tenantId : config.entra.tenantId!;
  const metrics = createMetrics();
  const store = await openStore(config.store.url, logger, {
    ...databaseCredentials(config, logger),
    onAuditEvent: decisionMetricsObserver(metrics),
  });
  try {
    const understanding =
      options.understanding ??
      (await loadUnderstanding({
        onReady: ({ trained, ms, file }) =>
          logger.info(
            { trained, ms: Math.round(ms), file },
            trained ? 'understanding trained' : 'understanding loaded',
          ),
      }));
    const now = options.clock ?? (() => new Date());
    const adapter = createBotAdapter(config);
    const entra = entraSettings(config, demoTenant);
    // One app-token provider (one MSAL client and token cache) for every service.
    // One Graph client factory, so one circuit breaker notices an outage for every caller.
    trackOpenCases(metrics, () => store.cases.openCases(), now);
    const appToken = entra && createAppTokenProvider({ entra, logger });
    const graph: GraphSetup | undefined = entra &&
      appToken && {
        clients: createGraphClientFactory({
          endpoint: config.mode === 'demo' && demoTenant ? demoTenant.graphEndpoint : config.graphEndpoint,
          logger,
          clientName: 'BitLockerRecoveryBot',
          clientVersion: '0.1.0',
          observer: graphMetricsObserver(metrics),
          // While Graph is down, a probe every few seconds closes the circuit as soon as it answers again.
          probe: { token: appToken, intervalMs: 5000 },
        }),
        appToken,
      };
    const release =
      entra && graph ? releaseServices(config, entra, graph, store, logger, now, metrics) : undefined;
    const bot: Bot = createBot({
      adapter,
      storage: store.turnState,
      logger: logger.child({ component: 'bot' }),
      helpdeskMessages: messagesFor(config.helpdeskLanguage),
      understanding,
      selfServiceAllowed: graph ? selfServiceCheck(config, graph) : undefined,
      caseRequests: store.caseRequests,
      audit: store.audit,
      missCaseLimit: config.missCaseLimit,
      messagesPerMinute: config.messagesPerMinute,
      turnLock: store.conversationLocks,
      async purgeExpired() {
        const at = now();
        const counts = await store.retention.purge(retentionCutoffs(at, config.retentionDays));
        logger.info({ counts }, 'retention: expired data deleted');
        await store.jobs.schedule(nextRetentionJob(at));
      },
      now,
      botAppId: config.bot.appId ?? '',
      release,
      helpdesk: graph ? helpdeskServices(config, store, graph) : undefined,
    });
    const server = await startHttpServer(
      {
        adapter,
        bot,
        logger,
        metrics,
        tenantId,
        checkReady: () => store.ping(),
        metricsAccess: config.metricsToken
          ? { kind: 'token', token: config.metricsToken }
          : config.production
            ? { kind: 'off' }
            : { kind: 'open' },
        // Reported, not failed on: a Graph outage must not make App Service recycle a healthy instance.
        dependencies: () => ({ graph: graph ? graph.clients.circuitState() : 'notConfigured' }),
        authRoutes: release
          ? authRoutes({
              stepUp: release.stepUp,
              onVerified: (result) => bot.continueAfterSignIn(result),
              onRejected: (result) => bot.rejectSignIn(result),
              logger,
            })
          : undefined,
      },
      config.port,
    );
    // Every instance schedules today's retention run; the key makes it one run a day whoever starts.
    await store.jobs.schedule(retentionJob(now()));
    const jobs = startJobRunner({
      jobs: store.jobs,
      run: (job) => bot.runJob(job),
      logger,
      now,
      intervalMs: options.jobPollMs ?? 2000,
      onStart: (job, lagMs) => metrics.jobLag.observe({ kind: job.kind }, lagMs / 1000),
    });
    logger.info({ mode: config.mode, store: config.store.kind, url: server.url }, 'bot ready');
    if (graph && config.mode === 'tenant') {
      // A real tenant's setting (the demo tenant is ours). Told in the log, not waited for: a slow Graph must
      // not hold up the start.
      void checkKeyAccessMode(
        graph.clients({ token: graph.appToken, userInitiated: false }),
        config.keyAccess,
        logger,
      );
    }
    let stopped: Promise<void> | undefined;
    const stop = async (): Promise<void> => {
      await jobs.stop();
      const unfinished = await server.close();
      await bot.settle();
      if (unfinished > 0) logger.warn({ unfinished }, 'stopped with turns still running');
      await store.close();
      if (ownsDemoTenant) await demoTenant?.stop();
      await telemetry.shutdown();
      logger.info('stopped');
    };
    return {
      config,
      url: server.url,
      port: server.port,
      store,
      demoTenant,
      settle: () => bot.settle(),
      stop() {
        stopped ??= stop();
        return stopped;
      },
    };
  } catch (error) {
    await store.close();
    if (ownsDemoTenant) await demoTenant?.stop();
    await telemetry.shutdown();
    throw error;
  }
}

/** The bot's Entra app: the demo tenant's in demo mode; AAD_APP_* in a tenant (absent → no self-service). */
function entraSettings(config: Config, demoTenant: DemoTenant | undefined): EntraAppSettings | undefined {
  if (config.mode === 'demo' && demoTenant) {
    return {
      authorityHost: demoTenant.authorityHost,
      tenantId: demoTenant.tenantId,
      clientId: demoTenant.botApp.clientId,
      credential: { kind: 'secret', secret: demoTenant.botApp.clientSecret },
    };
  }
  const { clientId, credential, tenantId, authorityHost } = config.entra;
  return clientId && credential && tenantId ? { clientId, credential, tenantId, authorityHost } : undefined;
}

/** Graph clients (one origin, one circuit breaker) and the app-only token for them. */
interface GraphSetup {
  readonly clients: GraphClientFactory;
  readonly appToken: AppTokenProvider;
}

/** A question asked before the sign-in, with a turn waiting: short, and the sign-in decides if it fails. */
const BEFORE_SIGN_IN = { deadlineMs: 2000, attemptTimeoutMs: 1500 } as const;

/**
 * Whether someone may self-serve, asked with the app's own token before they are sent to sign in, so people
 * outside SELF_SERVICE_GROUP_ID are told at once instead of after the sign-in and MFA. Without a group
 * everyone may; a tenant that does not grant the app GroupMember.Read.All answers with an error, and then
 * the sign-in decides as before.
 */
function selfServiceCheck(
  config: Config,
  graph: GraphSetup,
): (objectId: string) => Promise<boolean | undefined> {
  const group = config.groups.selfService ?? (config.mode === 'demo' ? DEMO_GROUPS.selfService : undefined);
  const client = graph.clients({ token: graph.appToken, userInitiated: true, limits: BEFORE_SIGN_IN });
  return async (objectId) =>
    group ? (await client.checkMemberGroups(objectId, [group])).includes(group) : true;
}

/** A person waits in Teams: fail within the turn's time budget and let IT take over. */
const ON_TURN = { deadlineMs: 6000, attemptTimeoutMs: 3000 } as const;
/** Helpdesk buttons are invokes, answered within 5 s, and a case is posted without details rather than late. */
const ON_INVOKE = { deadlineMs: 3000, attemptTimeoutMs: 2000 } as const;

function releaseServices(
  config: Config,
  entra: EntraAppSettings,
  graph: GraphSetup,
  store: Store,
  logger: Logger,
  now: () => Date,
  metrics: Metrics,
): ReleaseServices {
  const graphClients = (access: Omit<GraphAccess, 'limits'>) =>
    graph.clients(access.userInitiated ? { ...access, limits: ON_TURN } : access);
  const { appToken } = graph;
  const access: KeyAccessFactory = {
    forRequester: (verified) =>
      config.keyAccess === 'application'
        ? graphKeyAccess(graphClients({ token: appToken, userInitiated: true }), 'application')
        : graphKeyAccess(
            graphClients({ token: async () => verified.graphToken, userInitiated: true }),
            'delegated',
          ),
    // The agent's own token in delegated mode (Graph then checks the agent's role); the app's otherwise.
    forAgent: (verified) =>
      graphKeyAccess(
        graphClients({
          token: config.keyAccess === 'application' ? appToken : async () => verified.graphToken,
          userInitiated: true,
        }),
        'application',
      ),
  };
  return {
    stepUp: createStepUp({
      config: { ...entra, publicBaseUrl: config.publicBaseUrl, stepUp: config.stepUp },
      store: store.signInStates,
      now,
      logger,
      observer: signInMetricsObserver(metrics),
    }),
    access,
    ledger: store.releases,
    audit: store.audit,
    jobs: store.jobs,
    limits: DEFAULT_RELEASE_LIMITS,
    selfServiceGroupId:
      config.groups.selfService ?? (config.mode === 'demo' ? DEMO_GROUPS.selfService : undefined),
    keyVisibleMinutes: config.keyVisibleMinutes,
    recoverAfterMs: config.releaseRecoverySeconds * 1000,
    rotationDirectory: graphRotationDirectory(graphClients({ token: appToken, userInitiated: false })),
    rotateAfterRelease: config.rotateAfterRelease,
    notice: config.noticeSenderMailbox
      ? graphReleaseNotifier(
          graphClients({ token: appToken, userInitiated: false }),
          config.noticeSenderMailbox,
          logger,
        )
      : undefined,
  };
}

/**
 * The helpdesk channel and who may act there. Group membership comes from Graph with the app token and is
 * cached for a minute, so a burst of button presses costs one directory call per agent.
 */
function helpdeskServices(
  config: Config,
  store: Store,
  graphSetup: GraphSetup,
): HelpdeskServices | undefined {
  const demo = config.mode === 'demo';
  const channelId =
    config.channels.helpdesk ?? (demo ? PLAYGROUND_CONVERSATIONS.helpdeskChannelId : undefined);
  const helpdeskGroup = config.groups.helpdesk ?? (demo ? DEMO_GROUPS.helpdesk : undefined);
  const advancedGroup = config.groups.helpdeskAdvanced ?? (demo ? DEMO_GROUPS.helpdeskAdvanced : undefined);
  if (!channelId) return undefined;
  const graph = graphSetup.clients({ token: graphSetup.appToken, userInitiated: true, limits: ON_INVOKE });
  const groups = [helpdeskGroup, advancedGroup].filter((id): id is string => id !== undefined);
  const cache = new Map<
    string,
    { at: number; value: { inHelpdeskGroup: boolean; inAdvancedGroup: boolean } }
  >();
  return {
    cases: store.cases,
    channels: store.helpdeskChannels,
    channelId,
    securityChannelId: config.channels.security,
    async describeRequester(objectId) {
      const [user, devices] = await Promise.all([graph.user(objectId), graph.ownedDevices(objectId)]);
      return {
        userPrincipalName: user.userPrincipalName,
        devices: devices.map((device) => ({
          name: device.displayName,
          deviceId: device.deviceId,
          ...(device.trustType ? { joinType: device.trustType } : {}),
          ...(device.approximateLastSignInDateTime
            ? { lastSignInAt: device.approximateLastSignInDateTime }
            : {}),
        })),
      };
    },
    jobs: store.jobs,
    remindMinutes: config.caseRemindMinutes,
    async membership(objectId) {
      const cached = cache.get(objectId);
      if (cached && Date.now() - cached.at < 60_000) return cached.value;
      const member = groups.length > 0 ? await graph.checkMemberGroups(objectId, groups) : [];
      const value = {
        inHelpdeskGroup: helpdeskGroup !== undefined && member.includes(helpdeskGroup),
        inAdvancedGroup: advancedGroup !== undefined && member.includes(advancedGroup),
      };
      cache.set(objectId, { at: Date.now(), value });
      return value;
    },
    audit: store.audit,
    async findUser(userPrincipalName) {
      const user = await graph.userByPrincipalName(userPrincipalName);
      return (
        user && {
          objectId: user.id,
          displayName: user.displayName,
          userPrincipalName: user.userPrincipalName,
        }
      );
    },
  };
}

/** Reads configuration from the process, or prints every problem and exits. */
function configFromProcess(): Config {
  try {
    return loadConfig(processEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Node reads NODE_EXTRA_CA_CERTS only when a process starts, and the demo tenant serves HTTPS (MSAL refuses
 * plain-HTTP authorities) with a locally generated CA. So demo mode re-runs this same command once, in a
 * child process that trusts that CA, and mirrors its exit. Returns false when this process already trusts it.
 */
function relaunchTrustingDemoCa(config: Config): boolean {
  if (config.mode !== 'demo') return false;
  const { caPath } = ensureDemoCertificates(config.demo.certDir);
  const absolute = resolve(caPath);
  const environment = processEnvironment();
  if (environment.NODE_EXTRA_CA_CERTS === absolute) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...environment, NODE_EXTRA_CA_CERTS: absolute },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

/** Stops on SIGTERM/SIGINT (App Service sends SIGTERM), letting in-flight turns finish. */
function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

/**
 * `npm start`: the bot alone. `npm run dev` (`--playground`): demo mode plus the Microsoft 365 Agents
 * Playground pointed at it, and the URL to open.
 */
async function main(argv: readonly string[]): Promise<void> {
  const withPlayground = argv.includes('--playground');
  const user = playgroundUserFromArgs(argv);
  if (user.kind === 'unknown') {
    console.error(
      `--as "${user.asked}" names nobody in the demo tenant. Try one of: ${user.people.join(', ')}.`,
    );
    process.exit(1);
  }
  const config = configFromProcess();
  if (withPlayground && config.mode !== 'demo') {
    console.error(
      'npm run dev runs the demo tenant and the Agents Playground, which cannot send Bot Framework tokens.\n' +
        'BOT_ID is set (tenant mode): unset it for the demo, or use `npm start` with a real Azure Bot.',
    );
    process.exit(1);
  }
  if (relaunchTrustingDemoCa(config)) return;
  const logger = withPlayground ? await developerLogger(config) : createLogger({ level: config.logLevel });
  const app = await startApp(config, { logger });
  if (!withPlayground) {
    stopOnSignals(() => app.stop(), logger);
    return;
  }
  const playground = await startPlayground({
    botEndpoint: `http://127.0.0.1:${app.port}/api/messages`,
    logger,
    currentUser: user.person,
  });
  stopOnSignals(async () => {
    await playground.stop();
    await app.stop();
  }, logger);
  console.log(demoBanner(playground.url, app.demoTenant, user.person).join('\n'));
}

/**
 * `npm run dev` logs for a person at a terminal: one readable line each, and only warnings and errors
 * unless LOG_LEVEL says otherwise, so the banner is what they see. pino-pretty is a development
 * dependency, loaded only here; redaction happens before any line reaches it.
 */
async function developerLogger(config: Config): Promise<Logger> {
  const { default: pretty } = await import('pino-pretty');
  const level = processEnvironment().LOG_LEVEL ? config.logLevel : 'warn';
  return createLogger({
    level,
    destination: pretty({ sync: true, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' }),
  });
}

/** What to open, who you are and what to type: the first ten minutes of the demo on one screen. */
function demoBanner(playgroundUrl: string, tenant: DemoTenant | undefined, person: DemoPerson): string[] {
  const agent = person.role !== 'requester';
  const you = agent
    ? [
        `  You are ${person.displayName}, ${person.role === 'helpdesk-advanced' ? 'an advanced' : 'a'} helpdesk agent.`,
        '  Open "Contoso IT" > "Helpdesk" for the cases (requests made as Alex Wilber in earlier runs are there).',
        '  To be a locked-out employee again: npm run dev',
      ]
    : [
        `  You are ${person.displayName}. In the personal chat, type a Key ID of one of your PCs (or just say what is wrong):`,
        ...demoKeyIds(tenant, person).map(({ device, keyId }) => `      ${device.padEnd(16)} ${keyId}`),
        '  Try the helpdesk as an agent: npm run dev -- --as isaiah (or --as lee).',
      ];
  return [
    '',
    '  BitLocker Recovery Bot is running in demo mode.',
    `  Open the Agents Playground:  ${playgroundUrl}`,
    `  Demo sign-in page:           ${tenant?.signInOrigin ?? ''}`,
    ...you,
    '  Ctrl+C stops everything.',
    '',
  ];
}

/** The first 8 characters of the newest OS-drive Key ID of each of the person's demo PCs. */
function demoKeyIds(tenant: DemoTenant | undefined, person: DemoPerson): { device: string; keyId: string }[] {
  if (!tenant) return [];
  return tenant.data.ownedDevices(person.id).flatMap((device) => {
    const [newest] = tenant.data
      .keysForDevice(device.deviceId)
      .filter((key) => key.volumeType === VOLUME_TYPES.operatingSystem)
      .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
    return newest ? [{ device: device.displayName, keyId: newest.id.slice(0, 8).toUpperCase() }] : [];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof PortInUseError) {
      console.error(
        `The bot could not start: port ${error.port} is already in use, perhaps by another \`npm run dev\` or \`npm start\`.\n` +
          `Stop that one, or give this one another port: PORT=${error.port + 1} npm run dev`,
      );
    } else console.error('The bot could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
