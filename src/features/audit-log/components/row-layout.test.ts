import { describe, expect, it } from 'vitest';
import { tableLayoutOf } from '../view/table-layout.ts';
import { COLUMN_IDS } from '../view/view-schema.ts';
import { columnById } from './log-columns.tsx';
import { rowLayoutOf } from './row-layout.ts';

const ids = (layout: ReturnType<typeof rowLayoutOf>) => layout.columns.map((column) => column.id);

describe('rowLayoutOf', () => {
  it('has a column for every column the URL can name', () => {
    for (const id of COLUMN_IDS) expect(columnById(id).id).toBe(id);
  });

  it('lays the chosen columns out in their order in a wide window', () => {
    const layout = rowLayoutOf(tableLayoutOf({ cols: ['ip', 'time'] }), 'wide');
    expect(ids(layout)).toEqual(['ip', 'time']);
    expect(layout.style).toEqual({ '--log-columns': '150px 144px', '--log-min-width': '294px' });
    expect(layout).toMatchObject({ rowHeight: 44, measured: false });
  });

  it('keeps time, user, event and source IP at medium widths', () => {
    expect(ids(rowLayoutOf(tableLayoutOf({}), 'medium'))).toEqual([
      'time',
      'user',
      'event',
      'description',
      'ip',
    ]);
  });

  it('measures rows that wrap and cards, not rows of one height', () => {
    expect(rowLayoutOf(tableLayoutOf({ wrap: true }), 'wide').measured).toBe(true);
    expect(rowLayoutOf(tableLayoutOf({}), 'cards').measured).toBe(true);
    expect(rowLayoutOf(tableLayoutOf({ density: 'compact' }), 'medium')).toMatchObject({
      rowHeight: 32,
      measured: false,
    });
  });
});
