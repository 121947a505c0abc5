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

/** The app-only permissions of the default features: group checks, the case card's UPN and PCs, the rotation check. */
const DEFAULT_ROLES = [
  'BitlockerKey.ReadBasic.All',
  'Device.Read.All',
  'GroupMember.Read.All',
  'User.Read.All',
];

describe.each([
  ['delegated', DEFAULT_ROLES],
  ['application', [...DEFAULT_ROLES, 'BitlockerKey.Read.All']],
] as const)('aad.manifest.%s.json (applied by aadApp/update for KEY_ACCESS=%s)', (mode, roles) => {
  const manifest = JSON.parse(readFileSync(`${REPO}aad.manifest.${mode}.json`, 'utf8')) as {
    web: { redirectUris: string[] };
    signInAudience: string;
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  };
  const graph = manifest.requiredResourceAccess.find((entry) => entry.resourceAppId === 'Microsoft Graph');
  const named = (type: 'Scope' | 'Role') =>
    (graph?.resourceAccess ?? []).filter((access) => access.type === type).map((access) => access.id);

  it('is the file m365agents.yml applies for that KEY_ACCESS', () => {
    const lifecycle = parse(readFileSync(`${REPO}m365agents.yml`, 'utf8')) as {
      provision: { uses: string; with?: { manifestPath?: string } }[];
    };
    const update = lifecycle.provision.find((step) => step.uses === 'aadApp/update');
    // `${{KEY_ACCESS}}` is the Toolkit's placeholder, filled in from env/.env.<name>.
    expect(update?.with?.manifestPath?.replace(`$${'{{KEY_ACCESS}}'}`, mode)).toBe(
      `./aad.manifest.${mode}.json`,
    );
  });

  it('registers the sign-in callback the bot builds its redirect URI with, for this tenant only', () => {
    expect(manifest.web.redirectUris).toEqual([`https://$${'{{BOT_DOMAIN}}'}/auth/callback`]);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });

  it('asks for exactly the delegated scopes the step-up sign-in requests', () => {
    expect(named('Scope')).toEqual(
      STEP_UP_GRAPH_SCOPES.map((scope) => scope.replace('https://graph.microsoft.com/', '')),
    );
  });

  it('asks for the app-only permissions of the mode, none that writes', () => {
    expect(named('Role').sort()).toEqual([...roles].sort());
    expect(named('Role').filter((permission) => /Write|Directory\./.test(permission))).toEqual([]);
  });
});
