/**
 * A range index as IndexedDB keeps it: the columns as typed arrays and each dictionary's values
 * in id order, so a later visit starts from what was read before and reads only what it lacks.
 * Structured clone copies typed arrays as they are, so storing costs about the index's own
 * memory (decision note 012: about 43 bytes per event).
 */
import type { IndexedActor, IndexedToken, IndexedUser } from './dictionaries.ts';
import { RangeIndex } from './range-index.ts';
import { ID_COLUMNS, type IdColumn } from './row-columns.ts';
import type { TimeWindow } from '../time-window.ts';

/** Bump when the layout changes: an older stored index is then read again from the API. */
export const STORED_INDEX_FORMAT = 2;

export interface StoredIndex {
  format: number;
  org: string;
  /** The seconds read whole. */
  covered: TimeWindow;
  /** Epoch milliseconds. */
  savedAt: number;
  times: Float64Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  ids: Record<IdColumn, Uint32Array<ArrayBuffer>>;
  users: IndexedUser[];
  events: string[];
  descriptions: string[];
  ips: string[];
  tokens: IndexedToken[];
  actors: IndexedActor[];
  /** Each event shape, and each row's values kept as sent, as JSON text (event-shape.ts). */
  shapes: string[];
  kept: string[];
}

/** The index (trimmed to its rows) as a record to store. */
export function toStoredIndex(
  index: RangeIndex,
  org: string,
  covered: TimeWindow,
  savedAt: number,
): StoredIndex {
  index.trim();
  const { columns: c, dictionaries: d } = index;
  const [start, end] = [c.head, c.head + c.size];
  return {
    format: STORED_INDEX_FORMAT,
    org,
    covered,
    savedAt,
    times: c.times.slice(start, end),
    flags: c.flags.slice(start, end),
    ids: Object.fromEntries(
      ID_COLUMNS.map((name) => [name, c.ids[name].slice(start, end)]),
    ) as Record<IdColumn, Uint32Array<ArrayBuffer>>,
    users: [...d.user.values],
    events: [...d.event.values],
    descriptions: [...d.description.values],
    ips: [...d.ip.values],
    tokens: [...d.token.values],
    actors: [...d.actor.values],
    shapes: [...d.shape.values],
    kept: [...d.shape.keptValues],
  };
}

/** The index a stored record holds, or undefined when it is of another format or damaged. */
export function fromStoredIndex(stored: StoredIndex): RangeIndex | undefined {
  if (stored.format !== STORED_INDEX_FORMAT) return undefined;
  const size = stored.times.length;
  if (stored.flags.length !== size || ID_COLUMNS.some((n) => stored.ids[n]?.length !== size)) {
    return undefined;
  }
  const index = new RangeIndex();
  const d = index.dictionaries;
  // Values go in in id order, so each gets back the id it had.
  for (const user of stored.users) d.user.idOf(user);
  for (const event of stored.events) d.event.idOf(event);
  for (const text of stored.descriptions) d.description.idOf(text);
  for (const ip of stored.ips) d.ip.idOf(ip);
  for (const token of stored.tokens) d.token.idOf(token);
  for (const actor of stored.actors) d.actor.idOf(actor);
  try {
    for (const shape of stored.shapes) d.shape.idOf(shape);
    for (const kept of stored.kept) d.shape.idOfKept(kept);
  } catch {
    return undefined;
  }
  const sizes: Record<IdColumn, number> = {
    user: d.user.size,
    event: d.event.size,
    description: d.description.size,
    ip: d.ip.size,
    token: d.token.size,
    actor: d.actor.size,
    shape: d.shape.size,
    kept: d.shape.keptSize,
  };
  for (const name of ID_COLUMNS) {
    if (stored.ids[name].some((id) => id >= sizes[name])) return undefined;
  }
  const c = index.columns;
  c.times = stored.times;
  c.flags = stored.flags;
  c.ids = stored.ids;
  c.head = 0;
  c.size = size;
  index.version++;
  return index;
}
