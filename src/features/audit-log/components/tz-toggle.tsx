import { SegmentedControl, type SegmentedOption } from '../../../components/segmented-control.tsx';
import type { TimeZoneMode } from '../view/view-schema.ts';

interface TzToggleProps {
  value: TimeZoneMode;
  onChange: (tz: TimeZoneMode) => void;
}

const OPTIONS: SegmentedOption<TimeZoneMode>[] = [
  { value: 'local', content: 'Local' },
  { value: 'utc', content: 'UTC' },
];

/** Local time or UTC, as a two-button segmented control. */
export function TzToggle({ value, onChange }: TzToggleProps) {
  return <SegmentedControl label="Time zone" options={OPTIONS} value={value} onChange={onChange} />;
}
