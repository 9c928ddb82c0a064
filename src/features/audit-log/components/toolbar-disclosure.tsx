/**
 * On a phone the toolbar's filters and actions fold behind one "Filters" button that shows and
 * hides them (a disclosure), so the title, DOWNLOAD and the table keep the screen. The button
 * is a sibling of what it folds, and the stylesheet hides them while it is collapsed (and hides
 * the button itself in wider windows), so the toolbar's markup stays as it is.
 */
import { useState } from 'react';
import { Icon } from '../../../components/icon.tsx';

export function ToolbarDisclosure({ label }: { label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <button
      type="button"
      className="btn btn--secondary btn--md toolbar-disclosure"
      aria-expanded={open}
      onClick={() => setOpen((value) => !value)}
    >
      <Icon name="filter" />
      {label}
      <Icon name={open ? 'chevronUp' : 'chevronDown'} />
    </button>
  );
}
