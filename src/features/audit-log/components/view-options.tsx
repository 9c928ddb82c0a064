/**
 * The table's view options in one popover: row density, wrapping long values, which columns show
 * in which order (a checkbox and Move up / Move down buttons per column, so the order can be
 * changed by keyboard), and resetting resized columns. The columns are the column table's state,
 * read and changed through it; every change is a view change, kept in the URL.
 */
import { useId } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { Popover } from '../../../components/popover.tsx';
import { SegmentedControl } from '../../../components/segmented-control.tsx';
import { moveColumn, tableLayoutOf } from '../view/table-layout.ts';
import type { AuditLogView, ColumnId, Density } from '../view/view-schema.ts';
import { ColumnChoice } from './column-choice.tsx';
import { useLogColumns } from './log-column-table.tsx';
import { useWidthMode } from './row-layout.ts';

interface ViewOptionsProps {
  view: AuditLogView;
  onChange: (patch: Partial<AuditLogView>) => void;
  /** The view is open at the end, so it can follow new events (`live=on`). */
  canFollow?: boolean;
}

const DENSITY_OPTIONS = [
  { value: 'comfortable', content: 'Comfortable' },
  { value: 'compact', content: 'Compact' },
] as const;

export function ViewOptions({ view, onChange, canFollow = false }: ViewOptionsProps) {
  const { density, wrap } = tableLayoutOf(view);
  const { table, widths } = useLogColumns();
  // The table's columns in its order: those shown, then the hidden ones.
  const all = table.getAllLeafColumns();
  const shown = table.getVisibleLeafColumns().map((column) => column.id as ColumnId);
  const mode = useWidthMode();
  const wrapId = useId();
  const liveId = useId();
  const columnsId = useId();
  const resized = Object.keys(widths).length > 0;

  return (
    <Popover
      label="Table view"
      triggerLabel="Table view: density, wrap and columns"
      trigger={
        <>
          <Icon name="sliders" />
          <span className="view-options__trigger-text">View</span>
        </>
      }
      align="end"
    >
      {() => (
        <div className="view-options">
          <SegmentedControl<Density>
            label="Row density"
            options={DENSITY_OPTIONS}
            value={density}
            onChange={(next) => onChange({ density: next })}
          />
          <label className="view-options__check" htmlFor={wrapId}>
            <input
              id={wrapId}
              type="checkbox"
              checked={wrap}
              onChange={(event) => onChange({ wrap: event.target.checked })}
            />
            Wrap long values
          </label>
          {canFollow ? (
            <label className="view-options__check" htmlFor={liveId}>
              <input
                id={liveId}
                type="checkbox"
                checked={Boolean(view.live)}
                onChange={(event) => onChange({ live: event.target.checked || undefined })}
              />
              Follow new events (live)
            </label>
          ) : null}
          <h3 id={columnsId} className="view-options__heading">
            Columns
          </h3>
          <ul className="view-options__columns" aria-labelledby={columnsId}>
            {all.map((column) => (
              <ColumnChoice
                key={column.id}
                id={column.id as ColumnId}
                shown={column.getIsVisible()}
                position={shown.indexOf(column.id as ColumnId)}
                shownCount={shown.length}
                onToggle={() => column.toggleVisibility()}
                onMove={(step) =>
                  table.setColumnOrder([...moveColumn(shown, column.id as ColumnId, step)])
                }
              />
            ))}
          </ul>
          {mode === 'wide' ? null : (
            <p className="view-options__note">
              {mode === 'cards'
                ? 'On a narrow screen each event is a card; the token is in its details.'
                : 'Token and Flags show in wider windows; both are in each event’s details.'}
            </p>
          )}
          <div className="view-options__resets">
            <button
              type="button"
              className="link-btn"
              disabled={!resized}
              onClick={() => table.resetColumnSizing(true)}
            >
              Reset column widths
            </button>
            <button
              type="button"
              className="link-btn"
              onClick={() =>
                onChange({ cols: undefined, w: undefined, density: undefined, wrap: undefined })
              }
            >
              Reset the table view
            </button>
          </div>
        </div>
      )}
    </Popover>
  );
}
