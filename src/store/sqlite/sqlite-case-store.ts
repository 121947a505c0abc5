import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { Case } from '../../helpdesk/case.js';
import { CASE_STATUSES, CLOSED_STATUSES } from '../../helpdesk/case.js';
import type { CaseStore } from '../../helpdesk/case-store.js';
import { CaseVersionConflictError } from '../../helpdesk/case-version-conflict-error.js';
import { openCaseFrom } from '../../helpdesk/open-case-from.js';
import type { CaseRequest } from '../../recovery/case-requests.js';
import type { AuditEvent } from '../../recovery/release-ports.js';
import {
  type CaseRow,
  decodeCase,
  encodeCase,
  identityChanged,
  refuseRecoveryPasswordInCase,
  requirePositiveInteger,
} from '../case-codec.js';
import { isKeyText, requireKeyText } from '../key-text.js';
import type { SqliteAuditLog } from './sqlite-audit-log.js';

/** `status IN (…)` for cases still being worked: an IN list, unlike NOT IN, can use the status index. */
const NOT_CLOSED = CASE_STATUSES.filter((status) => !(CLOSED_STATUSES as readonly string[]).includes(status))
  .map((status) => `'${status}'`)
  .join(', ');

interface StoredIdentity {
  readonly requesterObjectId: string;
  readonly requestId: string;
  readonly caseRequestNumber: number;
  readonly version: number;
}

interface UpdateRow extends CaseRow {
  readonly expectedVersion: number;
}

interface Statements {
  readonly create: Transaction<
    (caseRequest: CaseRequest, now: Date) => { readonly document: string; readonly created: boolean }
  >;
  readonly get: Statement<[number], { document: string }>;
  readonly update: Statement<[UpdateRow]>;
  readonly identity: Statement<[number], StoredIdentity>;
  readonly openCases: Statement<[], { document: string }>;
  readonly byRequester: Statement<[string], { document: string }>;
  readonly openedSince: Statement<[number, number], { document: string }>;
}

/**
 * Helpdesk cases in `cases`. `create` runs in one IMMEDIATE transaction (look for the request's case,
 * else take the next number and insert), so of any number of connections creating one case exactly one
 * inserts and no number is spent on the others. `update` is one compare-and-swap statement on `version`.
 */
export class SqliteCaseStore implements CaseStore {
  readonly #db: Database;
  readonly #audit: SqliteAuditLog;
  #statements: Statements | undefined;

  constructor(db: Database, audit: SqliteAuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  async create(
    caseRequest: CaseRequest,
    now: Date,
  ): Promise<{ readonly case: Case; readonly created: boolean }> {
    // Refused before the transaction, so a faulty case request takes no lock and no number.
    refuseRecoveryPasswordInCase(caseRequest);
    requireKeyText(caseRequest.requester?.objectId, 'case request requester.objectId');
    requireKeyText(caseRequest.request?.id, 'case request request.id');
    const { document, created } = this.#prepared().create.immediate(caseRequest, now);
    return { case: decodeCase(document), created };
  }

  async get(number: number): Promise<Case | undefined> {
    if (!Number.isSafeInteger(number) || number < 1) return undefined;
    const row = this.#prepared().get.get(number);
    return row === undefined ? undefined : decodeCase(row.document);
  }

  async update(next: Case, expectedVersion: number, audit?: AuditEvent): Promise<void> {
    const row = encodeCase(next);
    const expected = requirePositiveInteger(expectedVersion, 'expectedVersion');
    // A change that does not raise the version would let a writer holding the old one overwrite it.
    if (row.version <= expected) throw new RangeError('case version must rise above expectedVersion');
    const statements = this.#prepared();
    // One transaction: a throw (a lost swap, an audit event the log refuses) rolls both back.
    this.#db.transaction(() => {
      if (statements.update.run({ ...row, expectedVersion: expected }).changes !== 1) {
        const stored = statements.identity.get(row.number);
        if (stored !== undefined && stored.version === expected) throw identityChanged(row.number);
        throw new CaseVersionConflictError(row.number, expected);
      }
      if (audit) this.#audit.appendNow(audit);
    })();
  }

  async openCases(): Promise<readonly Case[]> {
    return this.#prepared()
      .openCases.all()
      .map((row) => decodeCase(row.document));
  }

  async openedSince(since: Date, limit: number): Promise<readonly Case[]> {
    return this.#prepared()
      .openedSince.all(since.getTime(), requirePositiveInteger(limit, 'limit'))
      .map((row) => decodeCase(row.document));
  }

  async byRequester(requesterObjectId: string): Promise<readonly Case[]> {
    if (!isKeyText(requesterObjectId)) return [];
    return this.#prepared()
      .byRequester.all(requesterObjectId)
      .map((row) => decodeCase(row.document));
  }

  /** Prepared on first use: SQLite checks the table exists when preparing, and older schemas must still open. */
  #prepared(): Statements {
    if (this.#statements) return this.#statements;
    const db = this.#db;
    const byRequest = db.prepare<[string, string], { document: string }>(
      'SELECT document FROM cases WHERE requester_object_id = ? AND request_id = ?',
    );
    // sqlite_sequence remembers the highest number ever used, so a deleted newest case is not reused.
    const nextNumber = db.prepare<[], { next: number }>(
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cases'), 0),
                  coalesce((SELECT max(number) FROM cases), 0)) + 1 AS next`,
    );
    const insert = db.prepare<[CaseRow]>(
      `INSERT INTO cases (number, requester_object_id, request_id, case_request_number, status, version,
         created_at, updated_at, document)
       VALUES (@number, @requesterObjectId, @requestId, @caseRequestNumber, @status, @version,
         @createdAt, @updatedAt, @document)`,
    );
    const create = db.transaction((caseRequest: CaseRequest, now: Date) => {
      const existing = byRequest.get(caseRequest.requester.objectId, caseRequest.request.id);
      if (existing !== undefined) return { document: existing.document, created: false };
      const number = nextNumber.get()?.next ?? 1;
      const row = encodeCase(openCaseFrom(caseRequest, number, now));
      insert.run(row);
      return { document: row.document, created: true };
    });
    this.#statements = {
      create,
      get: db.prepare('SELECT document FROM cases WHERE number = ?'),
      // Identity columns are in the WHERE clause, not the SET list: a case never moves to another request.
      update: db.prepare(
        `UPDATE cases SET status = @status, version = @version, updated_at = @updatedAt, document = @document
         WHERE number = @number AND version = @expectedVersion AND requester_object_id = @requesterObjectId
           AND request_id = @requestId AND case_request_number = @caseRequestNumber`,
      ),
      identity: db.prepare(
        `SELECT requester_object_id AS requesterObjectId, request_id AS requestId,
           case_request_number AS caseRequestNumber, version
         FROM cases WHERE number = ?`,
      ),
      openCases: db.prepare(
        `SELECT document FROM cases WHERE status IN (${NOT_CLOSED}) ORDER BY created_at, number`,
      ),
      byRequester: db.prepare(
        'SELECT document FROM cases WHERE requester_object_id = ? ORDER BY created_at DESC, number DESC',
      ),
      openedSince: db.prepare(
        'SELECT document FROM cases WHERE created_at >= ? ORDER BY created_at DESC, number DESC LIMIT ?',
      ),
    };
    return this.#statements;
  }
}
