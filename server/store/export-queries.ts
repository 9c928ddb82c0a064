/**
 * Automated export's state (tables in export-schema.ts): configurations, the per-organization
 * cursor, late hours to deliver again, and organization plans.
 */
import type Database from 'better-sqlite3';

export const HOUR = 3600;

export type OrganizationPlan = 'enterprise' | 'business-critical';

/** Where an organization's hours go; the secret is kept apart, sealed. */
export type ExportDestination =
  | { kind: 's3'; s3BucketName: string; s3PathPrefix: string; iamRoleArn: string }
  | {
      kind: 's3-compatible';
      endpoint: string;
      region: string;
      s3BucketName: string;
      s3PathPrefix: string;
      accessKeyId: string;
    };

export interface ExportResult {
  /** Unix seconds. */
  timestamp: number;
  /** Empty when it worked; otherwise a message for the admin. */
  message: string;
}

export interface StoredExportConfig {
  org: string;
  enabled: boolean;
  destination: ExportDestination;
  sealedSecret: string | null;
  /** The cursor: start of the first closed hour not yet delivered. */
  nextHour: number;
  watermarkId: number;
  failures: number;
  authFailures: number;
  /** Unix seconds before which no delivery is tried (backoff). */
  retryAt: number;
  lastResult?: ExportResult;
  lastDeliveredHour?: number;
  lastDeliveredAt?: number;
}

export interface SavedExportConfig {
  enabled: boolean;
  destination: ExportDestination;
  sealedSecret: string | null;
}

export interface ExportFailure {
  message: string;
  authFailure: boolean;
  retryAt: number;
  /** Turns the export off (after repeated authentication failures). */
  pause: boolean;
}

export interface ExportStateStore {
  readExportConfig(org: string): StoredExportConfig | undefined;
  listEnabledExports(): StoredExportConfig[];
  /**
   * Creates (cursor at the current hour, so the next closed hour is the first delivered) or
   * updates (cursor kept, failures and backoff cleared: saving resumes a paused export).
   */
  saveExportConfig(org: string, config: SavedExportConfig, nowSeconds: number): void;
  deleteExportConfig(org: string): boolean;
  /** Records one hour written; moves the cursor past it when it is the cursor's hour. */
  recordExportDelivery(org: string, hour: number, nowSeconds: number): void;
  recordExportFailure(org: string, failure: ExportFailure, nowSeconds: number): void;
  /** Marks delivered hours that gained events since the last call; returns them. */
  collectLateHours(org: string): number[];
  /** Hours to deliver again, oldest first. */
  listRedeliveries(org: string): number[];
  readPlan(org: string): OrganizationPlan | undefined;
  setPlan(org: string, plan: OrganizationPlan): void;
}

interface ConfigRow {
  org: string;
  enabled: number;
  start_hour: number;
  destination: string;
  sealed_secret: string | null;
  next_hour: number;
  watermark_id: number;
  failures: number;
  auth_failures: number;
  retry_at: number;
  last_result_at: number | null;
  last_result_message: string | null;
  last_delivered_hour: number | null;
  last_delivered_at: number | null;
}

function toConfig(row: ConfigRow): StoredExportConfig {
  return {
    org: row.org,
    enabled: row.enabled === 1,
    destination: JSON.parse(row.destination) as ExportDestination,
    sealedSecret: row.sealed_secret,
    nextHour: row.next_hour,
    watermarkId: row.watermark_id,
    failures: row.failures,
    authFailures: row.auth_failures,
    retryAt: row.retry_at,
    ...(row.last_result_at === null
      ? {}
      : { lastResult: { timestamp: row.last_result_at, message: row.last_result_message ?? '' } }),
    ...(row.last_delivered_hour === null ? {} : { lastDeliveredHour: row.last_delivered_hour }),
    ...(row.last_delivered_at === null ? {} : { lastDeliveredAt: row.last_delivered_at }),
  };
}

export function prepareExportStatements(db: Database.Database): ExportStateStore {
  const s = {
    read: db.prepare<[string], ConfigRow>('SELECT * FROM export_configs WHERE org = ?'),
    enabled: db.prepare<[], ConfigRow>(
      'SELECT * FROM export_configs WHERE enabled = 1 ORDER BY org',
    ),
    maxId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events'),
    insert: db.prepare(`INSERT INTO export_configs
      (org, enabled, destination, sealed_secret, start_hour, next_hour, watermark_id)
      VALUES (@org, @enabled, @destination, @sealedSecret, @nextHour, @nextHour, @watermarkId)`),
    update: db.prepare(`UPDATE export_configs SET enabled = @enabled,
      destination = @destination, sealed_secret = @sealedSecret, failures = 0,
      auth_failures = 0, retry_at = 0 WHERE org = @org`),
    remove: db.prepare('DELETE FROM export_configs WHERE org = ?'),
    removeRedeliveries: db.prepare('DELETE FROM export_redeliveries WHERE org = ?'),
    delivered: db.prepare(`UPDATE export_configs SET
      next_hour = CASE WHEN next_hour = @hour THEN @hour + ${HOUR} ELSE next_hour END,
      failures = 0, auth_failures = 0, retry_at = 0, last_result_at = @now,
      last_result_message = '', last_delivered_hour = @hour, last_delivered_at = @now
      WHERE org = @org`),
    redelivered: db.prepare('DELETE FROM export_redeliveries WHERE org = ? AND hour = ?'),
    failed: db.prepare(`UPDATE export_configs SET failures = failures + 1,
      auth_failures = CASE WHEN @auth THEN auth_failures + 1 ELSE 0 END,
      retry_at = @retryAt, last_result_at = @now, last_result_message = @message,
      enabled = CASE WHEN @pause THEN 0 ELSE enabled END
      WHERE org = @org`),
    // NOT INDEXED: a range of the rowid (only the events appended since the last call), never a
    // scan of the organization's whole history through events_by_time.
    lateHours: db.prepare<[number, string, number, number], { hour: number }>(`SELECT DISTINCT
      timestamp - (timestamp % ${HOUR}) AS hour FROM events NOT INDEXED
      WHERE id > ? AND org = ? AND timestamp >= ? AND timestamp < ? ORDER BY hour`),
    addRedelivery: db.prepare(
      'INSERT OR IGNORE INTO export_redeliveries (org, hour) VALUES (?, ?)',
    ),
    watermark: db.prepare('UPDATE export_configs SET watermark_id = ? WHERE org = ?'),
    redeliveries: db.prepare<[string], { hour: number }>(
      'SELECT hour FROM export_redeliveries WHERE org = ? ORDER BY hour',
    ),
    readPlan: db.prepare<[string], { plan: OrganizationPlan }>(
      'SELECT plan FROM organization_plans WHERE org = ?',
    ),
    setPlan: db.prepare(`INSERT INTO organization_plans (org, plan) VALUES (?, ?)
      ON CONFLICT (org) DO UPDATE SET plan = excluded.plan`),
  };

  const save = db.transaction((org: string, config: SavedExportConfig, nowSeconds: number) => {
    const row = {
      org,
      enabled: config.enabled ? 1 : 0,
      destination: JSON.stringify(config.destination),
      sealedSecret: config.sealedSecret,
    };
    if (s.read.get(org)) {
      s.update.run(row);
      return;
    }
    s.insert.run({
      ...row,
      nextHour: nowSeconds - (nowSeconds % HOUR),
      watermarkId: s.maxId.get()?.id ?? 0,
    });
  });

  const collect = db.transaction((org: string): number[] => {
    const config = s.read.get(org);
    if (!config) return [];
    // Read the top id first: an event appended after it is seen by the next call.
    const top = s.maxId.get()?.id ?? 0;
    const hours = s.lateHours
      .all(config.watermark_id, org, config.start_hour, config.next_hour)
      .map((row) => row.hour);
    for (const hour of hours) s.addRedelivery.run(org, hour);
    s.watermark.run(top, org);
    return hours;
  });

  return {
    readExportConfig: (org) => {
      const row = s.read.get(org);
      return row && toConfig(row);
    },
    listEnabledExports: () => s.enabled.all().map(toConfig),
    saveExportConfig: (org, config, nowSeconds) => save.immediate(org, config, nowSeconds),
    deleteExportConfig: db.transaction((org: string) => {
      s.removeRedeliveries.run(org);
      return s.remove.run(org).changes > 0;
    }),
    recordExportDelivery: db.transaction((org: string, hour: number, now: number) => {
      s.delivered.run({ org, hour, now });
      s.redelivered.run(org, hour);
    }),
    recordExportFailure: (org, failure, now) => {
      s.failed.run({
        org,
        now,
        message: failure.message,
        retryAt: failure.retryAt,
        auth: failure.authFailure ? 1 : 0,
        pause: failure.pause ? 1 : 0,
      });
    },
    collectLateHours: (org) => collect.immediate(org),
    listRedeliveries: (org) => s.redeliveries.all(org).map((row) => row.hour),
    readPlan: (org) => s.readPlan.get(org)?.plan,
    setPlan: (org, plan) => void s.setPlan.run(org, plan),
  };
}
