import type { Pool } from 'pg';
import { releaseIdOf, signInPurposeSchema } from '../../identity/sign-in-purpose.js';
import type { SignInState, SignInStateConsumption, SignInStateStore } from '../../identity/sign-in-states.js';

/** A `sign_in_states` row as `pg` returns it (TIMESTAMPTZ as Date). */
interface PostgresSignInStateRow {
  readonly state: string;
  readonly requesterObjectId: string;
  readonly requesterTenantId: string;
  readonly requesterTeamsUserId: string;
  readonly requesterDisplayName: string;
  readonly requestId: string;
  readonly conversationReference: string;
  /** JSON of the sign-in's purpose. */
  readonly purpose: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

const COLUMNS = `state, requester_object_id AS "requesterObjectId", requester_tenant_id AS "requesterTenantId",
  requester_teams_user_id AS "requesterTeamsUserId", requester_display_name AS "requesterDisplayName",
  request_id AS "requestId", conversation_reference AS "conversationReference", purpose,
  code_verifier AS "codeVerifier",
  nonce, created_at AS "createdAt", expires_at AS "expiresAt"`;

const INSERT = `
  INSERT INTO sign_in_states (state, requester_object_id, requester_tenant_id, requester_teams_user_id,
    requester_display_name, request_id, conversation_reference, purpose, code_verifier, nonce, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;
const FIND = `SELECT ${COLUMNS} FROM sign_in_states WHERE state = $1 AND expires_at > $2`;
// The row lock makes a second, concurrent DELETE wait for the first; once the first commits, the second
// re-checks the row under READ COMMITTED, finds it gone and returns nothing. One winner across instances.
const CONSUME = `DELETE FROM sign_in_states WHERE state = $1 RETURNING ${COLUMNS}`;

/** Sign-in states in the `sign_in_states` table, shared by every bot instance on the database. */
export class PostgresSignInStateStore implements SignInStateStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async create(record: SignInState): Promise<void> {
    await this.#pool.query(INSERT, [
      record.state,
      record.requester.objectId,
      record.requester.tenantId,
      record.requester.teamsUserId,
      record.requester.displayName,
      releaseIdOf(record.purpose),
      record.conversationReference,
      JSON.stringify(record.purpose),
      record.codeVerifier,
      record.nonce,
      isoTime(record.createdAt),
      isoTime(record.expiresAt),
    ]);
  }

  async find(state: string, now: Date): Promise<SignInState | undefined> {
    const [row] = (await this.#pool.query<PostgresSignInStateRow>(FIND, [state, now])).rows;
    return row === undefined ? undefined : fromRow(row);
  }

  async consume(state: string, now: Date): Promise<SignInStateConsumption> {
    const [row] = (await this.#pool.query<PostgresSignInStateRow>(CONSUME, [state])).rows;
    if (row === undefined) return { kind: 'unknown' };
    return row.expiresAt.getTime() <= now.getTime()
      ? { kind: 'expired', record: fromRow(row) }
      : { kind: 'consumed', record: fromRow(row) };
  }
}

/** Refuses a malformed time here rather than let PostgreSQL guess at it. */
function isoTime(text: string): Date {
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) throw new RangeError('sign-in state times must be ISO timestamps');
  return time;
}

function fromRow(row: PostgresSignInStateRow): SignInState {
  return {
    state: row.state,
    requester: {
      objectId: row.requesterObjectId,
      tenantId: row.requesterTenantId,
      teamsUserId: row.requesterTeamsUserId,
      displayName: row.requesterDisplayName,
    },
    purpose: signInPurposeSchema.parse(JSON.parse(row.purpose)),
    conversationReference: row.conversationReference,
    codeVerifier: row.codeVerifier,
    nonce: row.nonce,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
