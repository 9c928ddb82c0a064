import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { formatClockTime, formatInstantWithOffset, zoneOf } from '../../../lib/time-format.ts';
import type { NewerEvents } from '../api/newer-events-query.ts';
import type { TimeZoneMode } from '../view/view-schema.ts';

interface RefreshButtonProps {
  /** When the shown snapshot was taken (Unix seconds); undefined while it loads. */
  asOf: number | undefined;
  tz: TimeZoneMode;
  onRefresh: () => void;
  /** Events logged since the snapshot, for a view open at the end; undefined otherwise. */
  newer?: NewerEvents;
  /** Whether the view follows new events (`live=on`); undefined when it cannot (a fixed end). */
  live?: boolean;
  onLiveChange?: (live: boolean) => void;
}

const newerText = ({ count, more }: NewerEvents) =>
  `${count.toLocaleString()}${more ? '+' : ''} newer event${count === 1 && !more ? '' : 's'}`;

/**
 * The table is a snapshot (so the export can match it); this says when it was taken, how many
 * events were logged since, and starts the view over with them. Live follows them by itself.
 */
export function RefreshButton({
  asOf,
  tz,
  onRefresh,
  newer,
  live,
  onLiveChange,
}: RefreshButtonProps) {
  const hasNewer = newer !== undefined && newer.count > 0;
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
      <span aria-live="polite">
        {hasNewer && !live ? (
          <Button size="sm" variant="primary" onClick={onRefresh}>
            {newerText(newer)}
          </Button>
        ) : null}
      </span>
      <Button
        className="btn--icon"
        aria-label="Load newer events"
        title="Load newer events"
        onClick={onRefresh}
      >
        <Icon name="refresh" size={14} />
      </Button>
      {live !== undefined && onLiveChange ? (
        <Button
          size="sm"
          variant={live ? 'primary' : 'secondary'}
          aria-pressed={live}
          title="Follow new events as they are logged"
          onClick={() => onLiveChange(!live)}
        >
          Live
        </Button>
      ) : null}
    </div>
  );
}
