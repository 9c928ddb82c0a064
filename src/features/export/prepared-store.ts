/**
 * Batches the console's range index sends ahead while the read DOWNLOAD waits on goes on
 * (batch-preparer.ts), encoded as they arrive, so that once the read ends the file is mostly
 * written already. Each is kept as encoded bytes under the export's spool budget (a batch past it
 * waits as a Blob part) and written when the index's stream names it.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { EventEncoder } from './encode-events.ts';
import type { WindowSpool } from '../../lib/range-reader/window-spool.ts';
import { exportSpool, type EncodedEvents } from './export-spool.ts';

export interface PreparedStore {
  add(id: number, events: readonly AuditLogEvent[]): void;
  /** The encoded batch `id`, once; undefined if it never came. */
  take(id: number): EncodedEvents[] | undefined;
}

/** `createPreparedStore(encoder).take(id)` is what `encoder` made of batch `id`. */
export function createPreparedStore(encoder: EventEncoder): PreparedStore {
  const spools = exportSpool(encoder);
  // Held until written, so the spools' shared budget counts every prepared batch.
  const batches = new Map<number, WindowSpool<EncodedEvents>>();
  return {
    add(id, events) {
      const spool = spools();
      spool.push(events);
      batches.set(id, spool);
    },
    take(id) {
      const spool = batches.get(id);
      batches.delete(id);
      return spool?.take();
    },
  };
}
