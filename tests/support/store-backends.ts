import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createLogger, type Logger } from '../../src/observability/logger.js';

/** One throwaway database the contract suite can open any number of stores on. */
export interface TestDatabase {
  /** What `openStore` takes. */
  readonly url: string;
  /**
   * Runs SQL against the same database outside the store, to look at what it really wrote.
   * Absent for `:memory:`, which no second connection can see.
   */
  readonly query?: (sql: string) => Promise<Record<string, unknown>[]>;
  dispose(): Promise<void>;
}

/** A store backend under test and how to make a fresh database for it. */
export interface StoreBackend {
  readonly kind: 'sqlite' | 'postgres';
  /** Describe title; says so when the backend is skipped and how to enable it. */
  readonly title: string;
  readonly enabled: boolean;
  /** Whether two `openStore` calls on one URL share data (true except `:memory:`). */
  readonly shared: boolean;
  createDatabase(): Promise<TestDatabase>;
}

/** The backends of the contract suite: SQLite file, SQLite memory, and PostgreSQL when TEST_DATABASE_URL is set. */
export function storeBackends(): StoreBackend[] {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  return [
    {
      kind: 'sqlite',
      title: 'SQLite file',
      enabled: true,
      shared: true,
      createDatabase: async () => sqliteFileDatabase(),
    },
    {
      kind: 'sqlite',
      title: 'SQLite :memory:',
      enabled: true,
      shared: false,
      createDatabase: async () => ({ url: 'sqlite::memory:', dispose: async () => {} }),
    },
    {
      kind: 'postgres',
      title: postgresUrl ? 'PostgreSQL' : 'PostgreSQL (skipped: set TEST_DATABASE_URL)',
      enabled: postgresUrl !== undefined && postgresUrl !== '',
      shared: true,
      createDatabase: () => postgresSchemaDatabase(postgresUrl ?? ''),
    },
  ];
}

function sqliteFileDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
  const path = join(dir, 'nested', 'bot.db');
  return {
    url: `sqlite:${path}`,
    async query(sql) {
      const db = new Database(path, { fileMustExist: true });
      try {
        return db.prepare(sql).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh, empty schema on the PostgreSQL server at `baseUrl`, reached through a URL whose `options`
 * put it first on the search_path: the same knob an operator would use in DATABASE_URL.
 */
export async function postgresSchemaDatabase(baseUrl: string): Promise<TestDatabase> {
  const schema = `store_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async query(sql) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async dispose() {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** A logger whose lines the test can read, to prove what the store does and does not log. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}
