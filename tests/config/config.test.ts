import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { anAppCertificate } from '../support/app-certificate.js';

const MANAGED_IDENTITY = '55555555-4444-4333-8222-111111111111';
const NO_FILES = { envDir: join(tmpdir(), 'no-env-files-here') };
const TENANT = {
  BOT_ID: '11111111-2222-4333-8444-555555555555',
  BOT_PASSWORD: 'secret',
  AAD_APP_TENANT_ID: '66666666-7777-4888-9999-000000000000',
};

/** A complete production configuration: what App Service would be given. */
const PRODUCTION: Record<string, string> = {
  ...TENANT,
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://bitlocker-bot.azurewebsites.net',
  DATABASE_URL: 'postgres://bot@db.contoso.example:5432/bot',
  AAD_APP_CLIENT_ID: '77777777-8888-4999-8aaa-bbbbbbbbbbbb',
  AAD_APP_CLIENT_SECRET: 'sign-in secret',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, NO_FILES);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs in demo mode on embedded defaults', () => {
    const config = loadConfig({}, NO_FILES);
    expect(config.mode).toBe('demo');
    expect(config.port).toBe(3978);
    expect(config.store).toEqual({ kind: 'sqlite', url: 'sqlite:.data/bot.db', path: '.data/bot.db' });
    expect(config.graphEndpoint).toBe('https://graph.microsoft.com');
    expect(config.entra.authorityHost).toBe('https://login.microsoftonline.com');
    expect(config.keyAccess).toBe('delegated');
    expect(config.keyVisibleMinutes).toBe(10);
    expect(config.publicBaseUrl).toBe('http://localhost:3978');
  });

  it("speaks English in the helpdesk channel unless HELPDESK_LANGUAGE names one of the bot's languages", () => {
    expect(loadConfig({}, NO_FILES).helpdeskLanguage).toBe('en');
    expect(loadConfig({ HELPDESK_LANGUAGE: 'DE' }, NO_FILES).helpdeskLanguage).toBe('de');
    expect(problemsOf({ HELPDESK_LANGUAGE: 'klingon' })).toEqual(['HELPDESK_LANGUAGE']);
  });

  it('keeps the audit trail at least a year, and data 90 days by default', () => {
    expect(loadConfig({}, NO_FILES).retentionDays).toEqual({ data: 90, audit: 400 });
    expect(problemsOf({ AUDIT_RETENTION_DAYS: '30' })).toEqual(['AUDIT_RETENTION_DAYS']);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '730', RETENTION_DAYS: '30' }, NO_FILES).retentionDays).toEqual(
      {
        data: 30,
        audit: 730,
      },
    );
  });

  it('is in tenant mode exactly when BOT_ID is set', () => {
    const config = loadConfig(TENANT, NO_FILES);
    expect(config.mode).toBe('tenant');
    expect(config.entra.clientId).toBe(TENANT.BOT_ID);
    expect(config.entra.credential).toEqual({ kind: 'secret', secret: 'secret' });
  });

  it('picks PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://bot@db:5432/bot' }, NO_FILES).store.kind).toBe('postgres');
  });

  it('lets the process environment override the env files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env.local'), 'PORT=4100\nKEY_VISIBLE_MINUTES=7 # comment\n');
    writeFileSync(join(dir, '.env.local.user'), 'KEY_VISIBLE_MINUTES=8\n');
    const config = loadConfig({ PORT: '4000' }, { envDir: dir });
    expect(config.port).toBe(4000);
    expect(config.keyVisibleMinutes).toBe(8);
  });

  it('reads the env file named by TEAMSFX_ENV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(
      join(dir, '.env.staging'),
      `BOT_ID=${TENANT.BOT_ID}\nBOT_PASSWORD="quoted secret"\nAAD_APP_TENANT_ID=${TENANT.AAD_APP_TENANT_ID}\n`,
    );
    const config = loadConfig({ TEAMSFX_ENV: 'staging' }, { envDir: dir });
    expect(config.mode).toBe('tenant');
    expect(config.bot.appPassword).toBe('quoted secret');
  });

  it.each([
    [{ PORT: 'eighty' }, ['PORT']],
    [{ DATABASE_URL: 'mysql://x' }, ['DATABASE_URL']],
    [{ GRAPH_ENDPOINT: 'https://graph.microsoft.com/v1.0' }, ['GRAPH_ENDPOINT']],
    [{ AAD_APP_OAUTH_AUTHORITY_HOST: 'http://login.example' }, ['AAD_APP_OAUTH_AUTHORITY_HOST']],
    [{ KEY_ACCESS: 'admin' }, ['KEY_ACCESS']],
    [{ SELF_SERVICE_GROUP_ID: 'not-a-guid' }, ['SELF_SERVICE_GROUP_ID']],
    [{ STEP_UP_AUTH_CONTEXT: 'mfa' }, ['STEP_UP_AUTH_CONTEXT']],
    [{ BOT_ID: TENANT.BOT_ID }, ['BOT_PASSWORD', 'AAD_APP_TENANT_ID']],
    [{ NODE_ENV: 'production' }, ['BOT_ID']],
    [
      { ToBotFromChannelOpenIdMetadataUrl: 'https://issuer.example/.well-known/openid-configuration' },
      ['ToBotFromChannelTokenIssuer', 'ToChannelFromBotLoginUrl', 'ToChannelFromBotOAuthScope'],
    ],
  ])('reports %j as a problem with %j', (env, variables) => {
    expect(problemsOf(env)).toEqual(variables);
  });

  it('reports every problem at once, each with a fix', () => {
    try {
      loadConfig({ PORT: '0', KEY_ACCESS: 'x', DATABASE_URL: 'ftp://x' }, NO_FILES);
      expect.unreachable('loadConfig should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const configError = error as ConfigError;
      expect(configError.problems.map((p) => p.variable).sort()).toEqual([
        'DATABASE_URL',
        'KEY_ACCESS',
        'PORT',
      ]);
      for (const problem of configError.problems) expect(problem.hint.length).toBeGreaterThan(5);
      expect(configError.message).toContain('fix:');
    }
  });

  it('refuses production without Bot Framework credentials but accepts a complete tenant', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        BOT_ID: TENANT.BOT_ID,
        AAD_APP_TENANT_ID: TENANT.AAD_APP_TENANT_ID,
      }),
    ).toEqual(['BOT_PASSWORD', 'PUBLIC_BASE_URL', 'DATABASE_URL', 'AAD_APP_CLIENT_SECRET']);
    expect(loadConfig({ ...PRODUCTION }, NO_FILES).production).toBe(true);
  });

  it.each([
    [{ PUBLIC_BASE_URL: undefined }, ['PUBLIC_BASE_URL']],
    [{ PUBLIC_BASE_URL: 'http://bot.contoso.example' }, ['PUBLIC_BASE_URL']],
    [{ DATABASE_URL: undefined }, ['DATABASE_URL']],
    [
      {
        BOT_TYPE: 'UserAssignedMSI',
        BOT_PASSWORD: undefined,
        AAD_APP_CLIENT_ID: undefined,
        AAD_APP_CLIENT_SECRET: undefined,
      },
      ['AAD_APP_CLIENT_SECRET', 'AAD_APP_CLIENT_ID'],
    ],
    [{ HELPDESK_CHANNEL_ID: '19:helpdesk@thread.tacv2' }, ['HELPDESK_GROUP_ID']],
    [{ AAD_APP_FEDERATED_IDENTITY_CLIENT_ID: MANAGED_IDENTITY }, ['AAD_APP_FEDERATED_IDENTITY_CLIENT_ID']],
    [{ AAD_APP_CLIENT_SECRET: undefined, AAD_APP_CERTIFICATE_PEM: 'not a pem' }, ['AAD_APP_CERTIFICATE_PEM']],
    [
      { AAD_APP_CLIENT_SECRET: undefined, AAD_APP_CERTIFICATE_PATH: '/no/such/file.pem' },
      ['AAD_APP_CERTIFICATE_PATH'],
    ],
    [{ PUBLIC_BASE_URL: undefined, DATABASE_URL: undefined }, ['PUBLIC_BASE_URL', 'DATABASE_URL']],
  ] as const)('in production refuses %j, naming %j, instead of a silent default', (change, variables) => {
    const env: Record<string, string> = { ...PRODUCTION };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    expect(problemsOf(env)).toEqual(variables);
  });

  it('takes a managed identity (federated credential) or a certificate instead of any secret', () => {
    const { BOT_PASSWORD: _bot, AAD_APP_CLIENT_SECRET: _sign, ...withoutSecrets } = PRODUCTION;
    const msi = { ...withoutSecrets, BOT_TYPE: 'UserAssignedMSI', BOT_ID: MANAGED_IDENTITY };
    const federated = loadConfig(
      { ...msi, AAD_APP_FEDERATED_IDENTITY_CLIENT_ID: MANAGED_IDENTITY },
      NO_FILES,
    );
    expect(federated.entra.credential).toEqual({
      kind: 'federated',
      managedIdentityClientId: MANAGED_IDENTITY,
    });
    expect(federated.bot).toMatchObject({ appType: 'UserAssignedMSI', appPassword: undefined });

    const certificate = anAppCertificate();
    const inline = loadConfig(
      { ...msi, AAD_APP_CERTIFICATE_PEM: certificate.pem.replaceAll('\n', '\\n') },
      NO_FILES,
    );
    expect(inline.entra.credential).toMatchObject({
      kind: 'certificate',
      certificatePem: certificate.certificatePem.trimEnd(),
    });
    const file = join(mkdtempSync(join(tmpdir(), 'cert-')), 'sign-in.pem');
    writeFileSync(file, certificate.pem);
    expect(loadConfig({ ...msi, AAD_APP_CERTIFICATE_PATH: file }, NO_FILES).entra.credential).toEqual(
      inline.entra.credential,
    );
    const otherKey = anAppCertificate().pem.split('-----BEGIN CERTIFICATE-----')[0];
    expect(
      problemsOf({ ...msi, AAD_APP_CERTIFICATE_PEM: `${otherKey}${certificate.certificatePem}` }),
    ).toEqual(['AAD_APP_CERTIFICATE_PEM']);
  });

  it('keeps the developer defaults outside production', () => {
    expect(problemsOf({ ...TENANT })).toEqual([]);
    expect(loadConfig({ ...TENANT }, NO_FILES).publicBaseUrl).toBe('http://localhost:3978');
  });
});
