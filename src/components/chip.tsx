import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';

interface ChipProps {
  /** What kind of filter, e.g. "User". */
  label: string;
  value: string;
  /** Shown instead of the plain value (for example an avatar with name and login). */
  children?: ReactNode;
  onRemove: () => void;
}

/** An active filter; its remove button names the filter it removes. */
export function Chip({ label, value, children, onRemove }: ChipProps) {
  return (
    <span className="chip">
      <span className="chip__label">{label}</span>
      <span className="chip__value">{children ?? value}</span>
      <button
        type="button"
        className="chip__remove"
        onClick={onRemove}
        aria-label={`Remove filter ${label}: ${value}`}
        title="Remove filter"
      >
        <Icon name="close" size={12} />
      </button>
    </span>
  );
}
