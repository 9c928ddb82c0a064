import { Icon } from '../../../components/icon.tsx';
import type { ColumnId } from '../view/view-schema.ts';
import { columnById } from './log-columns.tsx';

interface ColumnChoiceProps {
  id: ColumnId;
  shown: boolean;
  /** Its place among the shown columns, or -1. */
  position: number;
  shownCount: number;
  onToggle: () => void;
  onMove: (step: -1 | 1) => void;
}

/**
 * One column in the chooser: shown or not, and moved up or down. A move that cannot happen is
 * `aria-disabled` rather than disabled, so the button keeps focus when its column reaches an end.
 */
export function ColumnChoice({
  id,
  shown,
  position,
  shownCount,
  onToggle,
  onMove,
}: ColumnChoiceProps) {
  const { name } = columnById(id);
  const isLast = shown && shownCount === 1;
  const move = (step: -1 | 1, label: string, icon: 'chevronUp' | 'chevronDown') => {
    const blocked = !shown || position + step < 0 || position + step >= shownCount;
    return (
      <button
        type="button"
        className="icon-btn"
        aria-label={`Move ${name} ${label}`}
        title={`Move ${label}`}
        aria-disabled={blocked}
        onClick={() => !blocked && onMove(step)}
      >
        <Icon name={icon} size={14} />
      </button>
    );
  };
  return (
    <li className="view-options__column">
      <label
        className="view-options__check"
        title={isLast ? 'At least one column shows' : undefined}
      >
        <input type="checkbox" checked={shown} disabled={isLast} onChange={onToggle} />
        {name}
      </label>
      {shown ? (
        <span className="view-options__moves">
          {move(-1, 'up', 'chevronUp')}
          {move(1, 'down', 'chevronDown')}
        </span>
      ) : null}
    </li>
  );
}
