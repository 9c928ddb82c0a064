import { describe, expect, it } from 'vitest';
import {
  estimateEvents,
  estimateRange,
  needsLogStart,
  readsByItself,
  stillPricing,
  sampledWindow,
} from './index-policy.ts';

const ALL_TIME = { from: 0, to: 1_790_000_000 };
/** The first page of "All time": 100 events in its last 100 seconds, one at the oldest, more after. */
const ALL_TIME_FIRST_PAGE = {
  events: 101,
  newest: ALL_TIME.to - 1,
  oldest: ALL_TIME.to - 101,
  atOldest: 1,
  more: true,
};

describe('estimateEvents', () => {
  it('is the page itself when nothing follows', () => {
    const page = { events: 40, newest: 90, oldest: 10, atOldest: 1, more: false };
    expect(estimateEvents(page, { from: 1, to: 1e9 })).toBe(40);
  });

  it('scales the first page’s density to the range', () => {
    // 100 events in the 100 seconds after the oldest, in a range of 10,000 seconds.
    const page = { events: 102, newest: 10_000, oldest: 9_900, atOldest: 2, more: true };
    expect(estimateEvents(page, { from: 1, to: 10_001 })).toBe(10_000);
  });

  it('counts the oldest second as partly read: the page may end inside it', () => {
    // 60 events in the last second and 40 of the one before, which holds more.
    const page = { events: 100, newest: 1_000, oldest: 999, atOldest: 40, more: true };
    expect(estimateEvents(page, { from: 901, to: 1_001 })).toBe(6_000);
  });

  it('cannot say from a page of one second', () => {
    const page = { events: 100, newest: 5, oldest: 5, atOldest: 100, more: true };
    expect(estimateEvents(page, { from: 1, to: 6 })).toBeUndefined();
  });

  it('does not scale "All time" to the years since 1970: it needs the log’s start', () => {
    const page = ALL_TIME_FIRST_PAGE;
    expect(estimateEvents(page, ALL_TIME)).toBeUndefined();
    expect(estimateEvents(page, ALL_TIME, null)).toBeUndefined();
    const aDay = ALL_TIME.to - 86_400;
    expect(estimateEvents(page, ALL_TIME, aDay)).toBe(86_400);
  });
});

describe('estimateRange', () => {
  it('costs a request per window for a range the first page holds all of', () => {
    const page = { events: 3, newest: 1_000, oldest: 998, atOldest: 1, more: false };
    // The reader plans four windows; the older three hold nothing and take a request each.
    expect(estimateRange(page, { from: 1, to: 1_001 })).toEqual({ events: 3, requests: 4 });
  });

  it('is unknown for "All time" until the log’s start is known', () => {
    const page = ALL_TIME_FIRST_PAGE;
    expect(estimateRange(page, ALL_TIME)).toBeUndefined();
    expect(estimateRange(page, ALL_TIME, ALL_TIME.to - 86_400)?.events).toBe(86_400);
  });
});

describe('needsLogStart', () => {
  const more = { events: 100, newest: 9, oldest: 5, atOldest: 1, more: true };
  it('probes only for a range from the beginning on Pulumi Cloud whose first page is not all', () => {
    expect(needsLogStart('pulumi-cloud', ALL_TIME, more)).toBe(true);
    expect(needsLogStart('pulumi-cloud', ALL_TIME, { ...more, more: false })).toBe(false);
    expect(needsLogStart('pulumi-cloud', { from: 5, to: 10 }, more)).toBe(false);
    expect(needsLogStart('embedded', ALL_TIME, more)).toBe(false);
    expect(needsLogStart(undefined, ALL_TIME, more)).toBe(false);
    expect(needsLogStart('pulumi-cloud', ALL_TIME, undefined)).toBe(false);
  });
});

describe('readsByItself', () => {
  it('always reads from the embedded service', () => {
    expect(readsByItself('embedded', undefined)).toBe(true);
    expect(readsByItself('embedded', 5_000_000)).toBe(true);
  });

  it('reads from Pulumi Cloud only what is known to be small', () => {
    expect(readsByItself('pulumi-cloud', 20_000)).toBe(true);
    expect(readsByItself('pulumi-cloud', 20_001)).toBe(false);
    expect(readsByItself('pulumi-cloud', undefined)).toBe(false);
    expect(readsByItself(undefined, 10)).toBe(false);
  });
});

describe('stillPricing', () => {
  it('waits for the service first, then for a probe of the range', () => {
    const known = { service: 'pulumi-cloud' as const, serviceFailed: false, probing: false };
    expect(stillPricing(known)).toBe(false);
    expect(stillPricing({ ...known, service: undefined })).toBe('service');
    expect(stillPricing({ ...known, service: undefined, probing: true })).toBe('service');
    expect(stillPricing({ ...known, probing: true })).toBe('cost');
  });

  it('falls back to asking when the service could not be learned', () => {
    expect(stillPricing({ service: undefined, serviceFailed: true, probing: false })).toBe(false);
  });
});

describe('sampledWindow', () => {
  const WEEK = 7 * 24 * 3600;
  const HOUR_END = 1_790_002_800; // a whole hour
  /** The first page of a week ending at `to`: 100 events in its last `seconds`, more after. */
  const firstPageOf = (to: number, seconds: number) => ({
    events: 101,
    newest: to - 1,
    oldest: to - 1 - seconds,
    atOldest: 1,
    more: true,
  });

  it('asks the same sample after a Refresh within the hour, at a slightly other density', () => {
    const before = { from: HOUR_END - WEEK + 60, to: HOUR_END + 60 };
    const after = { from: before.from + 1_500, to: before.to + 1_500 };
    const first = sampledWindow(firstPageOf(before.to, 200), before);
    const second = sampledWindow(firstPageOf(after.to, 230), after);
    expect(first).toEqual(second);
    expect(first?.window.to).toBe(HOUR_END);
    expect(first?.window.from).toBe(HOUR_END - WEEK + 3600);
  });

  it('asks again when the hour turns, or the density doubles', () => {
    const range = { from: HOUR_END - WEEK, to: HOUR_END - 60 };
    const sample = sampledWindow(firstPageOf(range.to, 200), range);
    const nextHour = { from: range.from + 120, to: range.to + 120 };
    expect(sampledWindow(firstPageOf(nextHour.to, 200), nextHour)?.window).not.toEqual(
      sample?.window,
    );
    expect(sampledWindow(firstPageOf(range.to, 100), range)?.expected).toBe(2 * sample!.expected);
  });

  it('keeps a range of a day or less to its second: an hour is much of it', () => {
    const range = { from: HOUR_END - 6 * 3600 + 17, to: HOUR_END + 17 };
    expect(sampledWindow(firstPageOf(range.to, 60), range)?.window).toEqual(range);
  });
});
