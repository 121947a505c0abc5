import type { Pool, PoolClient } from 'pg';
import type { AuditEvent, AuditLog, AuditQuery } from '../../recovery/release-ports.js';
import {
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
import { formatInstant } from '../instant.js';

const INSERT = `
  INSERT INTO audit_events (at, requester_object_id, device_id, key_id_search, decision, event)
  VALUES ($1::timestamptz, $2, $3, $4, $5, $6)`;

/**
 * The audit trail in `audit_events`, shared by every instance. Append-only: triggers refuse UPDATE,
 * DELETE and TRUNCATE, so not even a later bug in this class can rewrite history.
 */
export class PostgresAuditLog implements AuditLog, AuditExportSource {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async append(event: AuditEvent): Promise<void> {
    await appendAuditEvent(this.#pool, event);
  }

  async query(query: AuditQuery): Promise<readonly AuditEvent[]> {
    const search = encodeAuditQuery(query);
    if (search === undefined) return [];
    const { sql, values } = sqlFor(search);
    const result = await this.#pool.query<{ event: string }>(sql, values);
    return result.rows.map((row) => decodeAuditEvent(row.event));
  }

  async read(
    start: AuditExportStart,
    settledBefore: Date,
    limit: number,
  ): Promise<readonly StoredAuditEvent[]> {
    const result =
      'afterSequence' in start
        ? await this.#pool.query<{ id: string; event: string }>(
            'SELECT id, event FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2',
            [start.afterSequence, limit],
          )
        : await this.#pool.query<{ id: string; event: string }>(
            'SELECT id, event FROM audit_events WHERE at >= $1::timestamptz ORDER BY id LIMIT $2',
            [start.since.toISOString(), limit],
          );
    // BIGINT arrives as text; sequences stay far below 2^53.
    return settledPrefix(
      result.rows.map((row) => ({ sequence: Number(row.id), event: decodeAuditEvent(row.event) })),
      settledBefore,
    );
  }
}

/**
 * Only the filters present become conditions, so each combination gets a plan that uses its index. The
 * Key ID column has the "C" collation, which is what lets LIKE use a b-tree index for the prefix.
 */
function sqlFor(search: AuditSearch): { sql: string; values: (string | number)[] } {
  const conditions: string[] = [];
  const values: (string | number)[] = [];
  if (search.requesterObjectId !== undefined) {
    values.push(search.requesterObjectId);
    conditions.push(`requester_object_id = $${values.length}`);
  }
  if (search.deviceId !== undefined) {
    values.push(search.deviceId);
    conditions.push(`device_id = $${values.length}`);
  }
  if (search.keyIdPattern !== undefined) {
    values.push(search.keyIdPattern);
    conditions.push(`key_id_search LIKE $${values.length} ESCAPE '\\'`);
  }
  values.push(search.limit);
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  return {
    sql: `SELECT event FROM audit_events ${where} ORDER BY at DESC, id DESC LIMIT $${values.length}`,
    values,
  };
}

/** Appends `event` on `client`: the pool, or a transaction's connection to append within it. */
export async function appendAuditEvent(client: Pool | PoolClient, event: AuditEvent): Promise<void> {
  const row = encodeAuditEvent(event);
  await client.query(INSERT, [
    formatInstant(row.at),
    row.requesterObjectId,
    row.deviceId,
    row.keyIdSearch,
    row.decision,
    row.event,
  ]);
}
