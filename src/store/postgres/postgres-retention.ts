import type { Pool } from 'pg';
import type { Retention, RetentionCounts, RetentionCutoffs } from '../retention.js';
import { withPostgresTransaction } from './postgres-transaction.js';

const CLOSED = "'resolved', 'cancelled', 'rejected'";

/** Retention on the shared store; any instance may run it, and two at once delete each row once. */
export class PostgresRetention implements Retention {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async purge(cutoffs: RetentionCutoffs): Promise<RetentionCounts> {
    return withPostgresTransaction(this.#pool, async (client) => {
      const run = async (sql: string, at: Date) =>
        (await client.query(sql, [at.toISOString()])).rowCount ?? 0;
      return {
        turnState: await run('DELETE FROM turn_state WHERE updated_at < $1::timestamptz', cutoffs.turnState),
        signInStates: await run(
          'DELETE FROM sign_in_states WHERE expires_at < $1::timestamptz',
          cutoffs.signInStates,
        ),
        finishedJobs: await run(
          "DELETE FROM jobs WHERE state = 'done' AND due_at < $1::timestamptz",
          cutoffs.finishedJobs,
        ),
        caseRequests: await run(
          'DELETE FROM case_requests WHERE created_at < $1::timestamptz',
          cutoffs.caseRequests,
        ),
        closedCases: await run(
          `DELETE FROM cases WHERE status IN (${CLOSED}) AND updated_at < $1::timestamptz`,
          cutoffs.closedCases,
        ),
        auditEvents: await run('DELETE FROM audit_events WHERE at < $1::timestamptz', cutoffs.auditEvents),
      };
    });
  }
}
