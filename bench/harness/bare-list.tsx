import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { EventCell } from '../../src/features/audit-log/components/event-cell.tsx';
import { FlagsCell } from '../../src/features/audit-log/components/flags-cell.tsx';
import { TimeCell } from '../../src/features/audit-log/components/time-cell.tsx';
import { UserCell } from '../../src/features/audit-log/components/user-cell.tsx';

const ROW_HEIGHT = 44;
const nowSeconds = Math.floor(Date.now() / 1000);
const ignore = () => undefined;

/** The log table's row markup, written out once with no table library around it. */
function BareRow({ event, index }: { event: AuditLogEvent; index: number }) {
  return (
    <div
      className="log-row log-row--body"
      data-testid="log-row"
      data-row-index={index}
      style={{ height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` }}
    >
      <div className="log-cell log-cell--time">
        <TimeCell event={event} tz="local" nowSeconds={nowSeconds} />
      </div>
      <div className="log-cell log-cell--user">
        <UserCell event={event} onFilterUser={ignore} />
      </div>
      <div className="log-cell log-cell--event">
        <EventCell event={event.event} />
      </div>
      <div className="log-cell log-cell--description">
        <span className="truncate" title={event.description}>
          {event.description}
        </span>
      </div>
      <div className="log-cell log-cell--ip">
        <span className="mono truncate" title={event.sourceIP}>
          {event.sourceIP || '—'}
        </span>
      </div>
      <div className="log-cell log-cell--token">
        <span className="truncate" title={event.tokenID}>
          {event.tokenName || <span className="muted">—</span>}
        </span>
      </div>
      <div className="log-cell log-cell--flags">
        <FlagsCell event={event} />
      </div>
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
