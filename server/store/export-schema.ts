/**
 * The tables of automated export (decision note 019), kept apart from the audit log's own schema:
 * created on open if missing, never touching `events`, so a database from before them gains
 * them on its next start and one without them is still a valid audit log.
 *
 * - `export_configs`: one row per organization with a destination. `next_hour` is the cursor,
 *   the start (unix seconds) of the first closed hour not yet delivered; it moves only in the
 *   transaction that records a delivery, so no hour is skipped or delivered twice across
 *   restarts; `start_hour` is where it began (older hours are delivered only by `force`).
 *   `watermark_id` is the largest event id already checked for late arrival (ids
 *   only grow, see schema.ts). The secret is sealed with the server's secret (never plain).
 * - `export_redeliveries`: hours before the cursor that gained events after delivery.
 * - `organization_plans`: the plan an organization is on (`business-critical` unlocks export);
 *   an organization without a row is on its Enterprise or free plan.
 */
import type Database from 'better-sqlite3';

export const EXPORT_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS export_configs (
  org TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL,
  destination TEXT NOT NULL,
  sealed_secret TEXT,
  start_hour INTEGER NOT NULL,
  next_hour INTEGER NOT NULL,
  watermark_id INTEGER NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  auth_failures INTEGER NOT NULL DEFAULT 0,
  retry_at INTEGER NOT NULL DEFAULT 0,
  last_result_at INTEGER,
  last_result_message TEXT,
  last_delivered_hour INTEGER,
  last_delivered_at INTEGER
);
CREATE TABLE IF NOT EXISTS export_redeliveries (
  org TEXT NOT NULL,
  hour INTEGER NOT NULL,
  PRIMARY KEY (org, hour)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS organization_plans (
  org TEXT PRIMARY KEY,
  plan TEXT NOT NULL
);
`;

/** Creates the export tables if they are missing. */
export function prepareExportSchema(db: Database.Database): void {
  db.exec(EXPORT_SCHEMA_SQL);
}
