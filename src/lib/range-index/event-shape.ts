/**
 * An event's shape: its keys in the order the API sent them, each filled from the index's
 * columns, or a constant (`null`, `true`, `false` where no column keeps it), or kept as sent.
 * The columns hold what search and facets need (a description, a login, flags that are true);
 * the shape and the row's kept values hold the rest: key order, empty strings, `false` flags
 * sent explicitly, `null`s, a user's email and any field the index does not know. With them, an
 * event read back from the index is the event the API sent, key for key, so JSON Lines written
 * from a kept index are the lines written from the API's own pages.
 *
 * Events of one API have few shapes (the optional fields present or not), so a shape is stored
 * once in a dictionary and each row holds its id; the writer checks the shapes met last first,
 * which allocates nothing for the common run of events shaped alike. What a shape keeps as sent
 * varies from event to event (an email, an id the index does not know), so it is not part of
 * the shape: each row holds the id of its kept values in a dictionary of their own, and only
 * events that have such values pay for them.
 */
import { EVENT_BOOLEANS, EVENT_STRINGS } from '../../../common/pulumi/audit-log-page.ts';
import type { AuditLogEvent, UserInfo } from '../../../common/pulumi/wire-types.ts';
import { TextDictionary } from './text-dictionary.ts';

/** Where a key's value is: the columns, a constant, or the row's kept values (in key order). */
type Slot =
  [key: string, from: 'column' | 'kept'] | [key: string, from: 'constant', value: Constant];
/** The top level adds the user object, itself filled slot by slot. */
type TopSlot = Slot | [key: 'user', from: 'user', user: Slot[]];
type Constant = null | boolean;

const STRING_COLUMNS = new Set<string>(EVENT_STRINGS);
const FLAG_COLUMNS = new Set<string>(EVENT_BOOLEANS);
const COLUMN_KEYS = new Set<string>(['timestamp', 'event', ...EVENT_STRINGS, ...EVENT_BOOLEANS]);

/**
 * Whether the columns hold `key`'s value: the event's keys they keep, of the type they keep.
 * Flags are one bit, so only `true` is the column's; a `false` the API sent is a constant.
 */
function inColumn(key: string, value: unknown): boolean {
  if (key === 'timestamp') return typeof value === 'number';
  if (key === 'event' || STRING_COLUMNS.has(key)) return typeof value === 'string';
  return FLAG_COLUMNS.has(key) && value === true;
}

const USER_COLUMN_KEYS = new Set(['githubLogin', 'name', 'avatarUrl']);

function inUserColumn(key: string, value: unknown): boolean {
  return USER_COLUMN_KEYS.has(key) && typeof value === 'string';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isConstant = (value: unknown): value is Constant =>
  value === null || typeof value === 'boolean';

function slotOf(key: string, value: unknown, held: typeof inColumn): Slot {
  if (held(key, value)) return [key, 'column'];
  return isConstant(value) ? [key, 'constant', value] : [key, 'kept'];
}

function shapeOf(event: AuditLogEvent): TopSlot[] {
  const record = event as unknown as Record<string, unknown>;
  return Object.keys(record).map((key): TopSlot => {
    const value = record[key];
    if (key === 'user' && isRecord(value)) {
      return ['user', 'user', Object.keys(value).map((k) => slotOf(k, value[k], inUserColumn))];
    }
    return slotOf(key, value, inColumn);
  });
}

function fitsSlot(key: string, value: unknown, slot: Slot, held: typeof inColumn): boolean {
  if (slot[0] !== key) return false;
  if (slot[1] === 'column') return held(key, value);
  if (held(key, value)) return false;
  return slot[1] === 'constant' ? slot[2] === value : !isConstant(value);
}

/** Whether `record`'s keys, in order, are `slots`' and each value is where its slot says. */
function fits(record: Record<string, unknown>, slots: readonly Slot[], held: typeof inColumn) {
  let i = 0;
  for (const key in record) {
    const slot = slots[i++];
    if (slot === undefined || !fitsSlot(key, record[key], slot, held)) return false;
  }
  return i === slots.length;
}

function fitsShape(event: AuditLogEvent, shape: readonly TopSlot[]): boolean {
  const record = event as unknown as Record<string, unknown>;
  let i = 0;
  for (const key in record) {
    const slot = shape[i++];
    if (slot === undefined) return false;
    if (slot[1] === 'user') {
      const user = record[key];
      if (key !== 'user' || !isRecord(user) || !fits(user, slot[2], inUserColumn)) return false;
    } else if (!fitsSlot(key, record[key], slot, inColumn)) return false;
  }
  return i === shape.length;
}

/** The values `shape` keeps as sent, in slot order (the user's where its slot is). */
function keptValues(event: AuditLogEvent, shape: readonly TopSlot[]): unknown[] {
  const record = event as unknown as Record<string, unknown>;
  const kept: unknown[] = [];
  for (const slot of shape) {
    if (slot[1] === 'kept') kept.push(record[slot[0]]);
    else if (slot[1] === 'user') {
      const user = record.user as Record<string, unknown>;
      for (const part of slot[2]) if (part[1] === 'kept') kept.push(user[part[0]]);
    }
  }
  return kept;
}

const isKept = (slot: Slot) => slot[1] === 'kept';
const keepsAny = (shape: readonly TopSlot[]) =>
  shape.some((slot) => (slot[1] === 'user' ? slot[2].some(isKept) : isKept(slot)));

/** JSON text, or undefined for a value JSON cannot write (nested deeper than the stack). */
function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

const isSlot = (slot: unknown, columns: Set<string>): slot is Slot =>
  Array.isArray(slot) &&
  typeof slot[0] === 'string' &&
  ((slot.length === 2 && slot[1] === 'kept') ||
    (slot.length === 2 && slot[1] === 'column' && columns.has(slot[0])) ||
    (slot.length === 3 && slot[1] === 'constant' && isConstant(slot[2])));
const isShape = (shape: unknown): shape is TopSlot[] =>
  Array.isArray(shape) &&
  shape.every(
    (slot) =>
      isSlot(slot, COLUMN_KEYS) ||
      (Array.isArray(slot) &&
        slot.length === 3 &&
        slot[0] === 'user' &&
        slot[1] === 'user' &&
        Array.isArray(slot[2]) &&
        slot[2].every((part) => isSlot(part, USER_COLUMN_KEYS))),
  );

/**
 * Sets `value` on `target` as its own property, as JSON.parse made it: a key named `__proto__`
 * too, which assignment would take for the prototype (no column has that name).
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== '__proto__') target[key] = value;
  else
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** What the columns hold for one row, as `RangeIndex.event` reads them. */
export interface ColumnValues {
  timestamp: number;
  event: string;
  sourceIP: string;
  description: string;
  tokenID: string;
  tokenName: string;
  actorName: string;
  actorUrn: string;
  reqOrgAdmin: boolean;
  reqStackAdmin: boolean;
  authFailure: boolean;
  user: Required<Omit<UserInfo, 'email'>>;
}

/** How many shapes the writer tries before it works out an event's shape from scratch. */
const RECENT_SHAPES = 8;

/** The id of "no value kept as sent", in every index. */
export const NOTHING_KEPT = 0;

/**
 * The distinct shapes of an index's events and the distinct sets of values they keep as sent,
 * by id; both stored with the index as JSON text.
 */
export class ShapeDictionary {
  private readonly shapeTexts = new TextDictionary();
  /** Each row's values kept as sent, as the JSON text of their array (id 0: none). */
  private readonly keptTexts = new TextDictionary();
  /** Each shape parsed, and whether it keeps any value as sent, by the shape's id. */
  private readonly shapes: TopSlot[][] = [];
  private readonly keeps: boolean[] = [];
  /** The shapes met last, latest first: an event is most often shaped as one of them. */
  private readonly recent: number[] = [];

  constructor() {
    this.keptTexts.idOf('[]');
  }

  /** Each shape's JSON text, by id. */
  get values(): readonly string[] {
    return this.shapeTexts.values;
  }

  /** Each set of values kept as sent, as JSON text, by id. */
  get keptValues(): readonly string[] {
    return this.keptTexts.values;
  }

  get size(): number {
    return this.shapeTexts.size;
  }

  get keptSize(): number {
    return this.keptTexts.size;
  }

  /** `event`'s shape id and the id of its values kept as sent, adding either when new. */
  idsOfEvent(event: AuditLogEvent): [shape: number, kept: number] {
    const shape = this.idOfEvent(event);
    if (!this.keeps[shape]) return [shape, NOTHING_KEPT];
    const values = keptValues(event, this.shapes[shape]!);
    // A value JSON cannot write (nested past the stack) is not kept: the event is still indexed.
    const text = jsonOf(values) ?? JSON.stringify(values.map(jsonSafe));
    return [shape, this.keptTexts.idOf(text)];
  }

  private idOfEvent(event: AuditLogEvent): number {
    const { recent, shapes } = this;
    let at = 0;
    while (at < recent.length && !fitsShape(event, shapes[recent[at]!]!)) at++;
    if (at === recent.length) at = -1;
    const id = at >= 0 ? recent[at]! : this.idOf(JSON.stringify(shapeOf(event)));
    if (at === 0) return id;
    if (at > 0) recent.splice(at, 1);
    else {
      const known = recent.indexOf(id);
      if (known >= 0) recent.splice(known, 1);
      else if (recent.length === RECENT_SHAPES) recent.pop();
    }
    recent.unshift(id);
    return id;
  }

  /**
   * The id of a shape as JSON text (as `values` holds it), adding it when new; throws a
   * `SyntaxError` for text that is no shape (a damaged stored index).
   */
  idOf(text: string): number {
    const known = this.shapeTexts.find(text);
    if (known >= 0) return known;
    const shape: unknown = JSON.parse(text);
    if (!isShape(shape)) throw new SyntaxError('not an event shape');
    this.shapes.push(shape);
    this.keeps.push(keepsAny(shape));
    return this.shapeTexts.idOf(text);
  }

  /**
   * The id of values kept as sent, as the JSON text of their array, adding it when new; throws
   * a `SyntaxError` for text that is no array (a damaged stored index).
   */
  idOfKept(text: string): number {
    const known = this.keptTexts.find(text);
    if (known >= 0) return known;
    if (!Array.isArray(JSON.parse(text))) throw new SyntaxError('not kept values');
    return this.keptTexts.idOf(text);
  }

  /** The event of shape `id` with the columns' `values` and its `kept` values' id. */
  build(id: number, kept: number, values: ColumnValues): AuditLogEvent {
    // Parsed afresh for each event: no two events read back share an object.
    const sent =
      kept === NOTHING_KEPT ? [] : (JSON.parse(this.keptTexts.values[kept]!) as unknown[]);
    let next = 0;
    const fill = (target: Record<string, unknown>, slot: Slot, columns: object) => {
      if (slot[1] === 'column') target[slot[0]] = (columns as Record<string, unknown>)[slot[0]];
      else setOwn(target, slot[0], slot[1] === 'constant' ? slot[2] : sent[next++]);
    };
    const event: Record<string, unknown> = {};
    for (const slot of this.shapes[id]!) {
      if (slot[1] !== 'user') fill(event, slot, values);
      else {
        const user: Record<string, unknown> = {};
        for (const part of slot[2]) fill(user, part, values.user);
        event.user = user;
      }
    }
    return event as unknown as AuditLogEvent;
  }
}

/** A value made writable as JSON: nested past the stack, it is kept as `null`. */
function jsonSafe(value: unknown): unknown {
  return jsonOf(value) === undefined ? null : value;
}
