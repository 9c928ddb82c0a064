/**
 * What of a view still applies in another organization (decision note 023): the time range and
 * zone, the table's settings, the event type, and search terms about the events themselves
 * (words, `event:`, `category:`, `ip:`, the flags) mean the same in any organization and are
 * kept. Tokens and automation actors belong to one organization, so `token:` and `actor:` terms
 * are dropped; a user filter (or `user:` term) is dropped when that user has no events in the
 * other organization. The open event belongs to the old log and closes, silently.
 */
import { parseSearchQuery } from '../../../lib/search-query/parse-search-query.ts';
import type { SearchTerm } from '../../../lib/search-query/search-query-types.ts';
import {
  formatSearchTerm,
  serializeSearchQuery,
} from '../../../lib/search-query/serialize-search-query.ts';
import type { IgnoredParam } from './view-params.ts';
import type { AuditLogView } from './view-schema.ts';

export interface CarriedView {
  view: AuditLogView;
  /** Each filter left behind, and why, for the notice on the other organization's log. */
  dropped: IgnoredParam[];
}

/** The logins a view filters by, its user filter first: `usersNamedBy({tz, user: 'kim'})` → `['kim']`. */
export function usersNamedBy(view: AuditLogView): string[] {
  const logins = new Set<string>();
  if (view.user) logins.add(view.user.toLowerCase());
  for (const term of parseSearchQuery(view.q ?? '').query.terms) {
    if (term.kind === 'field' && term.key === 'user') logins.add(term.value.toLowerCase());
  }
  return [...logins];
}

function orgBoundReason(term: SearchTerm, fromOrg: string): string | undefined {
  if (term.kind !== 'field') return undefined;
  if (term.key === 'token') return `tokens belong to one organization (this one is ${fromOrg}’s)`;
  if (term.key === 'actor') return `automation actors belong to one organization (${fromOrg})`;
  return undefined;
}

/**
 * The view as it applies in `toOrg`, given the users (lower-case logins) known to have no
 * events there: `carryView(view, { fromOrg: 'acme', toOrg: 'hobby', absentUsers: new Set(['jdoe']) })`.
 */
export function carryView(
  view: AuditLogView,
  options: { fromOrg: string; toOrg: string; absentUsers: ReadonlySet<string> },
): CarriedView {
  const { fromOrg, toOrg, absentUsers } = options;
  const dropped: IgnoredParam[] = [];
  const absentReason = `no events by this user in ${toOrg}`;
  const carried: AuditLogView = { ...view };
  delete carried.details;
  if (carried.user && absentUsers.has(carried.user.toLowerCase())) {
    dropped.push({ param: 'user', value: carried.user, reason: absentReason });
    delete carried.user;
  }
  if (carried.q) {
    const { terms } = parseSearchQuery(carried.q).query;
    const kept = terms.filter((term) => {
      const reason =
        orgBoundReason(term, fromOrg) ??
        (term.kind === 'field' && term.key === 'user' && absentUsers.has(term.value.toLowerCase())
          ? absentReason
          : undefined);
      if (reason) dropped.push({ param: 'q', value: formatSearchTerm(term), reason });
      return !reason;
    });
    if (kept.length !== terms.length) {
      const q = serializeSearchQuery({ terms: kept });
      if (q) carried.q = q;
      else delete carried.q;
    }
  }
  return { view: carried, dropped };
}
