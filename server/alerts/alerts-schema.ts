/**
 * The alerts database's migrations, in order; `PRAGMA user_version` counts those applied, so a
 * newer server adds its steps to an older file and never reruns one. Alert state lives in its
 * own file (`$DATA_DIR/alerts.db`), apart from the append-only, hash-chained audit log: rules
 * change, deliveries are updated, and none of it is part of what `npm run verify` vouches for.
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE alert_rules (
    id TEXT PRIMARY KEY,
    org TEXT NOT NULL,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    threshold INTEGER NOT NULL,
    window_seconds INTEGER NOT NULL,
    group_by TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    -- The whole URL sealed like the secret (a Slack webhook URL is a credential); the origin
    -- alone is shown.
    sealed_webhook_url TEXT NOT NULL,
    webhook_origin TEXT NOT NULL,
    webhook_format TEXT NOT NULL,
    sealed_secret TEXT,
    created_at INTEGER NOT NULL,
    -- The last audit event id this rule has looked at: it alerts on events written after it.
    evaluated_through INTEGER NOT NULL
  );
  CREATE INDEX alert_rules_by_org ON alert_rules (org, created_at);
  CREATE TABLE alert_rule_keys (
    rule_id TEXT NOT NULL,
    group_key TEXT NOT NULL,
    last_fired_at INTEGER NOT NULL,
    PRIMARY KEY (rule_id, group_key)
  ) WITHOUT ROWID;
  CREATE TABLE alert_deliveries (
    id INTEGER PRIMARY KEY,
    rule_id TEXT NOT NULL,
    org TEXT NOT NULL,
    rule_name TEXT NOT NULL,
    group_key TEXT NOT NULL,
    fired_at INTEGER NOT NULL,
    match_count INTEGER NOT NULL,
    alert TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at);
  CREATE INDEX alert_deliveries_by_org ON alert_deliveries (org, id);
  CREATE TABLE alert_attempts (
    delivery_id INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    at INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    http_status INTEGER,
    reason TEXT NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
  ) WITHOUT ROWID;`,
  // Upstream mode (PULUMI_API_URL): per organization, the sealed token its rules read Pulumi
  // Cloud with and how far they have read; the events read, each once (by its identity), for as
  // long as a window can look back. `seq` numbers them as read (AUTOINCREMENT: never reused once pruned), so a rule's evaluated_through is
  // a seq there as it is an audit event id in the embedded service.
  `CREATE TABLE upstream_readers (
    org TEXT PRIMARY KEY,
    sealed_token TEXT NOT NULL,
    -- Unix seconds: the newest event time read, or when the token was first given.
    read_through INTEGER NOT NULL,
    -- 0 until the first read: what it finds was logged before the rules could look.
    primed INTEGER NOT NULL,
    last_read_at INTEGER,
    last_error TEXT
  );
  CREATE TABLE upstream_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    org TEXT NOT NULL,
    identity TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    event TEXT NOT NULL,
    UNIQUE (org, identity)
  );
  CREATE INDEX upstream_events_by_time ON upstream_events (org, timestamp, seq);`,
];

/** Applies the migrations this file has not seen yet, each in its own transaction. */
export function migrateAlertsDatabase(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(
      `alerts.db was written by a newer version (schema ${applied}, this server knows ${MIGRATIONS.length})`,
    );
  }
  MIGRATIONS.slice(applied).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${applied + i + 1}`);
    })();
  });
}
