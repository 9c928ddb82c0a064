import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions } from '../export-format.ts';

interface FormatMenuProps {
  options: ExportOptions;
  onChange(options: ExportOptions): void;
}

/**
 * The small popover beside Download: file format and the Excel BOM option. It opens on the
 * checked format, closes on Escape (focus returns to its button) or when focus leaves it.
 */
export function FormatMenu({ options, onChange }: FormatMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const label = EXPORT_FORMATS[options.format].label;

  useEffect(() => {
    if (open) rootRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };
  const onBlur = (event: FocusEvent) => {
    if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  const setFormat = (format: ExportFormat) => onChange({ ...options, format });

  return (
    <div className="export-menu" ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggleRef}
        type="button"
        className="export-button export-menu__toggle"
        aria-label={`${label}: download options`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span className="export-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="export-menu__panel" role="group" aria-label="Download options" hidden={!open}>
        <fieldset className="export-menu__fieldset">
          <legend>Format</legend>
          {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
            <label key={format} className="export-menu__option">
              <input
                type="radio"
                name={`${panelId}-format`}
                value={format}
                checked={options.format === format}
                onChange={() => setFormat(format)}
              />
              {EXPORT_FORMATS[format].label}
            </label>
          ))}
        </fieldset>
        <label className="export-menu__option">
          <input
            type="checkbox"
            checked={options.excelBom}
            disabled={options.format !== 'csv'}
            onChange={(event) => onChange({ ...options, excelBom: event.target.checked })}
          />
          Excel (UTF-8 with BOM)
        </label>
      </div>
    </div>
  );
}
