import type { Database, Statement } from 'better-sqlite3';
import { releaseIdOf, signInPurposeSchema } from '../../identity/sign-in-purpose.js';
import type { SignInState, SignInStateConsumption, SignInStateStore } from '../../identity/sign-in-states.js';

/** A `sign_in_states` row; times are epoch milliseconds so expiry compares as numbers. */
interface SignInStateRow {
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
  readonly createdAt: number;
  readonly expiresAt: number;
}

const COLUMNS = `state, requester_object_id AS requesterObjectId, requester_tenant_id AS requesterTenantId,
  requester_teams_user_id AS requesterTeamsUserId, requester_display_name AS requesterDisplayName,
  request_id AS requestId, conversation_reference AS conversationReference, purpose,
  code_verifier AS codeVerifier,
  nonce, created_at AS createdAt, expires_at AS expiresAt`;

interface Statements {
  readonly insert: Statement<[SignInStateRow]>;
  readonly find: Statement<[string, number], SignInStateRow>;
  readonly consume: Statement<[string], SignInStateRow>;
}

/**
 * Sign-in states in the `sign_in_states` table. `consume` is one `DELETE … RETURNING`: SQLite runs it under
 * the database write lock, so of two callers (threads, processes on the same file) exactly one gets the row.
 */
export class SqliteSignInStateStore implements SignInStateStore {
  readonly #db: Database;
  #statements: Statements | undefined;

  constructor(db: Database) {
    this.#db = db;
  }

  async create(record: SignInState): Promise<void> {
    this.#prepared().insert.run(toRow(record));
  }

  async find(state: string, now: Date): Promise<SignInState | undefined> {
    const row = this.#prepared().find.get(state, now.getTime());
    return row === undefined ? undefined : fromRow(row);
  }

  async consume(state: string, now: Date): Promise<SignInStateConsumption> {
    const row = this.#prepared().consume.get(state);
    if (row === undefined) return { kind: 'unknown' };
    return row.expiresAt <= now.getTime()
      ? { kind: 'expired', record: fromRow(row) }
      : { kind: 'consumed', record: fromRow(row) };
  }

  /** Prepared on first use: SQLite checks the table exists when preparing, and older schemas must still open. */
  #prepared(): Statements {
    if (this.#statements) return this.#statements;
    const db = this.#db;
    this.#statements = {
      insert: db.prepare<[SignInStateRow]>(
        `INSERT INTO sign_in_states (state, requester_object_id, requester_tenant_id, requester_teams_user_id,
           requester_display_name, request_id, conversation_reference, purpose, code_verifier, nonce, created_at, expires_at)
         VALUES (@state, @requesterObjectId, @requesterTenantId, @requesterTeamsUserId, @requesterDisplayName,
           @requestId, @conversationReference, @purpose, @codeVerifier, @nonce, @createdAt, @expiresAt)`,
      ),
      find: db.prepare<[string, number], SignInStateRow>(
        `SELECT ${COLUMNS} FROM sign_in_states WHERE state = ? AND expires_at > ?`,
      ),
      consume: db.prepare<[string], SignInStateRow>(
        `DELETE FROM sign_in_states WHERE state = ? RETURNING ${COLUMNS}`,
      ),
    };
    return this.#statements;
  }
}

function toRow(record: SignInState): SignInStateRow {
  const createdAt = Date.parse(record.createdAt);
  const expiresAt = Date.parse(record.expiresAt);
  if (!Number.isFinite(createdAt) || !Number.isFinite(expiresAt)) {
    throw new RangeError('sign-in state times must be ISO timestamps');
  }
  return {
    state: record.state,
    requesterObjectId: record.requester.objectId,
    requesterTenantId: record.requester.tenantId,
    requesterTeamsUserId: record.requester.teamsUserId,
    requesterDisplayName: record.requester.displayName,
    requestId: releaseIdOf(record.purpose),
    conversationReference: record.conversationReference,
    purpose: JSON.stringify(record.purpose),
    codeVerifier: record.codeVerifier,
    nonce: record.nonce,
    createdAt,
    expiresAt,
  };
}

function fromRow(row: SignInStateRow): SignInState {
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
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
  };
}
