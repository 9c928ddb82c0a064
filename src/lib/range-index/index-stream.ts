/**
 * The index's events for a view, sent over a MessagePort one batch at a time: how DOWNLOAD
 * writes a view the console has already read, with no request to the API. The consumer asks for
 * each batch (one ahead of the one it writes), so a million events never sit in a port's queue.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { PreparedSegment, PrepareMessage } from './batch-preparer.ts';
import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { matchRows } from './match-rows.ts';
import type { RangeIndex } from './range-index.ts';
import type { TimeWindow } from '../time-window.ts';

/** The view's question: its seconds, the search and the filters every event must meet. */
export interface StreamRequest {
  window: { from: number; to: number };
  q: string;
  filter: string;
}

type FromConsumer = { type: 'next' } | { type: 'cancel' };
/**
 * One batch, and how many events the whole stream holds (for a progress bar): batches the
 * consumer prepared while the range was read (batch-preparer.ts), by id, then events.
 */
export interface IndexBatch {
  prepared?: number[];
  events: AuditLogEvent[];
  total: number;
}

type FromProducer =
  | ({ type: 'batch' } & IndexBatch)
  | { type: 'end' }
  | { type: 'error'; message: string }
  | PrepareMessage;

/** The prepared batch whose rows start at `row`, if any (batch-preparer.ts). */
export type SegmentLookup = (index: RangeIndex, row: number) => PreparedSegment | undefined;

/**
 * A batch is found and sent in milliseconds; a producer silent this long is gone (its worker
 * was ended while a file was written: a MessagePort says nothing when its other end dies).
 */
export const STREAM_SILENCE_MS = 20_000;

/** Events per batch: small enough to encode between two progress reports. */
export const STREAM_BATCH_EVENTS = 5000;

const rowsOf = (index: RangeIndex, request: StreamRequest, window: TimeWindow) =>
  matchRows(
    index,
    parseSearchQuery(request.q).query,
    window,
    parseSearchQuery(request.filter).query,
  );

/**
 * Answers `port` with the matches of `request` in the index `current()` holds, newest first.
 * Reads that end while it streams move rows, so the matches are found again and the stream goes
 * on after the ones already sent. With `segmentAt`, rows of a batch the consumer prepared are
 * named by its id, when every row of it matches.
 */
export function serveIndexStream(
  current: () => RangeIndex,
  request: StreamRequest,
  port: MessagePort,
  batchEvents = STREAM_BATCH_EVENTS,
  segmentAt?: SegmentLookup,
): void {
  let index = current();
  let version = index.version;
  let rows = rowsOf(index, request, request.window);
  let sent = 0;
  const post = (message: FromProducer) => port.postMessage(message);
  port.onmessage = ({ data }: MessageEvent<FromConsumer>) => {
    if (data.type === 'cancel') {
      port.close();
      return;
    }
    try {
      if (current() !== index || index.version !== version) {
        index = current();
        version = index.version;
        rows = rowsOf(index, request, request.window);
      }
      if (sent >= rows.length) {
        post({ type: 'end' });
        port.close();
        return;
      }
      const prepared: number[] = [];
      let segment: PreparedSegment | undefined;
      while ((segment = preparedAt(index, rows, sent, segmentAt))) {
        prepared.push(segment.id);
        sent += segment.count;
      }
      const events: AuditLogEvent[] = [];
      const end = Math.min(rows.length, sent + batchEvents);
      for (; sent < end; sent++) {
        if (events.length > 0 && preparedAt(index, rows, sent, segmentAt)) break;
        events.push(index.event(rows[sent] as number));
      }
      post({ type: 'batch', prepared, events, total: rows.length });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      port.close();
    }
  };
  port.start();
}

/** The prepared batch at `rows[at]` when the rows it covers are exactly the next matches. */
function preparedAt(
  index: RangeIndex,
  rows: ArrayLike<number>,
  at: number,
  segmentAt: SegmentLookup | undefined,
): PreparedSegment | undefined {
  if (!segmentAt || at >= rows.length) return undefined;
  const first = rows[at] as number;
  const segment = segmentAt(index, first);
  if (!segment || at + segment.count > rows.length) return undefined;
  return rows[at + segment.count - 1] === first + segment.count - 1 ? segment : undefined;
}

/** Takes the batches sent ahead on a stream's port (batch-preparer.ts). */
export type PrepareListener = (message: PrepareMessage) => void;

/**
 * The batches `port` serves, as the range reader yields them: `for await (const batch of
 * readIndexStream(port, signal)) …`. Stops (and tells the producer) when `signal` aborts.
 * Batches sent ahead for preparing go to `onPrepare`, in order with the stream's own.
 */
export async function* readIndexStream(
  port: MessagePort,
  signal: AbortSignal,
  onPrepare?: PrepareListener,
): AsyncGenerator<IndexBatch> {
  const answers: Exclude<FromProducer, PrepareMessage>[] = [];
  let wake: (() => void) | undefined;
  port.onmessage = ({ data }: MessageEvent<FromProducer>) => {
    if (data.type === 'prepare') onPrepare?.(data);
    else answers.push(data);
    wake?.();
  };
  port.start();
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  const askNext = () => port.postMessage({ type: 'next' } satisfies FromConsumer);
  try {
    askNext();
    for (;;) {
      let silent = false;
      const timer = setTimeout(() => {
        silent = true;
        wake?.();
      }, STREAM_SILENCE_MS);
      while (answers.length === 0 && !signal.aborted && !silent) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
      clearTimeout(timer);
      if (signal.aborted) throw signal.reason;
      if (answers.length === 0) {
        throw new Error(
          'The range kept in this browser stopped answering while the file was written; ' +
            'press DOWNLOAD again.',
        );
      }
      const answer = answers.shift()!;
      if (answer.type === 'end') return;
      if (answer.type === 'error')
        throw new Error(`Reading the kept range failed: ${answer.message}`);
      // One batch ahead: the index finds and sends the next while this one is written, on
      // another thread. No more than one, so a million events never queue in the port.
      askNext();
      yield { prepared: answer.prepared, events: answer.events, total: answer.total };
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (signal.aborted) port.postMessage({ type: 'cancel' } satisfies FromConsumer);
    port.close();
  }
}
