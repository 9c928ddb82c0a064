/**
 * The audit database's schema. Events are append-only (triggers refuse UPDATE and DELETE), and
 * each list query has an index whose order is the API's order, so every page is a range scan.
 *
 * Event ids: a plain `INTEGER PRIMARY KEY` (the rowid), not AUTOINCREMENT. SQLite gives a new row
 * max(rowid) + 1; AUTOINCREMENT only adds "never reuse the id of a deleted row" (at the price of
 * a sqlite_sequence write per insert), and rows can never be deleted here, so the max never falls
 * and ids are unique, stable and increasing in insertion order all the same. (An id handed out in
 * a rolled-back transaction may be given again, but such a row was never visible to any reader,
 * so no continuation token can name it; AUTOINCREMENT rolls back its counter the same way.)
 *
 * Every index entry of a rowid table ends with the rowid, and the planner treats it as the last
 * key column: an index on (org, timestamp) is ordered by (org, timestamp, id), which is exactly
 * the keyset order, so `ORDER BY timestamp DESC, id DESC` is a backward range scan with no sort
 * (audit-store.test.ts asserts the plans). Listing `id` explicitly would store it twice.
 *
 * `hash` chains each organization's events (server/store/event-chain.ts); it is nullable only so
 * that a database from before the chain can be given one on first start. `user_name` and
 * `user_avatar` are the actor as the directory showed them when the event was written (null for
 * a login the directory did not know), so that renaming a user never changes a past event.
 *
 * The indexes are ascending so that appends (timestamps mostly increase) land on the right-most
 * leaf, where SQLite fills pages completely instead of splitting them in half; reading newest
 * first scans them backwards at no cost. There is no (org, user_login, event) index: the user
 * index carries `event` after the keyset columns, so a user + event page filters on index
 * entries alone (no table lookups for the rows it skips) in the same order, and the bulk append
 * maintains three indexes instead of four (measured in bench/server-store.bench.ts).
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS organizations (
  name TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  enterprise INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  login TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  avatar_path TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
  org TEXT NOT NULL,
  login TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (org, login)
);
CREATE INDEX IF NOT EXISTS memberships_by_login ON memberships (login);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  login TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS revoked_sessions (
  id TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  org TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  source_ip TEXT NOT NULL,
  event TEXT NOT NULL,
  description TEXT NOT NULL,
  user_login TEXT NOT NULL,
  token_id TEXT,
  token_name TEXT,
  actor_name TEXT,
  actor_urn TEXT,
  req_org_admin INTEGER NOT NULL DEFAULT 0,
  req_stack_admin INTEGER NOT NULL DEFAULT 0,
  auth_failure INTEGER NOT NULL DEFAULT 0,
  hash TEXT,
  user_name TEXT,
  user_avatar TEXT
);
CREATE TABLE IF NOT EXISTS event_chain (
  org TEXT PRIMARY KEY,
  last_id INTEGER NOT NULL,
  hash TEXT NOT NULL,
  count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_time ON events (org, timestamp);
CREATE INDEX IF NOT EXISTS events_by_user ON events (org, user_login, timestamp, id, event);
CREATE INDEX IF NOT EXISTS events_by_type ON events (org, event, timestamp);
`;

/** The append-only triggers; `recursive_triggers` makes REPLACE's implicit delete fire them. */
export const APPEND_ONLY_TRIGGERS = ['events_refuse_update', 'events_refuse_delete'];
export const TRIGGERS_SQL = `
CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
`;
