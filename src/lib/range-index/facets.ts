/** Top values among matching rows: who, what, from where, with which token. */
import { eventDisplayName } from '../../../common/pulumi/event-catalog.ts';
import { tokenLabels, tokenPivot } from '../audit-token.ts';
import type { RangeIndex } from './range-index.ts';
import type { IdColumn } from './row-columns.ts';

export interface FacetEntry {
  /**
   * What a search term names, and so what tells entries apart: a login, an event id, an
   * address, a token id (or name, for a token without one).
   */
  value: string;
  /** What a person reads: the user's name, the event's display name, the token's name… */
  label: string;
  count: number;
  /** The user's picture, for user entries. */
  avatarUrl?: string;
}

export interface Facets {
  users: FacetEntry[];
  events: FacetEntry[];
  ips: FacetEntry[];
  tokens: FacetEntry[];
}

export type FacetName = keyof Facets;

/** How many distinct values each facet has among the rows (all of them, not only the top). */
export type FacetDistinct = Record<FacetName, number>;

/** Counts per dictionary id of `column` over `rows`. */
function countIds(
  index: RangeIndex,
  column: Exclude<IdColumn, 'shape' | 'kept'>,
  rows: Uint32Array,
): Uint32Array {
  const counts = new Uint32Array(index.dictionaries[column].size);
  const ids = index.columns.ids[column].subarray(index.columns.head);
  for (let i = 0; i < rows.length; i++) {
    const id = ids[rows[i] as number] as number;
    counts[id] = (counts[id] as number) + 1;
  }
  return counts;
}

/**
 * Adds counts of ids that share a value (one login with several names, one token id renamed),
 * then takes the top; `distinct` is how many values there were.
 */
function top(
  counts: Uint32Array,
  entryOf: (id: number) => FacetValue | undefined,
  limit: number,
): { entries: FacetEntry[]; distinct: number } {
  const merged = new Map<string, FacetEntry>();
  for (let id = 0; id < counts.length; id++) {
    const count = counts[id] as number;
    const entry = count > 0 ? entryOf(id) : undefined;
    if (!entry) continue;
    const known = merged.get(entry.value);
    if (known) known.count += count;
    else merged.set(entry.value, { ...entry, count });
  }
  const entries = [...merged.values()]
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
  return { entries, distinct: merged.size };
}

/** The search keys a facet (and a suggestion list) counts. */
export type FacetKey = 'user' | 'event' | 'ip' | 'token';

type FacetValue = Omit<FacetEntry, 'count'>;
type EntriesOf = (index: RangeIndex) => (id: number) => FacetValue | undefined;

/**
 * How each facet reads the dictionary entries of an index: what a term names and what a person
 * reads. Tokens are entries by id, so each person's `pulumi-cli` is one of its own.
 */
const ENTRIES_OF: Record<FacetKey, EntriesOf> = {
  user: (index) => (id) => {
    const user = index.dictionaries.user.values[id]!;
    const entry = { value: user.login, label: user.name || user.login };
    return user.avatarUrl ? { ...entry, avatarUrl: user.avatarUrl } : entry;
  },
  event: (index) => (id) => {
    const event = index.dictionaries.event.values[id]!;
    return { value: event, label: eventDisplayName(event) };
  },
  ip: (index) => (id) => {
    const ip = index.dictionaries.ip.values[id]!;
    return ip ? { value: ip, label: ip } : undefined;
  },
  token: (index) => {
    // Over every token of the index, not only the counted ones: whether a name is shared
    // does not change with the view, nor do the labels.
    const tokens = index.dictionaries.token.values;
    const labels = tokenLabels(tokens);
    return (id) => {
      const value = tokenPivot(tokens[id]!);
      return value ? { value, label: labels[id]! } : undefined;
    };
  },
};

/**
 * The `limit` commonest values of one key among `rows` whose value or label holds `text`
 * (case-insensitive; all when empty), for autocomplete and the user picker:
 * `facetValues(index, 'user', rows, 'kim', 10)[0]?.value`.
 */
export function facetValues(
  index: RangeIndex,
  key: FacetKey,
  rows: Uint32Array,
  text: string,
  limit: number,
): FacetEntry[] {
  const needle = text.toLowerCase();
  const entryOfId = ENTRIES_OF[key](index);
  const entryOf = (id: number) => {
    const entry = entryOfId(id);
    if (!entry || !needle) return entry;
    const holds = (s: string) => s.toLowerCase().includes(needle);
    return holds(entry.value) || holds(entry.label) ? entry : undefined;
  };
  return top(countIds(index, key, rows), entryOf, limit).entries;
}

/**
 * The `limit` commonest users, events, addresses and tokens among `rows`, by count, then value;
 * empty addresses and tokens are left out: `facets(index, rows).users[0]?.value`.
 */
export function facets(index: RangeIndex, rows: Uint32Array, limit = 10): Facets {
  return facetsWithDistinct(index, rows, limit).facets;
}

const KEY_OF: Record<FacetName, FacetKey> = {
  users: 'user',
  events: 'event',
  ips: 'ip',
  tokens: 'token',
};

/** The facets and how many distinct values each has: `…(index, rows, 8).distinct.users`. */
export function facetsWithDistinct(
  index: RangeIndex,
  rows: Uint32Array,
  limit = 10,
): { facets: Facets; distinct: FacetDistinct } {
  const result = { facets: {} as Facets, distinct: {} as FacetDistinct };
  for (const [name, key] of Object.entries(KEY_OF) as [FacetName, FacetKey][]) {
    const { entries, distinct } = top(countIds(index, key, rows), ENTRIES_OF[key](index), limit);
    result.facets[name] = entries;
    result.distinct[name] = distinct;
  }
  return result;
}
