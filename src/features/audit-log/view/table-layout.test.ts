import { describe, expect, it } from 'vitest';
import { moveColumn, tableLayoutOf, toggleColumn } from './table-layout.ts';
import { COLUMN_IDS, type ColumnId } from './view-schema.ts';

describe('tableLayoutOf', () => {
  it('fills in what the URL leaves out', () => {
    expect(tableLayoutOf({})).toEqual({
      density: 'comfortable',
      wrap: false,
      columns: COLUMN_IDS,
    });
    expect(tableLayoutOf({ density: 'compact', wrap: true, cols: ['ip'] })).toEqual({
      density: 'compact',
      wrap: true,
      columns: ['ip'],
    });
  });
});

describe('toggleColumn', () => {
  it.each<[ColumnId[], ColumnId, ColumnId[]]>([
    [['time', 'user', 'ip'], 'user', ['time', 'ip']],
    [['time', 'ip'], 'event', ['time', 'event', 'ip']],
    [['time', 'ip'], 'flags', ['time', 'ip', 'flags']],
    [['ip', 'event'], 'time', ['time', 'ip', 'event']],
    [['ip'], 'ip', ['ip']],
  ])('%j with %s → %j', (columns, id, expected) => {
    expect(toggleColumn(columns, id)).toEqual(expected);
  });
});

describe('moveColumn', () => {
  it.each<[ColumnId[], ColumnId, -1 | 1, ColumnId[]]>([
    [['time', 'user', 'ip'], 'ip', -1, ['time', 'ip', 'user']],
    [['time', 'user', 'ip'], 'time', 1, ['user', 'time', 'ip']],
    [['time', 'user', 'ip'], 'time', -1, ['time', 'user', 'ip']],
    [['time', 'user', 'ip'], 'ip', 1, ['time', 'user', 'ip']],
    [['time', 'user'], 'flags', 1, ['time', 'user']],
  ])('%j, %s by %i → %j', (columns, id, step, expected) => {
    expect(moveColumn(columns, id, step)).toEqual(expected);
  });
});
