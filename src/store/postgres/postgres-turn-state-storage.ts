import type { Storage, StoreItems } from 'botbuilder';
import type { Pool, PoolClient } from 'pg';
import { ETagConflictError } from '../etag-conflict-error.js';
import {
  decodeTurnStateItem,
  encodeTurnStateWrites,
  requireKeys,
  type TurnStateWrite,
} from '../turn-state-codec.js';
import { withPostgresTransaction } from './postgres-transaction.js';

interface TurnStateRow {
  key: string;
  etag: string;
  value: string;
}

const UPSERT = `
  INSERT INTO turn_state (key, etag, value, updated_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (key) DO UPDATE SET etag = EXCLUDED.etag, value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`;
const CREATE = `
  INSERT INTO turn_state (key, etag, value, updated_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (key) DO NOTHING`;
// Under READ COMMITTED a concurrent UPDATE of the same row waits, then re-checks `etag` against the
// committed row, so of two writers holding the same eTag exactly one matches.
const REPLACE =
  'UPDATE turn_state SET etag = $1, value = $2, updated_at = now() WHERE key = $3 AND etag = $4';

/** botbuilder `Storage` over the `turn_state` table, safe for several bot instances on one database. */
export class PostgresTurnStateStorage implements Storage {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const wanted = requireKeys(keys, 'read');
    const items: StoreItems = {};
    if (wanted.length === 0) return items;
    const result = await this.#pool.query<TurnStateRow>(
      'SELECT key, etag, value FROM turn_state WHERE key = ANY($1::text[])',
      [wanted],
    );
    for (const row of result.rows) items[row.key] = decodeTurnStateItem(row.value, row.etag);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes = encodeTurnStateWrites(changes);
    const [only] = writes;
    if (only === undefined) return;
    // One statement is atomic on its own; several need a transaction so a conflict undoes them all.
    if (writes.length === 1) {
      await applyWrite(this.#pool, only);
      return;
    }
    await withPostgresTransaction(this.#pool, async (client) => {
      for (const write of writes) await applyWrite(client, write);
    });
  }

  async delete(keys: string[]): Promise<void> {
    const doomed = requireKeys(keys, 'delete');
    if (doomed.length === 0) return;
    await this.#pool.query('DELETE FROM turn_state WHERE key = ANY($1::text[])', [doomed]);
  }
}

async function applyWrite(db: Pool | PoolClient, write: TurnStateWrite): Promise<void> {
  const result =
    write.mode === 'upsert'
      ? await db.query(UPSERT, [write.key, write.newETag, write.value])
      : write.mode === 'create'
        ? await db.query(CREATE, [write.key, write.newETag, write.value])
        : await db.query(REPLACE, [write.newETag, write.value, write.key, write.expectedETag]);
  if (result.rowCount !== 1) throw new ETagConflictError(write.key);
}
