import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { loadedRowsOf } from '../api/loaded-rows.ts';
import { holdsRows } from './use-row-window.ts';

const page = (rowOffset: number, count: number) => ({
  rowOffset,
  events: Array.from({ length: count }, (_, i) => ({ timestamp: rowOffset + i }) as AuditLogEvent),
});

describe('holdsRows: the index may take over only once it holds the rows in view', () => {
  const rows = loadedRowsOf([page(1000, 1000), page(2000, 1000)]);

  it('holds rows in view inside its pages', () => {
    expect(holdsRows(rows, 5000, { first: 1500, last: 1530 })).toBe(true);
    expect(holdsRows(rows, 5000, { first: 2970, last: 2999 })).toBe(true);
  });

  it('does not hold rows in view that reach past its pages, or before its first answer', () => {
    expect(holdsRows(rows, 5000, { first: 990, last: 1020 })).toBe(false);
    expect(holdsRows(rows, 5000, { first: 2990, last: 3010 })).toBe(false);
    expect(holdsRows(rows, undefined, { first: 1500, last: 1530 })).toBe(false);
  });

  it('needs row 0 before the table has said what is in view', () => {
    expect(holdsRows(rows, 5000, { first: 0, last: -1 })).toBe(false);
    expect(holdsRows(loadedRowsOf([page(0, 10)]), 10, { first: 0, last: -1 })).toBe(true);
  });

  it('holds the rows of a view that ends inside them, and of a view with none', () => {
    expect(holdsRows(loadedRowsOf([page(0, 10)]), 10, { first: 0, last: 30 })).toBe(true);
    expect(holdsRows(loadedRowsOf([]), 0, { first: 0, last: 30 })).toBe(true);
  });
});
