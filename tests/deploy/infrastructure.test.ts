import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config/config.js';
import { readEnvFile } from '../../src/config/env-files.js';
import { anAppCertificate } from '../support/app-certificate.js';
import { BicepDeployment, type BicepValue, type Declarations, Deployed, readBicep } from './bicep-model.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TENANT = '66666666-7777-4888-9999-000000000000';
const CERTIFICATE = anAppCertificate();

/** What env/.env.dev holds once aadApp/create ran and the admin filled in the first block. */
const PROVISIONED_ENV: Record<string, string> = {
  ...readEnvFile(join(REPO, 'env/.env.dev')),
  AZURE_SUBSCRIPTION_ID: '12345678-1234-4234-8234-123456789012',
  AZURE_RESOURCE_GROUP_NAME: 'rg-bitlocker-bot',
  RESOURCE_SUFFIX: 'contoso',
  AAD_APP_TENANT_ID: TENANT,
  AAD_APP_CLIENT_ID: '77777777-8888-4999-8aaa-bbbbbbbbbbbb',
  AAD_APP_OBJECT_ID: '99999999-8888-4777-8666-555555555555',
  SECRET_AAD_APP_CLIENT_SECRET: 'trial secret',
};

/** What Azure fills in once deployed, by the end of the path, so the bot's own checks can run on it. */
function deployedValue(value: Deployed): string {
  if (/\.(clientId|principalId)$/.test(value.path)) return '55555555-4444-4333-8222-111111111111';
  if (value.path.endsWith('.fullyQualifiedDomainName')) return 'blbotcontoso-pg.postgres.database.azure.com';
  if (value.path.endsWith('.ConnectionString'))
    return 'InstrumentationKey=00000000-0000-0000-0000-000000000000';
  if (value.path.endsWith('.id')) return `/subscriptions/s/resourceGroups/rg/providers/${value.path}`;
  if (value.path.endsWith('.secretUri'))
    return 'https://blbotcontosokv.vault.azure.net/secrets/sign-in-client-secret';
  throw new Error(`no sample for ${value.path}`);
}

/** An app setting as the app sees it: Deployed values filled in, Key Vault references resolved by App Service. */
function asTheAppSeesIt(value: BicepValue): string {
  const text = String(value).replace(/«([^»]+)»/g, (_, path: string) => deployedValue(new Deployed(path)));
  if (text.startsWith('@Microsoft.KeyVault('))
    return text.includes('SecretName=') ? CERTIFICATE.pem : 'from key vault';
  return text;
}

/** `${{NAME}}` in the parameters file, from the environment the Toolkit has at arm/deploy. */
function parameterValues(env: Record<string, string>): Record<string, BicepValue> {
  const file = JSON.parse(readFileSync(join(REPO, 'infra/azure.parameters.json'), 'utf8')) as {
    parameters: Record<string, { value: string }>;
  };
  const values: Record<string, BicepValue> = {};
  for (const [name, { value }] of Object.entries(file.parameters)) {
    values[name] = value.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, variable: string) => {
      if (!(variable in env))
        throw new Error(`${variable} is neither in env/.env.dev nor written by an earlier step`);
      return env[variable]!;
    });
  }
  return values;
}

describe('infra/azure.bicep, as far as this machine can check it', () => {
  let declarations: Declarations;
  beforeAll(async () => {
    declarations = await readBicep(readFileSync(join(REPO, 'infra/azure.bicep'), 'utf8'));
  });
  const deployment = (overrides: Record<string, string> = {}) =>
    new BicepDeployment(declarations, parameterValues({ ...PROVISIONED_ENV, ...overrides }));

  it('parses, and every name it uses is declared', () => {
    expect(declarations.syntaxErrors).toEqual([]);
    expect(declarations.undeclared).toEqual([]);
  });

  it('the parameters file names only parameters the template has, and gives every one without a default', () => {
    const given = Object.keys(parameterValues(PROVISIONED_ENV));
    expect(given.filter((name) => !declarations.params.has(name))).toEqual([]);
    const required = [...declarations.params]
      .filter(([, param]) => !param.defaultValue)
      .map(([name]) => name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  it('App Service on Linux: Node 22 LTS, npm start, always on, HTTPS only, health check on /readyz, the identity', () => {
    const site = deployment().resource('site');
    expect(site.kind).toBe('app,linux');
    expect(site.properties.httpsOnly).toBe(true);
    expect(site.properties.siteConfig).toMatchObject({
      linuxFxVersion: 'NODE|22-lts',
      appCommandLine: 'npm start',
      alwaysOn: true,
      healthCheckPath: '/readyz',
      ftpsState: 'Disabled',
    });
    expect(site.identity.type).toBe('UserAssigned');
    expect(Object.keys(site.identity.userAssignedIdentities)).toEqual([String(new Deployed('identity.id'))]);
    expect(String(site.properties.keyVaultReferenceIdentity)).toBe(String(new Deployed('identity.id')));
    const plan = deployment().resource('plan');
    expect(plan.properties.reserved).toBe(true);
  });

  it('the Azure Bot is the managed identity, single-tenant, with the Teams channel', () => {
    const bot = deployment().resource('bot');
    expect(bot.properties).toMatchObject({ msaAppType: 'UserAssignedMSI', msaAppTenantId: TENANT });
    expect(String(bot.properties.msaAppId)).toBe(String(new Deployed('identity.properties.clientId')));
    expect(bot.properties.endpoint).toBe('https://blbotcontoso-app.azurewebsites.net/api/messages');
    const channel = deployment().resource('teamsChannel');
    expect(channel).toMatchObject({ name: 'MsTeamsChannel', parent: { resource: 'bot' } });
  });

  it('PostgreSQL takes Entra tokens only, with the identity as its Entra administrator', () => {
    const postgres = deployment().resource('postgres');
    expect(postgres.properties.authConfig).toEqual({
      activeDirectoryAuth: 'Enabled',
      passwordAuth: 'Disabled',
      tenantId: TENANT,
    });
    const admin = deployment().resource('postgresAdmin');
    expect(String(admin.name)).toBe(String(new Deployed('identity.properties.principalId')));
    expect(admin.properties).toMatchObject({
      principalName: 'blbotcontoso-id',
      principalType: 'ServicePrincipal',
    });
  });

  it('Application Insights sits on the Log Analytics workspace, which also gets the App Service logs', () => {
    const insights = deployment().resource('insights');
    expect(String(insights.properties.WorkspaceResourceId)).toBe(String(new Deployed('workspace.id')));
    const logs = deployment().resource('siteLogs');
    expect(logs.scope).toEqual({ resource: 'site' });
    expect(logs.properties.logs.map((log: { category: string }) => log.category)).toContain(
      'AppServiceConsoleLogs',
    );
  });

  it('Key Vault is RBAC-only, the identity may read its secrets, and the trial secret is stored there', () => {
    const vault = deployment().resource('vault');
    expect(vault.properties.enableRbacAuthorization).toBe(true);
    const reader = deployment().resource('vaultReader');
    expect(String(reader.properties.principalId)).toBe(
      String(new Deployed('identity.properties.principalId')),
    );
    expect(deployment().deploys('signInSecret')).toBe(true);
    expect(deployment({ SIGN_IN_CREDENTIAL: 'federated' }).deploys('signInSecret')).toBe(false);
  });

  it('writes the outputs the lifecycle reads afterwards', () => {
    const lifecycle = readFileSync(join(REPO, 'm365agents.yml'), 'utf8');
    const afterArm = lifecycle.slice(lifecycle.indexOf('uses: arm/deploy'));
    const used = [...afterArm.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((match) => match[1]!);
    const provisionedEarlier = [
      'TEAMSFX_ENV',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_OBJECT_ID',
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_RESOURCE_GROUP_NAME',
    ];
    const outputs = [...declarations.outputs.keys()];
    // Or a choice the admin made in env/.env.dev, with its default there (KEY_ACCESS picks the app manifest).
    const chosen = Object.entries(readEnvFile(join(REPO, 'env/.env.dev')))
      .filter(([, value]) => value !== '')
      .map(([name]) => name);
    expect(
      [...new Set(used)].filter(
        (name) => !provisionedEarlier.includes(name) && !outputs.includes(name) && !chosen.includes(name),
      ),
    ).toEqual([]);
    expect(outputs).toEqual(
      expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ID']),
    );
    const arm = (
      parse(lifecycle) as {
        provision: { uses: string; with?: { templates?: { path: string; parameters: string }[] } }[];
      }
    ).provision.find((step) => step.uses === 'arm/deploy');
    expect(arm?.with?.templates).toEqual([
      expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }),
    ]);
  });

  describe.each(['secret', 'federated', 'certificate'])(
    'app settings with SIGN_IN_CREDENTIAL=%s',
    (credential) => {
      const settingsOf = () => {
        const site = deployment({
          SIGN_IN_CREDENTIAL: credential,
          HELPDESK_GROUP_ID: '88888888-9999-4aaa-8bbb-cccccccccccc',
          HELPDESK_CHANNEL_ID: '19:helpdesk@thread.tacv2',
        }).resource('site');
        return site.properties.siteConfig.appSettings as { name: string; value: BicepValue }[];
      };

      it('are variables the bot reads (or App Service does), none of them a secret in clear', () => {
        const settings = settingsOf();
        const appService =
          /^(SCM_DO_BUILD_DURING_DEPLOYMENT|PRUNE_DEV_DEPENDENCIES|WEBSITE_[A-Z_]+|APPLICATIONINSIGHTS_CONNECTION_STRING)$/;
        expect(
          settings
            .map((s) => s.name)
            .filter((name) => !CONFIG_VARIABLES.includes(name) && !appService.test(name)),
        ).toEqual([]);
        expect(new Set(settings.map((s) => s.name)).size).toBe(settings.length);
        for (const { name, value } of settings) {
          if (/SECRET|PASSWORD|CERTIFICATE|TOKEN/.test(name))
            expect(String(value), name).toMatch(/^@Microsoft\.KeyVault\(/);
          expect(String(value), name).not.toContain('trial secret');
        }
      });

      it('start the bot in production: its own refusal rules find nothing missing', () => {
        const env = Object.fromEntries(settingsOf().map(({ name, value }) => [name, asTheAppSeesIt(value)]));
        const config = loadConfig(
          { ...env, PORT: '8080' },
          { envDir: mkdtempSync(join(tmpdir(), 'no-env-')) },
        );
        expect(config).toMatchObject({
          mode: 'tenant',
          production: true,
          publicBaseUrl: 'https://blbotcontoso-app.azurewebsites.net',
        });
        expect(config.store.kind).toBe('postgres');
      });
    },
  );
});
