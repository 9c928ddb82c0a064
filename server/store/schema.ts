/**
 * The audit database's schema. Events are append-only (triggers refuse UPDATE and DELETE), and
 * each list query has an index whose order is the API's order, so every page is a range scan.
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
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  auth_failure INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS events_by_time ON events (org, timestamp DESC, id DESC);
CREATE INDEX IF NOT EXISTS events_by_user ON events (org, user_login, timestamp, id);
CREATE INDEX IF NOT EXISTS events_by_type ON events (org, event, timestamp, id);
CREATE INDEX IF NOT EXISTS events_by_user_and_type ON events (org, user_login, event, timestamp, id);
CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
`;
