/**
 * One evaluation pass: every enabled rule reads the events written (in upstream mode: read from
 * Pulumi Cloud) since it last looked, by id, so an event logged late with an older time is
 * still seen once; with the window before them for counting; and queues a delivery per firing.
 */
import { parseSearchQuery } from '../../common/search-query/parse-search-query.ts';
import type { AlertEventSource, SourceEvent } from './alert-event-source.ts';
import { buildAlertMessage } from './alert-message.ts';
import type { AlertsStore, NewDelivery, StoredRule } from './alerts-store.ts';
import { evaluateRule, type EvaluatedEvent } from './evaluate-rule.ts';

export interface EvaluationOptions {
  source: AlertEventSource;
  alerts: AlertsStore;
  /** The console's address for links: PUBLIC_URL's origin, or where the server listens. */
  origin: string;
  /** Milliseconds. */
  now: () => number;
}

/** New events read per step; a step's firings and cursor are written in one transaction. */
const STEP_EVENTS = 2000;

function evaluateStep(rule: StoredRule, fresh: SourceEvent[], options: EvaluationOptions): number {
  const through = (fresh.at(-1) as SourceEvent).id;
  const from = Math.min(...fresh.map((e) => e.event.timestamp)) - rule.windowSeconds;
  const rows = options.source.lookBack(rule.org, from, through);
  const events: EvaluatedEvent[] = rows.map((row) => ({
    event: row.event,
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
      const fresh = options.source.eventsAfter(rule.org, rule.evaluatedThrough, STEP_EVENTS);
      if (fresh.length === 0) break;
      rule.evaluatedThrough = evaluateStep(rule, fresh, options);
      if (fresh.length < STEP_EVENTS) break;
    }
  }
}
