import { useId } from 'react';
import { Popover } from '../../../components/popover.tsx';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions } from '../export-format.ts';

interface FormatMenuProps {
  options: ExportOptions;
  onChange(options: ExportOptions): void;
}

/**
 * The small popover beside Download (the app's shared Popover: Escape or a click outside closes
 * it): the file format and the Excel BOM option.
 */
export function FormatMenu({ options, onChange }: FormatMenuProps) {
  const name = useId();
  const label = EXPORT_FORMATS[options.format].label;
  return (
    <Popover
      trigger={
        <>
          {label}
          <span aria-hidden="true">▾</span>
        </>
      }
      triggerLabel={`${label}: download options`}
      triggerClassName="btn export__format"
      label="Download options"
      align="end"
    >
      {() => (
        <div className="export-menu">
          <fieldset className="export-menu__fieldset">
            <legend>Format</legend>
            {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
              <label key={format} className="export-menu__option">
                <input
                  type="radio"
                  name={name}
                  checked={options.format === format}
                  onChange={() => onChange({ ...options, format })}
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
      )}
    </Popover>
  );
}
