import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { serializeSearchQuery } from '../search-query/serialize-search-query.ts';
import { BatchPreparer, type PrepareMessage } from './batch-preparer.ts';
import { readIndexStream, serveIndexStream, type StreamRequest } from './index-stream.ts';
import { RangeIndex } from './range-index.ts';
import { naiveMatch } from './testing/naive-search.ts';
import { randomEvents, randomTerm } from './testing/random-events.ts';

/** Cuts `events` into batches at the given points (sorted, deduplicated, inside). */
function cut(events: AuditLogEvent[], points: number[]): AuditLogEvent[][] {
  const at = [...new Set(points.map((p) => p % (events.length + 1)))].sort((a, b) => a - b);
  const batches: AuditLogEvent[][] = [];
  let start = 0;
  for (const end of [...at, events.length]) {
    if (end > start) batches.push(events.slice(start, end));
    start = Math.max(start, end);
  }
  return batches;
}

/** A read of `batches` into `index`: each is pushed to a window's spool, then added in order. */
function readInto(index: RangeIndex, preparer: BatchPreparer, batches: AuditLogEvent[][]) {
  const read = preparer.startRead(index);
  const spool = preparer.spool(read)();
  for (const batch of batches) spool.push(batch);
  for (const batch of spool.take()) {
    const row = index.size;
    index.addOlder(batch);
    preparer.added(index, batch, row);
  }
  preparer.endRead(read);
}

/** What reaches the export: prepared batches by id, and the stream that names them. */
async function prepareAndStream(
  index: RangeIndex,
  preparer: BatchPreparer,
  batches: AuditLogEvent[][],
  request: StreamRequest,
) {
  const channel = new MessageChannel();
  const prepared = new Map<number, readonly AuditLogEvent[]>();
  const read = preparer.startRead(index);
  const spool = preparer.spool(read)();
  // Half the batches are read before the export waits on the read, half after.
  const half = Math.ceil(batches.length / 2);
  for (const batch of batches.slice(0, half)) spool.push(batch);
  preparer.attach(channel.port2);
  for (const batch of batches.slice(half)) spool.push(batch);
  for (const batch of spool.take()) {
    const row = index.size;
    index.addOlder(batch);
    preparer.added(index, batch, row);
  }
  preparer.endRead(read);
  const { port, segmentAt } = preparer.release()!;
  serveIndexStream(() => index, request, port, 7, segmentAt);
  const parts: { prepared: number[]; events: AuditLogEvent[] }[] = [];
  const onPrepare = ({ id, events }: PrepareMessage) => prepared.set(id, events);
  for await (const batch of readIndexStream(channel.port1, new AbortController().signal, onPrepare))
    parts.push({ prepared: batch.prepared ?? [], events: batch.events });
  const written = parts.flatMap((part) => [
    ...part.prepared.flatMap((id) => prepared.get(id) ?? []),
    ...part.events,
  ]);
  const named = parts.reduce((n, part) => n + part.prepared.length, 0);
  return { written, named, parts };
}

describe('DOWNLOAD prepared while the range is read', () => {
  it('writes exactly the view’s matches, naming prepared batches only where all their rows match', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomEvents({ maxLength: 80 }),
        fc.array(fc.nat({ max: 80 }), { maxLength: 12 }),
        fc.option(randomTerm),
        fc.nat({ max: 400 }),
        fc.nat({ max: 4000 }),
        async (events, points, term, start, span) => {
          const from = 1_800_000_000 - 4000 + start;
          const window = { from, to: from + span };
          const q = term ? serializeSearchQuery({ terms: [term] }) : '';
          const index = new RangeIndex();
          const { written } = await prepareAndStream(
            index,
            new BatchPreparer(),
            cut(events, points),
            {
              window,
              q,
              filter: '',
            },
          );
          const expected = naiveMatch(events, parseSearchQuery(q).query)
            .map((row) => events[row]!)
            .filter((e) => e.timestamp >= window.from && e.timestamp < window.to);
          expect(written).toEqual(expected);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('names every batch of a whole view and sends none of its events again', async () => {
    const events = steadyLog(40);
    const batches = cut(events, [5, 17, 30]);
    const window = { from: 0, to: 2_000_000 };
    const index = new RangeIndex();
    const { written, named, parts } = await prepareAndStream(index, new BatchPreparer(), batches, {
      window,
      q: '',
      filter: '',
    });
    expect(written).toEqual(events);
    expect(named).toBe(batches.length);
    expect(parts.every((part) => part.events.length === 0)).toBe(true);
  });

  it('sends events that were indexed before the export waited, and names what came after', async () => {
    const events = steadyLog(30);
    const index = new RangeIndex();
    const preparer = new BatchPreparer();
    readInto(index, preparer, [events.slice(0, 10)]);
    const { written, parts } = await prepareAndStream(index, preparer, [events.slice(10)], {
      window: { from: 0, to: 2_000_000 },
      q: '',
      filter: '',
    });
    expect(written).toEqual(events);
    expect(parts[0]).toMatchObject({ prepared: [] });
    expect(parts.flatMap((p) => p.events)).toHaveLength(10);
    expect(parts.flatMap((p) => p.prepared)).toHaveLength(1);
  });

  it('names nothing once the index changed by other means (a newer read)', async () => {
    const events = steadyLog(30);
    const index = new RangeIndex();
    const preparer = new BatchPreparer();
    const channel = new MessageChannel();
    preparer.attach(channel.port2);
    readInto(index, preparer, [events.slice(10, 20), events.slice(20)]);
    const { segmentAt } = preparer.release()!;
    expect(segmentAt(index, 10)).toMatchObject({ row: 10, count: 10 });
    index.addNewer(events.slice(0, 10));
    expect(segmentAt(index, 10)).toBeUndefined();
    channel.port1.close();
  });

  it('forgets where batches lay once a newer read has moved the rows, even when an older read follows', () => {
    const events = steadyLog(30);
    const index = new RangeIndex();
    const preparer = new BatchPreparer();
    const channel = new MessageChannel();
    preparer.attach(channel.port2);
    readInto(index, preparer, [events.slice(10, 20)]);
    index.addNewer(events.slice(0, 10)); // rows 0–9 now hold other events
    readInto(index, preparer, [events.slice(20)]);
    const { segmentAt } = preparer.release()!;
    expect(segmentAt(index, 0)).toBeUndefined();
    expect(segmentAt(index, 20)).toMatchObject({ row: 20, count: 10 });
    channel.port1.close();
  });

  it('sends ahead only the batches of the read in flight, not a stopped one’s', async () => {
    const index = new RangeIndex();
    const preparer = new BatchPreparer();
    const channel = new MessageChannel();
    const sent: number[] = [];
    channel.port1.onmessage = ({ data }: MessageEvent<PrepareMessage>) =>
      sent.push(data.events.length);
    const stopped = preparer.startRead(index);
    const late = preparer.spool(stopped)();
    const current = preparer.startRead(index);
    preparer.attach(channel.port2);
    late.push(steadyLog(3));
    preparer.spool(current)().push(steadyLog(5));
    preparer.endRead(stopped);
    preparer.spool(current)().push(steadyLog(7));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([5, 7]);
    channel.port1.close();
  });
});

/** `count` events a second apart, newest first. */
function steadyLog(count: number): AuditLogEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: 1_000_000 - i,
    event: 'stack-updated',
    user: { githubLogin: i % 2 ? 'kim' : 'lee' },
  }));
}
