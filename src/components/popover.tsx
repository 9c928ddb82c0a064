import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** The trigger's content. */
  trigger: ReactNode;
  /** The trigger's accessible name when its content does not say enough. */
  triggerLabel?: string;
  /** The dialog's accessible name. */
  label: string;
  triggerClassName?: string;
  align?: 'start' | 'end';
  children: (close: () => void) => ReactNode;
}

/**
 * A button that opens a non-modal dialog under it. Escape closes it and gives focus back to the
 * button; a click outside closes it too.
 */
export function Popover({
  trigger,
  triggerLabel,
  label,
  triggerClassName,
  align = 'start',
  children,
}: PopoverProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const triggerId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // Keep the panel inside the window: a trigger near an edge (the toolbar wraps differently at
  // each width) would otherwise open it partly off-screen.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel) return;
    const margin = 8;
    const { left, right } = panel.getBoundingClientRect();
    const overflow = right - (document.documentElement.clientWidth - margin);
    const shift = overflow > 0 ? Math.min(overflow, left - margin) : 0;
    if (shift > 0) panel.style.transform = `translateX(${-shift}px)`;
  }, [open]);

  const close = () => {
    setOpen(false);
    // By id, not ref: `close` is handed to the panel's render function.
    document.getElementById(triggerId)?.focus();
  };

  return (
    <div
      className="popover"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        id={triggerId}
        type="button"
        className={triggerClassName ?? 'btn btn--secondary btn--md'}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
      >
        {trigger}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label={label}
          className={`popover__panel popover__panel--${align}`}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
