/** Where the store lives, parsed from `DATABASE_URL`. */
export type DatabaseLocation =
  | {
      readonly kind: 'sqlite';
      /** A filesystem path (relative paths resolve against the working directory) or `:memory:`. */
      readonly path: string;
    }
  | {
      readonly kind: 'postgres';
      /** The URL as given; `pg` reads host, credentials, database and `options` (e.g. search_path) from it. */
      readonly connectionString: string;
    };

/**
 * Parses `sqlite:<path>`, `sqlite::memory:`, `postgres://…` or `postgresql://…`.
 * Error messages name only the scheme: a PostgreSQL URL can carry a password.
 */
export function parseDatabaseUrl(databaseUrl: string): DatabaseLocation {
  const url = databaseUrl.trim();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') {
      throw new Error('DATABASE_URL "sqlite:" has no path; use sqlite:.data/bot.db or sqlite::memory:');
    }
    return { kind: 'sqlite', path };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    if (!URL.canParse(url)) {
      throw new Error(
        'DATABASE_URL is not a valid postgres:// URL (check for unescaped characters in the password)',
      );
    }
    return { kind: 'postgres', connectionString: url };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(
    `DATABASE_URL scheme ${scheme ? `"${scheme}:"` : '(none)'} is not supported; ` +
      'use sqlite:<path> (e.g. sqlite:.data/bot.db) or postgres://user@host:5432/db',
  );
}
