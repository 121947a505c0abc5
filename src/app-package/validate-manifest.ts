import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

type AppManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type AppManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * Validates a Teams app manifest against the official JSON schema for its `manifestVersion`, taken from
 * the copy bundled in `@microsoft/app-manifest` — never downloaded, so it works offline and in CI. Also
 * checks what the schema cannot: that `$schema` names the same version and that valid domains are bare
 * host names. Returns one readable line per problem; empty means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return ['the manifest must be a JSON object'];
  }
  const { manifestVersion, $schema, validDomains } = manifest as Record<string, unknown>;
  if (typeof manifestVersion !== 'string') return ['manifestVersion must be a string such as "1.30"'];
  const schemaFile = bundledSchemaFile(manifestVersion);
  if (!existsSync(schemaFile)) {
    return [`manifestVersion "${manifestVersion}" has no schema bundled in @microsoft/app-manifest`];
  }

  const problems = (
    await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, readSchema(schemaFile))
  ).map((problem) => problem.trim());
  if (typeof $schema === 'string' && schemaVersion($schema) !== manifestVersion) {
    problems.push(`$schema ${$schema} does not match manifestVersion "${manifestVersion}"`);
  }
  if (Array.isArray(validDomains)) {
    for (const domain of validDomains) {
      if (typeof domain === 'string' && /[/:\s]/.test(domain)) {
        problems.push(`/validDomains "${domain}" must be a host name without scheme, port or path`);
      }
    }
  }
  return problems;
}

/**
 * Validates one file of `localizationInfo` against the official localization schema of the manifest's
 * version, and checks what the schema cannot: that every localized key names a string the manifest has
 * (a command that exists, in the list that exists). Returns one line per problem, prefixed with `file`.
 */
export async function validateLocalization(
  strings: unknown,
  manifest: unknown,
  file: string,
): Promise<string[]> {
  const manifestVersion = (manifest as { manifestVersion?: unknown }).manifestVersion;
  const schemaFile = bundledSchemaFile(String(manifestVersion), 'MicrosoftTeams.Localization.schema.json');
  if (!existsSync(schemaFile)) return [`${file}: no localization schema bundled for "${manifestVersion}"`];
  // The localization schema is a JSON schema like the manifest's; the validator takes any such pair.
  const problems = (
    await AppManifestUtils.validateAgainstSchema(
      strings as AppManifest,
      readSchema(schemaFile) as unknown as AppManifestSchema,
    )
  ).map((problem) => `${file}: ${problem.trim()}`);
  if (typeof strings === 'object' && strings !== null) {
    for (const key of Object.keys(strings)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (typeof valueAt(manifest, key) !== 'string') {
        problems.push(`${file}: "${key}" names nothing in the manifest`);
      }
    }
  }
  return problems;
}

/** The value at a localization key such as `bots[0].commandLists[1].commands[2].title`. */
function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function bundledSchemaFile(manifestVersion: string, name = 'MicrosoftTeams.schema.json'): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const version = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  return join(packageDir, 'build', 'json-schemas', 'teams', version, name);
}

function readSchema(file: string): AppManifestSchema {
  // Some older schemas contain `\a` and `\v` escapes that JSON.parse and Ajv's unicode regexes reject;
  // @microsoft/app-manifest rewrites them the same way when it loads its own copies. The localization
  // schemas also close a bracket without escaping it (`\b]`), which unicode regexes reject too.
  const text = readFileSync(file, 'utf8')
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    .replaceAll('\\\\b]', '\\\\b\\\\]');
  // The library types the schema as Ajv's JSONSchemaType of its manifest union; the file is that schema.
  return JSON.parse(text) as AppManifestSchema;
}

/** `…/json-schemas/teams/v1.30/MicrosoftTeams.schema.json` (any locale prefix) → `1.30`. */
function schemaVersion(schemaUrl: string): string | undefined {
  const match = /\/json-schemas\/teams\/v([^/]+)\/MicrosoftTeams\.schema\.json$/i.exec(schemaUrl);
  const version = match?.[1];
  return version?.toLowerCase() === 'devpreview' ? 'devPreview' : version;
}
