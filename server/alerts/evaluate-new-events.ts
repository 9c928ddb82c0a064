/**
 * One evaluation pass of the embedded service: every enabled rule reads the events written
 * since it last looked (by id, so an event logged late with an older time is still seen once),
 * with the window before them for counting, and queues a delivery per firing.
 */
import { parseSearchQuery } from '../../common/search-query/parse-search-query.ts';
import { toAuditLogEvent } from '../api/event-json.ts';
import type { AuditStore, StoredEvent } from '../store/audit-store.ts';
import { buildAlertMessage } from './alert-message.ts';
import type { AlertsStore, NewDelivery, StoredRule } from './alerts-store.ts';
import { evaluateRule, type EvaluatedEvent } from './evaluate-rule.ts';

export interface EvaluationOptions {
  audit: AuditStore;
  alerts: AlertsStore;
  /** The console's address for links: PUBLIC_URL's origin, or where the server listens. */
  origin: string;
  /** Milliseconds. */
  now: () => number;
}

/** New events read per step; a step's firings and cursor are written in one transaction. */
const STEP_EVENTS = 2000;
const PAGE = 10_000;
/** At most this many events of context before a step (a larger window counts what fits). */
const MAX_LOOK_BACK = 200_000;

/** The events from `from` (Unix seconds) on, newest first, written no later than `lastId`. */
function lookBack(audit: AuditStore, org: string, from: number, lastId: number): StoredEvent[] {
  const rows: StoredEvent[] = [];
  let before = { timestamp: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
  while (rows.length < MAX_LOOK_BACK) {
    const page = audit.listEvents({ org, fromTimestamp: from, before, limit: PAGE });
    for (const row of page) if (row.id <= lastId) rows.push(row);
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    before = { timestamp: last.timestamp, id: last.id };
  }
  return rows;
}

function evaluateStep(rule: StoredRule, fresh: StoredEvent[], options: EvaluationOptions): number {
  const through = (fresh.at(-1) as StoredEvent).id;
  const from = Math.min(...fresh.map((e) => e.timestamp)) - rule.windowSeconds;
  const rows = lookBack(options.audit, rule.org, from, through);
  const events: EvaluatedEvent[] = rows.map((row) => ({
    event: toAuditLogEvent(row, options.origin),
    isNew: row.id > rule.evaluatedThrough,
  }));
  const query = parseSearchQuery(rule.query).query;
  const firings = evaluateRule({ ...rule, query }, events, (key) =>
    options.alerts.lastFiredAt(rule.id, key),
  );
  const createdAt = options.now();
  options.alerts.recordEvaluation(
    rule.id,
    through,
    firings.map((firing) => {
      const delivery: NewDelivery = {
        ruleId: rule.id,
        org: rule.org,
        ruleName: rule.name,
        groupKey: firing.key,
        firedAt: firing.firedAt,
        matchCount: firing.matches.length,
        alert: JSON.stringify(buildAlertMessage(rule, firing, options.origin)),
        createdAt,
      };
      return { key: firing.key, firedAt: firing.firedAt, delivery };
    }),
  );
  return through;
}

/** Evaluates every enabled rule on the events written since it last looked. */
export function evaluateNewEvents(options: EvaluationOptions): void {
  for (const rule of options.alerts.enabledRules()) {
    for (;;) {
      const fresh = options.audit.eventsAfter(rule.org, rule.evaluatedThrough, STEP_EVENTS);
      if (fresh.length === 0) break;
      rule.evaluatedThrough = evaluateStep(rule, fresh, options);
      if (fresh.length < STEP_EVENTS) break;
    }
  }
}
