/**
 * Distinct values of one column, each stored once and named by a small integer id. `fields`
 * splits a value into its parts (a user is login, name and avatar), and `search` lists the
 * lower-cased parts that plain search words are matched against.
 */
export class ValueDictionary<T> {
  readonly values: T[] = [];
  /** Lower-cased text per value that search words match, kept for the query loop. */
  readonly searchText: string[][] = [];
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly keyOf: (value: T) => string,
    private readonly searchOf: (value: T) => string[],
  ) {}

  /** The id of `value`, adding it when new: `dictionary.idOf(value) === dictionary.idOf(copy)`. */
  idOf(value: T): number {
    return this.idOfKey(this.keyOf(value), () => value);
  }

  /**
   * The id of the value whose key is `key` (as `keyOf` makes it), made by `make` only when new,
   * so that indexing a known value allocates nothing.
   */
  idOfKey(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      const value = make();
      id = this.values.length;
      this.ids.set(key, id);
      this.values.push(value);
      this.searchText.push(this.searchOf(value).map((text) => text.toLowerCase()));
    }
    return id;
  }

  /** The id of `value` if it is in the dictionary, else -1 (nothing is added). */
  find(value: T): number {
    return this.ids.get(this.keyOf(value)) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }

  /** A mask over ids: 1 where `test` holds. */
  mask(test: (value: T, id: number) => boolean): Uint8Array {
    const mask = new Uint8Array(this.values.length);
    for (let id = 0; id < mask.length; id++) if (test(this.values[id] as T, id)) mask[id] = 1;
    return mask;
  }

  /** A mask of the values whose search text holds `needle` (already lower-cased). */
  maskContaining(needle: string): Uint8Array {
    return this.mask((_, id) => (this.searchText[id] as string[]).some((t) => t.includes(needle)));
  }
}
