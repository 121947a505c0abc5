import type { Pool } from 'pg';
import type { ConversationLocks } from '../conversation-locks.js';
import { isKeyText } from '../key-text.js';

// ON CONFLICT waits for a concurrent insert of the same conversation, then applies the WHERE: of two
// instances taking a free lease at once, exactly one gets a row back.
const ACQUIRE = `
  INSERT INTO conversation_locks (conversation_id, holder, lease_until) VALUES ($1, $2, $3::timestamptz)
  ON CONFLICT (conversation_id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
  WHERE conversation_locks.lease_until <= $4::timestamptz OR conversation_locks.holder = excluded.holder
  RETURNING holder`;
const RELEASE = `
  UPDATE conversation_locks SET lease_until = 'epoch'::timestamptz WHERE conversation_id = $1 AND holder = $2`;

/** Conversation leases shared by every instance on the database. */
export class PostgresConversationLocks implements ConversationLocks {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async acquire(conversationId: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
    if (!isKeyText(conversationId)) return true;
    const result = await this.#pool.query(ACQUIRE, [
      conversationId,
      holder,
      new Date(now.getTime() + leaseMs).toISOString(),
      now.toISOString(),
    ]);
    return result.rowCount === 1;
  }

  async release(conversationId: string, holder: string): Promise<void> {
    if (!isKeyText(conversationId)) return;
    await this.#pool.query(RELEASE, [conversationId, holder]);
  }
}
