import type { Pool } from 'pg';
import type { CaseRequest, CaseRequestStore, NewCaseRequest } from '../../recovery/case-requests.js';
import { decodeCaseRequest, encodeCaseRequest, type StoredCaseRequestRow } from '../case-request-codec.js';

/** What `pg` hands back: BIGINT as a string (it may exceed 2^53) and TIMESTAMPTZ as a Date. */
interface PostgresCaseRequestRow extends Omit<StoredCaseRequestRow, 'number' | 'createdAt'> {
  readonly number: string;
  readonly createdAt: Date;
}

const COLUMNS = `number, requester_object_id AS "requesterObjectId", request_id AS "requestId",
  tenant_id AS "tenantId", requester, request, reason, conversation_reference AS "conversationReference",
  created_at AS "createdAt"`;

// ON CONFLICT waits for a concurrent insert of the same pair to commit or roll back before deciding, so
// exactly one of two racing callers gets a row from RETURNING.
const INSERT = `
  INSERT INTO case_requests (requester_object_id, request_id, tenant_id, requester, request, reason,
    conversation_reference, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (requester_object_id, request_id) DO NOTHING
  RETURNING ${COLUMNS}`;
// A separate statement, not part of the INSERT: under READ COMMITTED it takes a fresh snapshot and so
// sees the winner's committed row, which a CTE sharing the INSERT's snapshot would not.
const SELECT = `SELECT ${COLUMNS} FROM case_requests WHERE requester_object_id = $1 AND request_id = $2`;
const LATEST = `SELECT ${COLUMNS} FROM case_requests WHERE requester_object_id = $1 ORDER BY number DESC LIMIT 1`;

/** Insert-or-read rounds before giving up; a second round is needed only if the row is deleted in between. */
const ATTEMPTS = 3;

/** Case requests in the `case_requests` table, safe for several bot instances on one database. */
export class PostgresCaseRequestStore implements CaseRequestStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async record(
    caseRequest: NewCaseRequest,
  ): Promise<{ readonly caseRequest: CaseRequest; readonly created: boolean }> {
    const row = encodeCaseRequest(caseRequest);
    const values = [
      row.requesterObjectId,
      row.requestId,
      row.tenantId,
      row.requester,
      row.request,
      row.reason,
      row.conversationReference,
      row.createdAt,
    ];
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const inserted = await this.#pool.query<PostgresCaseRequestRow>(INSERT, values);
      const [fresh] = inserted.rows;
      if (fresh !== undefined) return { caseRequest: decode(fresh), created: true };
      const existing = await this.#pool.query<PostgresCaseRequestRow>(SELECT, [
        row.requesterObjectId,
        row.requestId,
      ]);
      const [found] = existing.rows;
      if (found !== undefined) return { caseRequest: decode(found), created: false };
    }
    throw new Error(`case request kept conflicting without a readable row after ${ATTEMPTS} attempts`);
  }

  async latestFor(requesterObjectId: string): Promise<CaseRequest | undefined> {
    const result = await this.#pool.query<PostgresCaseRequestRow>(LATEST, [requesterObjectId]);
    const [row] = result.rows;
    return row === undefined ? undefined : decode(row);
  }
}

function decode(row: PostgresCaseRequestRow): CaseRequest {
  return decodeCaseRequest({ ...row, number: Number(row.number), createdAt: row.createdAt.toISOString() });
}
