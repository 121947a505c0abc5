import type { Database } from 'better-sqlite3';
import type { ConversationLocks } from '../conversation-locks.js';
import { isKeyText } from '../key-text.js';

/** Conversation leases in the embedded store; one statement each, atomic under SQLite's write lock. */
export class SqliteConversationLocks implements ConversationLocks {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async acquire(conversationId: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
    if (!isKeyText(conversationId)) return true;
    const changes = this.#db
      .prepare(
        `INSERT INTO conversation_locks (conversation_id, holder, lease_until) VALUES (?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
         WHERE conversation_locks.lease_until <= ? OR conversation_locks.holder = excluded.holder`,
      )
      .run(conversationId, holder, now.getTime() + leaseMs, now.getTime()).changes;
    return changes === 1;
  }

  async release(conversationId: string, holder: string): Promise<void> {
    if (!isKeyText(conversationId)) return;
    this.#db
      .prepare('UPDATE conversation_locks SET lease_until = 0 WHERE conversation_id = ? AND holder = ?')
      .run(conversationId, holder);
  }
}
