import { randomUUID } from 'node:crypto';
import type { StoreItem, StoreItems } from 'botbuilder';

/**
 * How one item of a `Storage.write` may land:
 * - `upsert`: eTag `*`, the only blind write;
 * - `create`: no eTag, succeeds only while the key is absent;
 * - `replace`: compare-and-swap against the eTag the writer read.
 */
export type TurnStateWrite =
  | { readonly mode: 'upsert'; readonly key: string; readonly value: string; readonly newETag: string }
  | { readonly mode: 'create'; readonly key: string; readonly value: string; readonly newETag: string }
  | {
      readonly mode: 'replace';
      readonly key: string;
      readonly value: string;
      readonly newETag: string;
      readonly expectedETag: string;
    };

/**
 * Turns a `Storage.write` argument into backend-neutral writes, sorted by key so that two transactions
 * touching the same keys lock them in the same order and cannot deadlock each other.
 */
export function encodeTurnStateWrites(changes: StoreItems): TurnStateWrite[] {
  if (changes === null || typeof changes !== 'object') {
    throw new TypeError('Storage.write needs an object of items keyed by storage key');
  }
  return Object.keys(changes)
    .sort()
    .map((key) => encodeWrite(key, changes[key]));
}

function encodeWrite(key: string, item: unknown): TurnStateWrite {
  if (key === '') throw new TypeError('Storage.write: keys must be non-empty');
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`Storage.write: the item for "${key}" must be a plain object`);
  }
  const { eTag, ...rest } = item as StoreItem;
  if (eTag !== undefined && eTag !== null && typeof eTag !== 'string') {
    throw new TypeError(`Storage.write: the eTag for "${key}" must be a string`);
  }
  // The eTag lives in its own column; keeping it out of the JSON means there is one truth for it.
  const value = JSON.stringify(rest);
  const newETag = randomUUID();
  if (eTag === '*') return { mode: 'upsert', key, value, newETag };
  if (eTag === undefined || eTag === null || eTag === '') return { mode: 'create', key, value, newETag };
  return { mode: 'replace', key, value, newETag, expectedETag: eTag };
}

/** A stored row back into the item botbuilder expects, carrying its current eTag. */
export function decodeTurnStateItem(value: string, eTag: string): StoreItem {
  return { ...(JSON.parse(value) as Record<string, unknown>), eTag };
}

/** `Storage.read`/`delete` take an array; botbuilder's own stores throw a ReferenceError otherwise. */
export function requireKeys(keys: readonly string[], operation: 'read' | 'delete'): readonly string[] {
  if (!Array.isArray(keys)) throw new ReferenceError(`Keys are required when calling Storage.${operation}.`);
  return keys;
}
