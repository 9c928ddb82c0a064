/**
 * Render budget of the table: rows render when they enter the DOM or their page arrives, never
 * because the range moved or another page was added. Every row renders its time cell once per
 * render of the row, so counting time cells counts row renders.
 */
import { act, fireEvent, render } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { loadedRowsOf, type RowPage } from '../api/loaded-rows.ts';
import { MIN_COLUMN_WIDTH } from '../view/column-widths.ts';
import { AuditLogTable, OVERSCAN } from './audit-log-table.tsx';
import { LogColumnsProvider } from './log-column-table.tsx';
import type { RowDisplay } from './log-columns.tsx';
import { ROW_HEIGHTS } from './row-layout.ts';
import { tableLayoutOf } from '../view/table-layout.ts';

const rendered = vi.hoisted(() => [] as number[]);

vi.mock('./time-cell.tsx', () => ({
  TimeCell: ({ event }: { event: AuditLogEvent }) => {
    rendered.push(event.timestamp);
    return <time>{event.timestamp}</time>;
  },
}));

/** Rows in view: the scroll container is this tall (jsdom lays nothing out). */
const VIEW_ROWS = 10;
const PAGE = 100;
const display: RowDisplay = { tz: 'utc', nowSeconds: 0, onFilterUser: () => {} };
const layout = tableLayoutOf({});
const ROW_HEIGHT = ROW_HEIGHTS.comfortable;
const onRangeChange = () => {};
const onOpenRow = () => {};
const VIEW = { tz: 'utc' as const };
const onViewChange = vi.fn();

const pages = new Map<number, RowPage>();

/**
 * Page `n` of the view, the same objects on every call as in the query cache; an event's
 * timestamp is its row index, so renders name their rows.
 */
function page(n: number): RowPage {
  const known = pages.get(n);
  if (known) return known;
  const events = Array.from({ length: PAGE }, (_, i) => ({
    timestamp: n * PAGE + i,
    sourceIP: '',
    event: 'user-login',
    description: `event ${n * PAGE + i}`,
    user: { name: '', githubLogin: 'kim', avatarUrl: '' },
  }));
  pages.set(n, { events, rowOffset: n * PAGE });
  return page(n);
}

function table(pages: RowPage[]) {
  const rows = loadedRowsOf(pages);
  return (
    <LogColumnsProvider view={VIEW} onChange={onViewChange}>
      <AuditLogTable
        rows={rows}
        rowCount={rows.end}
        display={display}
        layout={layout}
        hasMore
        onRangeChange={onRangeChange}
        footer={null}
        onOpenRow={onOpenRow}
        onFilterRowUser={onOpenRow}
      />
    </LogColumnsProvider>
  );
}

function scrollToRow(container: HTMLElement, row: number) {
  const scroller = container.querySelector<HTMLElement>('.table-scroll')!;
  scroller.scrollTop = row * ROW_HEIGHT;
  act(() => void fireEvent.scroll(scroller));
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;

beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('table-scroll') ? VIEW_ROWS * ROW_HEIGHT : 0;
    },
  });
});
afterAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});
beforeEach(() => {
  rendered.length = 0;
});

describe('AuditLogTable renders', () => {
  it('only the rows in view, with their overscan', () => {
    render(table([page(0), page(1)]));
    expect(rendered).toEqual(range(0, VIEW_ROWS - 1 + OVERSCAN));
  });

  it('only the row that enters when a scroll moves the range by one row', () => {
    const { container } = render(table([page(0), page(1)]));
    scrollToRow(container, 40);
    rendered.length = 0;
    scrollToRow(container, 41);
    expect(rendered).toEqual([41 + VIEW_ROWS - 1 + OVERSCAN]);
  });

  it('only the row that enters at the top when the range moves back by one row', () => {
    const { container } = render(table([page(0), page(1)]));
    scrollToRow(container, 40);
    scrollToRow(container, 41);
    rendered.length = 0;
    scrollToRow(container, 40);
    expect(rendered).toEqual([40 - OVERSCAN]);
  });

  it('only the new page’s rows in view when a page is appended at the end', () => {
    const { container, rerender } = render(table([page(0)]));
    scrollToRow(container, PAGE - VIEW_ROWS);
    rendered.length = 0;
    rerender(table([page(0), page(1)]));
    expect(rendered).toEqual(range(PAGE, PAGE + OVERSCAN - 1));
  });

  it('no row when a page is appended out of view', () => {
    const { rerender } = render(table([page(0)]));
    rendered.length = 0;
    rerender(table([page(0), page(1)]));
    rerender(table([page(0), page(1), page(2)]));
    expect(rendered).toEqual([]);
  });

  it('no row when a far page is dropped from memory', () => {
    const { container, rerender } = render(table([page(0), page(1), page(2)]));
    scrollToRow(container, 250);
    rendered.length = 0;
    rerender(table([page(1), page(2)]));
    expect(rendered).toEqual([]);
  });

  it('no row when a column is resized, by keyboard or by a drag, and the view learns the width', () => {
    vi.useFakeTimers();
    try {
      const { getByRole } = render(table([page(0), page(1)]));
      rendered.length = 0;
      const handle = getByRole('separator', { name: 'Resize Description column' });
      act(() => void fireEvent.keyDown(handle, { key: 'ArrowRight' }));
      act(() => void fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true }));
      const ip = getByRole('separator', { name: 'Resize Source IP column' });
      act(() => void fireEvent.mouseDown(ip, { clientX: 500 }));
      act(() => void fireEvent.mouseMove(document, { clientX: 560 }));
      act(() => void fireEvent.mouseMove(document, { clientX: 620 }));
      act(() => void fireEvent.mouseUp(document, { clientX: 620 }));
      expect(rendered).toEqual([]);
      act(() => void vi.advanceTimersByTime(1000));
      expect(onViewChange).toHaveBeenLastCalledWith({
        cols: expect.any(Array),
        // Keys step from the default track's width; a drag from the width on screen, which jsdom
        // (laying nothing out) has at zero, so at the narrowest a column gets.
        w: { description: 200 + 16 + 64, ip: MIN_COLUMN_WIDTH + 120 },
      });
      expect(rendered).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('AuditLogTable rows of one height', () => {
  const rowElements = (container: HTMLElement) =>
    new Map(
      [...container.querySelectorAll<HTMLElement>('[data-row-index]')].map((row) => [
        Number(row.dataset.rowIndex),
        row,
      ]),
    );

  it('reuse the elements of the rows that left for the rows that enter', () => {
    const { container } = render(table([page(0), page(1)]));
    scrollToRow(container, 40);
    const before = new Set(rowElements(container).values());
    scrollToRow(container, 100);
    const after = rowElements(container);
    expect(after.has(100)).toBe(true);
    expect([...after.values()].every((row) => before.has(row))).toBe(true);
    expect(after.get(100)!.textContent).toContain('event 100');
  });

  it('keep the focused row’s element, and focus on it, while the view moves away and back', () => {
    const { container } = render(table([page(0), page(1)]));
    const focused = rowElements(container).get(3)!;
    act(() => focused.focus());
    scrollToRow(container, 100);
    scrollToRow(container, 150);
    expect(rowElements(container).get(3)).toBe(focused);
    scrollToRow(container, 0);
    expect(rowElements(container).get(3)).toBe(focused);
    expect(document.activeElement).toBe(focused);
    expect(focused.textContent).toContain('event 3');
  });
});
