import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Every TypeScript file under `folder`, as its path below src/ and its text. */
function filesUnder(folder: string): { readonly file: string; readonly text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        found.push({ file: relative(SRC, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(SRC, folder));
  return found;
}

/** Every import specifier of every TypeScript file under `folder`, as `file: specifier`. */
function importsUnder(folder: string): string[] {
  return filesUnder(folder).flatMap(({ file, text }) =>
    [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map(
      (match) => `${file}: ${match[1]}`,
    ),
  );
}

describe('the layering the README describes', () => {
  // MSAL stays allowed: the adapter's Bot Framework credentials are the Teams edge's own business.
  it('bot/ (the Teams edge) reaches Graph and the store only through ports', () => {
    const forbidden = importsUnder('bot').filter((line) =>
      /: (\.\.\/(graph|store)\/|pg$|better-sqlite3)/.test(line),
    );
    expect(forbidden).toEqual([]);
  });

  it('bot/ writes outside the current turn only through the conversations port (teams-conversations.ts)', () => {
    const proactive = filesUnder('bot')
      .filter(({ file }) => file !== 'bot/teams-conversations.ts')
      .filter(({ text }) =>
        /\b(continueConversationAsync|createConversationAsync|continueConversation)\(/.test(text),
      )
      .map(({ file }) => file);
    expect(proactive).toEqual([]);
  });

  it.each(['recovery', 'helpdesk'])(
    '%s/ (the domain) imports no Teams, Graph, MSAL, HTTP or database code',
    (folder) => {
      const forbidden = importsUnder(folder).filter((line) =>
        /: (botbuilder|@microsoft\/teams-ai|@azure\/msal-node|restify|pg|better-sqlite3|\.\.\/(bot|graph|store|http|cards|identity)\/)/.test(
          line,
        ),
      );
      expect(forbidden).toEqual([]);
    },
  );
});
