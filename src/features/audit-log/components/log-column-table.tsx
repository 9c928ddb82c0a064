/**
 * The page's one TanStack Table of the log's columns, shared by the header, the rows' grid and
 * the View menu's chooser: they read the table's state and change it through the table. The
 * state is the view's (`cols`, `w` in the URL): the table writes each change back, with the
 * columns' edit kept ahead of a URL that has not caught up yet (Back or a link replaces it).
 *
 * Resizing is the library's `onChange` mode: a drag updates `columnSizing` at each pointer move,
 * and the widths reach the rows as CSS variables on the scroll container, so no row renders while
 * a column is dragged; the URL is written once the drag (or a run of key presses) has settled.
 */
import {
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type ColumnSizingInfoState,
  type ColumnSizingState,
  type Table,
  type Updater,
} from '@tanstack/react-table';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { clampWidth, encodeWidths, type ColumnWidths } from '../view/column-widths.ts';
import { toggleColumn } from '../view/table-layout.ts';
import { COLUMN_IDS, type AuditLogView, type ColumnId } from '../view/view-schema.ts';
import { COLUMN_DEFINITIONS, columnStateOf } from './log-column-model.ts';

export interface LogColumnTable {
  table: Table<AuditLogEvent>;
  /** The columns shown, in order, as the table holds them now. */
  chosen: readonly ColumnId[];
  /** The widths of resized columns, as the table holds them now (a drag included). */
  widths: ColumnWidths;
  /** The column whose edge is being dragged, or false. */
  resizing: string | false;
}

/** The columns and widths the table holds, and what it sent the URL that the URL does not show yet. */
interface Held {
  chosen: readonly ColumnId[];
  widths: ColumnWidths;
  /** The URL's columns and widths this was last brought in line with. */
  urlKey: string;
  sent: string[];
}

const NO_WIDTHS: ColumnWidths = {};
const NO_ROWS: AuditLogEvent[] = [];
const CORE_ROW_MODEL = getCoreRowModel<AuditLogEvent>();
/** How long widths stay still before the URL takes them (a drag's end, a run of key presses). */
export const WIDTHS_SETTLE_MS = 250;
const IDLE_SIZING: ColumnSizingInfoState = {
  startOffset: null,
  startSize: null,
  deltaOffset: null,
  deltaPercentage: null,
  isResizingColumn: false,
  columnSizingStart: [],
};

/**
 * What is held, brought in line with the URL: one of ours that has reached it keeps what was
 * done since; anything else (Back, a link, Reset) replaces it.
 */
function inLineWith(
  held: Held,
  url: { chosen: readonly ColumnId[]; widths: ColumnWidths; key: string },
): Held {
  if (held.urlKey === url.key) return held;
  const at = held.sent.indexOf(url.key);
  if (at === -1) return { chosen: url.chosen, widths: url.widths, urlKey: url.key, sent: [] };
  return { ...held, urlKey: url.key, sent: held.sent.slice(at + 1) };
}

const keyOf = (chosen: readonly ColumnId[], widths: ColumnWidths) =>
  `${chosen.join(',')}|${encodeWidths(widths, COLUMN_IDS)}`;

/** Sizes the table can hold: the log's columns only, in whole pixels within bounds. */
function widthsOf(sizing: ColumnSizingState): ColumnWidths {
  const widths: Partial<Record<ColumnId, number>> = {};
  for (const id of COLUMN_IDS) {
    const width = Object.hasOwn(sizing, id) ? sizing[id] : undefined;
    if (typeof width === 'number' && Number.isFinite(width)) widths[id] = clampWidth(width);
  }
  return widths;
}

export function useLogColumnTable(
  view: AuditLogView,
  onChange: (patch: Pick<AuditLogView, 'cols' | 'w'>) => void,
): LogColumnTable {
  const urlChosen = view.cols ?? COLUMN_IDS;
  const urlWidths = view.w ?? NO_WIDTHS;
  const urlKey = keyOf(urlChosen, urlWidths);
  const [held, setHeld] = useState<Held>(() => ({
    chosen: urlChosen,
    widths: urlWidths,
    urlKey,
    sent: [],
  }));
  const [sizingInfo, setSizingInfo] = useState(IDLE_SIZING);
  // The library works out a drag's new widths inside its sizing-info updater and reads them
  // right after it: the updater runs now, on the latest value. Handed to React's setter, it ran
  // only at the next render whenever an update was already pending, and that move was lost.
  const sizingInfoNow = useRef(sizingInfo);
  const onSizingInfoChange = useCallback((updater: Updater<ColumnSizingInfoState>) => {
    sizingInfoNow.current = functionalUpdate(updater, sizingInfoNow.current);
    setSizingInfo(sizingInfoNow.current);
  }, []);
  // The URL is brought in line once it is on screen, never while rendering: the router renders
  // a new URL in a transition that React may set aside while a key press renders at once with
  // the URL before it. Bookkeeping from that set-aside render (the URL reached, `sent` trimmed)
  // would make the old URL look like none of ours and replace the newer width.
  useLayoutEffect(() => {
    setHeld((was) => inLineWith(was, { chosen: urlChosen, widths: urlWidths, key: urlKey }));
  }, [urlChosen, urlWidths, urlKey]);
  const { chosen, widths } = held;
  const lastSent = held.sent.at(-1) ?? held.urlKey;

  const send = useCallback(
    (nextChosen: readonly ColumnId[], nextWidths: ColumnWidths, lastKey: string) => {
      const key = keyOf(nextChosen, nextWidths);
      if (key === lastKey) return;
      // Only the columns are set here: the widths are the table's, perhaps edited since.
      setHeld((was) => ({ ...was, chosen: nextChosen, sent: [...was.sent, key] }));
      onChange({ cols: nextChosen, w: nextWidths });
    },
    [onChange],
  );

  // Widths reach the URL once they have settled, and never in the middle of a drag. The timer
  // sends what is held when it fires: a key pressed just before it may not have cleared it yet.
  const resizing = sizingInfo.isResizingColumn;
  const latest = useRef({ chosen, widths, lastSent });
  useLayoutEffect(() => {
    latest.current = { chosen, widths, lastSent };
  });
  useEffect(() => {
    if (resizing !== false || keyOf(chosen, widths) === lastSent) return;
    const timer = setTimeout(() => {
      const now = latest.current;
      send(now.chosen, now.widths, now.lastSent);
    }, WIDTHS_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [resizing, chosen, widths, lastSent, send]);

  const state = useMemo(
    () => ({ ...columnStateOf(chosen, widths), columnSizingInfo: sizingInfo }),
    [chosen, widths, sizingInfo],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- no compiler here; readers get a new context value with each state
  const table = useReactTable<AuditLogEvent>({
    data: NO_ROWS,
    columns: COLUMN_DEFINITIONS,
    getCoreRowModel: CORE_ROW_MODEL,
    state,
    columnResizeMode: 'onChange',
    onColumnVisibilityChange: (updater) => {
      const next = functionalUpdate(updater, state.columnVisibility);
      // A column shown again returns to its default place; the last one shown stays.
      const edited = COLUMN_IDS.reduce(
        (list, id) => ((next[id] !== false) !== list.includes(id) ? toggleColumn(list, id) : list),
        chosen,
      );
      send(edited, widths, lastSent);
    },
    onColumnOrderChange: (updater) => {
      const order = functionalUpdate(updater, state.columnOrder);
      send(
        order.filter((id): id is ColumnId => chosen.includes(id as ColumnId)),
        widths,
        lastSent,
      );
    },
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) =>
      setHeld((was) => ({
        ...was,
        widths: widthsOf(functionalUpdate(updater, { ...was.widths })),
      })),
    onColumnSizingInfoChange: onSizingInfoChange,
    // Which column is pinned follows from the order (columnStateOf), not from a separate choice.
    onColumnPinningChange: () => undefined,
  });
  // A new value whenever the state changes: the table object itself stays the same.
  return useMemo(() => ({ table, chosen, widths, resizing }), [table, chosen, widths, resizing]);
}

/**
 * Gives a column still on its default (flexible) track its rendered width as its size, so a drag
 * or a key press starts from what is on screen. The library's resize handler reads the size in
 * the same event, before React renders again: the table's options take it at once too.
 */
export function holdRenderedWidth(table: Table<AuditLogEvent>, id: ColumnId, rendered: number) {
  const { columnSizing } = table.getState();
  if (columnSizing[id] !== undefined) return;
  const held = { ...columnSizing, [id]: clampWidth(rendered) };
  table.setOptions((options) => ({ ...options, state: { ...options.state, columnSizing: held } }));
  table.setColumnSizing(held);
}

const LogColumnsContext = createContext<LogColumnTable | undefined>(undefined);

interface LogColumnsProviderProps {
  view: AuditLogView;
  onChange: (patch: Pick<AuditLogView, 'cols' | 'w'>) => void;
  children: ReactNode;
}

/**
 * Holds the column table for what it wraps. Its children are made by the page, so a drag renders
 * only what reads the table (the header, the table's grid, the chooser), not the page.
 */
export function LogColumnsProvider({ view, onChange, children }: LogColumnsProviderProps) {
  const columns = useLogColumnTable(view, onChange);
  return <LogColumnsContext value={columns}>{children}</LogColumnsContext>;
}

/** The page's column table. */
export function useLogColumns(): LogColumnTable {
  const columns = use(LogColumnsContext);
  if (!columns) throw new Error('useLogColumns needs a LogColumnsProvider around it');
  return columns;
}
