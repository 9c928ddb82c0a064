import { describe, expect, it } from 'vitest';
import { describeFilters, describeRange } from './describe-query.ts';
import { formatBytes } from '../../lib/count-format.ts';
import { formatCount, formatElapsed, formatRate, formatShare } from './format-stats.ts';
import { progressMilestone } from './progress-milestone.ts';
import { throttleProgress } from './progress-throttle.ts';

describe('panel formats', () => {
  it.each([
    [0, '0%'],
    [0.456, '45%'],
    [0.999, '99%'],
    [1, '100%'],
    [1.2, '100%'],
  ])('formatShare(%d) = %s', (share, text) => expect(formatShare(share)).toBe(text));

  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1536, '1.5 KiB'],
    [250 * 1024 * 1024, '250.0 MiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    [0, '0:00'],
    [65_000, '1:05'],
    [3_725_000, '1:02:05'],
  ])('formatElapsed(%d) = %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));

  it('formats counts and rates', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatRate(5000, 999)).toBe('—');
    expect(formatRate(5000, 2000)).toBe('2,500/s');
  });

  it('describes the range and filters', () => {
    expect(describeRange({ org: 'a' }, Date.UTC(2026, 10, 1))).toBe(
      'the beginning – now (2026-11-01T00:00:00Z)',
    );
    expect(describeRange({ org: 'a', startTime: 0, endTime: 60 }, 0)).toBe(
      '1970-01-01T00:00:00Z – 1970-01-01T00:01:00Z',
    );
    expect(describeFilters({ org: 'a' })).toBe('none');
    expect(describeFilters({ org: 'a', user: 'kim', event: 'stack-deleted' })).toBe(
      'user kim, event stack-deleted',
    );
  });
});

describe('announcements', () => {
  it('announces milestones only', () => {
    expect(progressMilestone({ events: 99_999, pages: 10 })).toBe('Download started.');
    expect(progressMilestone({ events: 250_000, pages: 25 })).toBe('200,000 events so far.');
    expect(
      progressMilestone({
        events: 5,
        pages: 1,
        retry: { kind: 'rate-limited', attempt: 1, delayMs: 1500 },
      }),
    ).toBe('The server asked to slow down; retrying in 2 seconds.');
  });

  it('throttles ticks but never retries', () => {
    const sent: number[] = [];
    let time = 0;
    const send = throttleProgress(
      (p) => sent.push(p.events),
      100,
      () => time,
    );
    for (const events of [1, 2, 3]) {
      send({ events, pages: events });
      time += 40;
    }
    send({ events: 4, pages: 4, retry: { kind: 'server', attempt: 1, delayMs: 1 } });
    time += 200;
    send({ events: 5, pages: 5 });
    expect(sent).toEqual([1, 4, 5]);
  });
});
