import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type ClientCredential, certificateCredential } from '../identity/msal-client.js';
import { LANGUAGES, type Language } from '../understanding/languages.js';
import { readEnvironmentFiles } from './env-files.js';

/** `tenant` talks to real Entra ID, Graph and the Bot Framework; `demo` runs the in-process demo tenant. */
export type Mode = 'demo' | 'tenant';

/** botbuilder's own endpoint keys; when set (all four together) tests and sovereign clouds use other issuers. */
export interface BotFrameworkEndpoints {
  readonly toBotFromChannelOpenIdMetadataUrl: string;
  readonly toBotFromChannelTokenIssuer: string;
  readonly toChannelFromBotLoginUrl: string;
  readonly toChannelFromBotOAuthScope: string;
}

export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly url: string; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/** The whole configuration, parsed once at start. Nothing else reads the environment. */
export interface Config {
  readonly mode: Mode;
  readonly production: boolean;
  readonly port: number;
  readonly logLevel: string;
  readonly publicBaseUrl: string;
  readonly store: StoreLocation;
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: traces go to Application Insights through OpenTelemetry. */
  readonly applicationInsightsConnectionString: string | undefined;
  /** METRICS_TOKEN: /metrics answers only with this bearer token; without it, only outside production. */
  readonly metricsToken: string | undefined;
  /** DATABASE_ENTRA_CLIENT_ID: PostgreSQL's password is this managed identity's Entra token. */
  readonly databaseEntraClientId: string | undefined;
  readonly bot: {
    /** Bot Framework app id (BOT_ID); absent in demo mode, where inbound auth is off. */
    readonly appId: string | undefined;
    readonly appPassword: string | undefined;
    readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    readonly domain: string | undefined;
    readonly teamsAppId: string | undefined;
    readonly endpoints: BotFrameworkEndpoints | undefined;
  };
  readonly entra: {
    readonly clientId: string | undefined;
    /**
     * How the sign-in app proves itself: AAD_APP_CLIENT_SECRET (or BOT_PASSWORD), AAD_APP_CERTIFICATE_PEM /
     * _PATH, or AAD_APP_FEDERATED_IDENTITY_CLIENT_ID; absent when none is set.
     */
    readonly credential: ClientCredential | undefined;
    /** The only tenant whose activities and sign-ins are accepted (AAD_APP_TENANT_ID). */
    readonly tenantId: string | undefined;
    readonly authorityHost: string;
  };
  readonly graphEndpoint: string;
  readonly keyAccess: 'delegated' | 'application';
  readonly groups: {
    readonly selfService: string | undefined;
    readonly helpdesk: string | undefined;
    readonly helpdeskAdvanced: string | undefined;
  };
  readonly channels: { readonly helpdesk: string | undefined; readonly security: string | undefined };
  readonly stepUp: { readonly maxAgeMinutes: number; readonly authContext: string | undefined };
  readonly keyVisibleMinutes: number;
  /**
   * RELEASE_RECOVERY_SECONDS: a release stuck this long (its process died) is settled by any instance.
   * Default 180: well past the Graph client's 30 s deadline, so a slow release is never taken for a dead one.
   */
  readonly releaseRecoverySeconds: number;
  /** RETENTION_DAYS (90) and AUDIT_RETENTION_DAYS (400): what the daily retention job keeps. */
  readonly retentionDays: { readonly data: number; readonly audit: number };
  readonly rotateAfterRelease: 'none' | 'intune';
  readonly caseRemindMinutes: number;
  /**
   * Key IDs matching none of a person's PCs that still open a helpdesk case, per day (KEY_ID_MISS_CASE_LIMIT);
   * past it the helpdesk gets one alert and the person no more cases.
   */
  readonly missCaseLimit: number;
  /** Messages one person may send per minute (MESSAGES_PER_MINUTE), also as a burst; past it "slow down". */
  readonly messagesPerMinute: number;
  /** The language of the helpdesk channel's cards and of answers to agents (HELPDESK_LANGUAGE). */
  readonly helpdeskLanguage: Language;
  /** Object id of the mailbox that sends release notices (NOTICE_SENDER_MAILBOX); no notices when absent. */
  readonly noticeSenderMailbox: string | undefined;
  readonly demo: { readonly certDir: string };
}

/** One bad variable: which, what is wrong, and how to fix it. */
export interface ConfigProblem {
  readonly variable: string;
  readonly problem: string;
  readonly hint: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `  - ${p.variable}: ${p.problem}\n    fix: ${p.hint}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Folder holding `.env.<environment>` files; default `env`. */
  readonly envDir?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOT_FRAMEWORK_KEYS = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
] as const;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const optionalGuid = (hint: string) =>
  optionalText.refine((value) => value === undefined || GUID.test(value), {
    message: `is not a GUID; ${hint}`,
  });

const positiveInt = (fallback: number, max: number) =>
  optionalText
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .refine((value) => Number.isInteger(value) && value > 0 && value <= max, {
      message: `must be a whole number from 1 to ${max}`,
    });

const httpsOrigin = (fallback: string) =>
  optionalText
    .transform((value) => (value ?? fallback).replace(/\/+$/, ''))
    .superRefine((value, ctx) => {
      const url = safeUrl(value);
      if (url?.protocol !== 'https:' || !url)
        ctx.addIssue({ code: 'custom', message: 'must be an https:// URL' });
      else if (url.pathname !== '/' || url.search) {
        ctx.addIssue({ code: 'custom', message: 'must be an origin only (no path such as /v1.0)' });
      }
    });

const schema = z.object({
  NODE_ENV: optionalText,
  PORT: positiveInt(3978, 65535),
  LOG_LEVEL: optionalText
    .transform((value) => value ?? 'info')
    .refine((value) => ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(value), {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
  PUBLIC_BASE_URL: optionalText.superRefine((value, ctx) => {
    const url = value === undefined ? undefined : safeUrl(value);
    if (value !== undefined && (!url || !['http:', 'https:'].includes(url.protocol))) {
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    }
  }),
  DATABASE_URL: optionalText
    .transform((value) => value ?? 'sqlite:.data/bot.db')
    .refine((value) => /^sqlite:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value), {
      message: 'must be sqlite:<path> or postgres://…',
    }),
  BOT_ID: optionalGuid('use the Microsoft App ID of the Azure Bot registration'),
  BOT_PASSWORD: optionalText,
  BOT_TYPE: optionalText
    .transform((value) => value ?? 'SingleTenant')
    .refine((value) => ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'].includes(value), {
      message: 'must be SingleTenant, MultiTenant or UserAssignedMSI',
    }),
  BOT_DOMAIN: optionalText,
  TEAMS_APP_ID: optionalText,
  AAD_APP_CLIENT_ID: optionalGuid('use the Entra app registration used for sign-in'),
  AAD_APP_CLIENT_SECRET: optionalText,
  AAD_APP_CERTIFICATE_PEM: optionalText,
  AAD_APP_CERTIFICATE_PATH: optionalText,
  AAD_APP_FEDERATED_IDENTITY_CLIENT_ID: optionalGuid(
    "use the client id of the user-assigned managed identity the sign-in app's federated credential trusts",
  ),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  METRICS_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 24, {
    message: 'must be at least 24 characters (it guards /metrics on the public port)',
  }),
  DATABASE_ENTRA_CLIENT_ID: optionalGuid(
    'use the client id of the managed identity that signs in to PostgreSQL',
  ),
  AAD_APP_TENANT_ID: optionalGuid('use your Entra tenant id (Directory ID)'),
  AAD_APP_OAUTH_AUTHORITY_HOST: httpsOrigin('https://login.microsoftonline.com'),
  GRAPH_ENDPOINT: httpsOrigin('https://graph.microsoft.com'),
  KEY_ACCESS: optionalText
    .transform((value) => value ?? 'delegated')
    .refine((value) => value === 'delegated' || value === 'application', {
      message: 'must be delegated or application',
    }),
  SELF_SERVICE_GROUP_ID: optionalGuid('use the object id of the Entra group allowed to self-serve'),
  HELPDESK_GROUP_ID: optionalGuid('use the object id of the helpdesk agents group'),
  HELPDESK_ADVANCED_GROUP_ID: optionalGuid('use the object id of the advanced agents group'),
  HELPDESK_CHANNEL_ID: optionalText,
  SECURITY_CHANNEL_ID: optionalText,
  STEP_UP_MAX_AGE_MINUTES: positiveInt(5, 60),
  STEP_UP_AUTH_CONTEXT: optionalText.refine(
    (value) => value === undefined || /^c([1-9]|[1-9][0-9])$/.test(value),
    {
      message: 'must be a Conditional Access authentication context id such as c1',
    },
  ),
  KEY_VISIBLE_MINUTES: positiveInt(10, 120),
  RELEASE_RECOVERY_SECONDS: positiveInt(180, 3600),
  RETENTION_DAYS: positiveInt(90, 3650),
  // At least a year: security reviews look back that far, and the audit trail is never deleted early.
  AUDIT_RETENTION_DAYS: positiveInt(400, 3650).refine((days) => days >= 365, {
    message: 'must be at least 365 (days): the audit trail is kept for at least a year',
  }),
  ROTATE_AFTER_RELEASE: optionalText
    .transform((value) => value ?? 'none')
    .refine((value) => value === 'none' || value === 'intune', { message: 'must be none or intune' }),
  CASE_REMIND_MINUTES: positiveInt(30, 24 * 60),
  KEY_ID_MISS_CASE_LIMIT: positiveInt(3, 100),
  MESSAGES_PER_MINUTE: positiveInt(30, 100_000),
  HELPDESK_LANGUAGE: optionalText
    .transform((value) => value?.toLowerCase() ?? 'en')
    .refine((value): value is Language => (LANGUAGES as readonly string[]).includes(value), {
      message: `must be one of ${LANGUAGES.join(', ')}`,
    }),
  NOTICE_SENDER_MAILBOX: optionalGuid(
    'use the object id of the mailbox (user or shared) that sends release notices',
  ),
  DEMO_CERT_DIR: optionalText,
  ToBotFromChannelOpenIdMetadataUrl: optionalText,
  ToBotFromChannelTokenIssuer: optionalText,
  ToChannelFromBotLoginUrl: optionalText,
  ToChannelFromBotOAuthScope: optionalText,
});

const HINTS: Partial<Record<string, string>> = {
  PORT: 'set PORT to a free TCP port, e.g. 3978',
  DATABASE_URL: 'use sqlite:.data/bot.db (default) or postgres://user@host:5432/db',
  GRAPH_ENDPOINT: 'use https://graph.microsoft.com (national clouds: their Graph origin)',
  AAD_APP_OAUTH_AUTHORITY_HOST: 'use https://login.microsoftonline.com (national clouds: their login host)',
  PUBLIC_BASE_URL: "use the bot's public https URL, e.g. https://bot.contoso.com",
};

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    // Not a URL at all: the caller reports it as a problem.
    return undefined;
  }
}

/** Every variable the bot reads (the deployment check compares App Service settings with it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/**
 * Reads the configuration: `env/.env.<TEAMSFX_ENV or local>` (+ `.user`), overridden by `processEnv`.
 * Throws a {@link ConfigError} listing every problem at once, each with a fix.
 */
export function loadConfig(
  processEnv: Readonly<Record<string, string | undefined>>,
  options: LoadConfigOptions = {},
): Config {
  const environment = processEnv.TEAMSFX_ENV?.trim() || 'local';
  const merged: Record<string, string | undefined> = {
    // The Toolkit writes `NAME=` for a value it has not got yet: empty counts as unset, in files as in the process.
    ...withoutEmpty(readEnvironmentFiles(options.envDir ?? 'env', environment)),
    ...withoutEmpty(processEnv),
  };
  const parsed = schema.safeParse(merged);
  const problems: ConfigProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '?');
        return {
          variable,
          problem: issue.message,
          hint: HINTS[variable] ?? `correct ${variable} or remove it`,
        };
      });
  if (!parsed.success) throw new ConfigError(problems);
  const env = parsed.data;

  const mode: Mode = env.BOT_ID ? 'tenant' : 'demo';
  const production = env.NODE_ENV === 'production';
  problems.push(...crossFieldProblems(env, mode, production));
  const credential = clientCredential(env, problems);
  if (production && mode === 'tenant') problems.push(...productionProblems(env, merged));
  if (problems.length > 0) throw new ConfigError(problems);

  const endpoints = env.ToBotFromChannelOpenIdMetadataUrl
    ? {
        toBotFromChannelOpenIdMetadataUrl: env.ToBotFromChannelOpenIdMetadataUrl,
        toBotFromChannelTokenIssuer: env.ToBotFromChannelTokenIssuer!,
        toChannelFromBotLoginUrl: env.ToChannelFromBotLoginUrl!,
        toChannelFromBotOAuthScope: env.ToChannelFromBotOAuthScope!,
      }
    : undefined;

  return {
    mode,
    production,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    store: storeLocation(env.DATABASE_URL),
    databaseEntraClientId: env.DATABASE_ENTRA_CLIENT_ID,
    metricsToken: env.METRICS_TOKEN,
    applicationInsightsConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
    bot: {
      appId: env.BOT_ID,
      appPassword: env.BOT_PASSWORD,
      appType: env.BOT_TYPE as Config['bot']['appType'],
      domain: env.BOT_DOMAIN,
      teamsAppId: env.TEAMS_APP_ID,
      endpoints,
    },
    entra: {
      clientId: env.AAD_APP_CLIENT_ID ?? env.BOT_ID,
      credential,
      tenantId: env.AAD_APP_TENANT_ID,
      authorityHost: env.AAD_APP_OAUTH_AUTHORITY_HOST,
    },
    graphEndpoint: env.GRAPH_ENDPOINT,
    keyAccess: env.KEY_ACCESS as Config['keyAccess'],
    groups: {
      selfService: env.SELF_SERVICE_GROUP_ID,
      helpdesk: env.HELPDESK_GROUP_ID,
      helpdeskAdvanced: env.HELPDESK_ADVANCED_GROUP_ID,
    },
    channels: { helpdesk: env.HELPDESK_CHANNEL_ID, security: env.SECURITY_CHANNEL_ID },
    stepUp: { maxAgeMinutes: env.STEP_UP_MAX_AGE_MINUTES, authContext: env.STEP_UP_AUTH_CONTEXT },
    keyVisibleMinutes: env.KEY_VISIBLE_MINUTES,
    releaseRecoverySeconds: env.RELEASE_RECOVERY_SECONDS,
    retentionDays: { data: env.RETENTION_DAYS, audit: env.AUDIT_RETENTION_DAYS },
    rotateAfterRelease: env.ROTATE_AFTER_RELEASE as Config['rotateAfterRelease'],
    caseRemindMinutes: env.CASE_REMIND_MINUTES,
    missCaseLimit: env.KEY_ID_MISS_CASE_LIMIT,
    messagesPerMinute: env.MESSAGES_PER_MINUTE,
    helpdeskLanguage: env.HELPDESK_LANGUAGE as Language,
    noticeSenderMailbox: env.NOTICE_SENDER_MAILBOX,
    demo: { certDir: env.DEMO_CERT_DIR ?? '.data/demo-tenant' },
  };
}

type ParsedEnv = z.infer<typeof schema>;

function crossFieldProblems(env: ParsedEnv, mode: Mode, production: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (production && mode === 'demo') {
    problems.push({
      variable: 'BOT_ID',
      problem: 'is not set, so the bot would run in demo mode, which NODE_ENV=production refuses',
      hint: 'set BOT_ID, BOT_PASSWORD and AAD_APP_TENANT_ID from your Azure Bot registration',
    });
  }
  if (mode === 'tenant') {
    if (!env.BOT_PASSWORD && env.BOT_TYPE !== 'UserAssignedMSI') {
      problems.push({
        variable: 'BOT_PASSWORD',
        problem: 'is required when BOT_ID is set (Bot Framework authentication needs the app secret)',
        hint: 'set BOT_PASSWORD to a client secret of the bot app registration (in env/.env.<name>.user, git-ignored)',
      });
    }
    if (!env.AAD_APP_TENANT_ID) {
      problems.push({
        variable: 'AAD_APP_TENANT_ID',
        problem: 'is required when BOT_ID is set (activities and sign-ins from other tenants are refused)',
        hint: 'set AAD_APP_TENANT_ID to your Entra tenant id',
      });
    }
  }
  const present = BOT_FRAMEWORK_KEYS.filter((key) => env[key] !== undefined);
  if (present.length > 0 && present.length < BOT_FRAMEWORK_KEYS.length) {
    for (const key of BOT_FRAMEWORK_KEYS.filter((k) => env[k] === undefined)) {
      problems.push({
        variable: key,
        problem: `is missing while ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set; botbuilder needs all four together`,
        hint: 'set all four To… keys or none of them',
      });
    }
  }
  for (const key of ['ToBotFromChannelOpenIdMetadataUrl', 'ToChannelFromBotLoginUrl'] as const) {
    const value = env[key];
    if (value !== undefined && safeUrl(value)?.protocol !== 'https:') {
      problems.push({
        variable: key,
        problem: 'must be an https:// URL',
        hint: 'use the https endpoint of your issuer',
      });
    }
  }
  return problems;
}

/**
 * What a real deployment must say explicitly: no default that only makes sense on a developer's machine
 * (a localhost URL, a SQLite file in the app folder), and the credentials every feature needs, so none
 * switches itself off without a word.
 */
function productionProblems(
  env: ParsedEnv,
  raw: Readonly<Record<string, string | undefined>>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const base = env.PUBLIC_BASE_URL === undefined ? undefined : safeUrl(env.PUBLIC_BASE_URL);
  if (base?.protocol !== 'https:') {
    problems.push({
      variable: 'PUBLIC_BASE_URL',
      problem:
        env.PUBLIC_BASE_URL === undefined
          ? 'is not set; the sign-in link and its redirect URI are built from it'
          : 'must be an https:// URL in production (Entra accepts no other redirect URI)',
      hint: "set PUBLIC_BASE_URL to the bot's public https URL, e.g. https://bitlocker-bot.azurewebsites.net",
    });
  }
  if (raw.DATABASE_URL === undefined) {
    problems.push({
      variable: 'DATABASE_URL',
      problem:
        'is not set; in production the bot does not fall back on a SQLite file in its own folder (App Service may replace it on the next deploy)',
      hint: 'set DATABASE_URL to postgres://user@host:5432/db (several instances) or sqlite:/home/data/bot.db (one instance, persistent storage)',
    });
  }
  // The sign-in and every Graph call (self-service, the helpdesk's membership checks) use this app.
  const credentials = [
    env.AAD_APP_CLIENT_SECRET ?? env.BOT_PASSWORD,
    env.AAD_APP_CERTIFICATE_PEM ?? env.AAD_APP_CERTIFICATE_PATH,
    env.AAD_APP_FEDERATED_IDENTITY_CLIENT_ID,
  ];
  if (credentials.every((credential) => credential === undefined)) {
    problems.push({
      variable: 'AAD_APP_CLIENT_SECRET',
      problem:
        env.BOT_TYPE === 'UserAssignedMSI'
          ? 'is not set, nor a certificate or federated credential, with BOT_TYPE=UserAssignedMSI (no BOT_PASSWORD to fall back on): the sign-in, self-service and the helpdesk cannot work'
          : 'is not set, nor a certificate or federated credential: the sign-in, self-service and the helpdesk need the Entra app credential',
      hint: 'set AAD_APP_FEDERATED_IDENTITY_CLIENT_ID (managed identity, no secret), AAD_APP_CERTIFICATE_PEM or AAD_APP_CERTIFICATE_PATH (a PEM key and certificate), or AAD_APP_CLIENT_SECRET (trials)',
    });
  }
  if (env.BOT_TYPE === 'UserAssignedMSI' && !env.AAD_APP_CLIENT_ID) {
    problems.push({
      variable: 'AAD_APP_CLIENT_ID',
      problem:
        'is required with BOT_TYPE=UserAssignedMSI: BOT_ID is then the managed identity, not an app that can sign people in',
      hint: 'set AAD_APP_CLIENT_ID to the sign-in app registration',
    });
  }
  if (env.HELPDESK_CHANNEL_ID && !env.HELPDESK_GROUP_ID && !env.HELPDESK_ADVANCED_GROUP_ID) {
    problems.push({
      variable: 'HELPDESK_GROUP_ID',
      problem: 'is not set while HELPDESK_CHANNEL_ID is: nobody would count as a helpdesk agent',
      hint: 'set HELPDESK_GROUP_ID (and HELPDESK_ADVANCED_GROUP_ID for Show key to me) to Entra group object ids',
    });
  }
  return problems;
}

/**
 * The sign-in app's credential: at most one of a secret, a certificate and a federated credential may be
 * set (BOT_PASSWORD counts as the secret only when none is). A certificate that cannot be read is a problem
 * here, at start, rather than a failed sign-in later.
 */
function clientCredential(env: ParsedEnv, problems: ConfigProblem[]): ClientCredential | undefined {
  const set = (
    [
      ['AAD_APP_CLIENT_SECRET', env.AAD_APP_CLIENT_SECRET],
      ['AAD_APP_CERTIFICATE_PEM', env.AAD_APP_CERTIFICATE_PEM],
      ['AAD_APP_CERTIFICATE_PATH', env.AAD_APP_CERTIFICATE_PATH],
      ['AAD_APP_FEDERATED_IDENTITY_CLIENT_ID', env.AAD_APP_FEDERATED_IDENTITY_CLIENT_ID],
    ] as const
  ).filter((entry): entry is readonly [(typeof entry)[0], string] => entry[1] !== undefined);
  if (set.length > 1) {
    problems.push({
      variable: set[1]![0],
      problem: `is set as well as ${set[0]![0]}: the sign-in app needs exactly one credential`,
      hint: `keep one of ${set.map(([name]) => name).join(', ')}`,
    });
    return undefined;
  }
  const [chosen] = set;
  if (!chosen) return env.BOT_PASSWORD ? { kind: 'secret', secret: env.BOT_PASSWORD } : undefined;
  const [variable, value] = chosen;
  if (variable === 'AAD_APP_CLIENT_SECRET') return { kind: 'secret', secret: value };
  if (variable === 'AAD_APP_FEDERATED_IDENTITY_CLIENT_ID')
    return { kind: 'federated', managedIdentityClientId: value };
  let pem: string;
  try {
    pem =
      variable === 'AAD_APP_CERTIFICATE_PATH' ? readFileSync(value, 'utf8') : value.replaceAll('\\n', '\n');
  } catch {
    problems.push({
      variable,
      problem: `names a file that cannot be read (${value})`,
      hint: 'point it at a PEM file holding the private key and the certificate',
    });
    return undefined;
  }
  try {
    return certificateCredential(pem);
  } catch (error) {
    problems.push({
      variable,
      problem: (error as Error).message,
      hint: 'give one PEM with the private key and its certificate (Key Vault: a certificate with content type application/x-pem-file)',
    });
    return undefined;
  }
}

function storeLocation(url: string): StoreLocation {
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', url, path: url.slice('sqlite:'.length) };
  return { kind: 'postgres', url };
}

function withoutEmpty(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}
