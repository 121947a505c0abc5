import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../observability/logger.js';
import type { Migration } from '../migration.js';
import type { Store } from '../store.js';
import { SqliteAuditLog } from './sqlite-audit-log.js';
import { SqliteCaseRequestStore } from './sqlite-case-request-store.js';
import { SqliteCaseStore } from './sqlite-case-store.js';
import { SqliteConversationLocks } from './sqlite-conversation-locks.js';
import { SqliteHelpdeskChannelStore } from './sqlite-helpdesk-channel-store.js';
import { SqliteJobQueue } from './sqlite-job-queue.js';
import { runSqliteMigrations } from './sqlite-migrator.js';
import { SqliteReleaseLedger } from './sqlite-release-ledger.js';
import { SqliteRetention } from './sqlite-retention.js';
import { SqliteSignInStateStore } from './sqlite-sign-in-state-store.js';
import { SqliteTurnStateStorage } from './sqlite-turn-state-storage.js';

const MEMORY = ':memory:';

/**
 * Opens (creating when absent) the embedded SQLite store at `path` (relative to the working directory,
 * or `:memory:`) and migrates it. Every repository of the store shares this one connection.
 */
export function openSqliteStore(path: string, logger: Logger, migrations: readonly Migration[]): Store {
  const log = logger.child({ component: 'store', backend: 'sqlite' });
  const filename = path === MEMORY ? MEMORY : resolve(path);
  if (filename !== MEMORY) mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  try {
    // WAL lets readers run beside the single writer and survives an application crash; with WAL,
    // synchronous=NORMAL only risks the last commits on power loss, which turn state tolerates.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Another process (a CLI, a second dev server) holding the write lock makes us wait, not fail.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    runSqliteMigrations(db, migrations, log);
  } catch (error) {
    db.close();
    throw error;
  }
  const ping = db.prepare('SELECT 1');
  const jobs = new SqliteJobQueue(db);
  const audit = new SqliteAuditLog(db);
  log.info({ file: filename }, 'store open');
  return {
    kind: 'sqlite',
    turnState: new SqliteTurnStateStorage(db),
    caseRequests: new SqliteCaseRequestStore(db),
    signInStates: new SqliteSignInStateStore(db),
    audit,
    auditExport: audit,
    releases: new SqliteReleaseLedger(db, jobs),
    jobs,
    cases: new SqliteCaseStore(db, audit),
    helpdeskChannels: new SqliteHelpdeskChannelStore(db),
    retention: new SqliteRetention(db),
    conversationLocks: new SqliteConversationLocks(db),
    async ping() {
      ping.get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
