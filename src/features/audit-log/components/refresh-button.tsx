import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { formatClockTime, formatInstantWithOffset, zoneOf } from '../../../lib/time-format.ts';
import type { NewerEvents } from '../api/newer-events-query.ts';
import type { TimeZoneMode } from '../view/view-schema.ts';
import { formatCount } from '../../../lib/count-format.ts';

interface RefreshButtonProps {
  /** When the shown snapshot was taken (Unix seconds); undefined while it loads. */
  asOf: number | undefined;
  tz: TimeZoneMode;
  onRefresh: () => void;
  /** The view follows new events by itself (`live=on`). */
  live?: boolean;
}

const newerText = ({ count, more }: NewerEvents) =>
  `${formatCount(count)}${more ? '+' : ''} newer event${count === 1 && !more ? '' : 's'}`;

/**
 * The table is a snapshot (so the export can match it); this says when it was taken (or that it
 * follows new events) and starts the view over with events logged since.
 */
export function RefreshButton({ asOf, tz, onRefresh, live }: RefreshButtonProps) {
  return (
    <div className="refresh">
      {asOf !== undefined ? (
        <span className="refresh__as-of" data-testid="as-of">
          {live ? 'live, ' : ''}as of{' '}
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

/** "12 newer events", when events were logged since the snapshot: a click brings them in. */
export function NewerEventsButton({
  newer,
  onRefresh,
}: {
  newer: NewerEvents | undefined;
  onRefresh: () => void;
}) {
  return (
    <span aria-live="polite" className="newer-events">
      {newer && newer.count > 0 ? (
        <Button size="sm" variant="primary" onClick={onRefresh}>
          {newerText(newer)}
        </Button>
      ) : null}
    </span>
  );
}
