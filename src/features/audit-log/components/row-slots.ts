/**
 * Keys that let a row entering the view take over the DOM of a row that left it. Scrolling a
 * virtualised list by a screen replaces every row; keyed by index, each new row is built from
 * scratch and each old one torn down, which in a log table (an avatar, icons, several text
 * cells per row) is most of a frame's work. Keyed by slot, React updates the elements of a
 * leaving row with the entering row's content instead. A row keeps its slot for as long as it
 * stays rendered, so the focused row (kept rendered however far the view scrolls) is never
 * reused for another one and keeps focus.
 *
 * Only for rows of one height: a measured row's element is measured when it mounts, so reusing
 * it for a row of another height would leave that row unmeasured.
 */
export class RowSlots {
  private slots = new Map<number, number>();

  /**
   * The slot of each index, in the order given: indexes rendered before keep theirs, new ones
   * take the lowest slots freed. `keysOf([10, 11])` then `keysOf([11, 12])` gives 11 the same
   * slot both times and 12 the slot 10 had.
   */
  keysOf(indexes: readonly number[]): number[] {
    const next = new Map<number, number>();
    const taken = new Set<number>();
    for (const index of indexes) {
      const slot = this.slots.get(index);
      if (slot !== undefined) {
        next.set(index, slot);
        taken.add(slot);
      }
    }
    let free = 0;
    for (const index of indexes) {
      if (next.has(index)) continue;
      while (taken.has(free)) free++;
      next.set(index, free);
      taken.add(free);
    }
    this.slots = next;
    return indexes.map((index) => next.get(index)!);
  }
}
