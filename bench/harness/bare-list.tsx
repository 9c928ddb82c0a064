/**
 * The baseline of the scroll benchmark: a bare @tanstack/react-virtual list whose rows are plain
 * text in the log table's layout (no avatars, icons or formatting of ours), so what the console's
 * own cells cost shows in the difference, not in both sides.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';

const ROW_HEIGHT = 44;

/** One row of plain text in the table's cells: the least any table of these events renders. */
function BareRow({ event, index }: { event: AuditLogEvent; index: number }) {
  return (
    <div
      className="log-row log-row--body"
      data-testid="log-row"
      data-row-index={index}
      style={{ height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` }}
    >
      <div className="log-cell log-cell--time">{event.timestamp}</div>
      <div className="log-cell log-cell--user">{event.user.githubLogin}</div>
      <div className="log-cell log-cell--event">{event.event}</div>
      <div className="log-cell log-cell--description">{event.description}</div>
      <div className="log-cell log-cell--ip">{event.sourceIP}</div>
      <div className="log-cell log-cell--token">{event.tokenName}</div>
      <div className="log-cell log-cell--flags">{event.authFailure ? 'failed' : ''}</div>
    </div>
  );
}

export function BareList({ events }: { events: AuditLogEvent[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div style={{ display: 'flex', height: '100vh', padding: 16, boxSizing: 'border-box' }}>
      <div className="table-scroll" ref={scrollRef} data-testid="scroller">
        <div className="log-table">
          <div className="log-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <BareRow key={item.index} event={events[item.index]!} index={item.index} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
