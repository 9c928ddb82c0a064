/**
 * Streams a whole export without holding it in memory: events are read in keyset batches (each
 * batch its own short query, so the connection is free between batches), encoded, and gzipped
 * with backpressure from the client socket all the way back to SQLite; between batches the
 * export yields the thread to other requests (export-pace.ts).
 */
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { EventCursor, StoredEvent } from '../store/audit-store.ts';
import { unpaced, type Pace } from './export-pace.ts';

/** Small enough that a slice (read and encode one batch) holds the thread a few milliseconds. */
export const EXPORT_BATCH_SIZE = 500;

/**
 * Batches of events strictly before `start`, newest first, each `encode`d, until none are left.
 * Reading and encoding a batch is one slice; `pace` decides how long to yield after each.
 */
export async function* eventBatches<T>(
  readPage: (before: EventCursor, limit: number) => StoredEvent[],
  start: EventCursor,
  encode: (rows: StoredEvent[]) => T,
  pace: Pace = unpaced,
): AsyncGenerator<T> {
  let before = start;
  try {
    for (;;) {
      const sliceStarted = performance.now();
      const rows = readPage(before, EXPORT_BATCH_SIZE);
      const encoded = rows.length > 0 ? encode(rows) : undefined;
      const sliceMs = performance.now() - sliceStarted;
      if (encoded !== undefined) yield encoded;
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_BATCH_SIZE) return;
      before = { timestamp: last.timestamp, id: last.id };
      await pace.rest(sliceMs);
    }
  } finally {
    pace.finish();
  }
}

/** Text chunks gzipped into a web stream for a `Response` body. */
export function gzipWebStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const source = Readable.from(chunks, { objectMode: false });
  const gzip = createGzip();
  source.on('error', (error) => gzip.destroy(error));
  // Destroying the gzip stream (client gone) must also stop reading SQLite.
  gzip.on('close', () => source.destroy());
  source.pipe(gzip);
  return Readable.toWeb(gzip) as ReadableStream<Uint8Array>;
}
