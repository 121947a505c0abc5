import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Parses a dotenv-style file as the Microsoft 365 Agents Toolkit writes them: `NAME=value`, `#` comments,
 * optional single or double quotes. Returns an empty object for a missing file.
 */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const rawLine of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name, rest] = match as unknown as [string, string, string];
    values[name] = unquote(rest);
  }
  return values;
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted) return quoted[2] ?? '';
  const comment = value.indexOf(' #');
  return (comment >= 0 ? value.slice(0, comment) : value).trim();
}

/**
 * The env files for one Toolkit environment (`env/.env.<name>` then `env/.env.<name>.user`, the latter
 * holding `SECRET_*` values), merged; later files win.
 */
export function readEnvironmentFiles(envDir: string, environment: string): Record<string, string> {
  return {
    ...readEnvFile(join(envDir, `.env.${environment}`)),
    ...readEnvFile(join(envDir, `.env.${environment}.user`)),
  };
}
