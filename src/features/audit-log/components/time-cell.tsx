import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { eventTimeText } from '../format/event-time-cache.ts';
import type { TimeZoneMode } from '../view/view-schema.ts';

interface TimeCellProps {
  event: Pick<AuditLogEvent, 'timestamp'>;
  tz: TimeZoneMode;
  nowSeconds: number;
}

export function TimeCell({ event, tz, nowSeconds }: TimeCellProps) {
  const text = eventTimeText(event, tz, nowSeconds);
  return (
    <time className="cell-time" dateTime={text.dateTime} title={text.title}>
      {text.label}
    </time>
  );
}
