/**
 * Streams a whole export without holding it in memory: events are read in keyset batches (each
 * batch its own short query, so the connection is free between batches), encoded, and gzipped
 * with backpressure from the client socket all the way back to SQLite.
 */
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import type { EventCursor, StoredEvent } from '../store/audit-store.ts';

export const EXPORT_BATCH_SIZE = 2000;

/** Batches of events strictly before `start`, newest first, until none are left. */
export async function* eventBatches(
  readPage: (before: EventCursor, limit: number) => StoredEvent[],
  start: EventCursor,
): AsyncGenerator<StoredEvent[]> {
  let before = start;
  for (;;) {
    const rows = readPage(before, EXPORT_BATCH_SIZE);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_BATCH_SIZE) return;
    before = { timestamp: last.timestamp, id: last.id };
    // Let other requests in between batches of a long export.
    await nextTurn();
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
