import { describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../store/audit-store.ts';
import { countArrival, exportPace, REST_FACTOR, restAfterSlice, type Pace } from './export-pace.ts';
import { EXPORT_BATCH_SIZE, eventBatches } from './export-stream.ts';

const arrive = () => countArrival({} as never, () => Promise.resolve());

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

describe('restAfterSlice', () => {
  it('rests only while other requests arrive, longer the more exports stream', () => {
    expect(restAfterSlice(5, false, 3)).toBe(0);
    expect(restAfterSlice(5, true, 1)).toBe(5 * REST_FACTOR);
    expect(restAfterSlice(5, true, 2)).toBe(5 * REST_FACTOR * 2);
  });
});

describe('exportPace', () => {
  it('only yields a turn when no other request arrived', async () => {
    const pace = exportPace();
    try {
      expect(await timed(() => pace.rest(200))).toBeLessThan(100);
    } finally {
      pace.finish();
    }
  });

  it('rests in proportion to the slice, and to the exports streaming, after a request arrived', async () => {
    const first = exportPace();
    try {
      await arrive();
      expect(await timed(() => first.rest(15))).toBeGreaterThanOrEqual(15 * REST_FACTOR - 2);
      const second = exportPace();
      await arrive();
      expect(await timed(() => first.rest(15))).toBeGreaterThanOrEqual(15 * REST_FACTOR * 2 - 2);
      second.finish();
      second.finish(); // twice is once
      await arrive();
      const alone = await timed(() => first.rest(15));
      expect(alone).toBeGreaterThanOrEqual(15 * REST_FACTOR - 2);
      expect(alone).toBeLessThan(15 * REST_FACTOR * 2 - 2);
    } finally {
      first.finish();
    }
  });
});

describe('eventBatches', () => {
  const row = (id: number) => ({ id, timestamp: 1_000_000 - id }) as StoredEvent;
  const readPage = (before: { id: number }, limit: number) =>
    Array.from({ length: limit }, (_, i) => row(before.id + i + 1)).filter((r) => r.id <= 1200);

  it('gives the pace each slice, read and encode together, and finishes it', async () => {
    const pace: Pace = { rest: vi.fn(() => Promise.resolve()), finish: vi.fn() };
    const encode = (rows: StoredEvent[]) => {
      const until = performance.now() + 5;
      while (performance.now() < until); // an encoding that takes 5 ms
      return rows.length;
    };
    const sizes: number[] = [];
    for await (const n of eventBatches(readPage, { timestamp: 2e6, id: 0 }, encode, pace)) {
      sizes.push(n);
    }
    expect(sizes).toEqual([EXPORT_BATCH_SIZE, EXPORT_BATCH_SIZE, 1200 - 2 * EXPORT_BATCH_SIZE]);
    expect(pace.rest).toHaveBeenCalledTimes(2);
    expect(vi.mocked(pace.rest).mock.calls[0]?.[0]).toBeGreaterThanOrEqual(5);
    expect(pace.finish).toHaveBeenCalledOnce();
  });

  it('finishes the pace when the client goes away mid-way', async () => {
    const pace: Pace = { rest: () => Promise.resolve(), finish: vi.fn() };
    for await (const _ of eventBatches(readPage, { timestamp: 2e6, id: 0 }, (r) => r, pace)) break;
    expect(pace.finish).toHaveBeenCalledOnce();
  });
});
