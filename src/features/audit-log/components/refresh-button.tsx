import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { formatClockTime, formatInstantWithOffset, zoneOf } from '../../../lib/time-format.ts';
import type { TimeZoneMode } from '../view/view-schema.ts';

interface RefreshButtonProps {
  /** When the shown snapshot was taken (Unix seconds); undefined while it loads. */
  asOf: number | undefined;
  tz: TimeZoneMode;
  onRefresh: () => void;
}

/**
 * The table is a snapshot (so the export can match it); this says when it was taken and starts
 * the view over with events logged since.
 */
export function RefreshButton({ asOf, tz, onRefresh }: RefreshButtonProps) {
  return (
    <div className="refresh">
      {asOf !== undefined ? (
        <span className="refresh__as-of" data-testid="as-of">
          as of{' '}
          <time dateTime={formatInstantWithOffset(asOf, 'UTC')}>
            {formatClockTime(asOf, zoneOf(tz))}
            {tz === 'utc' ? ' UTC' : ''}
          </time>
        </span>
      ) : null}
      <Button
        className="btn--icon"
        aria-label="Load newer events"
        title="Load newer events"
        onClick={onRefresh}
      >
        <Icon name="refresh" size={14} />
      </Button>
    </div>
  );
}
