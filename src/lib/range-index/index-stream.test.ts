import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { serializeSearchQuery } from '../search-query/serialize-search-query.ts';
import {
  readIndexStream,
  serveIndexStream,
  STREAM_SILENCE_MS,
  type StreamRequest,
} from './index-stream.ts';
import { RangeIndex } from './range-index.ts';
import { naiveMatch } from './testing/naive-search.ts';
import { randomEvents, randomTerm } from './testing/random-events.ts';

async function collect(index: () => RangeIndex, request: StreamRequest, batch: number) {
  const channel = new MessageChannel();
  serveIndexStream(index, request, channel.port2, batch);
  const batches: AuditLogEvent[][] = [];
  for await (const { events } of readIndexStream(channel.port1, new AbortController().signal)) {
    batches.push(events);
  }
  return batches;
}

/** `count` events a second apart, newest first, ending at second 1,000,000. */
const steadyLog = (count: number): AuditLogEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    timestamp: 1_000_000 - i,
    event: 'stack-updated',
    user: { githubLogin: i % 2 ? 'kim' : 'lee' },
  }));

describe('the index stream', () => {
  it('sends exactly the view’s matches in its window, newest first, in small batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomEvents({ maxLength: 80 }),
        randomTerm,
        fc.nat({ max: 400 }),
        fc.nat({ max: 4000 }),
        async (events, term, start, span) => {
          const index = new RangeIndex();
          index.addOlder(events);
          const from = 1_800_000_000 - 4000 + start;
          const window = { from, to: from + span };
          const text = serializeSearchQuery({ terms: [term] });
          const batches = await collect(() => index, { window, q: text, filter: '' }, 7);
          expect(batches.every((b) => b.length > 0 && b.length <= 7)).toBe(true);
          const expected = naiveMatch(events, parseSearchQuery(text).query)
            .map((row) => events[row]!)
            .filter((e) => e.timestamp >= window.from && e.timestamp < window.to);
          expect(batches.flat()).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applies the view’s filters as well as its search', async () => {
    const index = new RangeIndex();
    const events = steadyLog(30);
    index.addOlder(events);
    const window = { from: 0, to: 2_000_000 };
    const batches = await collect(() => index, { window, q: '', filter: 'user:kim' }, 4);
    expect(batches.flat()).toEqual(events.filter((e) => e.user.githubLogin === 'kim'));
  });

  it('goes on after what it sent when a newer read moves the rows', async () => {
    const events = steadyLog(60);
    const index = new RangeIndex();
    index.addOlder(events.slice(10));
    const channel = new MessageChannel();
    const window = { from: 0, to: events[10]!.timestamp + 1 };
    serveIndexStream(() => index, { q: '', filter: '', window }, channel.port2, 10);
    const got: AuditLogEvent[] = [];
    for await (const { events: batch } of readIndexStream(
      channel.port1,
      new AbortController().signal,
    )) {
      got.push(...batch);
      // Newer events go before row 0 after the first batch, outside the window.
      if (got.length === 10) index.addNewer(events.slice(0, 10));
    }
    expect(got).toEqual(events.slice(10));
  });

  it('asks for the next batch while the one before is written, never more than one ahead', async () => {
    const channel = new MessageChannel();
    let asked = 0;
    channel.port2.onmessage = ({ data }: MessageEvent<{ type: string }>) => {
      if (data.type !== 'next') return;
      asked += 1;
      const events = steadyLog(2);
      channel.port2.postMessage(asked <= 3 ? { type: 'batch', events, total: 6 } : { type: 'end' });
    };
    const askedWhileWriting: number[] = [];
    for await (const batch of readIndexStream(channel.port1, new AbortController().signal)) {
      void batch;
      // The file's work for this batch takes a while: the producer's next answer meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
      askedWhileWriting.push(asked);
    }
    expect(askedWhileWriting).toEqual([2, 3, 4]);
  });

  it('stops when the export is cancelled', async () => {
    const index = new RangeIndex();
    index.addOlder(steadyLog(50));
    const channel = new MessageChannel();
    const window = { from: 0, to: 2_000_000 };
    serveIndexStream(() => index, { q: '', filter: '', window }, channel.port2, 5);
    const controller = new AbortController();
    const seen: AuditLogEvent[][] = [];
    const read = async () => {
      for await (const { events: batch, total } of readIndexStream(
        channel.port1,
        controller.signal,
      )) {
        expect(total).toBe(50);
        seen.push(batch);
        controller.abort(new Error('cancelled'));
      }
    };
    await expect(read()).rejects.toThrow('cancelled');
    expect(seen).toHaveLength(1);
  });
});

describe('readIndexStream when the index stops answering', () => {
  it('fails with a reason instead of waiting for good (its worker was ended mid-file)', async () => {
    vi.useFakeTimers();
    try {
      // Nobody serves port2: as when the index worker is ended while a file is written.
      const channel = new MessageChannel();
      const reading = (async () => {
        for await (const batch of readIndexStream(channel.port1, new AbortController().signal))
          void batch;
      })();
      const failed = expect(reading).rejects.toThrow(/stopped answering/);
      await vi.advanceTimersByTimeAsync(STREAM_SILENCE_MS + 1);
      await failed;
    } finally {
      vi.useRealTimers();
    }
  });
});
