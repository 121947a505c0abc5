import type { Migration } from './migration.js';

/**
 * The store's schema history, oldest first. Each repository that joins the store (cases, audit events,
 * rate-limit counters, jobs) appends its own migration here; nothing is ever edited in place.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'turn_state',
    // The value is kept as text, not jsonb: turn state is an opaque document for botbuilder, and text
    // round-trips exactly (jsonb rejects `\u0000` and reorders keys). `updated_at` lets a later job
    // prune conversations nobody has touched for months.
    sqlite: `
      CREATE TABLE turn_state (
        key TEXT PRIMARY KEY NOT NULL,
        etag TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX turn_state_updated_at ON turn_state (updated_at);
    `,
    postgres: `
      CREATE TABLE turn_state (
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX turn_state_updated_at ON turn_state (updated_at);
    `,
  },
];
