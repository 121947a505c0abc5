import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import type { Logger } from '../../observability/logger.js';
import type { Migration } from '../migration.js';
import type { Store } from '../store.js';
import { PostgresAuditLog } from './postgres-audit-log.js';
import { PostgresCaseRequestStore } from './postgres-case-request-store.js';
import { PostgresCaseStore } from './postgres-case-store.js';
import { PostgresConversationLocks } from './postgres-conversation-locks.js';
import { PostgresHelpdeskChannelStore } from './postgres-helpdesk-channel-store.js';
import { PostgresJobQueue } from './postgres-job-queue.js';
import { runPostgresMigrations } from './postgres-migrator.js';
import { PostgresReleaseLedger } from './postgres-release-ledger.js';
import { PostgresRetention } from './postgres-retention.js';
import { PostgresSignInStateStore } from './postgres-sign-in-state-store.js';
import { PostgresTurnStateStorage } from './postgres-turn-state-storage.js';

export interface PostgresOptions {
  /**
   * The password for each new connection, when the server asks for one: Azure Database for PostgreSQL with
   * Entra authentication takes an access token of the signed-in identity (valid about an hour), so it is
   * fetched per connection rather than fixed in the URL.
   */
  readonly password?: () => Promise<string>;
}

/**
 * Opens a pool on `connectionString`, migrates the schema named first in its search_path (plain
 * `public` unless the URL carries `options=-c search_path=…`), and returns the store on that pool.
 */
export async function openPostgresStore(
  connectionString: string,
  logger: Logger,
  migrations: readonly Migration[],
  options: PostgresOptions = {},
): Promise<Store> {
  const log = logger.child({ component: 'store', backend: 'postgres' });
  const pool = new pg.Pool({
    // pg lets a connection string's (empty) password win over an explicit one, so with a password source the
    // string is parsed here and the source set after it: pg asks it on every connection the server wants a
    // password for.
    ...(options.password
      ? { ...(parseConnectionString(connectionString) as pg.PoolConfig), password: options.password }
      : { connectionString }),
    application_name: 'bitlocker-recovery-bot',
    max: 10,
    // /readyz and start-up must fail fast when the server is unreachable rather than hang.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (restart, failover) is reported here; without a listener
  // Node would crash the process. The pool replaces the connection on next use.
  pool.on('error', (error) => log.warn({ err: error }, 'idle PostgreSQL connection failed'));
  try {
    await runPostgresMigrations(pool, migrations, log);
  } catch (error) {
    await pool.end();
    throw error;
  }
  log.info('store open');
  const audit = new PostgresAuditLog(pool);
  let closed = false;
  return {
    kind: 'postgres',
    turnState: new PostgresTurnStateStorage(pool),
    caseRequests: new PostgresCaseRequestStore(pool),
    signInStates: new PostgresSignInStateStore(pool),
    audit,
    auditExport: audit,
    releases: new PostgresReleaseLedger(pool),
    jobs: new PostgresJobQueue(pool),
    cases: new PostgresCaseStore(pool),
    helpdeskChannels: new PostgresHelpdeskChannelStore(pool),
    retention: new PostgresRetention(pool),
    conversationLocks: new PostgresConversationLocks(pool),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
