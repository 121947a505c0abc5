import type { Pool } from 'pg';
import type {
  NewJob,
  ReleaseLedger,
  ReleaseProgress,
  ReleaseRecord,
  ShownCard,
} from '../../recovery/release-ports.js';
import { formatInstant, parseInstant } from '../instant.js';
import { isKeyText } from '../key-text.js';
import {
  decodeProgress,
  decodeReleaseRecord,
  encodeReleaseRecord,
  encodeShownCard,
  type ReleaseRow,
} from '../release-record-codec.js';
import { cancelJobsWithin, scheduleJobWithin } from './postgres-job-queue.js';
import { withPostgresTransaction } from './postgres-transaction.js';

// ON CONFLICT waits for a concurrent insert of the same request to commit or roll back before deciding,
// so of two instances claiming one request exactly one inserts a row.
const CLAIM = `
  INSERT INTO releases (request_id, requester_object_id, device_id, key_id, released_at, stage)
  VALUES ($1, $2, $3, $4, $5::timestamptz, 'pending')
  ON CONFLICT (request_id) DO NOTHING`;
const MARK_SENDING = "UPDATE releases SET stage = 'sending' WHERE request_id = $1 AND stage = 'pending'";
const MARK_SHOWN = "UPDATE releases SET stage = 'shown', card = $2 WHERE request_id = $1";
const PROGRESS = `
  SELECT request_id AS "requestId", requester_object_id AS "requesterObjectId", device_id AS "deviceId",
    key_id AS "keyId", released_at AS "releasedAt", stage, card
  FROM releases WHERE request_id = $1`;
const COUNT_BY_REQUESTER =
  'SELECT count(*) AS n FROM releases WHERE requester_object_id = $1 AND released_at >= $2::timestamptz';
const COUNT_BY_DEVICE =
  'SELECT count(*) AS n FROM releases WHERE device_id = $1 AND released_at >= $2::timestamptz';
// `seq` breaks ties between releases stamped with the same millisecond: the later claim wins.
const LATEST_FOR_DEVICE = `
  SELECT request_id AS "requestId", requester_object_id AS "requesterObjectId", device_id AS "deviceId",
    key_id AS "keyId", released_at AS "releasedAt"
  FROM releases WHERE device_id = $1 ORDER BY released_at DESC, seq DESC LIMIT 1`;

/** What `pg` hands back: TIMESTAMPTZ as a Date. */
interface PostgresReleaseRow extends Omit<ReleaseRow, 'releasedAt'> {
  readonly releasedAt: Date;
}

/** The release ledger in `releases`, shared by every instance. */
export class PostgresReleaseLedger implements ReleaseLedger {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async claim(record: ReleaseRecord, followUps: readonly NewJob[]): Promise<boolean> {
    const row = encodeReleaseRecord(record);
    return withPostgresTransaction(this.#pool, async (client) => {
      const result = await client.query(CLAIM, [
        row.requestId,
        row.requesterObjectId,
        row.deviceId,
        row.keyId,
        formatInstant(row.releasedAt),
      ]);
      if (result.rowCount !== 1) return false;
      for (const job of followUps) await scheduleJobWithin(client, job);
      return true;
    });
  }

  async markSending(requestId: string): Promise<void> {
    if (isKeyText(requestId)) await this.#pool.query(MARK_SENDING, [requestId]);
  }

  async markShown(requestId: string, card: ShownCard): Promise<void> {
    if (isKeyText(requestId)) await this.#pool.query(MARK_SHOWN, [requestId, encodeShownCard(card)]);
  }

  async progress(requestId: string): Promise<ReleaseProgress | undefined> {
    if (!isKeyText(requestId)) return undefined;
    const result = await this.#pool.query<PostgresReleaseRow & { stage: string; card: string | null }>(
      PROGRESS,
      [requestId],
    );
    const [row] = result.rows;
    return row === undefined ? undefined : decodeProgress({ ...row, releasedAt: row.releasedAt.getTime() });
  }

  async withdraw(requestId: string, followUpKeys: readonly string[]): Promise<void> {
    if (!isKeyText(requestId)) return;
    await withPostgresTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM releases WHERE request_id = $1', [requestId]);
      await cancelJobsWithin(client, followUpKeys);
    });
  }

  async countByRequester(requesterObjectId: string, since: string): Promise<number> {
    return this.#count(COUNT_BY_REQUESTER, requesterObjectId, parseInstant(since, 'countByRequester since'));
  }

  async countByDevice(deviceId: string, since: string): Promise<number> {
    return this.#count(COUNT_BY_DEVICE, deviceId, parseInstant(since, 'countByDevice since'));
  }

  async latestForDevice(deviceId: string): Promise<ReleaseRecord | undefined> {
    if (!isKeyText(deviceId)) return undefined;
    const result = await this.#pool.query<PostgresReleaseRow>(LATEST_FOR_DEVICE, [deviceId]);
    const [row] = result.rows;
    return row === undefined
      ? undefined
      : decodeReleaseRecord({ ...row, releasedAt: row.releasedAt.getTime() });
  }

  async #count(sql: string, id: string, sinceMs: number): Promise<number> {
    // No stored release has an empty or NUL-bearing id, and PostgreSQL would reject a NUL parameter.
    if (!isKeyText(id)) return 0;
    // count(*) is a bigint, which pg hands over as a string.
    const result = await this.#pool.query<{ n: string }>(sql, [id, formatInstant(sinceMs)]);
    return Number(result.rows[0]?.n ?? 0);
  }
}
