import { describe, expect, it } from 'vitest';
import type { IndexStatus } from '../../../lib/range-index/index-session.ts';
import { SETTLE_SECONDS } from '../../../lib/range-index/index-session.ts';
import { coverageOf, describeCoverage, unreadEstimate } from './view-coverage.ts';

const DAY = 86_400;
const NOW = 100 * DAY;
const status = (over: Partial<IndexStatus>): IndexStatus => ({
  state: 'loaded',
  progress: { events: 10, oldest: NOW - 7 * DAY, newest: NOW - 1 },
  revision: 1,
  ...over,
});
const week = { from: NOW - 7 * DAY, to: NOW };

describe('coverageOf', () => {
  it('is complete only when the index has read every second of the view', () => {
    expect(coverageOf(status({ covered: week }), week)).toEqual({ kind: 'complete' });
    expect(coverageOf(status({ covered: week }), { from: NOW - DAY, to: NOW })).toEqual({
      kind: 'complete',
    });
  });

  it('calls a kept week partial for "all time", over the week it holds', () => {
    const allTime = { from: 0, to: NOW + 60 };
    expect(coverageOf(status({ covered: week }), allTime)).toEqual({ kind: 'partial', read: week });
  });

  it('is never complete while a read runs, and counts what the read has indexed so far', () => {
    const running = status({
      state: 'loading',
      target: { from: NOW - 30 * DAY, to: NOW },
      progress: { events: 5, oldest: NOW - 3 * DAY, newest: NOW - 1 },
    });
    expect(coverageOf(running, { from: NOW - 30 * DAY, to: NOW })).toEqual({
      kind: 'partial',
      read: { from: NOW - 3 * DAY, to: NOW },
    });
  });

  it('says nothing is read when the index holds another part of the log', () => {
    expect(coverageOf(status({ covered: week }), { from: 0, to: DAY })).toEqual({ kind: 'none' });
    expect(coverageOf(status({ state: 'idle' }), week)).toEqual({ kind: 'none' });
  });

  it('is partial after a stop, even over the seconds the stopped read meant to cover', () => {
    const stopped = status({ state: 'stopped', covered: undefined, target: week });
    expect(coverageOf(stopped, week).kind).toBe('partial');
  });
});

describe('describeCoverage', () => {
  it('counts days of a long view and hours of a short one, never rounding the part up', () => {
    expect(describeCoverage(week, { from: NOW - 30 * DAY, to: NOW })).toBe('7 of 30 days read');
    const day = { from: NOW - DAY, to: NOW };
    expect(describeCoverage({ from: NOW - 3.5 * 3600, to: NOW }, day)).toBe('3 of 24 hours read');
    expect(
      describeCoverage({ from: NOW - 29.9 * DAY, to: NOW }, { from: NOW - 30 * DAY, to: NOW }),
    ).toBe('29 of 30 days read');
  });

  it('names the day a view of the whole log is read back to', () => {
    expect(describeCoverage({ from: 0 + 5 * DAY, to: NOW }, { from: 0, to: NOW }, 'UTC')).toMatch(
      /^read back to Jan 6, 1970$/,
    );
  });
});

describe('unreadEstimate', () => {
  const held = status({ covered: week, progress: { events: 7 * 1000, oldest: 0, newest: 0 } });

  it('prices a later end by the held density, with the settle window read again', () => {
    const later = { from: week.from + 60, to: week.to + 60 };
    const perSecond = 1000 / DAY;
    expect(unreadEstimate(held, later)).toBe(Math.ceil(perSecond * (60 + SETTLE_SECONDS)));
    expect(unreadEstimate(held, week)).toBe(0);
  });

  it('prices an earlier start, and cannot price the unknown start of the whole log', () => {
    expect(unreadEstimate(held, { from: week.from - 3 * DAY, to: week.to })).toBe(3000);
    expect(unreadEstimate(held, { from: 0, to: week.to })).toBeUndefined();
  });

  it('says nothing of a view apart from what is held, or while nothing is held', () => {
    expect(unreadEstimate(held, { from: DAY, to: 2 * DAY })).toBeUndefined();
    expect(unreadEstimate(status({ state: 'idle' }), week)).toBeUndefined();
  });
});
