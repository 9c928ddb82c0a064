/**
 * Distinct descriptions, stored once each, with a lower-cased copy of all of them joined into
 * one string so a search word is found with `indexOf` over the whole dictionary in one pass
 * (tens of thousands of distinct descriptions in a million demo events: most repeat).
 */
const SEPARATOR = '\u0000';

export class TextDictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Lower-cased values joined by SEPARATOR, for values [0, joinedCount). */
  private joined = '';
  private joinedCount = 0;
  /** Start of each value in `joined`, plus the end. */
  private starts = new Uint32Array(1024);

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of `value` if it is in the dictionary, else -1 (nothing is added). */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }

  /** Adds values not yet in `joined` (lower-casing can change a string's length, so per value). */
  private catchUp(): void {
    if (this.joinedCount === this.values.length) return;
    if (this.starts.length < this.values.length + 1) {
      const grown = new Uint32Array(Math.max(this.values.length + 1, this.starts.length * 2));
      grown.set(this.starts);
      this.starts = grown;
    }
    const parts: string[] = [];
    let end = this.joined.length;
    for (let id = this.joinedCount; id < this.values.length; id++) {
      const lower = (this.values[id] as string).toLowerCase() + SEPARATOR;
      this.starts[id] = end;
      end += lower.length;
      parts.push(lower);
    }
    this.starts[this.values.length] = end;
    this.joined += parts.join('');
    this.joinedCount = this.values.length;
  }

  /** The id whose text holds position `at` of `joined` (binary search over `starts`). */
  private idAt(at: number): number {
    let low = 0;
    let high = this.joinedCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** A mask over ids: 1 where the value contains `needle` (already lower-cased). */
  maskContaining(needle: string): Uint8Array {
    this.catchUp();
    const mask = new Uint8Array(this.values.length);
    if (needle === '') return mask.fill(1);
    for (let at = this.joined.indexOf(needle); at >= 0;) {
      const id = this.idAt(at);
      const next = this.starts[id + 1] as number;
      // A needle holding the separator could span two values; such a hit is not a match.
      if (at + needle.length < next) mask[id] = 1;
      at = this.joined.indexOf(needle, next);
    }
    return mask;
  }

  /** Bytes of the lower-cased copy (two per character at most) and its offsets. */
  searchByteLength(): number {
    return this.joined.length * 2 + this.starts.byteLength;
  }
}
