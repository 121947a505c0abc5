import type { Database, Statement } from 'better-sqlite3';
import type { ChannelStore } from '../../helpdesk/channel-store.js';
import { encodeHelpdeskChannel } from '../helpdesk-channel-codec.js';
import { isKeyText } from '../key-text.js';

interface Statements {
  readonly save: Statement<[string, string, number]>;
  readonly get: Statement<[string], { reference: string }>;
}

/** Helpdesk channels' conversation references in `helpdesk_channels`; a later save replaces the earlier. */
export class SqliteHelpdeskChannelStore implements ChannelStore {
  readonly #db: Database;
  #statements: Statements | undefined;

  constructor(db: Database) {
    this.#db = db;
  }

  async save(channelId: string, reference: string): Promise<void> {
    const row = encodeHelpdeskChannel(channelId, reference);
    this.#prepared().save.run(row.channelId, row.reference, Date.now());
  }

  async get(channelId: string): Promise<string | undefined> {
    if (!isKeyText(channelId)) return undefined;
    return this.#prepared().get.get(channelId)?.reference;
  }

  /** Prepared on first use: SQLite checks the table exists when preparing, and older schemas must still open. */
  #prepared(): Statements {
    this.#statements ??= {
      save: this.#db.prepare(
        `INSERT INTO helpdesk_channels (channel_id, reference, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      ),
      get: this.#db.prepare('SELECT reference FROM helpdesk_channels WHERE channel_id = ?'),
    };
    return this.#statements;
  }
}
