import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STEP_UP_GRAPH_SCOPES } from '../../src/identity/step-up.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Toolkit's own schema for `version: v1.11` lifecycle files, copied unchanged from the npm package
 * @microsoft/m365agentstoolkit-cli 1.1.17 (resource/yaml-schema/v1.11/yaml.schema.json): what `atk`
 * checks before it runs any step.
 */
const SCHEMA = JSON.parse(
  readFileSync(new URL('./toolkit-schema/v1.11.yaml.schema.json', import.meta.url), 'utf8'),
) as object;

const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

describe.each(['m365agents.yml', 'm365agents.local.yml'])('%s', (file) => {
  const lifecycle = parse(readFileSync(`${REPO}${file}`, 'utf8')) as Record<string, unknown>;

  it("passes the Agents Toolkit's v1.11 schema", () => {
    expect(lifecycle.version).toBe('v1.11');
    validate(lifecycle);
    expect((validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
  });
});

describe('aad.manifest.json (applied by aadApp/update)', () => {
  const manifest = JSON.parse(readFileSync(`${REPO}aad.manifest.json`, 'utf8')) as {
    web: { redirectUris: string[] };
    signInAudience: string;
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  };
  const graph = manifest.requiredResourceAccess.find((entry) => entry.resourceAppId === 'Microsoft Graph');
  const named = (type: 'Scope' | 'Role') =>
    (graph?.resourceAccess ?? []).filter((access) => access.type === type).map((access) => access.id);

  it('registers the sign-in callback the bot builds its redirect URI with, for this tenant only', () => {
    // `${{BOT_DOMAIN}}` is the Toolkit's placeholder, filled in from env/.env.<name> when applied.
    expect(manifest.web.redirectUris).toEqual([`https://$${'{{BOT_DOMAIN}}'}/auth/callback`]);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });

  it('asks for exactly the delegated scopes the step-up sign-in requests', () => {
    expect(named('Scope')).toEqual(
      STEP_UP_GRAPH_SCOPES.map((scope) => scope.replace('https://graph.microsoft.com/', '')),
    );
  });

  it("asks for the app-only permissions of the default features, none that writes or reads a key's value", () => {
    // Group checks (self-service, helpdesk membership), the case card's UPN and PCs, the rotation check.
    expect(named('Role').sort()).toEqual(
      ['BitlockerKey.ReadBasic.All', 'Device.Read.All', 'GroupMember.Read.All', 'User.Read.All'].sort(),
    );
    expect(
      named('Role').filter((permission) => /Write|BitlockerKey\.Read\.All|Directory\./.test(permission)),
    ).toEqual([]);
  });
});
