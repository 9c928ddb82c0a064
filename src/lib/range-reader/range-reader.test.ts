import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client.ts';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { PagerError } from '../../../common/pulumi/retrying-fetcher.ts';
import { readRange, type RangeProgress, type RangeReaderOptions } from './range-reader.ts';
import {
  BOUND_READINGS,
  eventsInApiOrder,
  fakeApi,
  readAllEvents,
  sequentialRead,
  type FakeApiOptions,
} from './test-api.ts';
import { eventBatchSpool } from './window-spool.ts';
import type { TimeWindow } from '../time-window.ts';

const T = 1_790_000_000;

async function read(
  events: readonly AuditLogEvent[],
  range: TimeWindow,
  api: Partial<FakeApiOptions> = {},
  extra: Partial<RangeReaderOptions<readonly AuditLogEvent[]>> = {},
) {
  const { fetchPage, calls } = fakeApi(events, {
    ...BOUND_READINGS[0]!,
    pageSize: 3,
    ...api,
  });
  const progress: RangeProgress[] = [];
  const out = await readAllEvents({
    fetchPage,
    range,
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  return { out, calls, progress };
}

describe('readRange', () => {
  it.each(BOUND_READINGS)(
    'reads exactly the range when the API reads bounds %j',
    async (reading) => {
      const events = eventsInApiOrder([T, T, T + 1, T + 5, T + 5, T + 5, T + 9, T + 10, T + 11]);
      const range = { from: T + 1, to: T + 10 };
      const { out } = await read(events, range, { ...reading, pageSize: 2 });
      expect(out).toEqual(sequentialRead(events, range));
    },
  );

  it('keeps thousands of events of one second in the API order', async () => {
    const events = eventsInApiOrder(Array.from({ length: 2000 }, () => T + 3));
    const range = { from: T, to: T + 100 };
    const { out } = await read(events, range, { pageSize: 50 });
    expect(out).toEqual(events);
  });

  it('reads one-second ranges, empty ranges and a range from the beginning', async () => {
    const events = eventsInApiOrder([T - 1, T, T, T + 1]);
    expect((await read(events, { from: T, to: T + 1 })).out).toEqual(
      sequentialRead(events, { from: T, to: T + 1 }),
    );
    expect((await read(events, { from: T + 2, to: T + 50 })).out).toEqual([]);
    expect((await read(events, { from: T, to: T })).out).toEqual([]);
    expect((await read(events, { from: 0, to: T + 1 })).out).toEqual(
      sequentialRead(events, { from: 0, to: T + 1 }),
    );
  });

  it('spreads a burst over many windows by stealing work', async () => {
    const burst = Array.from({ length: 600 }, (_, i) => T + 3600 + (i % 600));
    const events = eventsInApiOrder([T, ...burst, T + 86_000]);
    const range = { from: T, to: T + 86_400 };
    const { out, calls } = await read(events, range, { pageSize: 10, turns: (n) => n % 5 });
    expect(out).toEqual(events);
    const windows = new Set(calls.map((c) => `${c.bounds.startTime}/${c.bounds.endTime}`));
    expect(windows.size).toBeGreaterThan(8);
  });

  it('reports events, covered share and requests, ending fully covered', async () => {
    const events = eventsInApiOrder(Array.from({ length: 40 }, (_, i) => T + i));
    const { progress, calls } = await read(events, { from: T, to: T + 40 });
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ events: 40, covered: 1, requests: calls.length, inFlight: 0 });
    expect(last.peakInFlight).toBeGreaterThan(1);
    const shares = progress.map((p) => p.covered);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it('says how far back it has read whole: every event newer than that has been read', async () => {
    // Five years of a day's events, read from 1970: the window reaching back to 1970 runs far
    // ahead of the newer ones, so the oldest event read says nothing of what is whole.
    const DAY = 86_400;
    const events = eventsInApiOrder(Array.from({ length: 1800 }, (_, i) => T - i * DAY));
    const { out, progress } = await read(events, { from: 0, to: T + 1 }, { pageSize: 20 });
    expect(out).toEqual(events);
    const reports = progress.filter((p) => p.readBackTo !== undefined);
    expect(reports.length).toBeGreaterThan(10);
    for (const p of reports) {
      const newer = events.filter((e) => e.timestamp > p.readBackTo!).length;
      expect(p.events).toBeGreaterThanOrEqual(newer);
    }
    const backTo = reports.map((p) => p.readBackTo!);
    expect(backTo).toEqual([...backTo].sort((a, b) => b - a));
    expect(backTo.at(-1)).toBe(T - 1799 * DAY);
  });

  it('counts 429s and still reads everything', async () => {
    const events = eventsInApiOrder(Array.from({ length: 30 }, (_, i) => T + i));
    const { out, progress } = await read(
      events,
      { from: T, to: T + 30 },
      { failure: (n) => (n % 4 === 1 ? new ApiError(429, 'slow', 0) : undefined) },
    );
    expect(out).toEqual(events);
    expect(progress.at(-1)!.rateLimited).toBeGreaterThan(0);
  });

  it('stops every request on abort and rejects with the abort reason', async () => {
    const events = eventsInApiOrder(Array.from({ length: 300 }, (_, i) => T + i));
    const controller = new AbortController();
    const { fetchPage, calls } = fakeApi(events, {
      ...BOUND_READINGS[0]!,
      pageSize: 5,
      turns: () => 3,
    });
    let batches = 0;
    const run = (async () => {
      for await (const _ of readRange({
        fetchPage,
        range: { from: T, to: T + 300 },
        signal: controller.signal,
        spool: eventBatchSpool,
      })) {
        if (++batches === 2) controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const sent = calls.length;
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls.length).toBe(sent);
  });

  it('gives up with a PagerError after writing the windows before the failed one', async () => {
    const events = eventsInApiOrder(Array.from({ length: 60 }, (_, i) => T + i));
    const range = { from: T, to: T + 60 };
    const { fetchPage } = fakeApi(events, { ...BOUND_READINGS[0]!, pageSize: 4 });
    const out: AuditLogEvent[] = [];
    const failing: typeof fetchPage = (bounds, token, signal) =>
      (bounds.startTime ?? 0) < T + 20
        ? Promise.reject(new ApiError(401, 'Unauthorized'))
        : fetchPage(bounds, token, signal);
    const error = await (async () => {
      for await (const batch of readRange({
        fetchPage: failing,
        range,
        signal: new AbortController().signal,
        spool: eventBatchSpool,
        concurrency: { initial: 3 },
      }))
        out.push(...batch);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagerError);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    // A prefix of the file: the newest events, in order, and nothing after a gap.
    expect(out).toEqual(events.slice(0, out.length));
  });
});
