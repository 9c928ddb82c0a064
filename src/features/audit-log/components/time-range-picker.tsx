import { CopyButton } from '../../../components/copy-button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { Popover } from '../../../components/popover.tsx';
import { describeTimeRange, describeTimeRangeBriefly } from '../format/describe-time-range.ts';
import { RANGE_PRESET_LABELS } from '../view/time-range.ts';
import { RANGE_PRESETS, type AuditLogView, type RangePreset } from '../view/view-schema.ts';
import {
  CALENDAR_PRESET_LABELS,
  CALENDAR_PRESETS,
  calendarRange,
} from '../view/calendar-presets.ts';
import { CustomRangeForm } from './custom-range-form.tsx';

const nowSeconds = () => Math.floor(Date.now() / 1000);

interface TimeRangePickerProps {
  view: AuditLogView;
  onChange: (range: Pick<AuditLogView, 'range' | 'from' | 'to'>) => void;
  /** The view's link pinned to the times on screen; set for a rolling view only. */
  pinnedLink?: () => string;
}

const PRESETS: { value: RangePreset | undefined; label: string }[] = [
  ...RANGE_PRESETS.map((value) => ({ value, label: RANGE_PRESET_LABELS[value] })),
  { value: undefined, label: 'All time' },
];

export function TimeRangePicker({ view, onChange, pinnedLink }: TimeRangePickerProps) {
  const current = describeTimeRange(view);
  const isCustom = view.from !== undefined || view.to !== undefined;
  return (
    <Popover
      label="Time range"
      triggerLabel={`Time range: ${current}`}
      trigger={
        <>
          <Icon name="clock" size={14} />
          <span className="trigger__value trigger__value--range">
            {describeTimeRangeBriefly(view, nowSeconds())}
          </span>
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {(close) => (
        <div className="range-picker">
          <ul className="preset-list" aria-label="Presets">
            {PRESETS.map((preset) => (
              <li key={preset.label}>
                <button
                  type="button"
                  className="preset"
                  aria-pressed={!isCustom && view.range === preset.value}
                  onClick={() => {
                    close();
                    onChange({ range: preset.value, from: undefined, to: undefined });
                  }}
                >
                  {preset.label}
                  {!isCustom && view.range === preset.value ? (
                    <Icon name="check" size={14} />
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
          <ul className="preset-list" aria-label="Calendar">
            {CALENDAR_PRESETS.map((preset) => {
              const range = calendarRange(preset, nowSeconds(), view.tz);
              const picked = view.from === range.from && view.to === range.to;
              return (
                <li key={preset}>
                  <button
                    type="button"
                    className="preset"
                    aria-pressed={picked}
                    onClick={() => {
                      close();
                      onChange({ range: undefined, ...range });
                    }}
                  >
                    {CALENDAR_PRESET_LABELS[preset]}
                    {picked ? <Icon name="check" size={14} /> : null}
                  </button>
                </li>
              );
            })}
          </ul>
          <CustomRangeForm
            view={view}
            onApply={(range) => {
              close();
              onChange({ range: undefined, ...range });
            }}
          />
          {pinnedLink ? (
            <div className="range-picker__pin">
              <p className="muted">
                A link to this view shows the range as of when it is opened. To share exactly the
                events on screen:
              </p>
              <CopyButton
                label="Copy link with these times"
                icon="link"
                text={pinnedLink}
                copiedMessage="Link to the times on screen copied to the clipboard"
                failedMessage="The link could not be copied"
              />
            </div>
          ) : null}
        </div>
      )}
    </Popover>
  );
}
