import type { Database, Statement } from 'better-sqlite3';
import type { AuditEvent, AuditLog, AuditQuery } from '../../recovery/release-ports.js';
import {
  type AuditEventRow,
  type AuditSearch,
  decodeAuditEvent,
  encodeAuditEvent,
  encodeAuditQuery,
} from '../audit-event-codec.js';
import {
  type AuditExportSource,
  type AuditExportStart,
  type StoredAuditEvent,
  settledPrefix,
} from '../audit-export.js';

type QueryParameters = Record<string, string | number>;

/**
 * The audit trail in `audit_events`. Append-only: the table has triggers that refuse UPDATE and DELETE, so
 * not even a later bug in this class can rewrite history.
 */
export class SqliteAuditLog implements AuditLog, AuditExportSource {
  readonly #db: Database;
  #insert: Statement<[AuditEventRow]> | undefined;
  /** One statement per combination of filters (at most eight), prepared on first use. */
  readonly #queries = new Map<string, Statement<[QueryParameters], { event: string }>>();

  constructor(db: Database) {
    this.#db = db;
  }

  async append(event: AuditEvent): Promise<void> {
    this.appendNow(event);
  }

  /** Appends at once (synchronously), so a caller can do it inside its own transaction. */
  appendNow(event: AuditEvent): void {
    const row = encodeAuditEvent(event);
    // Prepared on first use: SQLite checks the table exists when preparing, and older schemas must still open.
    this.#insert ??= this.#db.prepare<[AuditEventRow]>(
      `INSERT INTO audit_events (at, requester_object_id, device_id, key_id_search, decision, event)
       VALUES (@at, @requesterObjectId, @deviceId, @keyIdSearch, @decision, @event)`,
    );
    this.#insert.run(row);
  }

  async query(query: AuditQuery): Promise<readonly AuditEvent[]> {
    const search = encodeAuditQuery(query);
    if (search === undefined) return [];
    const { sql, parameters } = sqlFor(search);
    let statement = this.#queries.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare<[QueryParameters], { event: string }>(sql);
      this.#queries.set(sql, statement);
    }
    return statement.all(parameters).map((row) => decodeAuditEvent(row.event));
  }

  async read(
    start: AuditExportStart,
    settledBefore: Date,
    limit: number,
  ): Promise<readonly StoredAuditEvent[]> {
    const rows =
      'afterSequence' in start
        ? this.#db
            .prepare<[number, number], { id: number; event: string }>(
              'SELECT id, event FROM audit_events WHERE id > ? ORDER BY id LIMIT ?',
            )
            .all(start.afterSequence, limit)
        : this.#db
            .prepare<[number, number], { id: number; event: string }>(
              'SELECT id, event FROM audit_events WHERE at >= ? ORDER BY id LIMIT ?',
            )
            .all(start.since.getTime(), limit);
    return settledPrefix(
      rows.map((row) => ({ sequence: row.id, event: decodeAuditEvent(row.event) })),
      settledBefore,
    );
  }
}

/**
 * Only the filters present become conditions: SQLite plans a statement once, before it sees parameters,
 * so `(? IS NULL OR column = ?)` would never use an index. The Key ID column is NOCASE (its values are
 * uppercase already), which is what lets SQLite's LIKE use the index for the prefix.
 */
function sqlFor(search: AuditSearch): { sql: string; parameters: QueryParameters } {
  const conditions: string[] = [];
  const parameters: QueryParameters = { limit: search.limit };
  if (search.requesterObjectId !== undefined) {
    conditions.push('requester_object_id = @requesterObjectId');
    parameters.requesterObjectId = search.requesterObjectId;
  }
  if (search.deviceId !== undefined) {
    conditions.push('device_id = @deviceId');
    parameters.deviceId = search.deviceId;
  }
  if (search.keyIdPattern !== undefined) {
    conditions.push("key_id_search LIKE @keyIdPattern ESCAPE '\\'");
    parameters.keyIdPattern = search.keyIdPattern;
  }
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  return {
    sql: `SELECT event FROM audit_events ${where} ORDER BY at DESC, id DESC LIMIT @limit`,
    parameters,
  };
}
