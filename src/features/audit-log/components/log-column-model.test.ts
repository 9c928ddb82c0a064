import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../view/column-widths.ts';
import { parseViewParams, serializeViewParams } from '../view/view-params.ts';
import { COLUMN_IDS, type AuditLogView, type ColumnId } from '../view/view-schema.ts';
import { columnStateOf, columnTableOf, visibleColumns } from './log-column-model.ts';

const ids = (chosen: readonly ColumnId[], mode: 'wide' | 'medium' | 'cards') =>
  visibleColumns(chosen, mode).map((column) => column.id);

const chosenArb = fc.shuffledSubarray([...COLUMN_IDS], { minLength: 1 });
const widthsArb = fc.dictionary(
  fc.constantFrom(...COLUMN_IDS),
  fc.integer({ min: MIN_COLUMN_WIDTH, max: MAX_COLUMN_WIDTH }),
);

/** The view's columns and widths as the table holds them, read back through the table's API. */
function viewOfTable(view: AuditLogView): AuditLogView {
  const table = columnTableOf(columnStateOf(view.cols ?? COLUMN_IDS, view.w ?? {}));
  const cols = table.getVisibleLeafColumns().map((column) => column.id as ColumnId);
  const sized = Object.keys(table.getState().columnSizing) as ColumnId[];
  const w = Object.fromEntries(sized.map((id) => [id, table.getColumn(id)!.getSize()]));
  return { ...view, cols, w };
}

describe('the column model', () => {
  it('shows the chosen columns in the chosen order on a wide window', () => {
    fc.assert(
      fc.property(chosenArb, (chosen) => {
        expect(ids(chosen, 'wide')).toEqual(chosen);
      }),
    );
  });

  it('leaves token and flags to the details on a tablet, and the token on a phone', () => {
    expect(ids(['flags', 'time', 'token', 'ip'], 'medium')).toEqual(['time', 'ip']);
    expect(ids(['flags', 'time', 'token', 'ip'], 'cards')).toEqual(['flags', 'time', 'ip']);
  });

  it('carries columns and widths from a link through the table and back to the same link', () => {
    fc.assert(
      fc.property(chosenArb, widthsArb, (cols, w) => {
        const search = serializeViewParams({ tz: 'utc', cols, w }).toString();
        const { view, ignored } = parseViewParams(new URLSearchParams(search));
        expect(ignored).toEqual([]);
        expect(serializeViewParams(viewOfTable(view)).toString()).toBe(search);
      }),
    );
  });

  it('pins the time column while it is the first, and nothing otherwise', () => {
    fc.assert(
      fc.property(chosenArb, (chosen) => {
        const table = columnTableOf(columnStateOf(chosen, {}));
        const pinned = table.getLeftLeafColumns().map((column) => column.id);
        expect(pinned).toEqual(chosen[0] === 'time' ? ['time'] : []);
        // Pinning never moves a column: the time column is pinned where it already is.
        expect(table.getVisibleLeafColumns().map((column) => column.id)).toEqual(chosen);
      }),
    );
  });

  it('keeps sizes the table is handed within bounds', () => {
    const table = columnTableOf({ ...columnStateOf(COLUMN_IDS, {}), columnSizing: { ip: 5 } });
    expect(table.getColumn('ip')!.getSize()).toBe(MIN_COLUMN_WIDTH);
  });
});
