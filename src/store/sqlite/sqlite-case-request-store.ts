import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { CaseRequest, CaseRequestStore, NewCaseRequest } from '../../recovery/case-requests.js';
import {
  type CaseRequestRow,
  decodeCaseRequest,
  encodeCaseRequest,
  type StoredCaseRequestRow,
} from '../case-request-codec.js';

const COLUMNS = `number, requester_object_id AS requesterObjectId, request_id AS requestId, tenant_id AS tenantId,
  requester, request, reason, conversation_reference AS conversationReference, created_at AS createdAt`;

interface Statements {
  readonly recordRow: Transaction<(row: CaseRequestRow) => { row: StoredCaseRequestRow; created: boolean }>;
  readonly latest: Statement<[string], StoredCaseRequestRow>;
}

/**
 * Case requests in the `case_requests` table. Insert and read-back run in one IMMEDIATE transaction: the
 * write lock is held from before the insert until the row is read, so another process on the same file
 * cannot slip in between, and of two callers for one request exactly one inserts.
 */
export class SqliteCaseRequestStore implements CaseRequestStore {
  readonly #db: Database;
  #statements: Statements | undefined;

  constructor(db: Database) {
    this.#db = db;
  }

  async record(
    caseRequest: NewCaseRequest,
  ): Promise<{ readonly caseRequest: CaseRequest; readonly created: boolean }> {
    const { row, created } = this.#prepared().recordRow.immediate(encodeCaseRequest(caseRequest));
    return { caseRequest: decodeCaseRequest(row), created };
  }

  async latestFor(requesterObjectId: string): Promise<CaseRequest | undefined> {
    const row = this.#prepared().latest.get(requesterObjectId);
    return row === undefined ? undefined : decodeCaseRequest(row);
  }

  /**
   * Statements are prepared on first use, not in the constructor: SQLite checks the table exists when
   * preparing, and a store opened on a schema without it (an older migration list) must still open.
   */
  #prepared(): Statements {
    if (this.#statements) return this.#statements;
    const db = this.#db;
    const insert = db.prepare<[string, string, string, string, string, string, string, string]>(
      `INSERT INTO case_requests (requester_object_id, request_id, tenant_id, requester, request, reason,
         conversation_reference, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (requester_object_id, request_id) DO NOTHING`,
    );
    const select = db.prepare<[string, string], StoredCaseRequestRow>(
      `SELECT ${COLUMNS} FROM case_requests WHERE requester_object_id = ? AND request_id = ?`,
    );
    const recordRow = db.transaction((row: CaseRequestRow) => {
      const result = insert.run(
        row.requesterObjectId,
        row.requestId,
        row.tenantId,
        row.requester,
        row.request,
        row.reason,
        row.conversationReference,
        row.createdAt,
      );
      const stored = select.get(row.requesterObjectId, row.requestId);
      // Unreachable while the write lock is held; a throw here rolls back rather than return nothing.
      if (stored === undefined) throw new Error('case request vanished inside its own transaction');
      return { row: stored, created: result.changes === 1 };
    });
    const latest = db.prepare<[string], StoredCaseRequestRow>(
      `SELECT ${COLUMNS} FROM case_requests WHERE requester_object_id = ? ORDER BY number DESC LIMIT 1`,
    );
    this.#statements = { recordRow, latest };
    return this.#statements;
  }
}
