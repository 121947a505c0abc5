import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { afterEach, describe, expect, it } from 'vitest';
import { AppPackageError, buildAppPackage } from '../../src/app-package/build-app-package.js';
import { decodePng } from '../../src/app-package/decode-png.js';
import { substitutePlaceholders } from '../../src/app-package/substitute-placeholders.js';
import { validateLocalization, validateManifest } from '../../src/app-package/validate-manifest.js';
import { DEMO_BOT_APP_ID } from '../../src/demo-tenant/sample-people.js';
import { LANGUAGES } from '../../src/understanding/languages.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const appPackageDir = join(repoRoot, 'appPackage');
const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');

const LANGUAGE_FILES = LANGUAGES.filter((language) => language !== 'en').map(
  (language) => `${language}.json`,
);

const SAMPLE_VALUES = {
  TEAMS_APP_ID: '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  BOT_ID: 'c2d9e4f1-7a3b-4c5d-9e6f-8a1b2c3d4e5f',
  BOT_DOMAIN: 'recovery-bot.contoso.example',
} as const;

const scratchDirs: string[] = [];
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project folder: env files as given, and a copy of the real appPackage/. */
function aProject(envFiles: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  scratchDirs.push(dir);
  mkdirSync(join(dir, 'env'));
  for (const [file, values] of Object.entries(envFiles)) {
    const lines = Object.entries(values).map(([name, value]) => `${name}=${value}`);
    writeFileSync(join(dir, 'env', file), `# written by app-package.test.ts\n${lines.join('\n')}\n`);
  }
  for (const file of ['manifest.json', 'color.png', 'outline.png', ...LANGUAGE_FILES]) {
    cpSync(join(appPackageDir, file), join(dir, 'appPackage', file));
  }
  return dir;
}

/** The parts of a filled-in manifest these tests read or break; anything else passes through. */
interface ManifestJson {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string };
  description: { short: string };
  icons?: unknown;
  accentColor: string;
  bots: Array<{
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
  validDomains: string[];
  [other: string]: unknown;
}

function filledTemplate(values: Record<string, string> = SAMPLE_VALUES): ManifestJson {
  const { text, missing } = substitutePlaceholders(template, values);
  expect(missing).toEqual([]);
  return JSON.parse(text);
}

describe('the manifest template', () => {
  it('validates against the official bundled schema once sample values are filled in', async () => {
    expect(await validateManifest(filledTemplate())).toEqual([]);
  });

  it('uses only the placeholders the env files provide', () => {
    expect(substitutePlaceholders(template, {}).missing).toEqual(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']);
  });

  it('declares a conversational bot for personal chats and teams with the documented commands', () => {
    const manifest = filledTemplate();
    const [bot] = manifest.bots;
    expect(manifest.id).toBe(SAMPLE_VALUES.TEAMS_APP_ID);
    expect(bot?.botId).toBe(SAMPLE_VALUES.BOT_ID);
    expect(bot?.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot?.supportsFiles).toBe(false);
    expect(bot?.isNotificationOnly).toBe(false);
    const titles = (scope: string) =>
      bot?.commandLists.find((list) => list.scopes.includes(scope))?.commands.map((command) => command.title);
    expect(titles('personal')).toEqual(['help', 'status', 'talk to IT', 'restart']);
    expect(titles('team')).toEqual(['queue', 'help', 'case', 'stats']);
    expect(manifest.validDomains).toContain(SAMPLE_VALUES.BOT_DOMAIN);
  });

  it('escapes values so they cannot break out of their JSON string', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Toolkit's placeholder syntax, not a JS template
    const { text } = substitutePlaceholders('{"domain":"${{ BOT_DOMAIN }}"}', { BOT_DOMAIN: 'a"b\\c' });
    expect(JSON.parse(text)).toEqual({ domain: 'a"b\\c' });
  });
});

describe('validateManifest', () => {
  const broken: Array<[string, (manifest: ManifestJson) => void, RegExp]> = [
    [
      'a bot id that is not a GUID',
      (m) => (m.bots[0]!.botId = 'not-a-guid'),
      /\/bots\/0\/botId must match pattern/,
    ],
    [
      'a short name over 30 characters',
      (m) => (m.name.short = 'B'.repeat(31)),
      /\/name\/short must NOT have more/,
    ],
    ['a short description over 80', (m) => (m.description.short = 'x'.repeat(81)), /\/description\/short/],
    ['an unknown bot scope', (m) => (m.bots[0]!.scopes = ['personal', 'everyone']), /\/bots\/0\/scopes\/1/],
    [
      'a property the schema does not know',
      (m) => (m.botSettings = {}),
      /must NOT have additional properties/,
    ],
    ['no icons', (m) => delete m.icons, /must have required property 'icons'/],
    [
      'a $schema for another version',
      (m) => (m.$schema = m.$schema.replace('v1.30', 'v1.22')),
      /does not match/,
    ],
    ['a domain with a scheme', (m) => (m.validDomains = ['https://bot.contoso.example']), /validDomains/],
    ['a version with no bundled schema', (m) => (m.manifestVersion = '9.99'), /no schema bundled/],
  ];

  it.each(broken)('rejects %s', async (_case, breakIt, expected) => {
    const manifest = filledTemplate();
    breakIt(manifest);
    const problems = await validateManifest(manifest);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('buildAppPackage', () => {
  it('writes a zip with exactly the manifest, the two icons and the language files, values substituted', async () => {
    const project = aProject({ '.env.dev': SAMPLE_VALUES });
    const outFile = join(project, 'appPackage', 'build', 'appPackage.zip');

    const built = await buildAppPackage({
      environment: 'dev',
      envDir: join(project, 'env'),
      appPackageDir,
      outFile,
    });

    const zip = new AdmZip(outFile);
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual([...LANGUAGE_FILES, 'color.png', 'manifest.json', 'outline.png'].sort());
    for (const file of LANGUAGE_FILES) {
      expect(zip.readAsText(file)).toBe(readFileSync(join(appPackageDir, file), 'utf8'));
    }
    const manifestText = zip.readAsText('manifest.json');
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText);
    expect(manifest).toEqual(built.manifest);
    expect(manifest.id).toBe(SAMPLE_VALUES.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(SAMPLE_VALUES.BOT_ID);
    expect(manifest.validDomains).toEqual([SAMPLE_VALUES.BOT_DOMAIN]);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(zip.readFile('color.png')).toEqual(readFileSync(join(appPackageDir, 'color.png')));
    expect(zip.readFile('outline.png')).toEqual(readFileSync(join(appPackageDir, 'outline.png')));
  });

  it('reads the .user file and lets overrides win over both env files', async () => {
    const project = aProject({
      '.env.dev': { TEAMS_APP_ID: SAMPLE_VALUES.TEAMS_APP_ID, BOT_DOMAIN: 'from-env-file.contoso.example' },
      '.env.dev.user': { BOT_ID: SAMPLE_VALUES.BOT_ID },
    });
    const { manifest } = await buildAppPackage({
      environment: 'dev',
      envDir: join(project, 'env'),
      appPackageDir,
      outFile: join(project, 'out.zip'),
      overrides: { BOT_DOMAIN: 'from-process.contoso.example', TEAMS_APP_ID: undefined },
    });
    expect(manifest.validDomains).toEqual(['from-process.contoso.example']);
    expect(manifest.id).toBe(SAMPLE_VALUES.TEAMS_APP_ID);
    expect(manifest.bots?.[0]?.botId).toBe(SAMPLE_VALUES.BOT_ID);
  });

  it('names every missing variable, treats an empty value as missing, and writes nothing', async () => {
    const project = aProject({ '.env.dev': { TEAMS_APP_ID: '', BOT_DOMAIN: SAMPLE_VALUES.BOT_DOMAIN } });
    const outFile = join(project, 'out.zip');

    const failure = await buildAppPackage({
      environment: 'dev',
      envDir: join(project, 'env'),
      appPackageDir,
      outFile,
    })
      .then(() => undefined)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AppPackageError);
    const error = failure as AppPackageError;
    expect(error.code).toBe('missing-variables');
    expect(error.problems).toEqual(['TEAMS_APP_ID', 'BOT_ID']);
    expect(error.message).toContain('TEAMS_APP_ID');
    expect(error.message).toContain('BOT_ID');
    expect(() => readFileSync(outFile)).toThrow(/ENOENT/);
  });

  it('uses defaults only for values nobody else sets', async () => {
    const project = aProject({
      '.env.local': { TEAMS_APP_ID: SAMPLE_VALUES.TEAMS_APP_ID, BOT_DOMAIN: 'localhost' },
    });
    const { manifest } = await buildAppPackage({
      environment: 'local',
      envDir: join(project, 'env'),
      appPackageDir,
      outFile: join(project, 'out.zip'),
      defaults: { BOT_ID: DEMO_BOT_APP_ID, BOT_DOMAIN: 'ignored.example' },
    });
    expect(manifest.bots?.[0]?.botId).toBe(DEMO_BOT_APP_ID);
    expect(manifest.validDomains).toEqual(['localhost']);
  });

  it('refuses a manifest the schema rejects, with the schema problem in the message', async () => {
    const project = aProject({ '.env.dev': { ...SAMPLE_VALUES, BOT_ID: 'my-bot' } });
    const failure = await buildAppPackage({
      environment: 'dev',
      envDir: join(project, 'env'),
      appPackageDir,
      outFile: join(project, 'x.zip'),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'invalid-manifest' });
    expect((failure as Error).message).toMatch(/is not valid:\n {2}- \/bots\/0\/botId must match pattern/);
  });

  it('localizes the app into every language the bot speaks, each file valid and naming real strings', async () => {
    const manifest = filledTemplate() as ManifestJson & {
      localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] };
    };
    expect(
      manifest.localizationInfo.additionalLanguages.map((language) => language.languageTag).sort(),
    ).toEqual(LANGUAGES.filter((language) => language !== 'en').sort());
    for (const file of LANGUAGE_FILES) {
      const strings = JSON.parse(readFileSync(join(appPackageDir, file), 'utf8')) as Record<string, string>;
      expect(await validateLocalization(strings, manifest, file)).toEqual([]);
      // The helpdesk channel's commands are typed as they are: only their descriptions are translated.
      for (const [index, command] of manifest.bots[0]!.commandLists[1]!.commands.entries()) {
        expect(strings[`bots[0].commandLists[1].commands[${index}].title`] ?? command.title).toBe(
          command.title,
        );
      }
      expect(strings['bots[0].commandLists[0].commands[0].title']).toBeTruthy();
    }
  });

  it('refuses a language file that is too long or names a string the manifest does not have', async () => {
    const project = aProject({ '.env.dev': SAMPLE_VALUES });
    const broken = join(project, 'appPackage');
    const strings = JSON.parse(readFileSync(join(broken, 'de.json'), 'utf8'));
    writeFileSync(
      join(broken, 'de.json'),
      JSON.stringify({
        ...strings,
        'name.short': 'x'.repeat(31),
        'bots[0].commandLists[0].commands[9].title': 'x',
      }),
    );
    const failure = await buildAppPackage({
      environment: 'dev',
      envDir: join(project, 'env'),
      appPackageDir: broken,
      outFile: join(project, 'x.zip'),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'invalid-manifest' });
    expect((failure as Error).message).toMatch(
      /de\.json: \/name\.short must NOT have more than 30 characters/,
    );
    expect((failure as Error).message).toMatch(
      /de\.json: "bots\[0\]\.commandLists\[0\]\.commands\[9\]\.title" names nothing/,
    );
  });

  it('refuses icons Teams would reject', async () => {
    const project = aProject({ '.env.dev': SAMPLE_VALUES });
    const projectAppPackage = join(project, 'appPackage');
    // The colour icon in the outline's place: wrong size and not white on transparent.
    cpSync(join(appPackageDir, 'color.png'), join(projectAppPackage, 'outline.png'));
    const failure = await buildAppPackage({
      environment: 'dev',
      envDir: join(project, 'env'),
      appPackageDir: projectAppPackage,
      outFile: join(project, 'x.zip'),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'invalid-icons',
      problems: ['outline icon must be 32x32 pixels, not 192x192'],
    });
  });
});

describe('the icons', () => {
  const color = decodePng(readFileSync(join(appPackageDir, 'color.png')));
  const outline = decodePng(readFileSync(join(appPackageDir, 'outline.png')));
  const alphaValues = (pixels: Uint8Array) => pixels.filter((_, i) => i % 4 === 3);

  it('are 192×192 colour and 32×32 outline PNGs', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('has an opaque colour icon on the accent colour with a lighter glyph in the middle', () => {
    const manifest = filledTemplate();
    const pixel = (x: number, y: number) =>
      Array.from(color.pixels.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4));
    const hex = (rgba: number[]) =>
      `#${rgba
        .slice(0, 3)
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('')}`;
    expect(alphaValues(color.pixels).every((alpha) => alpha === 255)).toBe(true);
    expect(hex(pixel(0, 0)).toLowerCase()).toBe(manifest.accentColor.toLowerCase());
    expect(hex(pixel(191, 191)).toLowerCase()).toBe(manifest.accentColor.toLowerCase());
    expect(pixel(60, 60)).toEqual([255, 255, 255, 255]);
  });

  it('has an outline icon that is only white, on a transparent background', () => {
    for (let i = 0; i < outline.pixels.length; i += 4) {
      if (outline.pixels[i + 3] === 0) continue;
      expect(Array.from(outline.pixels.subarray(i, i + 3))).toEqual([255, 255, 255]);
    }
    const alphas = alphaValues(outline.pixels);
    expect(alphas[0]).toBe(0);
    expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    expect(alphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(32 * 32 * 0.1);
  });
});

describe('npm run package (the CLI)', () => {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const script = join(repoRoot, 'src', 'app-package', 'build-app-package.ts');
  const runCli = (cwd: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [tsxCli, script, ...args], { cwd, env, encoding: 'utf8', timeout: 25_000 });
  const zipManifest = (project: string) =>
    JSON.parse(
      new AdmZip(join(project, 'appPackage', 'build', 'appPackage.zip')).readAsText('manifest.json'),
    );

  it('packages dev when env/.env.dev is complete, with the process environment winning', () => {
    const project = aProject({ '.env.dev': SAMPLE_VALUES, '.env.local': { BOT_DOMAIN: 'localhost' } });
    const run = runCli(project, [], { BOT_DOMAIN: 'from-process.contoso.example' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"dev"');
    const manifest = zipManifest(project);
    expect(manifest.bots[0].botId).toBe(SAMPLE_VALUES.BOT_ID);
    expect(manifest.validDomains).toEqual(['from-process.contoso.example']);
  });

  it('falls back to local, whose demo-mode bot id is the demo tenant app', () => {
    const project = aProject({
      '.env.dev': { TEAMS_APP_ID: '' },
      '.env.local': { TEAMS_APP_ID: SAMPLE_VALUES.TEAMS_APP_ID, BOT_DOMAIN: 'localhost' },
    });
    const run = runCli(project, []);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"local"');
    expect(zipManifest(project).bots[0].botId).toBe(DEMO_BOT_APP_ID);
  });

  it('exits 1 naming the missing variables when --env dev is incomplete', () => {
    const project = aProject({ '.env.dev': { BOT_DOMAIN: SAMPLE_VALUES.BOT_DOMAIN } });
    const run = runCli(project, ['--env', 'dev']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TEAMS_APP_ID[\s\S]*BOT_ID/);
    expect(run.stdout).toBe('');
  });
});
