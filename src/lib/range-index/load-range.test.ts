import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { loadRange, type EventBatches } from './load-range.ts';
import { RangeIndex } from './range-index.ts';

const event = (timestamp: number): AuditLogEvent => ({
  timestamp,
  event: 'stack-deleted',
  user: { githubLogin: 'kim' },
});

async function* batches(...list: number[][]): EventBatches {
  for (const times of list) yield times.map(event);
}

const times = (index: RangeIndex) =>
  Array.from({ length: index.size }, (_, row) => index.timestamp(row));

describe('loadRange', () => {
  it('adds batches in order and reports what the index covers after each', async () => {
    const index = new RangeIndex();
    const seen: unknown[] = [];
    const signal = new AbortController().signal;
    const onProgress = (progress: unknown) => seen.push(progress);
    const done = await loadRange(index, batches([50, 40], [40, 30]), { signal, onProgress });
    expect(times(index)).toEqual([50, 40, 40, 30]);
    expect(done).toEqual({ events: 4, oldest: 30, newest: 50 });
    expect(seen).toEqual([
      { events: 2, oldest: 40, newest: 50 },
      { events: 4, oldest: 30, newest: 50 },
      { events: 4, oldest: 30, newest: 50 },
    ]);
  });

  it('adds a Refresh’s newer events before the first row, in their order', async () => {
    const index = new RangeIndex();
    const signal = new AbortController().signal;
    await loadRange(index, batches([50, 40]), { signal });
    await loadRange(index, batches([80, 70], [60]), { signal, direction: 'newer' });
    expect(times(index)).toEqual([80, 70, 60, 50, 40]);
  });

  it('stops when asked, keeping what it read', async () => {
    const index = new RangeIndex();
    const controller = new AbortController();
    async function* stopAfterFirst(): EventBatches {
      yield [event(50)];
      controller.abort();
      yield [event(40)];
      throw new Error('read past Stop');
    }
    const done = await loadRange(index, stopAfterFirst(), { signal: controller.signal });
    expect(done.events).toBe(1);
  });

  it('replaces the seconds a newer read covers again, so late events are counted once', async () => {
    const index = new RangeIndex();
    const signal = new AbortController().signal;
    await loadRange(index, batches([60, 55, 50, 40]), { signal });
    // 52 reached the log after the first read; 55 and 60 are read again.
    await loadRange(index, batches([70, 60, 55], [52]), {
      signal,
      direction: 'newer',
      replaceFrom: 52,
    });
    expect(times(index)).toEqual([70, 60, 55, 52, 50, 40]);
  });

  it('leaves the index as it was when a replacing read is stopped', async () => {
    const index = new RangeIndex();
    await loadRange(index, batches([60, 50]), { signal: new AbortController().signal });
    const controller = new AbortController();
    async function* stopMidway(): EventBatches {
      yield [event(70)];
      controller.abort();
    }
    await loadRange(index, stopMidway(), {
      signal: controller.signal,
      direction: 'newer',
      replaceFrom: 55,
    });
    expect(times(index)).toEqual([60, 50]);
  });
});
