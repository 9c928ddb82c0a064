import { describe, expect, it } from 'vitest';
import { tableLayoutOf } from '../view/table-layout.ts';
import { COLUMN_IDS, type ColumnId } from '../view/view-schema.ts';
import { columnTracks, visibleColumns } from './log-column-model.ts';
import { columnById } from './log-columns.tsx';
import { pinClasses, rowLayoutOf, type WidthMode } from './row-layout.ts';

const layoutOf = (cols: readonly ColumnId[] | undefined, mode: WidthMode, extra = {}) => {
  const layout = tableLayoutOf({ cols, ...extra });
  return rowLayoutOf(visibleColumns(layout.columns, mode), layout, mode);
};
const ids = (layout: ReturnType<typeof rowLayoutOf>) => layout.columns.map((column) => column.id);

describe('rowLayoutOf', () => {
  it('has a column for every column the URL can name', () => {
    for (const id of COLUMN_IDS) expect(columnById(id).id).toBe(id);
  });

  it('lays the chosen columns out in their order in a wide window', () => {
    const layout = layoutOf(['ip', 'time'], 'wide');
    expect(ids(layout)).toEqual(['ip', 'time']);
    expect(columnTracks(layout.columns, {}, 'wide')).toEqual({
      '--log-columns': '150px 144px',
      '--log-min-width': '294px',
    });
    expect(layout).toMatchObject({ rowHeight: 44, measured: false });
  });

  it('keeps time, user, event and source IP at medium widths', () => {
    expect(ids(layoutOf(undefined, 'medium'))).toEqual([
      'time',
      'user',
      'event',
      'description',
      'ip',
    ]);
  });

  it('measures rows that wrap and cards, not rows of one height', () => {
    expect(layoutOf(undefined, 'wide', { wrap: true }).measured).toBe(true);
    expect(layoutOf(undefined, 'cards').measured).toBe(true);
    expect(layoutOf(undefined, 'medium', { density: 'compact' })).toMatchObject({
      rowHeight: 32,
      measured: false,
    });
  });

  it('pins columns where rows are a grid, not on cards', () => {
    expect(pinClasses('medium', ['time'])).toBe(' table-scroll--pin-time');
    expect(pinClasses('wide', [])).toBe('');
    expect(pinClasses('cards', ['time'])).toBe('');
  });
});

describe('columnTracks', () => {
  const [time, description, ip] = (['time', 'description', 'ip'] as const).map(columnById);

  it('gives a resized column its width and the rest their default tracks', () => {
    expect(columnTracks([time!, description!, ip!], { description: 480 }, 'wide')).toEqual({
      '--log-columns': '144px 480px 150px',
      '--log-min-width': '774px',
    });
  });

  it('makes the table wider than a tablet when a column is widened there, so it scrolls', () => {
    const tracks = columnTracks([time!, description!, ip!], { description: 900 }, 'medium');
    expect(tracks['--log-columns']).toBe('132px 900px 132px');
    expect(tracks['--log-min-width']).toBe('1164px');
  });
});
