import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowSlots } from './row-slots.ts';

describe('RowSlots', () => {
  it('gives a row entering the view the slot of one that left', () => {
    const slots = new RowSlots();
    expect(slots.keysOf([10, 11, 12])).toEqual([0, 1, 2]);
    expect(slots.keysOf([11, 12, 13])).toEqual([1, 2, 0]);
    expect(slots.keysOf([40, 41, 42])).toEqual([0, 1, 2]);
  });

  it('keeps a far row (the focused one) in its slot while the view moves on', () => {
    const slots = new RowSlots();
    slots.keysOf([5, 6, 7]);
    const [focused] = slots.keysOf([6, 7, 8]);
    expect(slots.keysOf([6, 100, 101]).at(0)).toBe(focused);
    expect(slots.keysOf([6, 200, 201]).at(0)).toBe(focused);
  });

  it('never gives two rows one slot, and keeps every row that stays in its slot', () => {
    const windows = fc.array(fc.uniqueArray(fc.nat(500), { maxLength: 40 }), { maxLength: 30 });
    fc.assert(
      fc.property(windows, (views) => {
        const slots = new RowSlots();
        let before = new Map<number, number>();
        let widest = 0;
        for (const view of views) {
          widest = Math.max(widest, view.length);
          const keys = slots.keysOf(view);
          expect(new Set(keys).size).toBe(view.length);
          // Slots stay few: never more than the most rows rendered at once.
          expect(Math.max(-1, ...keys)).toBeLessThan(widest);
          const now = new Map(view.map((index, k) => [index, keys[k]!]));
          for (const [index, slot] of now) {
            if (before.has(index)) expect(slot).toBe(before.get(index));
          }
          before = now;
        }
      }),
    );
  });
});
