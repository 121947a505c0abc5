import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { openStore, type Store } from '../../src/store/store.js';
import { storeBackends } from '../support/store-backends.js';

const T0 = new Date('2026-12-02T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(
  storeBackends()
    .filter((backend) => backend.shared)
    .map((backend) => [backend.title, backend] as const),
)('conversation locks contract: %s', (_title, backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const twoInstances = async (): Promise<[Store, Store]> => {
    const database = await backend.createDatabase();
    const logger = createLogger({ level: 'silent' });
    const first = await openStore(database.url, logger);
    const second = await openStore(database.url, logger);
    cleanups.push(
      () => database.dispose(),
      () => first.close(),
      () => second.close(),
    );
    return [first, second];
  };

  it.skipIf(!backend.enabled)(
    'one holder at a time across instances; released or run out, it is free again',
    async () => {
      const [left, right] = await twoInstances();
      expect(await left.conversationLocks.acquire('a:1', 'left', T0, 1000)).toBe(true);
      expect(await right.conversationLocks.acquire('a:1', 'right', later(10), 1000)).toBe(false);
      // Another conversation is not held up.
      expect(await right.conversationLocks.acquire('a:2', 'right', later(10), 1000)).toBe(true);
      // Only the holder can release it.
      await right.conversationLocks.release('a:1', 'right');
      expect(await right.conversationLocks.acquire('a:1', 'right', later(20), 1000)).toBe(false);
      await left.conversationLocks.release('a:1', 'left');
      expect(await right.conversationLocks.acquire('a:1', 'right', later(30), 1000)).toBe(true);
      // The holder extends its own lease (a heartbeat); another instance still waits.
      expect(await right.conversationLocks.acquire('a:1', 'right', later(900), 1000)).toBe(true);
      expect(await left.conversationLocks.acquire('a:1', 'left', later(1100), 1000)).toBe(false);
      // A holder that died: its lease runs out and another instance takes over.
      expect(await left.conversationLocks.acquire('a:1', 'left', later(1901), 1000)).toBe(true);
    },
  );

  it.skipIf(!backend.enabled)(
    'of two instances taking a free lease at once, exactly one gets it, every round',
    async () => {
      const [left, right] = await twoInstances();
      for (let round = 0; round < 40; round += 1) {
        const id = `a:race-${round}`;
        const outcomes = await Promise.all([
          left.conversationLocks.acquire(id, 'left', T0, 1000),
          right.conversationLocks.acquire(id, 'right', T0, 1000),
        ]);
        expect(outcomes.filter(Boolean)).toHaveLength(1);
      }
    },
  );
});
