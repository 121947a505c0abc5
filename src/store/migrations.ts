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
  {
    version: 2,
    name: 'case_requests',
    // `number` is what people read out ("request 42"): SQLite's AUTOINCREMENT and PostgreSQL's identity
    // never hand out a number twice, even after the newest row is deleted. Numbers may skip (PostgreSQL
    // spends one on every insert that hits the conflict) but always increase. The unique pair is what
    // makes `record` idempotent; the index serves "latest for requester" without a sort.
    sqlite: `
      CREATE TABLE case_requests (
        number INTEGER PRIMARY KEY AUTOINCREMENT,
        requester_object_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        requester TEXT NOT NULL,
        request TEXT NOT NULL,
        reason TEXT NOT NULL,
        conversation_reference TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (requester_object_id, request_id)
      ) STRICT;
      CREATE INDEX case_requests_latest_for_requester ON case_requests (requester_object_id, number DESC);
    `,
    postgres: `
      CREATE TABLE case_requests (
        number BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        requester_object_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        requester TEXT NOT NULL,
        request TEXT NOT NULL,
        reason TEXT NOT NULL,
        conversation_reference TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        CONSTRAINT case_requests_requester_request UNIQUE (requester_object_id, request_id)
      );
      CREATE INDEX case_requests_latest_for_requester ON case_requests (requester_object_id, number DESC);
    `,
  },
  {
    version: 3,
    name: 'sign_in_states',
    // One row per step-up sign-in in flight, deleted by the callback that uses it (DELETE … RETURNING is
    // what makes a state single-use across instances). SQLite keeps times as epoch milliseconds so expiry
    // compares as numbers; the index serves the purge of abandoned sign-ins.
    sqlite: `
      CREATE TABLE sign_in_states (
        state TEXT PRIMARY KEY NOT NULL,
        requester_object_id TEXT NOT NULL,
        requester_tenant_id TEXT NOT NULL,
        requester_teams_user_id TEXT NOT NULL,
        requester_display_name TEXT NOT NULL,
        request_id TEXT NOT NULL,
        conversation_reference TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        nonce TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sign_in_states_expires_at ON sign_in_states (expires_at);
    `,
    postgres: `
      CREATE TABLE sign_in_states (
        state TEXT PRIMARY KEY,
        requester_object_id TEXT NOT NULL,
        requester_tenant_id TEXT NOT NULL,
        requester_teams_user_id TEXT NOT NULL,
        requester_display_name TEXT NOT NULL,
        request_id TEXT NOT NULL,
        conversation_reference TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        nonce TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX sign_in_states_expires_at ON sign_in_states (expires_at);
    `,
  },
];
