import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on one pooled connection between BEGIN and COMMIT; any throw rolls back. Repositories use
 * this for multi-statement changes so they share the store's pool instead of opening their own.
 */
export async function withPostgresTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
      client.release();
    } catch (rollbackError) {
      // The connection itself is broken (server gone, socket reset): destroy it rather than hand a
      // half-open transaction to the next caller. The original error is the one worth reporting.
      client.release(rollbackError instanceof Error ? rollbackError : true);
    }
    throw error;
  }
}
