import { formatEventTime, zoneOf } from '../../../lib/time-format.ts';
import type { TimeZoneMode } from '../view/view-schema.ts';

interface TimeCellProps {
  timestamp: number;
  tz: TimeZoneMode;
  nowSeconds: number;
}

export function TimeCell({ timestamp, tz, nowSeconds }: TimeCellProps) {
  const text = formatEventTime(timestamp, { timeZone: zoneOf(tz), nowSeconds });
  return (
    <time className="cell-time" dateTime={text.dateTime} title={text.title}>
      {text.label}
    </time>
  );
}
