import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { Job, JobQueue, NewJob } from '../../recovery/release-ports.js';
import { parseInstant } from '../instant.js';
import {
  type ClaimRequest,
  decodeJob,
  encodeClaim,
  encodeNewJob,
  type JobRow,
  type NewJobRow,
  parseJobId,
} from '../job-codec.js';
import { JobLeaseLostError } from '../job-lease-lost-error.js';
import { isKeyText } from '../key-text.js';

interface Statements {
  readonly schedule: Statement<[NewJobRow]>;
  readonly reschedule: Statement<[number, string]>;
  readonly cancel: Statement<[string]>;
  readonly claimDue: Transaction<(claim: ClaimRequest) => JobRow[]>;
  readonly complete: Statement<[number, string]>;
  readonly retry: Statement<[number, number, string]>;
}

/**
 * Durable jobs in `jobs`. A job is pending until its lease holder completes it; a lease is `leased_by` +
 * `lease_until`, and a pending job whose lease has run out is claimable again. Finished jobs stay (state
 * `done`) so that scheduling the same key again stays a no-op.
 */
export class SqliteJobQueue implements JobQueue {
  readonly #db: Database;
  #statements: Statements | undefined;

  constructor(db: Database) {
    this.#db = db;
  }

  async schedule(job: NewJob): Promise<void> {
    this.scheduleWithin(job);
  }

  async cancel(keys: readonly string[]): Promise<void> {
    this.cancelWithin(keys);
  }

  /** `schedule`, synchronously, for a caller's transaction on the same database (the release outbox). */
  scheduleWithin(job: NewJob): void {
    this.#prepared().schedule.run(encodeNewJob(job));
  }

  /** Marks the pending jobs with these keys done without running them, inside a caller's transaction. */
  cancelWithin(keys: readonly string[]): void {
    const cancel = this.#prepared().cancel;
    for (const key of keys) if (isKeyText(key)) cancel.run(key);
  }

  async reschedule(key: string, dueAt: string): Promise<void> {
    const dueAtMs = parseInstant(dueAt, 'reschedule dueAt');
    if (!isKeyText(key)) return;
    this.#prepared().reschedule.run(dueAtMs, key);
  }

  async claimDue(now: string, worker: string, leaseMs: number, limit: number): Promise<readonly Job[]> {
    const claim = encodeClaim(now, worker, leaseMs, limit);
    // IMMEDIATE takes the write lock before the due jobs are read, so no other connection can lease them
    // between the read and the update; a deferred transaction would fail with SQLITE_BUSY_SNAPSHOT instead
    // of waiting when another connection wrote in between.
    const rows = this.#prepared().claimDue.immediate(claim);
    return rows.sort((a, b) => a.dueAt - b.dueAt || Number(a.id) - Number(b.id)).map(decodeJob);
  }

  async complete(id: string, worker: string): Promise<void> {
    const jobId = parseJobId(id);
    if (!isKeyText(worker)) throw new JobLeaseLostError(id, worker);
    if (this.#prepared().complete.run(jobId, worker).changes !== 1) {
      throw new JobLeaseLostError(id, worker);
    }
  }

  async retry(id: string, worker: string, dueAt: string): Promise<void> {
    const dueAtMs = parseInstant(dueAt, 'retry dueAt');
    const jobId = parseJobId(id);
    if (!isKeyText(worker)) throw new JobLeaseLostError(id, worker);
    if (this.#prepared().retry.run(dueAtMs, jobId, worker).changes !== 1) {
      throw new JobLeaseLostError(id, worker);
    }
  }

  /** Prepared on first use: SQLite checks the table exists when preparing, and older schemas must still open. */
  #prepared(): Statements {
    if (this.#statements) return this.#statements;
    const db = this.#db;
    const lease = db.prepare<[ClaimRequest], JobRow>(
      `UPDATE jobs SET leased_by = @worker, lease_until = @leaseUntil
       WHERE id IN (
         SELECT id FROM jobs
         WHERE state = 'pending' AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
         ORDER BY due_at, id
         LIMIT @limit)
       RETURNING id, kind, payload, due_at AS dueAt, attempts`,
    );
    this.#statements = {
      schedule: db.prepare(
        `INSERT INTO jobs (key, kind, payload, due_at) VALUES (@key, @kind, @payload, @dueAt)
         ON CONFLICT (key) DO NOTHING`,
      ),
      reschedule: db.prepare("UPDATE jobs SET due_at = ? WHERE key = ? AND state = 'pending'"),
      cancel: db.prepare("UPDATE jobs SET state = 'done' WHERE key = ? AND state = 'pending'"),
      claimDue: db.transaction((claim: ClaimRequest) => lease.all(claim)),
      // The holder stays recorded on a finished job, so a repeated `complete` by the same worker is a no-op.
      complete: db.prepare("UPDATE jobs SET state = 'done' WHERE id = ? AND leased_by = ?"),
      retry: db.prepare(
        `UPDATE jobs SET due_at = ?, attempts = attempts + 1, leased_by = NULL, lease_until = NULL
         WHERE id = ? AND leased_by = ? AND state = 'pending'`,
      ),
    };
    return this.#statements;
  }
}
