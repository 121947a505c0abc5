import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { capturingLogger, storeBackends } from '../support/store-backends.js';

describe('SQLite store', () => {
  it('puts a file store in WAL mode', async () => {
    const backend = storeBackends().find((candidate) => candidate.title === 'SQLite file')!;
    const database = await backend.createDatabase();
    const store = await openStore(database.url, capturingLogger().logger);
    try {
      const [mode] = await database.query!('PRAGMA journal_mode');
      expect(mode).toEqual({ journal_mode: 'wal' });
    } finally {
      await store.close();
      await database.dispose();
    }
  });
});
