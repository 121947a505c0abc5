import type { Database } from 'better-sqlite3';
import type { Retention, RetentionCounts, RetentionCutoffs } from '../retention.js';

const CLOSED = "'resolved', 'cancelled', 'rejected'";

/** Retention on the embedded store: times are epoch milliseconds, except case requests' ISO text. */
export class SqliteRetention implements Retention {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async purge(cutoffs: RetentionCutoffs): Promise<RetentionCounts> {
    const db = this.#db;
    const run = (sql: string, value: number | string) => db.prepare(sql).run(value).changes;
    return db.transaction(() => ({
      turnState: run('DELETE FROM turn_state WHERE updated_at < ?', cutoffs.turnState.getTime()),
      signInStates: run('DELETE FROM sign_in_states WHERE expires_at < ?', cutoffs.signInStates.getTime()),
      finishedJobs: run(
        "DELETE FROM jobs WHERE state = 'done' AND due_at < ?",
        cutoffs.finishedJobs.getTime(),
      ),
      // ISO instants in one format (`Date#toISOString`) sort as text.
      caseRequests: run('DELETE FROM case_requests WHERE created_at < ?', cutoffs.caseRequests.toISOString()),
      closedCases: run(
        `DELETE FROM cases WHERE status IN (${CLOSED}) AND updated_at < ?`,
        cutoffs.closedCases.getTime(),
      ),
      auditEvents: run('DELETE FROM audit_events WHERE at < ?', cutoffs.auditEvents.getTime()),
    }))();
  }
}
