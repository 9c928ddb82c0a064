/**
 * The search language evaluated the plain way, one event at a time over an array: the oracle
 * the range index is tested against. It shares nothing with the index but the catalog and the
 * address parser.
 */
import {
  eventDisplayName,
  findEventType,
  isFailureEventType,
} from '../../../../common/pulumi/event-catalog.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { ipInRange } from '../../ip-address/ip-range.ts';
import { parseIp } from '../../ip-address/parse-ip.ts';
import { FAILED_LOGIN_EVENT } from '../markers.ts';
import type { SearchQuery, SearchTerm } from '../../search-query/search-query-types.ts';

const lower = (text: string | undefined) => (text ?? '').toLowerCase();

/** first-ip: no older event of the same login from the same (non-empty) address. */
export function isFirstIp(events: AuditLogEvent[], row: number): boolean {
  const e = events[row]!;
  if (!e.sourceIP) return false;
  return !events
    .slice(row + 1)
    .some((o) => o.sourceIP === e.sourceIP && o.user.githubLogin === e.user.githubLogin);
}

/** burst: some 300-second window starting at a failure from this address holds it and 4 more. */
export function isBurst(events: AuditLogEvent[], row: number): boolean {
  const e = events[row]!;
  const failed = (o: AuditLogEvent) => o.authFailure || o.event === FAILED_LOGIN_EVENT;
  if (!failed(e) || !e.sourceIP) return false;
  const times = events
    .filter((o) => failed(o) && o.sourceIP === e.sourceIP)
    .map((o) => o.timestamp);
  return times.some(
    (start) =>
      start <= e.timestamp &&
      e.timestamp < start + 300 &&
      times.filter((t) => t >= start && t < start + 300).length >= 5,
  );
}

function termMatches(events: AuditLogEvent[], row: number, term: SearchTerm): boolean {
  const e = events[row]!;
  switch (term.kind) {
    case 'group':
      return term.any.some((alternative) => rowMatches(events, row, alternative));
    case 'text': {
      const needle = term.value.toLowerCase();
      const fields = [
        e.description,
        e.user.name,
        e.user.githubLogin,
        e.event,
        eventDisplayName(e.event),
      ];
      fields.push(e.sourceIP, e.tokenName, e.actorName, e.actorUrn);
      return fields.some((field) => lower(field).includes(needle));
    }
    case 'ip': {
      const address = parseIp(e.sourceIP ?? '');
      return address !== undefined && ipInRange(address, term.range);
    }
    case 'flag': {
      const value = {
        failed: e.authFailure === true || isFailureEventType(e.event),
        admin: e.reqOrgAdmin === true,
        'first-ip': isFirstIp(events, row),
        burst: isBurst(events, row),
        machine: Boolean(e.actorName || e.actorUrn),
      }[term.key];
      return value === term.value;
    }
    case 'field': {
      const value = term.value.toLowerCase();
      if (term.key === 'user') return e.user.githubLogin.toLowerCase() === value;
      if (term.key === 'event') return e.event === term.value;
      if (term.key === 'category') return findEventType(e.event)?.category === term.value;
      if (term.key === 'token') return lower(e.tokenName) === value || lower(e.tokenID) === value;
      return lower(e.actorName).includes(value) || lower(e.actorUrn).includes(value);
    }
  }
}

/** Every term holds, an excluded one by not matching; included terms of one key, either. */
function rowMatches(events: AuditLogEvent[], row: number, query: SearchQuery): boolean {
  const groups = new Map<string, boolean>();
  for (const term of query.terms) {
    const hit = termMatches(events, row, term);
    if (term.negated) {
      if (hit) return false;
      continue;
    }
    const key =
      term.kind === 'text' || term.kind === 'group'
        ? `alone ${groups.size}`
        : term.kind === 'ip'
          ? 'ip'
          : term.key;
    groups.set(key, (groups.get(key) ?? false) || hit);
  }
  return [...groups.values()].every(Boolean);
}

/** The rows of `events` (newest first) that `query` matches. */
export function naiveMatch(events: AuditLogEvent[], query: SearchQuery): number[] {
  return events.flatMap((_, row) => (rowMatches(events, row, query) ? [row] : []));
}
