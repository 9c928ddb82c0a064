/**
 * Where an evaluation pass reads events: the embedded service's audit store, or the events the
 * upstream reader copied from Pulumi Cloud (upstream/upstream-events-store.ts). Both number
 * events in the order they were written (ids, or seqs as read), so a rule's cursor is a number
 * and an event logged late with an older time is still seen once.
 */
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { toAuditLogEvent } from '../api/event-json.ts';
import type { AuditStore, StoredEvent } from '../store/audit-store.ts';

export interface SourceEvent {
  /** Order of writing (or reading), not of time. */
  id: number;
  event: AuditLogEvent;
}

export interface AlertEventSource {
  /** Up to `limit` events of `org` written after `afterId`, in the order written. */
  eventsAfter(org: string, afterId: number, limit: number): SourceEvent[];
  /** The events from `from` (Unix seconds) on, written no later than `throughId`, newest first. */
  lookBack(org: string, from: number, throughId: number): SourceEvent[];
  /** Where a rule created now starts: the last id written for `org`. */
  lastId(org: string): number;
}

const PAGE = 10_000;
/** At most this many events of context before a step (a larger window counts what fits). */
export const MAX_LOOK_BACK = 200_000;

/** The embedded service's audit log as an event source; links point at `origin`. */
export function auditEventSource(audit: AuditStore, origin: string): AlertEventSource {
  const convert = (row: StoredEvent): SourceEvent => ({
    id: row.id,
    event: toAuditLogEvent(row, origin),
  });
  return {
    eventsAfter: (org, afterId, limit) => audit.eventsAfter(org, afterId, limit).map(convert),
    lookBack: (org, from, throughId) => {
      const rows: StoredEvent[] = [];
      let before = { timestamp: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
      while (rows.length < MAX_LOOK_BACK) {
        const page = audit.listEvents({ org, fromTimestamp: from, before, limit: PAGE });
        for (const row of page) if (row.id <= throughId) rows.push(row);
        const last = page.at(-1);
        if (!last || page.length < PAGE) break;
        before = { timestamp: last.timestamp, id: last.id };
      }
      return rows.map(convert);
    },
    lastId: () => audit.lastEventId(),
  };
}
