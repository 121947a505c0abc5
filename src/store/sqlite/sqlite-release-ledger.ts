import type { Database, Statement } from 'better-sqlite3';
import type {
  NewJob,
  ReleaseLedger,
  ReleaseProgress,
  ReleaseRecord,
  ShownCard,
} from '../../recovery/release-ports.js';
import { parseInstant } from '../instant.js';
import { isKeyText } from '../key-text.js';
import {
  decodeProgress,
  decodeReleaseRecord,
  encodeReleaseRecord,
  encodeShownCard,
  type ProgressRow,
  type ReleaseRow,
} from '../release-record-codec.js';
import type { SqliteJobQueue } from './sqlite-job-queue.js';

const COLUMNS = `request_id AS requestId, requester_object_id AS requesterObjectId, device_id AS deviceId,
  key_id AS keyId, released_at AS releasedAt`;

interface Statements {
  readonly claim: Statement<[ReleaseRow]>;
  readonly withdraw: Statement<[string]>;
  readonly markSending: Statement<[string]>;
  readonly markShown: Statement<[string, string]>;
  readonly progress: Statement<[string], ProgressRow>;
  readonly countByRequester: Statement<[string, number], number>;
  readonly countByDevice: Statement<[string, number], number>;
  readonly latestForDevice: Statement<[string], ReleaseRow>;
}

/**
 * The release ledger in `releases`. `request_id` is unique and `claim` is one INSERT … ON CONFLICT DO
 * NOTHING: SQLite takes the write lock for the statement, so of any number of connections (threads,
 * processes) claiming one request, exactly one inserts.
 */
export class SqliteReleaseLedger implements ReleaseLedger {
  readonly #db: Database;
  readonly #jobs: SqliteJobQueue;
  #statements: Statements | undefined;

  /** `jobs` shares `db`, so a claim and its follow-ups commit together. */
  constructor(db: Database, jobs: SqliteJobQueue) {
    this.#db = db;
    this.#jobs = jobs;
  }

  async claim(record: ReleaseRecord, followUps: readonly NewJob[]): Promise<boolean> {
    const row = encodeReleaseRecord(record);
    const statements = this.#prepared();
    return this.#db.transaction(() => {
      if (statements.claim.run(row).changes !== 1) return false;
      for (const job of followUps) this.#jobs.scheduleWithin(job);
      return true;
    })();
  }

  async markSending(requestId: string): Promise<void> {
    if (isKeyText(requestId)) this.#prepared().markSending.run(requestId);
  }

  async markShown(requestId: string, card: ShownCard): Promise<void> {
    if (isKeyText(requestId)) this.#prepared().markShown.run(encodeShownCard(card), requestId);
  }

  async progress(requestId: string): Promise<ReleaseProgress | undefined> {
    if (!isKeyText(requestId)) return undefined;
    const row = this.#prepared().progress.get(requestId);
    return row === undefined ? undefined : decodeProgress(row);
  }

  async withdraw(requestId: string, followUpKeys: readonly string[]): Promise<void> {
    if (!isKeyText(requestId)) return;
    const statements = this.#prepared();
    this.#db.transaction(() => {
      statements.withdraw.run(requestId);
      this.#jobs.cancelWithin(followUpKeys);
    })();
  }

  async countByRequester(requesterObjectId: string, since: string): Promise<number> {
    const sinceMs = parseInstant(since, 'countByRequester since');
    if (!isKeyText(requesterObjectId)) return 0;
    return this.#prepared().countByRequester.get(requesterObjectId, sinceMs) ?? 0;
  }

  async countByDevice(deviceId: string, since: string): Promise<number> {
    const sinceMs = parseInstant(since, 'countByDevice since');
    if (!isKeyText(deviceId)) return 0;
    return this.#prepared().countByDevice.get(deviceId, sinceMs) ?? 0;
  }

  async latestForDevice(deviceId: string): Promise<ReleaseRecord | undefined> {
    if (!isKeyText(deviceId)) return undefined;
    const row = this.#prepared().latestForDevice.get(deviceId);
    return row === undefined ? undefined : decodeReleaseRecord(row);
  }

  /** Prepared on first use: SQLite checks the table exists when preparing, and older schemas must still open. */
  #prepared(): Statements {
    if (this.#statements) return this.#statements;
    const db = this.#db;
    this.#statements = {
      claim: db.prepare(
        `INSERT INTO releases (request_id, requester_object_id, device_id, key_id, released_at, stage)
         VALUES (@requestId, @requesterObjectId, @deviceId, @keyId, @releasedAt, 'pending')
         ON CONFLICT (request_id) DO NOTHING`,
      ),
      withdraw: db.prepare('DELETE FROM releases WHERE request_id = ?'),
      markSending: db.prepare(
        "UPDATE releases SET stage = 'sending' WHERE request_id = ? AND stage = 'pending'",
      ),
      markShown: db.prepare("UPDATE releases SET stage = 'shown', card = ? WHERE request_id = ?"),
      progress: db.prepare(`SELECT ${COLUMNS}, stage, card FROM releases WHERE request_id = ?`),
      // Both counts are answered from their (column, released_at) index alone.
      countByRequester: db
        .prepare<[string, number], number>(
          'SELECT count(*) FROM releases WHERE requester_object_id = ? AND released_at >= ?',
        )
        .pluck(),
      countByDevice: db
        .prepare<[string, number], number>(
          'SELECT count(*) FROM releases WHERE device_id = ? AND released_at >= ?',
        )
        .pluck(),
      // `seq` breaks ties between releases stamped with the same millisecond: the later claim wins.
      latestForDevice: db.prepare(
        `SELECT ${COLUMNS} FROM releases WHERE device_id = ? ORDER BY released_at DESC, seq DESC LIMIT 1`,
      ),
    };
    return this.#statements;
  }
}
