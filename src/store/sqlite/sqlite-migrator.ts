import type { Database } from 'better-sqlite3';
import type { Logger } from '../../observability/logger.js';
import { type AppliedMigration, type Migration, planMigrations } from '../migration.js';

/**
 * Brings a SQLite database up to the newest migration in one IMMEDIATE transaction: the write lock is
 * taken before `schema_migrations` is read, so a second process opening the same file waits (busy
 * timeout) and then finds nothing left to do. Any failure rolls every pending migration back.
 */
export function runSqliteMigrations(db: Database, migrations: readonly Migration[], logger: Logger): void {
  const migrate = db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT
    `);
    const applied = db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all() as AppliedMigration[];
    const plan = planMigrations(migrations, applied);
    if (plan.unknown.length > 0) {
      logger.warn(
        { versions: plan.unknown.map((row) => row.version) },
        'database has migrations this release does not know; a newer release ran against it',
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of plan.pending) {
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, new Date().toISOString());
      logger.info({ version: migration.version, migration: migration.name }, 'applied migration');
    }
  });
  migrate.immediate();
}
