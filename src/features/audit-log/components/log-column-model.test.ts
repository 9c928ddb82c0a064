import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, type ColumnId } from '../view/view-schema.ts';
import { visibleColumns } from './log-column-model.ts';

const ids = (chosen: readonly ColumnId[], mode: 'wide' | 'medium' | 'cards') =>
  visibleColumns(chosen, mode).map((column) => column.id);

describe('the column model', () => {
  it('shows the chosen columns in the chosen order on a wide window', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...COLUMN_IDS], { minLength: 1 }), (chosen) => {
        expect(ids(chosen, 'wide')).toEqual(chosen);
      }),
    );
  });

  it('leaves token and flags to the details on a tablet, and the token on a phone', () => {
    expect(ids(['flags', 'time', 'token', 'ip'], 'medium')).toEqual(['time', 'ip']);
    expect(ids(['flags', 'time', 'token', 'ip'], 'cards')).toEqual(['flags', 'time', 'ip']);
  });
});
