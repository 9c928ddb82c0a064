/**
 * Fills a range index from batches of events, newest first, whatever reads them: today the
 * range reader (`readRange` with `eventBatchSpool`) in the worker, arrays in tests. Stop is the signal.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { RangeIndex } from './range-index.ts';

/** Events in the API's order, batch after batch. */
export type EventBatches = AsyncIterable<readonly AuditLogEvent[]>;

export interface LoadProgress {
  /** Events in the index. */
  events: number;
  /** Unix seconds of the oldest and newest indexed events (undefined while empty). */
  oldest: number | undefined;
  newest: number | undefined;
}

/** What the index holds now: `progressOf(index).events === index.size`. */
export function progressOf(index: RangeIndex): LoadProgress {
  const empty = index.size === 0;
  return {
    events: index.size,
    oldest: empty ? undefined : index.timestamp(index.size - 1),
    newest: empty ? undefined : index.timestamp(0),
  };
}

export interface LoadOptions {
  signal: AbortSignal;
  /** Where the batches go: older than the index (a range's read) or newer (a Refresh). */
  direction?: 'older' | 'newer';
  /**
   * For newer events: the seconds from here on are read again, and replace what the index held
   * of them once the read is whole (a stopped read changes nothing).
   */
  replaceFrom?: number;
  onProgress?: (progress: LoadProgress) => void;
  /** An older batch went into the index from row `row` on (batch-preparer.ts). */
  onAdded?: (batch: readonly AuditLogEvent[], row: number) => void;
}

/**
 * Adds every batch to the index, reporting progress after each; stops without error when
 * `signal` aborts (what was read stays indexed). Newer events are gathered and added at the
 * end, in one piece, because they go before row 0 in their own order.
 */
export async function loadRange(
  index: RangeIndex,
  batches: EventBatches,
  { signal, direction = 'older', replaceFrom, onProgress, onAdded }: LoadOptions,
): Promise<LoadProgress> {
  const newer: AuditLogEvent[] = [];
  for await (const batch of batches) {
    if (signal.aborted) break;
    if (direction === 'older') {
      const row = index.size;
      index.addOlder(batch);
      onAdded?.(batch, row);
      onProgress?.(progressOf(index));
    } else {
      newer.push(...batch);
    }
  }
  if (!signal.aborted && direction === 'newer') {
    if (replaceFrom !== undefined) index.dropNewerFrom(replaceFrom);
    index.addNewer(newer);
  }
  index.trim();
  const progress = progressOf(index);
  onProgress?.(progress);
  return progress;
}
