/**
 * The search language on one event at a time, for the server's alert rules. The console's range
 * index answers the same language over columns (src/lib/range-index/compile-query.ts); a property
 * test (src/lib/range-index/match-event.property.test.ts) holds the two to the same answers.
 *
 * Included terms of one key form a group (either matches), words are a group each, every group
 * must match, and an excluded term must not. `first-ip:` and `burst:` describe an event among
 * others (its history, its neighbours), so one event cannot answer them: `contextFlagsOf` finds
 * them, and callers that see one event at a time refuse such queries.
 */
import { eventDisplayName, findEventType, isFailureEventType } from '../pulumi/event-catalog.ts';
import type { AuditLogEvent } from '../pulumi/wire-types.ts';
import { ipInRange } from '../ip-address/ip-range.ts';
import { parseIp } from '../ip-address/parse-ip.ts';
import { termKey, type FlagKey, type SearchQuery, type SearchTerm } from './search-query-types.ts';

const CONTEXT_FLAGS: readonly FlagKey[] = ['first-ip', 'burst'];

/** The flags of a query that need other events to answer: `contextFlagsOf(q).length === 0`. */
export function contextFlagsOf(query: SearchQuery): FlagKey[] {
  return query.terms.flatMap((term) =>
    term.kind === 'group'
      ? term.any.flatMap(contextFlagsOf)
      : term.kind === 'flag' && CONTEXT_FLAGS.includes(term.key)
        ? [term.key]
        : [],
  );
}

const lower = (text: string | undefined) => (text ?? '').toLowerCase();

function termMatches(event: AuditLogEvent, term: SearchTerm): boolean {
  switch (term.kind) {
    case 'text': {
      const needle = term.value.toLowerCase();
      return [
        event.description,
        event.user.githubLogin,
        event.user.name,
        event.event,
        eventDisplayName(event.event),
        event.sourceIP,
        event.tokenName,
        event.actorName,
        event.actorUrn,
      ].some((field) => lower(field).includes(needle));
    }
    case 'ip': {
      const address = parseIp(event.sourceIP ?? '');
      return address !== undefined && ipInRange(address, term.range);
    }
    case 'group':
      return term.any.some((alternative) => matchEvent(event, alternative));
    case 'flag':
      if (term.key === 'failed') {
        const failed = event.authFailure === true || isFailureEventType(event.event);
        return failed === term.value;
      }
      if (term.key === 'machine') return Boolean(event.actorName || event.actorUrn) === term.value;
      if (term.key === 'admin') return (event.reqOrgAdmin === true) === term.value;
      return false;
    case 'field': {
      const value = term.value.toLowerCase();
      if (term.key === 'user') return event.user.githubLogin.toLowerCase() === value;
      if (term.key === 'event') return event.event === term.value;
      if (term.key === 'category') return findEventType(event.event)?.category === term.value;
      if (term.key === 'token') {
        return lower(event.tokenName) === value || lower(event.tokenID) === value;
      }
      return lower(event.actorName).includes(value) || lower(event.actorUrn).includes(value);
    }
  }
}

/** Whether `event` matches `query`: `matchEvent(e, parseSearchQuery('failed:true').query)`. */
export function matchEvent(event: AuditLogEvent, query: SearchQuery): boolean {
  const groups = new Map<string, boolean>();
  for (const term of query.terms) {
    const matches = termMatches(event, term);
    if (term.negated) {
      if (matches) return false;
      continue;
    }
    const key = termKey(term);
    if (key === undefined) {
      if (!matches) return false;
      continue;
    }
    groups.set(key, (groups.get(key) ?? false) || matches);
  }
  return [...groups.values()].every(Boolean);
}
