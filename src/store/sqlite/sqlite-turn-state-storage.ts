import type { Database, Statement } from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError } from '../etag-conflict-error.js';
import { decodeTurnStateItem, encodeTurnStateWrites, requireKeys } from '../turn-state-codec.js';

interface TurnStateRow {
  key: string;
  etag: string;
  value: string;
}

/**
 * botbuilder `Storage` over the `turn_state` table. better-sqlite3 is synchronous, so each call runs to
 * completion inside one transaction without yielding; other processes on the same file are serialized
 * by SQLite's write lock, and every eTag check is part of the statement that writes.
 */
export class SqliteTurnStateStorage implements Storage {
  readonly #db: Database;
  readonly #select: Statement<[string], TurnStateRow>;
  readonly #upsert: Statement<[string, string, string, number]>;
  readonly #create: Statement<[string, string, string, number]>;
  readonly #replace: Statement<[string, string, number, string, string]>;
  readonly #delete: Statement<[string]>;

  constructor(db: Database) {
    this.#db = db;
    // Keys travel as one JSON array so any number of them binds to a single parameter.
    this.#select = db.prepare(
      'SELECT key, etag, value FROM turn_state WHERE key IN (SELECT value FROM json_each(?))',
    );
    this.#upsert = db.prepare(
      `INSERT INTO turn_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.#create = db.prepare(
      `INSERT INTO turn_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO NOTHING`,
    );
    this.#replace = db.prepare(
      'UPDATE turn_state SET etag = ?, value = ?, updated_at = ? WHERE key = ? AND etag = ?',
    );
    this.#delete = db.prepare('DELETE FROM turn_state WHERE key IN (SELECT value FROM json_each(?))');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const wanted = requireKeys(keys, 'read');
    const items: StoreItems = {};
    if (wanted.length === 0) return items;
    for (const row of this.#select.all(JSON.stringify(wanted))) {
      items[row.key] = decodeTurnStateItem(row.value, row.etag);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes = encodeTurnStateWrites(changes);
    if (writes.length === 0) return;
    const now = Date.now();
    // A thrown conflict rolls back the writes already made in this call: all or nothing.
    const apply = this.#db.transaction(() => {
      for (const write of writes) {
        const result =
          write.mode === 'upsert'
            ? this.#upsert.run(write.key, write.newETag, write.value, now)
            : write.mode === 'create'
              ? this.#create.run(write.key, write.newETag, write.value, now)
              : this.#replace.run(write.newETag, write.value, now, write.key, write.expectedETag);
        if (result.changes !== 1) throw new ETagConflictError(write.key);
      }
    });
    apply.immediate();
  }

  async delete(keys: string[]): Promise<void> {
    const doomed = requireKeys(keys, 'delete');
    if (doomed.length === 0) return;
    this.#delete.run(JSON.stringify(doomed));
  }
}
