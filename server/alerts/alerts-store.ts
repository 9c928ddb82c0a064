/**
 * The alerts store: rules, the per-key memory that makes a rule fire once per window, and the
 * delivery queue with every attempt kept as history. With upstream/upstream-events-store.ts
 * (upstream mode's token and events, on the same connection), the only alerts code that speaks SQL.
 */
import Database from 'better-sqlite3';
import type { DeliveryAttempt, DeliveryStatus } from '../../common/alerts/alert-types.ts';
import type { AlertRule, GroupBy, WebhookFormat } from './alert-rule.ts';
import { migrateAlertsDatabase } from './alerts-schema.ts';
import { openUpstreamEventsStore } from './upstream/upstream-events-store.ts';

/** A rule as stored: the API's view of it plus the sealed secret and the evaluation cursor. */
export interface StoredRule extends Omit<AlertRule, 'hasSecret'> {
  sealedWebhookUrl: string;
  sealedSecret: string | null;
  evaluatedThrough: number;
}

export type { DeliveryStatus };

/**
 * What a rule's sealed URL and secret are bound to (GCM's additional data), so a sealed value
 * copied into another rule or organization does not open: `sealedContext(rule)`.
 */
export const sealedContext = (rule: { org: string; id: string }) =>
  `alert-rule:${rule.org}/${rule.id}`;

/** Sealed URLs run longer than a session cookie's limit (a 2,000-character URL seals to ~2,700). */
export const MAX_SEALED_WEBHOOK = 8192;

export interface NewDelivery {
  ruleId: string;
  org: string;
  ruleName: string;
  groupKey: string;
  /** Unix seconds of the event that fired the rule. */
  firedAt: number;
  matchCount: number;
  /** The alert as JSON (server/alerts/alert-message.ts); never holds a secret. */
  alert: string;
  /** Milliseconds. */
  createdAt: number;
}

export type Attempt = DeliveryAttempt;

export interface Delivery extends Omit<NewDelivery, 'alert'> {
  id: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  alert: string;
}

interface RuleRow {
  id: string;
  org: string;
  name: string;
  query: string;
  threshold: number;
  window_seconds: number;
  group_by: string;
  enabled: number;
  sealed_webhook_url: string;
  webhook_origin: string;
  webhook_format: string;
  sealed_secret: string | null;
  created_at: number;
  evaluated_through: number;
}

const toRule = (row: RuleRow): StoredRule => ({
  id: row.id,
  org: row.org,
  name: row.name,
  query: row.query,
  threshold: row.threshold,
  windowSeconds: row.window_seconds,
  groupBy: row.group_by as GroupBy,
  enabled: row.enabled === 1,
  sealedWebhookUrl: row.sealed_webhook_url,
  webhookOrigin: row.webhook_origin,
  webhookFormat: row.webhook_format as WebhookFormat,
  sealedSecret: row.sealed_secret,
  createdAt: row.created_at,
  evaluatedThrough: row.evaluated_through,
});

interface DeliveryRow {
  id: number;
  rule_id: string;
  org: string;
  rule_name: string;
  group_key: string;
  fired_at: number;
  match_count: number;
  alert: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
}

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  ruleId: row.rule_id,
  org: row.org,
  ruleName: row.rule_name,
  groupKey: row.group_key,
  firedAt: row.fired_at,
  matchCount: row.match_count,
  alert: row.alert,
  status: row.status as DeliveryStatus,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
});

export type AlertsStore = ReturnType<typeof openAlertsStore>;

/** Opens (creating and migrating) the alerts database: `openAlertsStore('.data/alerts.db')`. */
export function openAlertsStore(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrateAlertsDatabase(db);
  const q = {
    rulesOf: db.prepare<[string], RuleRow>(
      'SELECT * FROM alert_rules WHERE org = ? ORDER BY created_at, id',
    ),
    rule: db.prepare<[string, string], RuleRow>(
      'SELECT * FROM alert_rules WHERE org = ? AND id = ?',
    ),
    enabled: db.prepare<[], RuleRow>('SELECT * FROM alert_rules WHERE enabled = 1 ORDER BY id'),
    insert: db.prepare(`INSERT INTO alert_rules (id, org, name, query, threshold, window_seconds,
      group_by, enabled, sealed_webhook_url, webhook_origin, webhook_format, sealed_secret,
      created_at, evaluated_through) VALUES (@id, @org, @name, @query, @threshold,
      @windowSeconds, @groupBy, @enabled, @sealedWebhookUrl, @webhookOrigin, @webhookFormat, @sealedSecret, @createdAt, @evaluatedThrough)`),
    update: db.prepare(`UPDATE alert_rules SET name = @name, query = @query,
      threshold = @threshold, window_seconds = @windowSeconds, group_by = @groupBy,
      enabled = @enabled, sealed_webhook_url = @sealedWebhookUrl,
      webhook_origin = @webhookOrigin, webhook_format = @webhookFormat,
      sealed_secret = @sealedSecret, evaluated_through = @evaluatedThrough
      WHERE org = @org AND id = @id`),
    remove: db.prepare<[string, string]>('DELETE FROM alert_rules WHERE org = ? AND id = ?'),
    forgetKeys: db.prepare<[string]>('DELETE FROM alert_rule_keys WHERE rule_id = ?'),
    through: db.prepare<[number, string]>(
      'UPDATE alert_rules SET evaluated_through = ? WHERE id = ?',
    ),
    lastFired: db
      .prepare<[string, string], number>(
        'SELECT last_fired_at FROM alert_rule_keys WHERE rule_id = ? AND group_key = ?',
      )
      .pluck(),
    fired: db.prepare<[string, string, number]>(
      `INSERT INTO alert_rule_keys (rule_id, group_key, last_fired_at) VALUES (?, ?, ?)
       ON CONFLICT (rule_id, group_key) DO UPDATE SET last_fired_at = excluded.last_fired_at`,
    ),
    enqueue: db.prepare(`INSERT INTO alert_deliveries (rule_id, org, rule_name, group_key,
      fired_at, match_count, alert, status, next_attempt_at, created_at) VALUES (@ruleId, @org,
      @ruleName, @groupKey, @firedAt, @matchCount, @alert, 'pending', @createdAt, @createdAt)`),
    due: db.prepare<[number, number], DeliveryRow>(
      `SELECT * FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    attempted: db.prepare<[string, number, number, number]>(
      'UPDATE alert_deliveries SET status = ?, attempts = ?, next_attempt_at = ? WHERE id = ?',
    ),
    attempt: db.prepare(`INSERT INTO alert_attempts (delivery_id, attempt, at, ok, http_status,
      reason) VALUES (@deliveryId, @attempt, @at, @ok, @httpStatus, @reason)`),
    deliveriesOf: db.prepare<[string, number], DeliveryRow>(
      'SELECT * FROM alert_deliveries WHERE org = ? ORDER BY id DESC LIMIT ?',
    ),
    attemptsOf: db.prepare<
      [number],
      { attempt: number; at: number; ok: number; http_status: number | null; reason: string }
    >('SELECT * FROM alert_attempts WHERE delivery_id = ? ORDER BY attempt'),
  };
  const ruleParams = (rule: StoredRule) => ({ ...rule, enabled: rule.enabled ? 1 : 0 });
  return {
    listRules: (org: string) => q.rulesOf.all(org).map(toRule),
    findRule: (org: string, id: string) => {
      const row = q.rule.get(org, id);
      return row && toRule(row);
    },
    enabledRules: () => q.enabled.all().map(toRule),
    insertRule: (rule: StoredRule) => void q.insert.run(ruleParams(rule)),
    /** Replaces a rule; a changed search or grouping forgets which keys have fired. */
    updateRule: (rule: StoredRule, forgetKeys: boolean) =>
      db.transaction(() => {
        q.update.run(ruleParams(rule));
        if (forgetKeys) q.forgetKeys.run(rule.id);
      })(),
    deleteRule: (org: string, id: string) =>
      db.transaction(() => {
        const deleted = q.remove.run(org, id).changes > 0;
        if (deleted) q.forgetKeys.run(id);
        return deleted;
      })(),
    lastFiredAt: (ruleId: string, key: string): number | undefined => q.lastFired.get(ruleId, key),
    /**
     * Records one evaluation step whole: the keys that fired, their deliveries, and how far the
     * rule has read, so a crash never fires a window twice nor skips one.
     */
    recordEvaluation: (
      ruleId: string,
      through: number,
      firings: Array<{ key: string; firedAt: number; delivery: NewDelivery }>,
    ) =>
      db.transaction(() => {
        for (const firing of firings) {
          q.fired.run(ruleId, firing.key, firing.firedAt);
          q.enqueue.run(firing.delivery);
        }
        q.through.run(through, ruleId);
      })(),
    dueDeliveries: (nowMs: number, limit: number) => q.due.all(nowMs, limit).map(toDelivery),
    recordAttempt: (
      delivery: Delivery,
      attempt: Attempt,
      next: { status: DeliveryStatus; at: number },
    ) =>
      db.transaction(() => {
        q.attempt.run({ deliveryId: delivery.id, ...attempt, ok: attempt.ok ? 1 : 0 });
        q.attempted.run(next.status, attempt.attempt, next.at, delivery.id);
      })(),
    listDeliveries: (org: string, limit: number) =>
      q.deliveriesOf.all(org, limit).map((row) => ({
        ...toDelivery(row),
        history: q.attemptsOf.all(row.id).map((a): Attempt => ({
          attempt: a.attempt,
          at: a.at,
          ok: a.ok === 1,
          httpStatus: a.http_status,
          reason: a.reason,
        })),
      })),
    /** Upstream mode's readers and the events they read. */
    upstream: openUpstreamEventsStore(db),
    close: () => db.close(),
  };
}
