import type { Pool } from 'pg';
import type { Logger } from '../../observability/logger.js';
import { type AppliedMigration, type Migration, planMigrations } from '../migration.js';
import { withPostgresTransaction } from './postgres-transaction.js';

/**
 * Brings the current schema (the first of `search_path`) up to the newest migration in one transaction.
 * Several instances may start at once: a transaction-scoped advisory lock, keyed by schema, makes them
 * take turns, so exactly one applies each migration and the others find it recorded. DDL in PostgreSQL
 * is transactional, so a failing migration leaves the schema as it was.
 */
export async function runPostgresMigrations(
  pool: Pool,
  migrations: readonly Migration[],
  logger: Logger,
): Promise<void> {
  await withPostgresTransaction(pool, async (client) => {
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtext('bitlocker-recovery-bot/migrations/' || coalesce(current_schema(), '')))`,
    );
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )
    `);
    const applied = await client.query<AppliedMigration>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    const plan = planMigrations(migrations, applied.rows);
    if (plan.unknown.length > 0) {
      logger.warn(
        { versions: plan.unknown.map((row) => row.version) },
        'database has migrations this release does not know; a newer release ran against it',
      );
    }
    for (const migration of plan.pending) {
      await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      logger.info({ version: migration.version, migration: migration.name }, 'applied migration');
    }
  });
}
