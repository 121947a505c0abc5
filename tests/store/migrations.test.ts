import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Migration, planMigrations } from '../../src/store/migration.js';
import { migrations } from '../../src/store/migrations.js';
import { runPostgresMigrations } from '../../src/store/postgres/postgres-migrator.js';
import { runSqliteMigrations } from '../../src/store/sqlite/sqlite-migrator.js';
import { capturingLogger, postgresSchemaDatabase, type TestDatabase } from '../support/store-backends.js';

function migration(version: number, name: string, sql = `CREATE TABLE ${name} (id INTEGER)`): Migration {
  return { version, name, sqlite: sql, postgres: sql };
}

describe('planMigrations', () => {
  const list = [migration(1, 'one'), migration(2, 'two'), migration(5, 'five')];

  it('returns every migration for an empty database, in order', () => {
    expect(planMigrations(list, []).pending.map((m) => m.version)).toEqual([1, 2, 5]);
  });

  it('returns only what is missing, including gaps', () => {
    const plan = planMigrations(list, [
      { version: 1, name: 'one' },
      { version: 5, name: 'five' },
    ]);
    expect(plan.pending.map((m) => m.version)).toEqual([2]);
    expect(plan.unknown).toEqual([]);
  });

  it('reports versions the code does not know', () => {
    const plan = planMigrations(list, [{ version: 9, name: 'from_the_future' }]);
    expect(plan.unknown).toEqual([{ version: 9, name: 'from_the_future' }]);
  });

  it.each([
    ['a repeated version', [migration(1, 'one'), migration(1, 'again')]],
    ['a decreasing version', [migration(2, 'two'), migration(1, 'one')]],
    ['version zero', [migration(0, 'zero')]],
    ['a fractional version', [migration(1.5, 'half')]],
  ])('refuses %s', (_label, bad) => {
    expect(() => planMigrations(bad, [])).toThrow(/strictly increasing/);
  });

  it('refuses a version applied under another name', () => {
    expect(() => planMigrations(list, [{ version: 2, name: 'renamed' }])).toThrow(/must not be renamed/);
  });

  it('keeps the shipped list valid', () => {
    expect(planMigrations(migrations, []).pending).toHaveLength(migrations.length);
  });
});

describe('SQLite migration runner', () => {
  function tables(db: Database.Database): string[] {
    return (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
  }

  it('rolls every pending migration back when one fails', () => {
    const db = new Database(':memory:');
    const { logger } = capturingLogger();
    const failing = [migration(1, 'first'), migration(2, 'broken', 'CREATE TABLE broken (')];
    expect(() => runSqliteMigrations(db, failing, logger)).toThrow();
    expect(tables(db)).toEqual([]);

    runSqliteMigrations(db, [migration(1, 'first'), migration(2, 'second')], logger);
    expect(tables(db)).toEqual(['first', 'schema_migrations', 'second']);
    runSqliteMigrations(db, [migration(1, 'first'), migration(2, 'second')], logger);
    expect(() => runSqliteMigrations(db, [migration(1, 'renamed')], logger)).toThrow(/must not be renamed/);
    db.close();
  });

  it('applies migrations added by a later release on top of earlier ones', () => {
    const db = new Database(':memory:');
    const { logger, lines } = capturingLogger();
    runSqliteMigrations(db, [migration(1, 'first')], logger);
    runSqliteMigrations(db, [migration(1, 'first'), migration(2, 'second')], logger);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([
      1, 2,
    ]);
    expect(lines.filter((line) => line.includes('applied migration'))).toHaveLength(2);
    db.close();
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL ?? '';

describe.skipIf(postgresUrl === '')(
  postgresUrl === ''
    ? 'PostgreSQL migration runner (skipped: set TEST_DATABASE_URL)'
    : 'PostgreSQL migration runner',
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function freshSchema(): Promise<TestDatabase> {
      const database = await postgresSchemaDatabase(postgresUrl);
      cleanups.push(() => database.dispose());
      return database;
    }

    function pool(database: TestDatabase): pg.Pool {
      const created = new pg.Pool({ connectionString: database.url, max: 2 });
      cleanups.push(() => created.end());
      return created;
    }

    it('rolls every pending migration back when one fails', async () => {
      const database = await freshSchema();
      const { logger } = capturingLogger();
      const failing = [migration(1, 'first'), migration(2, 'broken', 'CREATE TABLE broken (')];
      await expect(runPostgresMigrations(pool(database), failing, logger)).rejects.toThrow();
      expect(
        await database.query!("SELECT to_regclass('first') AS t, to_regclass('schema_migrations') AS m"),
      ).toEqual([{ t: null, m: null }]);
      await runPostgresMigrations(pool(database), [migration(1, 'first'), migration(2, 'second')], logger);
      const applied = await database.query!('SELECT version FROM schema_migrations ORDER BY version');
      expect(applied.map((row) => row.version)).toEqual([1, 2]);
    });

    it('lets several instances start at once and applies each migration exactly once', async () => {
      const database = await freshSchema();
      const list = [1, 2, 3, 4].map((version) => migration(version, `table_${version}`));
      const logs = Array.from({ length: 6 }, () => capturingLogger());
      await Promise.all(logs.map(({ logger }) => runPostgresMigrations(pool(database), list, logger)));
      const applied = await database.query!('SELECT version FROM schema_migrations ORDER BY version');
      expect(applied.map((row) => row.version)).toEqual([1, 2, 3, 4]);
      const appliedLines = logs.flatMap(({ lines }) =>
        lines.filter((line) => line.includes('applied migration')),
      );
      expect(appliedLines).toHaveLength(4);
    });
  },
);
