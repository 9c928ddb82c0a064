import type { ReactNode } from 'react';

export interface SegmentedOption<T extends string> {
  value: T;
  /** The visible content; an icon-only option also needs `label`. */
  content: ReactNode;
  /** The accessible name and tooltip, when `content` is not text. */
  label?: string;
}

interface SegmentedControlProps<T extends string> {
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}

/** A few exclusive choices as pressed buttons in one group: `Local | UTC`. */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: SegmentedControlProps<T>) {
  return (
    <div
      className={['segmented', className].filter(Boolean).join(' ')}
      role="group"
      aria-label={label}
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="segmented__item"
          aria-pressed={value === option.value}
          aria-label={option.label}
          title={option.label}
          onClick={() => value !== option.value && onChange(option.value)}
        >
          {option.content}
        </button>
      ))}
    </div>
  );
}
