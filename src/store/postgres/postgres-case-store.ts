import type { Pool } from 'pg';
import { CASE_STATUSES, type Case, CLOSED_STATUSES } from '../../helpdesk/case.js';
import type { CaseStore } from '../../helpdesk/case-store.js';
import { CaseVersionConflictError } from '../../helpdesk/case-version-conflict-error.js';
import { openCaseFrom } from '../../helpdesk/open-case-from.js';
import type { CaseRequest } from '../../recovery/case-requests.js';
import type { AuditEvent } from '../../recovery/release-ports.js';
import {
  decodeCase,
  encodeCase,
  identityChanged,
  refuseRecoveryPasswordInCase,
  requirePositiveInteger,
} from '../case-codec.js';
import { formatInstant } from '../instant.js';
import { isKeyText, requireKeyText } from '../key-text.js';
import { appendAuditEvent } from './postgres-audit-log.js';
import { withPostgresTransaction } from './postgres-transaction.js';

const NOT_CLOSED = CASE_STATUSES.filter((status) => !(CLOSED_STATUSES as readonly string[]).includes(status));

// Creators of the same case take turns on a transaction-scoped advisory lock keyed by the request, so
// the second finds the first's committed row (READ COMMITTED: each statement sees what committed before
// it) and never draws a number from the sequence. Creators of different cases rarely share a key, and
// when the hashes collide they merely wait for each other.
const LOCK_REQUEST = `SELECT pg_advisory_xact_lock(hashtext('bitlocker-recovery-bot/cases'), hashtext($1 || '/' || $2))`;
const BY_REQUEST = 'SELECT document FROM cases WHERE requester_object_id = $1 AND request_id = $2';
const NEXT_NUMBER = "SELECT nextval('cases_number_seq') AS next";
// ON CONFLICT only matters for a writer that bypasses the lock; it then reads the winner's row.
const INSERT = `
  INSERT INTO cases (number, requester_object_id, request_id, case_request_number, status, version,
    created_at, updated_at, document)
  VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9)
  ON CONFLICT (requester_object_id, request_id) DO NOTHING`;
const GET = 'SELECT document FROM cases WHERE number = $1';
// One statement: under READ COMMITTED a concurrent UPDATE of the same row makes this one wait, then
// re-check `version` against the committed row, so of two writers holding one version exactly one wins.
// Identity columns are in the WHERE clause, not the SET list: a case never moves to another request.
const UPDATE = `
  UPDATE cases SET status = $2, version = $3, updated_at = $4::timestamptz, document = $5
  WHERE number = $1 AND version = $6 AND requester_object_id = $7 AND request_id = $8
    AND case_request_number = $9`;
const IDENTITY = 'SELECT version FROM cases WHERE number = $1';
const OPEN_CASES = 'SELECT document FROM cases WHERE status = ANY($1::text[]) ORDER BY created_at, number';
const OPENED_SINCE =
  'SELECT document FROM cases WHERE created_at >= $1 ORDER BY created_at DESC, number DESC LIMIT $2';
const BY_REQUESTER =
  'SELECT document FROM cases WHERE requester_object_id = $1 ORDER BY created_at DESC, number DESC';

/** Helpdesk cases in `cases`, shared by every bot instance on the database. */
export class PostgresCaseStore implements CaseStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async create(
    caseRequest: CaseRequest,
    now: Date,
  ): Promise<{ readonly case: Case; readonly created: boolean }> {
    // Refused before the transaction, so a faulty case request takes no lock and no number.
    refuseRecoveryPasswordInCase(caseRequest);
    const objectId = requireKeyText(caseRequest.requester?.objectId, 'case request requester.objectId');
    const requestId = requireKeyText(caseRequest.request?.id, 'case request request.id');
    const { document, created } = await withPostgresTransaction(this.#pool, async (client) => {
      await client.query(LOCK_REQUEST, [objectId, requestId]);
      const existing = await client.query<{ document: string }>(BY_REQUEST, [objectId, requestId]);
      if (existing.rows[0] !== undefined) return { document: existing.rows[0].document, created: false };
      // nextval is a bigint, which pg hands over as a string.
      const drawn = await client.query<{ next: string }>(NEXT_NUMBER);
      const row = encodeCase(openCaseFrom(caseRequest, Number(drawn.rows[0]?.next), now));
      const inserted = await client.query(INSERT, [
        row.number,
        row.requesterObjectId,
        row.requestId,
        row.caseRequestNumber,
        row.status,
        row.version,
        formatInstant(row.createdAt),
        formatInstant(row.updatedAt),
        row.document,
      ]);
      if (inserted.rowCount === 1) return { document: row.document, created: true };
      const winner = await client.query<{ document: string }>(BY_REQUEST, [objectId, requestId]);
      if (winner.rows[0] === undefined) throw new Error('case vanished while it was being created');
      return { document: winner.rows[0].document, created: false };
    });
    return { case: decodeCase(document), created };
  }

  async get(number: number): Promise<Case | undefined> {
    if (!Number.isSafeInteger(number) || number < 1) return undefined;
    const result = await this.#pool.query<{ document: string }>(GET, [number]);
    const [row] = result.rows;
    return row === undefined ? undefined : decodeCase(row.document);
  }

  async update(next: Case, expectedVersion: number, audit?: AuditEvent): Promise<void> {
    const row = encodeCase(next);
    const expected = requirePositiveInteger(expectedVersion, 'expectedVersion');
    // A change that does not raise the version would let a writer holding the old one overwrite it.
    if (row.version <= expected) throw new RangeError('case version must rise above expectedVersion');
    const values = [
      row.number,
      row.status,
      row.version,
      formatInstant(row.updatedAt),
      row.document,
      expected,
      row.requesterObjectId,
      row.requestId,
      row.caseRequestNumber,
    ];
    // One transaction: a throw (a lost swap, an audit event the log refuses) rolls both back.
    await withPostgresTransaction(this.#pool, async (client) => {
      const result = await client.query(UPDATE, values);
      if (result.rowCount !== 1) {
        const stored = await client.query<{ version: number }>(IDENTITY, [row.number]);
        if (stored.rows[0]?.version === expected) throw identityChanged(row.number);
        throw new CaseVersionConflictError(row.number, expected);
      }
      if (audit) await appendAuditEvent(client, audit);
    });
  }

  async openCases(): Promise<readonly Case[]> {
    const result = await this.#pool.query<{ document: string }>(OPEN_CASES, [NOT_CLOSED]);
    return result.rows.map((row) => decodeCase(row.document));
  }

  async openedSince(since: Date, limit: number): Promise<readonly Case[]> {
    const result = await this.#pool.query<{ document: string }>(OPENED_SINCE, [
      since,
      requirePositiveInteger(limit, 'limit'),
    ]);
    return result.rows.map((row) => decodeCase(row.document));
  }

  async byRequester(requesterObjectId: string): Promise<readonly Case[]> {
    // No case has an empty or NUL-bearing requester, and PostgreSQL would reject a NUL parameter.
    if (!isKeyText(requesterObjectId)) return [];
    const result = await this.#pool.query<{ document: string }>(BY_REQUESTER, [requesterObjectId]);
    return result.rows.map((row) => decodeCase(row.document));
  }
}
