/**
 * Writes a stream of events in fixed-size transactions: one transaction per batch keeps the
 * per-commit cost negligible while memory stays bounded however many events are asked for.
 */
import type { AuditStore, NewAuditEvent } from '../store/audit-store.ts';

export const DEFAULT_BATCH_SIZE = 50_000;

/**
 * Appends `events` to `org` in batches and returns the total written:
 * `appendInBatches(store, 'acme', events, 50_000, (n) => console.info(n))`.
 */
export function appendInBatches(
  store: Pick<AuditStore, 'appendEvents'>,
  org: string,
  events: Iterable<NewAuditEvent>,
  batchSize = DEFAULT_BATCH_SIZE,
  onBatch?: (written: number) => void,
): number {
  let written = 0;
  let batch: NewAuditEvent[] = [];
  const commit = () => {
    written += store.appendEvents(org, batch);
    batch = [];
    onBatch?.(written);
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length >= batchSize) commit();
  }
  if (batch.length > 0) commit();
  return written;
}
