/**
 * When a rule fires. Matching is the console's search language (common/search-query), held to
 * the log page's own answers by a property test, so a rule matches what its search shows.
 *
 * Counting: a match fires its key (source IP, user, or one key for all) when the key has at
 * least `threshold` matches within the `windowSeconds` up to and including it, and the key has
 * not fired within the window before it. So a burst fires once per window and key, and a burst
 * that goes on fires again one window later. With a window of 0 every match fires.
 */
import { createEventIdentifier, formatEventIdentity } from '../../common/pulumi/event-identity.ts';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { matchEvent } from '../../common/search-query/match-event.ts';
import type { SearchQuery } from '../../common/search-query/search-query-types.ts';
import type { GroupBy } from './alert-rule.ts';

export interface RuleCounting {
  query: SearchQuery;
  threshold: number;
  windowSeconds: number;
  groupBy: GroupBy;
}

/** An event of the look-back: the API's shape, its store id, and whether it is new. */
export interface EvaluatedEvent {
  event: AuditLogEvent;
  isNew: boolean;
}

export interface MatchedEvent {
  event: AuditLogEvent;
  /** Its link name (common/pulumi/event-identity.ts). */
  identity: string;
}

export interface Firing {
  key: string;
  /** Unix seconds of the match that fired. */
  firedAt: number;
  /** The key's matches within the window, oldest first, ending with the one that fired. */
  matches: MatchedEvent[];
}

export function groupKeyOf(event: AuditLogEvent, groupBy: GroupBy): string {
  if (groupBy === 'ip') return event.sourceIP ?? '';
  if (groupBy === 'user') return event.user.githubLogin;
  return '';
}

/**
 * The firings among the new events. `events` is the look-back in the API's order (newest first,
 * whole seconds, so link names come out as the console computes them); `lastFiredAt` tells when
 * a key last fired in an earlier evaluation.
 */
export function evaluateRule(
  rule: RuleCounting,
  events: readonly EvaluatedEvent[],
  lastFiredAt: (key: string) => number | undefined,
): Firing[] {
  const identify = createEventIdentifier();
  const identities = events.map((e) => formatEventIdentity(identify(e.event)));
  // The look-back is newest first; counting walks forward in time.
  const rows = events.flatMap((e, row) => (matchEvent(e.event, rule.query) ? [row] : [])).reverse();
  const seen = new Map<string, MatchedEvent[]>();
  const fired = new Map<string, number | undefined>();
  const firings: Firing[] = [];
  const window = rule.windowSeconds;
  for (const row of rows) {
    const { event, isNew } = events[row] as EvaluatedEvent;
    const key = groupKeyOf(event, rule.groupBy);
    const match = { event, identity: identities[row] as string };
    const t = event.timestamp;
    const inWindow = seen.get(key) ?? [];
    while (inWindow.length > 0 && (inWindow[0] as MatchedEvent).event.timestamp <= t - window) {
      inWindow.shift();
    }
    inWindow.push(match);
    seen.set(key, inWindow);
    if (!isNew) continue;
    if (window === 0) {
      firings.push({ key, firedAt: t, matches: [match] });
      continue;
    }
    if (!fired.has(key)) fired.set(key, lastFiredAt(key));
    const last = fired.get(key);
    if (inWindow.length >= rule.threshold && (last === undefined || t >= last + window)) {
      fired.set(key, t);
      firings.push({ key, firedAt: t, matches: [...inWindow] });
    }
  }
  return firings;
}
