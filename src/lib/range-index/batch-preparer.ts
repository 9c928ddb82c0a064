/**
 * DOWNLOAD prepares its file while the range is still read. The reader's windows finish
 * together (work stealing evens them out), so the index fills in file order only at the read's
 * very end; a file written from the index after that waits for all of its encoding. Instead,
 * while an export waits on the read, every batch a window reads is sent to the export at once
 * (`prepare`: it encodes the batch on its own thread as the read goes on), and the index
 * remembers where each prepared batch landed. The stream that writes the file then names a
 * prepared batch (`{ prepared: id }`) instead of sending its events again.
 *
 * A prepared batch is only ever named for rows that hold exactly its events: the index must not
 * have changed but by the adds this preparer saw, and the view must match every row of the
 * batch. Anything else is sent as events, as without preparing.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import {
  eventBatchSpool,
  type SpoolFactory,
  type WindowSpool,
} from '../range-reader/window-spool.ts';
import type { SegmentLookup } from './index-stream.ts';
import type { RangeIndex } from './range-index.ts';

/** A batch sent ahead to the export: `{ type: 'prepare', id, events }` on the stream's port. */
export interface PrepareMessage {
  type: 'prepare';
  id: number;
  events: readonly AuditLogEvent[];
}

/** Where a prepared batch lies in the index: rows `row` to `row + count - 1`. */
export interface PreparedSegment {
  id: number;
  row: number;
  count: number;
}

type Batch = readonly AuditLogEvent[];

export class BatchPreparer {
  private port: MessagePort | undefined;
  /** Read in this read, not yet in the index. */
  private readonly pending = new Set<Batch>();
  private readonly ids = new WeakMap<Batch, number>();
  private readonly segments = new Map<number, PreparedSegment>();
  private nextId = 0;
  /** The index's version after the last add seen; segments hold only while it stays. */
  private seen: number | undefined;
  /** The read whose batches are prepared (a stopped read's may still end after the next began). */
  private reading: number | undefined;
  private reads = 0;

  /** A read of older seconds starts on `index`: batches it reads may be prepared. */
  startRead(index: RangeIndex): number {
    this.pending.clear();
    // Changed since the last add (a newer read moved every row): what was noted no longer holds.
    if (this.seen !== index.version) this.segments.clear();
    this.reading = ++this.reads;
    this.seen = index.version;
    return this.reading;
  }

  /** The read ended (whole or not); what is prepared stays nameable. */
  endRead(read: number): void {
    if (this.reading !== read) return;
    this.pending.clear();
    this.reading = undefined;
  }

  /** The spools of read `read` (event batches), telling the preparer every batch they are given. */
  spool(read: number): SpoolFactory<Batch> {
    return (): WindowSpool<Batch> => {
      const spool = eventBatchSpool();
      return {
        push: (events) => {
          spool.push(events);
          if (events.length > 0 && this.reading === read) this.read(events);
        },
        take: () => spool.take(),
      };
    };
  }

  private read(batch: Batch): void {
    this.pending.add(batch);
    if (this.port) this.send(this.port, batch);
  }

  private send(port: MessagePort, batch: Batch): void {
    const id = this.nextId++;
    this.ids.set(batch, id);
    port.postMessage({ type: 'prepare', id, events: batch } satisfies PrepareMessage);
  }

  /**
   * An export waits on the read with `port`: every batch read and not yet indexed is sent now,
   * the rest as they are read. A new port ends the last one's preparing.
   */
  attach(port: MessagePort): void {
    this.detach();
    this.port = port;
    if (this.reading !== undefined) for (const batch of this.pending) this.send(port, batch);
  }

  /**
   * The port the export waits on, handed over for its stream with where its prepared batches
   * lie, as the index is now; nothing more is sent ahead, and later reads change neither.
   */
  release(): { port: MessagePort; segmentAt: SegmentLookup } | undefined {
    const { port, seen } = this;
    const segments = new Map(this.segments);
    this.port = undefined;
    this.segments.clear();
    if (!port) return undefined;
    const segmentAt: SegmentLookup = (index, row) =>
      index.version === seen ? segments.get(row) : undefined;
    return { port, segmentAt };
  }

  /** The export gave up waiting: its port closes and what it prepared is forgotten. */
  detach(): void {
    this.port?.close();
    this.port = undefined;
    this.segments.clear();
  }

  /** `batch` went into `index` at `row` (after an `addOlder`). */
  added(index: RangeIndex, batch: Batch, row: number): void {
    this.pending.delete(batch);
    // Changed by something else since the last add: rows named before may have moved.
    if (this.seen !== index.version - 1) this.segments.clear();
    this.seen = index.version;
    const id = this.ids.get(batch);
    if (id !== undefined) this.segments.set(row, { id, row, count: batch.length });
  }
}
