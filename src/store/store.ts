import type { Storage } from 'botbuilder';
import type { CaseStore } from '../helpdesk/case-store.js';
import type { ChannelStore } from '../helpdesk/channel-store.js';
import type { SignInStateStore } from '../identity/sign-in-states.js';
import type { Logger } from '../observability/logger.js';
import type { CaseRequestStore } from '../recovery/case-requests.js';
import type { AuditEvent, AuditLog, JobQueue, ReleaseLedger } from '../recovery/release-ports.js';
import type { AuditExportSource } from './audit-export.js';
import type { ConversationLocks } from './conversation-locks.js';
import { parseDatabaseUrl } from './database-url.js';
import { migrations } from './migrations.js';
import { openPostgresStore, type PostgresOptions } from './postgres/postgres-store.js';
import type { Retention } from './retention.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

/**
 * The bot's persistence: one database connection (SQLite) or pool (PostgreSQL) shared by small
 * repositories, one per port. Later ports (audit events, rate-limit counters, jobs) join as
 * further readonly properties built on the same connection, with their tables in `migrations.ts`.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** botbuilder `Storage` for teams-ai turn state, with real eTag optimistic concurrency. */
  readonly turnState: Storage;
  /** Requests for IT to take over, recorded once per (requester, request id). */
  readonly caseRequests: CaseRequestStore;
  /** Step-up sign-ins in flight: each state is used up by exactly one callback, on any instance. */
  readonly signInStates: SignInStateStore;
  /** The append-only audit trail: one event per decision, never a key. */
  readonly audit: AuditLog;
  /** The same trail in storage order, for `npm run audit:export`. */
  readonly auditExport: AuditExportSource;
  /** Which requests were released, for "never twice" and the rate limits. */
  readonly releases: ReleaseLedger;
  /** Durable jobs (hide a key card, check rotation) that any instance can run. */
  readonly jobs: JobQueue;
  /** Helpdesk cases: created once per request, changed only by compare-and-swap on their version. */
  readonly cases: CaseStore;
  /** The helpdesk channels' conversation references, learnt when the bot is installed in the team. */
  readonly helpdeskChannels: ChannelStore;
  /** Deletes what is past its retention (the daily retention job). */
  readonly retention: Retention;
  /** Leases that keep turns of one conversation one at a time across instances. */
  readonly conversationLocks: ConversationLocks;
  /** Throws when the database is not reachable (used by GET /readyz). */
  ping(): Promise<void>;
  /** Releases the connection or pool; safe to call twice. */
  close(): Promise<void>;
}

export interface StoreOptions extends PostgresOptions {
  /** Told each audit event once the store committed it (metrics count decisions from it). */
  readonly onAuditEvent?: (event: AuditEvent) => void;
}

/** `sqlite:<path>` (relative to cwd; `sqlite::memory:` allowed) or `postgres://…`/`postgresql://…`. Runs migrations. */
export async function openStore(
  databaseUrl: string,
  logger: Logger,
  options: StoreOptions = {},
): Promise<Store> {
  const location = parseDatabaseUrl(databaseUrl);
  const store =
    location.kind === 'sqlite'
      ? await openSqliteStore(location.path, logger, migrations)
      : await openPostgresStore(location.connectionString, logger, migrations, options);
  return withAuditMirror(store, logger, options.onAuditEvent);
}

/**
 * Every audit event, once stored, is also one structured log line (`audit: true`), so the platform's log
 * stream (App Service → Log Analytics → a SIEM) carries the trail too. Written after the store committed
 * the event, alone or with its case change: a refused or rolled-back event is never mirrored. An event
 * cannot hold a key (the store refuses it first), and the logger redacts anyway.
 */
function withAuditMirror(store: Store, logger: Logger, onAuditEvent?: (event: AuditEvent) => void): Store {
  const log = logger.child({ component: 'audit' });
  const mirror = (event: AuditEvent) => {
    log.info({ audit: true, event }, 'audit event');
    onAuditEvent?.(event);
  };
  const { audit, cases } = store;
  return {
    ...store,
    audit: {
      async append(event) {
        await audit.append(event);
        mirror(event);
      },
      query: (query) => audit.query(query),
    },
    cases: {
      create: (caseRequest, now) => cases.create(caseRequest, now),
      get: (number) => cases.get(number),
      async update(next, expectedVersion, event) {
        await cases.update(next, expectedVersion, event);
        if (event) mirror(event);
      },
      openCases: () => cases.openCases(),
      openedSince: (since, limit) => cases.openedSince(since, limit),
      byRequester: (requesterObjectId) => cases.byRequester(requesterObjectId),
    },
  };
}
