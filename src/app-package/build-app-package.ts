import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { TeamsManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { readEnvironmentFiles } from '../config/env-files.js';
import { processEnvironment } from '../config/process-environment.js';
import { DEMO_BOT_APP_ID } from '../demo-tenant/sample-people.js';
import { checkAppIcons } from './check-app-icons.js';
import { substitutePlaceholders } from './substitute-placeholders.js';
import { validateLocalization, validateManifest } from './validate-manifest.js';

/** Where to read the template and env files from, and where to write the package. */
export interface BuildAppPackageOptions {
  /** Toolkit environment name: values come from `<envDir>/.env.<environment>` and its `.user` file. */
  readonly environment: string;
  readonly envDir: string;
  /** Holds `manifest.json` (with `${{VAR}}` placeholders) and the icons it names. */
  readonly appPackageDir: string;
  readonly outFile: string;
  /** Values that win over the env files; the CLI passes the process environment. */
  readonly overrides?: Readonly<Record<string, string | undefined>>;
  /** Values used only when neither the env files nor the overrides set them. */
  readonly defaults?: Readonly<Record<string, string>>;
}

/** A written app package and the final manifest inside it. */
export interface BuiltAppPackage {
  readonly outFile: string;
  readonly manifest: TeamsManifest;
}

/** Stable codes for why a package could not be built. */
export type AppPackageErrorCode = 'missing-variables' | 'invalid-manifest' | 'invalid-icons';

/** A package that cannot be built; `problems` lists the variable names or validation messages. */
export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
  constructor(
    readonly code: AppPackageErrorCode,
    message: string,
    readonly problems: readonly string[],
  ) {
    super(`${message}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Builds the Teams app package: fills the manifest template from the environment's env files (overrides
 * win), validates it against the bundled official schema, checks the icons, and writes a zip holding
 * `manifest.json` and the two icons at its root. Nothing is written unless everything is valid.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const { environment, envDir, appPackageDir, outFile, overrides = {}, defaults = {} } = options;
  const values = { ...defaults, ...readEnvironmentFiles(envDir, environment), ...definedOnly(overrides) };
  const templateFile = join(appPackageDir, 'manifest.json');
  const { text, missing } = substitutePlaceholders(await readFile(templateFile, 'utf8'), values);
  if (missing.length > 0) {
    throw new AppPackageError(
      'missing-variables',
      `${templateFile} needs values that ${envFileNames(envDir, environment)} and the overrides do not set:`,
      missing,
    );
  }

  const parsed: unknown = JSON.parse(text);
  const manifestProblems = await validateManifest(parsed);
  if (manifestProblems.length > 0) {
    throw new AppPackageError(
      'invalid-manifest',
      `The manifest for "${environment}" is not valid:`,
      manifestProblems,
    );
  }
  // validateManifest has just checked it against the official schema for its version.
  const manifest = parsed as TeamsManifest;
  // The library's manifest type has no localizationInfo; the schema check above has vouched for its shape.
  const { localizationInfo } = parsed as { localizationInfo?: { additionalLanguages?: { file: string }[] } };
  const languageFiles = (localizationInfo?.additionalLanguages ?? []).map((language) => language.file);
  const localizations = new Map<string, Buffer>();
  const localizationProblems: string[] = [];
  for (const file of languageFiles) {
    const content = await readFile(join(appPackageDir, file)).catch(() => undefined);
    if (!content) {
      localizationProblems.push(`${file}: named in localizationInfo but not in ${appPackageDir}`);
      continue;
    }
    localizationProblems.push(
      ...(await validateLocalization(JSON.parse(content.toString('utf8')), manifest, file)),
    );
    localizations.set(file, content);
  }
  if (localizationProblems.length > 0) {
    throw new AppPackageError(
      'invalid-manifest',
      `The manifest's language files are not valid:`,
      localizationProblems,
    );
  }

  const iconNames = { color: manifest.icons.color, outline: manifest.icons.outline };
  const icons = {
    color: await readFile(join(appPackageDir, iconNames.color)),
    outline: await readFile(join(appPackageDir, iconNames.outline)),
  };
  const iconProblems = checkAppIcons(icons);
  if (iconProblems.length > 0) {
    throw new AppPackageError('invalid-icons', 'The app icons would be rejected by Teams:', iconProblems);
  }

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile(iconNames.color, icons.color);
  zip.addFile(iconNames.outline, icons.outline);
  for (const [file, content] of localizations) zip.addFile(file, content);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, zip.toBuffer());
  return { outFile, manifest };
}

function definedOnly(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined) defined[name] = value;
  return defined;
}

function envFileNames(envDir: string, environment: string): string {
  const file = join(envDir, `.env.${environment}`);
  return `${file} (+ .user)${existsSync(file) ? '' : ' [file not found]'}`;
}

const USAGE = 'Usage: npm run package -- [--env local|dev]';

/**
 * `npm run package`: without `--env`, packages `dev` when `env/.env.dev` (with the process environment)
 * fills every placeholder, else `local`, so a fresh clone packages the local setup and a provisioned one
 * packages what was deployed. `local` runs in demo mode until the Toolkit writes a real BOT_ID, and a
 * demo-mode bot answers as the demo tenant's app registration, so that id is the local fallback.
 */
async function main(
  argv: readonly string[],
  processEnv: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  const { values: args } = parseArgs({ args: [...argv], options: { env: { type: 'string' } } });
  const root = process.cwd();
  const envDir = join(root, 'env');
  const appPackageDir = join(root, 'appPackage');
  const environment = args.env ?? (await defaultEnvironment(envDir, appPackageDir, processEnv));
  const outFile = join(appPackageDir, 'build', 'appPackage.zip');
  try {
    const defaults: Record<string, string> = environment === 'local' ? { BOT_ID: DEMO_BOT_APP_ID } : {};
    const { manifest } = await buildAppPackage({
      environment,
      envDir,
      appPackageDir,
      outFile,
      overrides: processEnv,
      defaults,
    });
    process.stdout.write(
      `Wrote ${relative(root, outFile)} for "${environment}": Teams app ${manifest.id}.\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 1;
  }
}

async function defaultEnvironment(
  envDir: string,
  appPackageDir: string,
  processEnv: Readonly<Record<string, string | undefined>>,
) {
  const template = await readFile(join(appPackageDir, 'manifest.json'), 'utf8');
  const values = { ...readEnvironmentFiles(envDir, 'dev'), ...definedOnly(processEnv) };
  return substitutePlaceholders(template, values).missing.length === 0 ? 'dev' : 'local';
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), processEnvironment());
}
