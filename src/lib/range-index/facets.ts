/** Top values among matching rows: who, what, from where, with which token. */
import { eventDisplayName } from '../../../common/pulumi/event-catalog.ts';
import type { RangeIndex } from './range-index.ts';
import type { IdColumn } from './row-columns.ts';

export interface FacetEntry {
  /** What a search term names: a login, an event id, an address, a token name (or id). */
  value: string;
  /** What a person reads: the user's name, the event's display name… */
  label: string;
  count: number;
}

export interface Facets {
  users: FacetEntry[];
  events: FacetEntry[];
  ips: FacetEntry[];
  tokens: FacetEntry[];
}

/** Counts per dictionary id of `column` over `rows`. */
function countIds(index: RangeIndex, column: IdColumn, rows: Uint32Array): Uint32Array {
  const counts = new Uint32Array(index.dictionaries[column].size);
  const ids = index.columns.ids[column].subarray(index.columns.head);
  for (let i = 0; i < rows.length; i++) {
    const id = ids[rows[i] as number] as number;
    counts[id] = (counts[id] as number) + 1;
  }
  return counts;
}

/** Adds counts of ids that share a value (one login with several names), then takes the top. */
function top(
  counts: Uint32Array,
  entryOf: (id: number) => Omit<FacetEntry, 'count'> | undefined,
  limit: number,
): FacetEntry[] {
  const merged = new Map<string, FacetEntry>();
  for (let id = 0; id < counts.length; id++) {
    const count = counts[id] as number;
    const entry = count > 0 ? entryOf(id) : undefined;
    if (!entry) continue;
    const known = merged.get(entry.value);
    if (known) known.count += count;
    else merged.set(entry.value, { ...entry, count });
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
}

/**
 * The `limit` commonest users, events, addresses and tokens among `rows`, by count, then value;
 * empty addresses and tokens are left out: `facets(index, rows).users[0]?.value`.
 */
export function facets(index: RangeIndex, rows: Uint32Array, limit = 10): Facets {
  const d = index.dictionaries;
  return {
    users: top(
      countIds(index, 'user', rows),
      (id) => {
        const user = d.user.values[id]!;
        return { value: user.login, label: user.name || user.login };
      },
      limit,
    ),
    events: top(
      countIds(index, 'event', rows),
      (id) => {
        const event = d.event.values[id]!;
        return { value: event, label: eventDisplayName(event) };
      },
      limit,
    ),
    ips: top(
      countIds(index, 'ip', rows),
      (id) => {
        const ip = d.ip.values[id]!;
        return ip ? { value: ip, label: ip } : undefined;
      },
      limit,
    ),
    tokens: top(
      countIds(index, 'token', rows),
      (id) => {
        const token = d.token.values[id]!;
        const value = token.name || token.id;
        return value ? { value, label: token.name || token.id } : undefined;
      },
      limit,
    ),
  };
}
