/**
 * An event's shape: its keys in the order the API sent them, each either filled from the index's
 * columns or kept as sent. The columns hold what search and facets need (a description, a
 * login, flags that are true); the shape holds the rest: key order, empty strings, `false`
 * flags sent explicitly, `null`s, a user's email and any field the index does not know. With
 * both, an event read back from the index is the event the API sent, key for key, so JSON Lines
 * written from a kept index are the lines written from the API's own pages.
 *
 * Events of one API have few shapes (tens in a million demo events), so a shape is stored once
 * in a dictionary and each row holds its id; the writer checks the last shape first, which
 * allocates nothing for the common run of events shaped alike.
 */
import type { AuditLogEvent, UserInfo } from '../../../common/pulumi/wire-types.ts';

/** A key whose value comes from the columns, or a key and the value it was sent with. */
type Slot = string | [key: string, value: unknown];
/** The top level adds the user object, itself filled slot by slot. */
type TopSlot = Slot | [key: 'user', value: null, user: Slot[]];

/**
 * Whether the columns hold `key`'s value: the event's keys they keep, of the type they keep.
 * Flags are one bit, so only `true` is the column's; a `false` the API sent is kept as sent.
 */
function inColumn(key: string, value: unknown): boolean {
  switch (key) {
    case 'timestamp':
      return typeof value === 'number';
    case 'event':
    case 'sourceIP':
    case 'description':
    case 'tokenID':
    case 'tokenName':
    case 'actorName':
    case 'actorUrn':
      return typeof value === 'string';
    case 'reqOrgAdmin':
    case 'reqStackAdmin':
    case 'authFailure':
      return value === true;
    default:
      return false;
  }
}

function inUserColumn(key: string, value: unknown): boolean {
  return (
    (key === 'githubLogin' || key === 'name' || key === 'avatarUrl') && typeof value === 'string'
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function slotsOf(record: Record<string, unknown>, held: typeof inColumn): Slot[] {
  return Object.keys(record).map((key) => (held(key, record[key]) ? key : [key, record[key]]));
}

function shapeOf(event: AuditLogEvent): TopSlot[] {
  const record = event as unknown as Record<string, unknown>;
  return Object.keys(record).map((key): TopSlot => {
    const value = record[key];
    if (key === 'user' && isRecord(value)) return ['user', null, slotsOf(value, inUserColumn)];
    return inColumn(key, value) ? key : [key, value];
  });
}

function fitsSlot(key: string, value: unknown, slot: Slot, held: typeof inColumn): boolean {
  if (typeof slot === 'string') return slot === key && held(key, value);
  return slot[0] === key && !held(key, value) && slot[1] === value;
}

/** Whether `record`'s keys and kept values are `slots`' (a kept object or array never is). */
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
    if (typeof slot !== 'string' && slot.length === 3) {
      const user = record[key];
      if (key !== 'user' || !isRecord(user) || !fits(user, slot[2], inUserColumn)) return false;
    } else if (!fitsSlot(key, record[key], slot, inColumn)) return false;
  }
  return i === shape.length;
}

const isSlot = (slot: unknown): slot is Slot =>
  typeof slot === 'string' ||
  (Array.isArray(slot) && slot.length === 2 && typeof slot[0] === 'string');
const isShape = (shape: unknown): shape is TopSlot[] =>
  Array.isArray(shape) &&
  shape.every(
    (slot) =>
      isSlot(slot) ||
      (Array.isArray(slot) &&
        slot.length === 3 &&
        slot[0] === 'user' &&
        slot[1] === null &&
        Array.isArray(slot[2]) &&
        slot[2].every(isSlot)),
  );

/**
 * Sets a kept value on `target` as its own property, as JSON.parse made it (a key named
 * `__proto__` included, which assignment would take for the prototype), copied when it is an
 * object, so no event read back shares one with another.
 */
function keep(target: Record<string, unknown>, key: string, value: unknown): void {
  const copy = typeof value === 'object' && value !== null ? structuredClone(value) : value;
  Object.defineProperty(target, key, {
    value: copy,
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

/** The distinct shapes of an index's events, by id; stored with the index as JSON text. */
export class ShapeDictionary {
  readonly values: string[] = [];
  private readonly shapes: TopSlot[][] = [];
  private readonly ids = new Map<string, number>();
  /** The shapes met last, latest first: an event is most often shaped as one of them. */
  private readonly recent: number[] = [];

  /** The id of `event`'s shape, adding it when new. */
  idOfEvent(event: AuditLogEvent): number {
    const { recent } = this;
    const at = recent.findIndex((id) => fitsShape(event, this.shapes[id]!));
    const id = at >= 0 ? recent[at]! : this.idOf(JSON.stringify(shapeOf(event)));
    if (at === 0) return id;
    if (at > 0) recent.splice(at, 1);
    else if (recent.length === RECENT_SHAPES) recent.pop();
    recent.unshift(id);
    return id;
  }

  /**
   * The id of a shape as JSON text (as `values` holds it), adding it when new; throws a
   * `SyntaxError` for text that is no shape (a damaged stored index).
   */
  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      const shape: unknown = JSON.parse(text);
      if (!isShape(shape)) throw new SyntaxError('not an event shape');
      id = this.values.length;
      this.ids.set(text, id);
      this.values.push(text);
      this.shapes.push(shape);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }

  /** The event of shape `id` with the columns' `values`, keys in the order the API sent them. */
  build(id: number, values: ColumnValues): AuditLogEvent {
    const event: Record<string, unknown> = {};
    for (const slot of this.shapes[id]!) {
      if (typeof slot === 'string') event[slot] = values[slot as keyof ColumnValues];
      else if (slot.length === 2) keep(event, slot[0], slot[1]);
      else {
        const user: Record<string, unknown> = {};
        for (const part of slot[2]) {
          if (typeof part === 'string')
            user[part] = values.user[part as keyof ColumnValues['user']];
          else keep(user, part[0], part[1]);
        }
        event.user = user;
      }
    }
    return event as unknown as AuditLogEvent;
  }
}
