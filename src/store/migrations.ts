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
  {
    version: 4,
    name: 'audit_events',
    // `event` is the record; the other columns are copies of its parts that queries filter and sort on
    // (rows never change, so the copies cannot drift). Times are epoch milliseconds in SQLite so they
    // compare as numbers. The Key ID column holds uppercase text and is NOCASE (SQLite) or "C" (PostgreSQL)
    // because that is what lets LIKE 'prefix%' use the index on each backend. Triggers make the table
    // append-only: a retention job, when one exists, drops them in its own migration.
    sqlite: `
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        requester_object_id TEXT NOT NULL,
        device_id TEXT,
        key_id_search TEXT COLLATE NOCASE,
        decision TEXT NOT NULL,
        event TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_events_newest ON audit_events (at DESC, id DESC);
      CREATE INDEX audit_events_by_requester ON audit_events (requester_object_id, at DESC, id DESC);
      CREATE INDEX audit_events_by_device ON audit_events (device_id, at DESC, id DESC);
      CREATE INDEX audit_events_by_key_id ON audit_events (key_id_search);
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    `,
    postgres: `
      CREATE TABLE audit_events (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        requester_object_id TEXT NOT NULL,
        device_id TEXT,
        key_id_search TEXT COLLATE "C",
        decision TEXT NOT NULL,
        event TEXT NOT NULL
      );
      CREATE INDEX audit_events_newest ON audit_events (at DESC, id DESC);
      CREATE INDEX audit_events_by_requester ON audit_events (requester_object_id, at DESC, id DESC);
      CREATE INDEX audit_events_by_device ON audit_events (device_id, at DESC, id DESC);
      CREATE INDEX audit_events_by_key_id ON audit_events (key_id_search);
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit events are append-only'; END
      $$;
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
    `,
  },
  {
    version: 5,
    name: 'releases',
    // The unique request id is what makes `claim` exactly-once across instances. The two
    // (column, released_at) indexes answer the rate-limit counts without touching the table; `seq`
    // orders releases stamped with the same millisecond.
    sqlite: `
      CREATE TABLE releases (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL UNIQUE,
        requester_object_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        released_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX releases_by_requester ON releases (requester_object_id, released_at);
      CREATE INDEX releases_by_device ON releases (device_id, released_at, seq);
    `,
    postgres: `
      CREATE TABLE releases (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id TEXT NOT NULL,
        requester_object_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        released_at TIMESTAMPTZ NOT NULL,
        CONSTRAINT releases_request_id UNIQUE (request_id)
      );
      CREATE INDEX releases_by_requester ON releases (requester_object_id, released_at);
      CREATE INDEX releases_by_device ON releases (device_id, released_at, seq);
    `,
  },
  {
    version: 6,
    name: 'jobs',
    // A job is pending until its lease holder completes it; `leased_by` + `lease_until` are the lease,
    // and a pending job whose lease ran out is claimable again. Done jobs stay so that scheduling the
    // same key again remains a no-op. The partial index holds only pending jobs, in the order
    // `claimDue` takes them.
    sqlite: `
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
        leased_by TEXT,
        lease_until INTEGER
      ) STRICT;
      CREATE INDEX jobs_pending_by_due_at ON jobs (due_at, id) WHERE state = 'pending';
    `,
    postgres: `
      CREATE TABLE jobs (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        due_at TIMESTAMPTZ NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
        leased_by TEXT,
        lease_until TIMESTAMPTZ,
        CONSTRAINT jobs_key UNIQUE (key)
      );
      CREATE INDEX jobs_pending_by_due_at ON jobs (due_at, id) WHERE state = 'pending';
    `,
  },
  {
    version: 7,
    name: 'cases',
    // `document` is the whole case as JSON; the other columns are copies of its parts that queries filter
    // and sort on, written from the same value on every change so they cannot drift. `number` is the
    // case's own: SQLite's AUTOINCREMENT (via sqlite_sequence) and the PostgreSQL sequence never hand out
    // a number twice, and `create` takes one only after finding no case for the request, so a retry does
    // not use one up. The unique pair makes `create` idempotent; `version` is the compare-and-swap token
    // of `update`. Lists sort by `created_at` (the domain's clock), `number` breaking ties. Times are epoch
    // milliseconds in SQLite so they compare as numbers.
    sqlite: `
      CREATE TABLE cases (
        number INTEGER PRIMARY KEY AUTOINCREMENT,
        requester_object_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        case_request_number INTEGER NOT NULL,
        status TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        document TEXT NOT NULL,
        UNIQUE (requester_object_id, request_id)
      ) STRICT;
      CREATE INDEX cases_by_status ON cases (status, created_at, number);
      CREATE INDEX cases_by_requester ON cases (requester_object_id, created_at DESC, number DESC);
      CREATE INDEX cases_by_created_at ON cases (created_at);
    `,
    postgres: `
      CREATE SEQUENCE cases_number_seq AS BIGINT;
      CREATE TABLE cases (
        number BIGINT PRIMARY KEY,
        requester_object_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        case_request_number BIGINT NOT NULL,
        status TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        document TEXT NOT NULL,
        CONSTRAINT cases_requester_request UNIQUE (requester_object_id, request_id)
      );
      ALTER SEQUENCE cases_number_seq OWNED BY cases.number;
      CREATE INDEX cases_by_status ON cases (status, created_at, number);
      CREATE INDEX cases_by_requester ON cases (requester_object_id, created_at DESC, number DESC);
      CREATE INDEX cases_by_created_at ON cases (created_at);
    `,
  },
  {
    version: 8,
    name: 'helpdesk_channels',
    // One row per helpdesk channel: the conversation reference the bot learnt when installed in the team,
    // replaced whenever Teams sends a newer one. Text, not jsonb, so it round-trips exactly.
    sqlite: `
      CREATE TABLE helpdesk_channels (
        channel_id TEXT PRIMARY KEY NOT NULL,
        reference TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `,
    postgres: `
      CREATE TABLE helpdesk_channels (
        channel_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 9,
    name: 'sign_in_states_reason',
    // An agent's sign-in for "Show key to me" carries the reason they gave, so the callback can decide and
    // audit with it. Requesters' sign-ins have none (empty text).
    sqlite: `ALTER TABLE sign_in_states ADD COLUMN reason TEXT NOT NULL DEFAULT '';`,
    postgres: `ALTER TABLE sign_in_states ADD COLUMN reason TEXT NOT NULL DEFAULT '';`,
  },
  {
    version: 10,
    name: 'releases_stage',
    // The release outbox: a claim is `pending` while the key is read, `sending` while its card goes out,
    // `shown` once Teams took it, with where the card is (`card`, JSON) so the hide job can replace it.
    // Releases recorded before this migration were all shown.
    sqlite: `
      ALTER TABLE releases ADD COLUMN stage TEXT NOT NULL DEFAULT 'shown';
      ALTER TABLE releases ADD COLUMN card TEXT;
    `,
    postgres: `
      ALTER TABLE releases ADD COLUMN stage TEXT NOT NULL DEFAULT 'shown'
        CHECK (stage IN ('pending', 'sending', 'shown'));
      ALTER TABLE releases ADD COLUMN card TEXT;
    `,
  },
  {
    version: 11,
    name: 'audit_retention',
    // The audit trail stays append-only for changes, but its retention job (AUDIT_RETENTION_DAYS, 400 by
    // default) may now delete events past their retention; nothing else deletes from it. TRUNCATE stays refused.
    sqlite: `
      DROP TRIGGER audit_events_no_delete;
      CREATE INDEX cases_closed_by_updated_at ON cases (updated_at) WHERE status IN ('resolved', 'cancelled', 'rejected');
      CREATE INDEX jobs_done_by_due_at ON jobs (due_at) WHERE state = 'done';
    `,
    postgres: `
      DROP TRIGGER audit_events_no_change ON audit_events;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE INDEX cases_closed_by_updated_at ON cases (updated_at) WHERE status IN ('resolved', 'cancelled', 'rejected');
      CREATE INDEX jobs_done_by_due_at ON jobs (due_at) WHERE state = 'done';
    `,
  },
  {
    version: 12,
    name: 'sign_in_states_purpose',
    // A sign-in's purpose (self-service, Send key, Show key to me with its reason) is stored as typed data
    // instead of being read back from its request id. States live ten minutes: the few in flight during the
    // upgrade are dropped (those people tap the button again) rather than guessed.
    sqlite: `
      DELETE FROM sign_in_states;
      ALTER TABLE sign_in_states DROP COLUMN reason;
      ALTER TABLE sign_in_states ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
    `,
    postgres: `
      DELETE FROM sign_in_states;
      ALTER TABLE sign_in_states DROP COLUMN reason;
      ALTER TABLE sign_in_states ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 13,
    name: 'conversation_locks',
    // One turn at a time per conversation across instances: a lease row taken around each turn. A lease
    // whose holder died runs out and is taken over; rows are tiny and reused.
    sqlite: `
      CREATE TABLE conversation_locks (
        conversation_id TEXT PRIMARY KEY NOT NULL,
        holder TEXT NOT NULL,
        lease_until INTEGER NOT NULL
      ) STRICT;
    `,
    postgres: `
      CREATE TABLE conversation_locks (
        conversation_id TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        lease_until TIMESTAMPTZ NOT NULL
      );
    `,
  },
];
