import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { type Config, loadConfig } from '../../src/config/config.js';
import { type DemoTenant, startDemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { DEMO_BOT_APP_ID, DEMO_GROUPS, type DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { type RunningApp, startApp } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';
import { type ChannelIssuer, startChannelIssuer } from './channel-issuer.js';
import { useDemoIdentityEndpoint } from './identity-endpoint.js';
import {
  type ConnectorCall,
  type RecordingConnector,
  startRecordingConnector,
} from './recording-connector.js';
import {
  type ActivityContext,
  type ExecuteOptions,
  executeActivity,
  installActivity,
  messageActivity,
  personalScope,
  submitActivity,
  type TeamsScope,
  type TeamsUser,
  teamsUser,
} from './teams-activities.js';

export const BOT_NAME = 'BitLocker Recovery';
/** Where the channel's tokens say they come from; the bot is told to trust exactly this. */
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export interface HarnessOptions {
  /** `tenant` turns Bot Framework authentication on (channel tokens in, bot tokens out). Default `demo`. */
  readonly mode?: 'demo' | 'tenant';
  /** Extra configuration (environment variable names). */
  readonly env?: Readonly<Record<string, string>>;
  /** The bot's clock (default the system's), for tests that move time. */
  readonly clock?: () => Date;
  /**
   * Tenant mode only: `managedIdentity` makes the bot the demo tenant's user-assigned managed identity
   * (BOT_TYPE=UserAssignedMSI, no BOT_PASSWORD; its channel tokens from the demo identity endpoint, as App
   * Service serves them), with the demo app as the separate sign-in app. Default: the app with its secret.
   */
  readonly botIdentity?: 'appSecret' | 'managedIdentity';
  /**
   * Points the process's managed identity clients at the demo tenant's identity endpoint before the bot
   * starts (MSAL picks its source once per process); implied by `botIdentity: 'managedIdentity'`.
   */
  readonly identityEndpoint?: boolean;
}

/**
 * Tenant mode against the demo tenant: Bot Framework tokens from `issuer`, and a "real" tenant played by the
 * demo tenant (its Entra ID, Graph and groups).
 */
export function tenantModeEnv(demoTenant: DemoTenant, issuer: ChannelIssuer): Record<string, string> {
  return {
    BOT_ID: demoTenant.botApp.clientId,
    BOT_PASSWORD: demoTenant.botApp.clientSecret,
    AAD_APP_TENANT_ID: demoTenant.tenantId,
    ToBotFromChannelOpenIdMetadataUrl: issuer.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: issuer.issuer,
    ToChannelFromBotLoginUrl: demoTenant.authority,
    ToChannelFromBotOAuthScope: BOT_FRAMEWORK_SCOPE,
    AAD_APP_OAUTH_AUTHORITY_HOST: demoTenant.authorityHost,
    GRAPH_ENDPOINT: demoTenant.graphEndpoint,
    SELF_SERVICE_GROUP_ID: DEMO_GROUPS.selfService,
    HELPDESK_GROUP_ID: DEMO_GROUPS.helpdesk,
    HELPDESK_ADVANCED_GROUP_ID: DEMO_GROUPS.helpdeskAdvanced,
  };
}

/** What the bot said in reply to one request, read from the connector. */
export interface BotReply {
  readonly kind: 'text' | 'card' | 'typing' | 'other';
  readonly text: string;
  /** The Adaptive Card's JSON when `kind` is `card`. */
  readonly card: Record<string, unknown> | undefined;
  readonly call: ConnectorCall;
}

export interface Turn {
  readonly status: number;
  readonly body: unknown;
  /** Messages only (typing indicators left out). */
  readonly replies: readonly BotReply[];
  readonly calls: readonly ConnectorCall[];
  /** One line per reply: `bot: …` or `bot: [card] title | buttons: a / b`. */
  readonly transcript: string;
}

/** A person in one conversation, sending as Teams does; `T` is what one request answers with. */
export interface Session<T> {
  readonly context: ActivityContext;
  send(text: string): Promise<T>;
  submit(data: Record<string, unknown>): Promise<T>;
  execute(verb: string, data?: Record<string, unknown>, options?: ExecuteOptions): Promise<T>;
  install(): Promise<T>;
}

export type ChatSession = Session<Turn>;

/** `person` in the conversation `scope` names, posting each activity with `post`. */
export function sessionOf<T>(
  where: Omit<ActivityContext, 'scope' | 'from'>,
  person: DemoPerson,
  scope: (user: TeamsUser) => TeamsScope,
  post: (activity: Activity) => Promise<T>,
): Session<T> {
  const user = teamsUser(person.id, person.displayName);
  const context: ActivityContext = { ...where, scope: scope(user), from: user };
  return {
    context,
    send: (text) => post(messageActivity(context, text)),
    submit: (data) => post(submitActivity(context, data)),
    execute: (verb, data, options) => post(executeActivity(context, verb, data, options)),
    install: () => post(installActivity(context)),
  };
}

export interface ConversationHarness {
  readonly app: RunningApp;
  readonly config: Config;
  readonly connector: RecordingConnector;
  readonly demoTenant: DemoTenant;
  readonly issuer: ChannelIssuer | undefined;
  /** Every log line the bot wrote, as JSON text. */
  readonly logs: readonly string[];
  /**
   * A 1:1 chat with the bot. `fresh` gives it a conversation id of its own (a new chat, as another device
   * or a reinstall would); `locale` is the Teams client's language.
   */
  personalChat(
    person: DemoPerson,
    options?: { readonly fresh?: boolean; readonly locale?: string },
  ): ChatSession;
  groupChat(person: DemoPerson): ChatSession;
  teamChannel(person: DemoPerson, teamId?: string, channelId?: string): ChatSession;
  /** Posts any activity; `authorization` null sends no header, undefined a valid channel token (tenant mode). */
  post(activity: unknown, options?: { authorization?: string | null; rawBody?: string }): Promise<Turn>;
  /** A channel token for tenant mode, with overrides for the negative tests. */
  channelToken(overrides?: Partial<Parameters<ChannelIssuer['channelToken']>[0]>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real bot on an ephemeral port, with a recording connector as its `serviceUrl`, its own demo tenant
 * and (in tenant mode) a channel token issuer, sending activities exactly as Teams does.
 */
export async function startConversationHarness(options: HarnessOptions = {}): Promise<ConversationHarness> {
  const mode = options.mode ?? 'demo';
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(line) },
  });
  const demoTenant = await startDemoTenant({
    logger,
    certDir: '.data/demo-tenant',
  });
  const issuer = mode === 'tenant' ? await startChannelIssuer() : undefined;
  const managedIdentity = mode === 'tenant' && options.botIdentity === 'managedIdentity';
  const connector = await startRecordingConnector(
    mode === 'tenant'
      ? {
          kind: 'required',
          jwksUri: demoTenant.jwksUri,
          issuer: `${demoTenant.authority}/v2.0`,
          audience: BOT_FRAMEWORK_SCOPE,
          appId: managedIdentity ? demoTenant.managedIdentity.clientId : demoTenant.botApp.clientId,
        }
      : { kind: 'none' },
  );
  const databasePath = join(tmpdir(), `bot-test-${randomUUID()}.db`);
  // The sign-in's redirect URI names the bot's port, so the port is chosen before the bot starts.
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `sqlite:${databasePath}`,
    LOG_LEVEL: 'debug',
    // Scripted people type far faster than anyone could; the rate-limit tests set the product's default.
    MESSAGES_PER_MINUTE: '10000',
    ...(issuer ? tenantModeEnv(demoTenant, issuer) : {}),
    ...(issuer && managedIdentity
      ? {
          BOT_ID: demoTenant.managedIdentity.clientId,
          BOT_TYPE: 'UserAssignedMSI',
          BOT_PASSWORD: '',
          AAD_APP_CLIENT_ID: demoTenant.botApp.clientId,
          AAD_APP_CLIENT_SECRET: demoTenant.botApp.clientSecret,
        }
      : {}),
    ...options.env,
  };
  const restoreIdentityEndpoint =
    managedIdentity || options.identityEndpoint ? useDemoIdentityEndpoint(demoTenant) : () => {};
  const config: Config = loadConfig(env, { envDir: join(tmpdir(), 'no-env-files') });
  const app = await startApp(config, {
    logger,
    demoTenant,
    jobPollMs: 100,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const botAppId = config.bot.appId ?? DEMO_BOT_APP_ID;

  const channelToken: ConversationHarness['channelToken'] = (overrides = {}) => {
    if (!issuer) throw new Error('channel tokens exist in tenant mode only');
    return issuer.channelToken({ audience: botAppId, serviceUrl: connector.serviceUrl, ...overrides });
  };

  const post: ConversationHarness['post'] = async (activity, postOptions = {}) => {
    const mark = connector.calls.length;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const authorization =
      postOptions.authorization === undefined && issuer
        ? `Bearer ${await channelToken()}`
        : postOptions.authorization;
    if (authorization) headers.authorization = authorization;
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers,
      body: postOptions.rawBody ?? JSON.stringify(activity),
    });
    const text = await response.text();
    const calls = connector.since(mark);
    const replies = calls
      .filter((call) => call.operation === 'send' || call.operation === 'reply')
      .map(toReply);
    const messages = replies.filter((reply) => reply.kind !== 'typing');
    return {
      status: response.status,
      body: text ? safeJson(text) : undefined,
      replies: messages,
      calls,
      transcript: messages.map((reply) => `bot: ${reply.text}`).join('\n'),
    };
  };

  const session = (
    person: DemoPerson,
    scope: (user: TeamsUser) => TeamsScope,
    locale?: string,
  ): ChatSession =>
    sessionOf(
      {
        serviceUrl: connector.serviceUrl,
        tenantId: demoTenant.tenantId,
        botAppId,
        botName: BOT_NAME,
        ...(locale ? { locale } : {}),
      },
      person,
      scope,
      post,
    );

  return {
    app,
    config,
    connector,
    demoTenant,
    issuer,
    logs,
    personalChat: (person, options = {}) =>
      session(
        person,
        (user) => {
          const scope = personalScope(user, botAppId);
          return options.fresh && scope.kind === 'personal'
            ? { ...scope, conversationId: `${scope.conversationId}-${randomUUID()}` }
            : scope;
        },
        options.locale,
      ),
    groupChat: (person) =>
      session(person, () => ({ kind: 'groupChat', conversationId: `19:${randomUUID()}@thread.v2` })),
    teamChannel: (person, teamId = '19:helpdesk-team@thread.tacv2', channelId = teamId) =>
      session(person, () => ({ kind: 'channel', teamId, channelId })),
    post,
    channelToken,
    async stop() {
      await app.stop();
      restoreIdentityEndpoint();
      await connector.stop();
      await issuer?.stop();
      await demoTenant.stop();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
    },
  };
}

/** A port nothing listens on right now, for a server that must know its port before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function toReply(call: ConnectorCall): BotReply {
  const activity = call.activity as Partial<Activity> | undefined;
  if (activity?.type === 'typing') return { kind: 'typing', text: '(typing)', card: undefined, call };
  const attachment = activity?.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  if (attachment) {
    const card = attachment.content as Record<string, unknown>;
    return { kind: 'card', text: describeCard(card), card, call };
  }
  if (activity?.type === 'message') return { kind: 'text', text: activity.text ?? '', card: undefined, call };
  return { kind: 'other', text: `(${activity?.type ?? 'unknown'})`, card: undefined, call };
}

/** `[card] <first text> | buttons: a / b` — enough to read a transcript at a glance. */
export function describeCard(card: Record<string, unknown>): string {
  const body = (card.body as { type: string; text?: string }[] | undefined) ?? [];
  const title = body.find((element) => element.type === 'TextBlock')?.text ?? '';
  const actions = ((card.actions as { title: string }[] | undefined) ?? []).map((action) => action.title);
  return `[card] ${title}${actions.length > 0 ? ` | buttons: ${actions.join(' / ')}` : ''}`;
}

/** Every TextBlock and fact in a card, joined: for "does the card say X" assertions. */
export function cardText(card: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (typeof element.text === 'string') parts.push(element.text);
      if (typeof element.title === 'string') parts.push(element.title);
      if (typeof element.value === 'string') parts.push(element.value);
      for (const value of Object.values(element)) if (typeof value === 'object') walk(value);
    }
  };
  walk(card?.body);
  walk(card?.actions);
  return parts.join('\n');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (restify's plain-text errors): keep the text for the assertion message.
    return text;
  }
}
