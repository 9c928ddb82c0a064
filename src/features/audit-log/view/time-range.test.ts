import { describe, expect, it } from 'vitest';
import { resolveSnapshot, resolveTimeBounds, pinnedView } from './time-range.ts';

const NOW = 1_800_000_000;
const HOUR = 3600;

describe('resolveTimeBounds', () => {
  it.each([
    ['all time', {}, { startTime: undefined, endTime: NOW + 1 }],
    ['a preset', { range: '1h' as const }, { startTime: NOW - HOUR, endTime: NOW + 1 }],
    ['90 days', { range: '90d' as const }, { startTime: NOW - 90 * 24 * HOUR, endTime: NOW + 1 }],
    ['only from', { from: NOW - HOUR }, { startTime: NOW - HOUR, endTime: NOW + 1 }],
    ['from and a past to', { from: 10, to: 20 }, { startTime: 10, endTime: 20 }],
    ['only a past to', { to: NOW - HOUR }, { startTime: undefined, endTime: NOW - HOUR }],
    ['a to later than now', { from: 10, to: NOW + HOUR }, { startTime: 10, endTime: NOW + 1 }],
    ['a to of exactly now + 1', { to: NOW + 1 }, { startTime: undefined, endTime: NOW + 1 }],
    [
      'a from in the future',
      { from: NOW + HOUR },
      { startTime: NOW + HOUR, endTime: NOW + HOUR + 1 },
    ],
  ])('%s', (_name, view, expected) => {
    expect(resolveTimeBounds(view, NOW)).toEqual(expected);
  });

  it('always sets an end the API accepts (after the start)', () => {
    for (const view of [
      {},
      { range: '24h' as const },
      { from: NOW + 5 },
      { from: 0, to: NOW * 2 },
    ]) {
      const { startTime, endTime } = resolveTimeBounds(view, NOW);
      expect(endTime).toBeGreaterThan(startTime ?? -Infinity);
    }
  });

  it('keeps the current second: an event logged at `now` is inside the bounds', () => {
    const { endTime } = resolveTimeBounds({}, NOW);
    expect(NOW < endTime).toBe(true);
    expect(NOW + 1 < endTime).toBe(false);
  });
});

describe('resolveSnapshot', () => {
  it('records when the bounds were resolved', () => {
    expect(resolveSnapshot({ range: '1h' }, NOW)).toEqual({
      bounds: { startTime: NOW - HOUR, endTime: NOW + 1 },
      asOf: NOW,
    });
  });
});

describe('pinnedView', () => {
  it('pins a rolling range to the bounds on screen and stops following new events', () => {
    const bounds = { startTime: 3600, endTime: 7201 };
    expect(pinnedView({ tz: 'utc', range: '1h', user: 'kim', live: true }, bounds)).toEqual({
      tz: 'utc',
      user: 'kim',
      from: 3600,
      to: 7201,
    });
    expect(pinnedView({ tz: 'local' }, { endTime: 7201 })).toEqual({
      tz: 'local',
      from: undefined,
      to: 7201,
    });
  });

  it('leaves a view fixed at both ends as it is', () => {
    expect(pinnedView({ tz: 'utc', from: 1, to: 2 }, { startTime: 1, endTime: 2 })).toBeUndefined();
  });
});
