import type { Pool } from 'pg';
import type { ChannelStore } from '../../helpdesk/channel-store.js';
import { encodeHelpdeskChannel } from '../helpdesk-channel-codec.js';
import { isKeyText } from '../key-text.js';

const SAVE = `
  INSERT INTO helpdesk_channels (channel_id, reference, updated_at) VALUES ($1, $2, now())
  ON CONFLICT (channel_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`;
const GET = 'SELECT reference FROM helpdesk_channels WHERE channel_id = $1';

/** Helpdesk channels' conversation references in `helpdesk_channels`, shared by every instance. */
export class PostgresHelpdeskChannelStore implements ChannelStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async save(channelId: string, reference: string): Promise<void> {
    const row = encodeHelpdeskChannel(channelId, reference);
    await this.#pool.query(SAVE, [row.channelId, row.reference]);
  }

  async get(channelId: string): Promise<string | undefined> {
    // No channel has an empty or NUL-bearing id, and PostgreSQL would reject a NUL parameter.
    if (!isKeyText(channelId)) return undefined;
    const result = await this.#pool.query<{ reference: string }>(GET, [channelId]);
    return result.rows[0]?.reference;
  }
}
