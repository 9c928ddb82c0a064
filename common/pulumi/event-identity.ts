/**
 * A name for one audit event, for links: the API gives events no id. An event is named by its
 * second, a short hash of what it says, and its ordinal among identical events of that second
 * (the log holds exact repeats), e.g. `1774448406-3fa2b1c9` or `1774448406-3fa2b1c9-1`.
 *
 * The hash reads only what an event records, field by field, so the API's field order, omitted
 * false flags and empty strings, and page boundaries do not change it. The user's display name
 * and avatar are left out: the server joins them in at read time (a rename or another host
 * would change them). Ordinals count in the API's order (newest first, ties in a fixed order),
 * and a view's bounds are whole seconds, so every reader sees a second whole and in one order.
 */
import { hashString } from '../text/hash-string.ts';
import type { AuditLogEvent } from './wire-types.ts';

export interface EventIdentity {
  timestamp: number;
  /** 8 lower-case hex digits. */
  hash: string;
  /** 0 for the first of identical events in the second, 1 for the next… */
  ordinal: number;
}

/** The hash of what an event records: `eventContentHash(event).length === 8`. */
export function eventContentHash(event: AuditLogEvent): string {
  const canonical = JSON.stringify([
    event.event,
    event.user.githubLogin,
    event.sourceIP ?? '',
    event.description ?? '',
    event.tokenID ?? '',
    event.tokenName ?? '',
    event.actorName ?? '',
    event.actorUrn ?? '',
    event.reqOrgAdmin === true,
    event.reqStackAdmin === true,
    event.authFailure === true,
  ]);
  return hashString(canonical).toString(16).padStart(8, '0');
}

/** `formatEventIdentity({timestamp: 5, hash: '0000abcd', ordinal: 1}) === '5-0000abcd-1'`. */
export function formatEventIdentity({ timestamp, hash, ordinal }: EventIdentity): string {
  return ordinal === 0 ? `${timestamp}-${hash}` : `${timestamp}-${hash}-${ordinal}`;
}

const IDENTITY = /^(0|[1-9]\d{0,11})-([0-9a-f]{8})(?:-([1-9]\d{0,5}))?$/;

/** Reads a formatted identity, else undefined: `parseEventIdentity('5-0000abcd')?.ordinal === 0`. */
export function parseEventIdentity(text: string): EventIdentity | undefined {
  const match = IDENTITY.exec(text);
  if (!match) return undefined;
  return {
    timestamp: Number(match[1]),
    hash: match[2] as string,
    ordinal: match[3] === undefined ? 0 : Number(match[3]),
  };
}

/**
 * Names events read in the API's order, across any number of pages: call the returned function
 * on each event in turn. `const identify = createEventIdentifier(); page.map(identify)`.
 */
export function createEventIdentifier(): (event: AuditLogEvent) => EventIdentity {
  let second = Number.NaN;
  const seen = new Map<string, number>();
  return (event) => {
    if (event.timestamp !== second) {
      second = event.timestamp;
      seen.clear();
    }
    const hash = eventContentHash(event);
    const ordinal = seen.get(hash) ?? 0;
    seen.set(hash, ordinal + 1);
    return { timestamp: event.timestamp, hash, ordinal };
  };
}
