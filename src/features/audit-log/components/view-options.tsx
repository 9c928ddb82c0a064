/**
 * The table's view options in one popover: row density, wrapping long values, and which columns
 * show in which order (a checkbox and Move up / Move down buttons per column, so the order can be
 * changed by keyboard). Every change is a view change, kept in the URL.
 */
import { useEffect, useId, useRef } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { Popover } from '../../../components/popover.tsx';
import { SegmentedControl } from '../../../components/segmented-control.tsx';
import { moveColumn, tableLayoutOf, toggleColumn } from '../view/table-layout.ts';
import { COLUMN_IDS, type AuditLogView, type ColumnId, type Density } from '../view/view-schema.ts';
import { ColumnChoice } from './column-choice.tsx';
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
  const { density, wrap, columns } = tableLayoutOf(view);
  const hidden = COLUMN_IDS.filter((id) => !columns.includes(id));
  const mode = useWidthMode();
  const wrapId = useId();
  const liveId = useId();
  const columnsId = useId();
  // The URL catches up a moment after each change; a key press before it has caught up with
  // every earlier one must edit the list the last press made, not the one still on screen.
  const sent = useRef({ columns, pending: [] as string[] });
  const shownKey = columns.join(',');
  useEffect(() => {
    const { pending } = sent.current;
    const at = pending.indexOf(shownKey);
    // A list none of ours (Back, a link, Reset) replaces what was sent; one of ours is caught up.
    if (at === -1) sent.current = { columns: shownKey.split(',') as ColumnId[], pending: [] };
    else sent.current.pending = pending.slice(at + 1);
  }, [shownKey]);
  const editColumns = (edit: (columns: readonly ColumnId[]) => readonly ColumnId[]) => {
    const next = edit(sent.current.columns);
    sent.current = { columns: next, pending: [...sent.current.pending, next.join(',')] };
    onChange({ cols: next });
  };

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
            {[...columns, ...hidden].map((id) => (
              <ColumnChoice
                key={id}
                id={id}
                shown={columns.includes(id)}
                position={columns.indexOf(id)}
                shownCount={columns.length}
                onToggle={() => editColumns((list) => toggleColumn(list, id))}
                onMove={(step) => editColumns((list) => moveColumn(list, id, step))}
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
          <button
            type="button"
            className="link-btn"
            onClick={() => onChange({ cols: undefined, density: undefined, wrap: undefined })}
          >
            Reset the table view
          </button>
        </div>
      )}
    </Popover>
  );
}
