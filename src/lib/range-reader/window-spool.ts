/**
 * Where a window's events wait until every newer window has been written. The range reader
 * pushes each window's events into its own spool and takes from the spool of the oldest window
 * not yet written; what a chunk is (events, encoded text, Blob parts) is the spool's choice, so
 * an export can keep waiting windows as Blob parts while an index keeps events.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';

export interface WindowSpool<Chunk> {
  /** The window's next events, in the window's order. */
  push(events: readonly AuditLogEvent[]): void;
  /** Everything held, in order; the spool is empty afterwards. */
  take(): Chunk[];
}

export type SpoolFactory<Chunk> = () => WindowSpool<Chunk>;

/** A spool that keeps event batches as they came: `eventBatchSpool().take()` is `[]`. */
export function eventBatchSpool(): WindowSpool<readonly AuditLogEvent[]> {
  let batches: (readonly AuditLogEvent[])[] = [];
  return {
    push(events) {
      if (events.length > 0) batches.push(events);
    },
    take() {
      const taken = batches;
      batches = [];
      return taken;
    },
  };
}
