/**
 * The per-event columns of the range index, in a buffer that grows at both ends: older ranges
 * are added after the last row and newer events before the first, each in amortised constant
 * time, and every scan reads one contiguous stretch. Row 0 is the newest event.
 */

/** Dictionary ids per event, one column per dictionary. */
export const ID_COLUMNS = [
  'user',
  'event',
  'description',
  'ip',
  'token',
  'actor',
  'shape',
  'kept',
] as const;
export type IdColumn = (typeof ID_COLUMNS)[number];

/** Bits of `flags`, as the API's booleans. */
export const FLAG_ORG_ADMIN = 1;
export const FLAG_STACK_ADMIN = 2;
export const FLAG_AUTH_FAILURE = 4;

const MIN_FRONT_ROOM = 1024;

export class RowColumns {
  /** Physical position of row 0. */
  head = 0;
  size = 0;
  times = new Float64Array(0);
  flags = new Uint8Array(0);
  ids = Object.fromEntries(ID_COLUMNS.map((name) => [name, new Uint32Array(0)])) as Record<
    IdColumn,
    Uint32Array
  >;

  private get capacity(): number {
    return this.times.length;
  }

  /** Copies the rows into new arrays with `front` free rows before and `back` after them. */
  private relocate(front: number, back: number): void {
    const { head, size } = this;
    const length = front + size + back;
    const move = <T extends Float64Array | Uint32Array | Uint8Array>(old: T, next: T): T => {
      next.set(old.subarray(head, head + size), front);
      return next;
    };
    this.times = move(this.times, new Float64Array(length));
    this.flags = move(this.flags, new Uint8Array(length));
    for (const name of ID_COLUMNS) this.ids[name] = move(this.ids[name], new Uint32Array(length));
    this.head = front;
  }

  /** Makes room for `count` rows after the last, doubling so that appends stay cheap. */
  reserveBack(count: number): void {
    const back = this.capacity - this.head - this.size;
    if (back < count) this.relocate(this.head, Math.max(count, this.size, 64));
  }

  /** Makes room for `count` rows before the first (newer events come in small batches). */
  reserveFront(count: number): void {
    if (this.head >= count) return;
    const back = this.capacity - this.head - this.size;
    this.relocate(Math.max(count, MIN_FRONT_ROOM, this.size >> 3), back);
  }

  /** Drops the free room at both ends (after a load, so memory is what the rows need). */
  trim(): void {
    if (this.capacity !== this.size) this.relocate(0, 0);
  }

  /** Bytes held by the arrays, free room included. */
  byteLength(): number {
    return this.capacity * (8 + 1 + 4 * ID_COLUMNS.length);
  }
}
