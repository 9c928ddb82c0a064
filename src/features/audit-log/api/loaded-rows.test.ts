import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { loadedRowsOf } from './loaded-rows.ts';

const event = (timestamp: number) => ({ timestamp }) as AuditLogEvent;
const page = (rowOffset: number, count: number) => ({
  rowOffset,
  events: Array.from({ length: count }, (_, i) => event(rowOffset + i)),
});

describe('loadedRowsOf', () => {
  it('finds every row of a window of pages by its index in the view', () => {
    const rows = loadedRowsOf([page(300, 100), page(400, 100), page(500, 37)]);
    expect([rows.start, rows.end]).toEqual([300, 537]);
    for (const index of [300, 399, 400, 450, 500, 536]) {
      expect(rows.at(index)?.timestamp).toBe(index);
    }
  });

  it.each([0, 299, 537, 10_000])('has no row %i outside the pages in memory', (index) => {
    expect(loadedRowsOf([page(300, 100), page(400, 137)]).at(index)).toBeUndefined();
  });

  it('holds nothing before the first page', () => {
    const rows = loadedRowsOf([]);
    expect([rows.start, rows.end, rows.at(0)]).toEqual([0, 0, undefined]);
  });

  it('reads pages of different sizes, as Pulumi Cloud picks its own', () => {
    const rows = loadedRowsOf([page(0, 100), page(100, 3), page(103, 250)]);
    expect([99, 100, 102, 103, 352].map((i) => rows.at(i)?.timestamp)).toEqual([
      99, 100, 102, 103, 352,
    ]);
  });
});
