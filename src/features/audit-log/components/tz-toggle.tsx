import type { TimeZoneMode } from '../view/view-schema.ts';

interface TzToggleProps {
  value: TimeZoneMode;
  onChange: (tz: TimeZoneMode) => void;
}

const OPTIONS: { value: TimeZoneMode; label: string }[] = [
  { value: 'local', label: 'Local' },
  { value: 'utc', label: 'UTC' },
];

/** Local time or UTC, as a two-button segmented control. */
export function TzToggle({ value, onChange }: TzToggleProps) {
  return (
    <div className="segmented" role="group" aria-label="Time zone">
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          className="segmented__item"
          aria-pressed={value === option.value}
          onClick={() => value !== option.value && onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
