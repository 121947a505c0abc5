import type { Pool, PoolClient } from 'pg';
import type { Job, JobQueue, NewJob } from '../../recovery/release-ports.js';
import { formatInstant, parseInstant } from '../instant.js';
import { decodeJob, encodeClaim, encodeNewJob, type JobRow, parseJobId } from '../job-codec.js';
import { JobLeaseLostError } from '../job-lease-lost-error.js';
import { isKeyText } from '../key-text.js';

const SCHEDULE = `
  INSERT INTO jobs (key, kind, payload, due_at) VALUES ($1, $2, $3, $4::timestamptz)
  ON CONFLICT (key) DO NOTHING`;
const RESCHEDULE = "UPDATE jobs SET due_at = $2::timestamptz WHERE key = $1 AND state = 'pending'";
// The inner SELECT locks the rows it picks and skips rows another transaction has locked, so two workers
// claiming at once get disjoint jobs without waiting for each other. A row another worker leased and
// committed meanwhile is re-checked against the WHERE clause when locked, and drops out because its lease
// now runs into the future.
const CLAIM_DUE = `
  UPDATE jobs SET leased_by = $2, lease_until = $3::timestamptz
  WHERE id IN (
    SELECT id FROM jobs
    WHERE state = 'pending' AND due_at <= $1::timestamptz AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
    ORDER BY due_at, id
    LIMIT $4
    FOR UPDATE SKIP LOCKED)
  RETURNING id, kind, payload, due_at AS "dueAt", attempts`;
// The holder stays recorded on a finished job, so a repeated `complete` by the same worker is a no-op.
const COMPLETE = "UPDATE jobs SET state = 'done' WHERE id = $1 AND leased_by = $2";
const RETRY = `
  UPDATE jobs SET due_at = $3::timestamptz, attempts = attempts + 1, leased_by = NULL, lease_until = NULL
  WHERE id = $1 AND leased_by = $2 AND state = 'pending'`;

/** `schedule` on a caller's connection, so it joins their transaction (the release outbox). */
export async function scheduleJobWithin(client: Pick<PoolClient, 'query'>, job: NewJob): Promise<void> {
  const row = encodeNewJob(job);
  await client.query(SCHEDULE, [row.key, row.kind, row.payload, formatInstant(row.dueAt)]);
}

/** Marks the pending jobs with these keys done without running them, in a caller's transaction. */
export async function cancelJobsWithin(
  client: Pick<PoolClient, 'query'>,
  keys: readonly string[],
): Promise<void> {
  const usable = keys.filter(isKeyText);
  if (usable.length === 0) return;
  await client.query("UPDATE jobs SET state = 'done' WHERE key = ANY($1::text[]) AND state = 'pending'", [
    usable,
  ]);
}

/** What `pg` hands back: BIGINT as a string and TIMESTAMPTZ as a Date. */
interface PostgresJobRow extends Omit<JobRow, 'dueAt'> {
  readonly dueAt: Date;
}

/** Durable jobs in `jobs`, shared by every instance: any instance can finish any job. */
export class PostgresJobQueue implements JobQueue {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async schedule(job: NewJob): Promise<void> {
    await scheduleJobWithin(this.#pool, job);
  }

  async cancel(keys: readonly string[]): Promise<void> {
    await cancelJobsWithin(this.#pool, keys);
  }

  async reschedule(key: string, dueAt: string): Promise<void> {
    const dueAtIso = formatInstant(parseInstant(dueAt, 'reschedule dueAt'));
    // No job has an empty or NUL-bearing key, and PostgreSQL would reject a NUL parameter.
    if (!isKeyText(key)) return;
    await this.#pool.query(RESCHEDULE, [key, dueAtIso]);
  }

  async claimDue(now: string, worker: string, leaseMs: number, limit: number): Promise<readonly Job[]> {
    const claim = encodeClaim(now, worker, leaseMs, limit);
    const result = await this.#pool.query<PostgresJobRow>(CLAIM_DUE, [
      formatInstant(claim.now),
      claim.worker,
      formatInstant(claim.leaseUntil),
      claim.limit,
    ]);
    return result.rows
      .map((row) => ({ ...row, dueAt: row.dueAt.getTime() }))
      .sort((a, b) => a.dueAt - b.dueAt || Number(a.id) - Number(b.id))
      .map(decodeJob);
  }

  async complete(id: string, worker: string): Promise<void> {
    const jobId = parseJobId(id);
    if (!isKeyText(worker)) throw new JobLeaseLostError(id, worker);
    const result = await this.#pool.query(COMPLETE, [jobId, worker]);
    if (result.rowCount !== 1) throw new JobLeaseLostError(id, worker);
  }

  async retry(id: string, worker: string, dueAt: string): Promise<void> {
    const dueAtIso = formatInstant(parseInstant(dueAt, 'retry dueAt'));
    const jobId = parseJobId(id);
    if (!isKeyText(worker)) throw new JobLeaseLostError(id, worker);
    const result = await this.#pool.query(RETRY, [jobId, worker, dueAtIso]);
    if (result.rowCount !== 1) throw new JobLeaseLostError(id, worker);
  }
}
