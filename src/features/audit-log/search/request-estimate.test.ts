/**
 * The request estimate against real reads. Generated logs from one event a day to fifty a
 * second, steady or bursty, over ranges of an hour to a year and over "All time"; each range is
 * read by the range reader itself over a fake API in virtual time, at two paces (answers in
 * 150 ms with no limit, so the reader adds chains up to its most; and Pulumi-like, 40 requests
 * a second), and the requests it sent are counted. The estimate sees only what the console
 * sees: the range's first page and, for "All time", the log-start probe's pages.
 */
import { describe, expect, it } from 'vitest';
import { PULUMI_PAGE_EVENTS } from '../../../../common/pulumi/api-limits.ts';
import {
  readInVirtualTime,
  type VirtualApiOptions,
} from '../../../lib/range-reader/virtual-time-read.ts';
import {
  generateLog,
  generateWorkweekLog,
  seededRandom,
  type LogShape,
} from '../../../lib/range-reader/test-logs.ts';
import { sampleDensity } from './density-sample.ts';
import {
  estimateRange,
  needsDensitySample,
  sampledWindow,
  type FirstPage,
} from './index-policy.ts';
import { findLogStart } from './log-start.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';

const NOW = 1_790_000_000;
const HOUR = 3600;
const DAY = 24 * HOUR;

const PACES: VirtualApiOptions[] = [
  { pageSize: PULUMI_PAGE_EVENTS, latencyMs: 150 },
  { pageSize: PULUMI_PAGE_EVENTS, latencyMs: 150, requestsPerSecond: 40 },
];

/** How many of the ascending `log` are below `t`. */
function countBelow(log: readonly number[], t: number): number {
  let [lo, hi] = [0, log.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The newest page of `log` in `[from, to)`, as the table's first page tells it. */
function firstPage(log: readonly number[], { from, to }: TimeWindow): FirstPage {
  const [first, end] = [countBelow(log, from), countBelow(log, to)];
  const page = log.slice(Math.max(first, end - PULUMI_PAGE_EVENTS), end);
  const oldest = page[0];
  return {
    events: page.length,
    newest: page.at(-1),
    oldest,
    atOldest: page.filter((t) => t === oldest).length,
    more: end - first > page.length,
  };
}

interface Case {
  name: string;
  log: number[];
  range: TimeWindow;
}

const DENSITIES: [string, number][] = [
  ['an event a day', 1 / DAY],
  ['an event an hour', 1 / HOUR],
  ['an event a minute', 1 / 60],
  ['an event a second', 1],
  ['50 events a second', 50],
];
const SPANS: [string, number][] = [
  ['an hour', HOUR],
  ['a day', DAY],
  ['a week', 7 * DAY],
  ['a month', 30 * DAY],
  ['a year', 365 * DAY],
];
const SHAPES: [string, number][] = [
  ['steady', 1],
  ['bursts of 10 in a second', 10],
];
/** Logs stay small enough for each read to take well under a second. */
const MOST_EVENTS = 200_000;

function cases(): Case[] {
  const random = seededRandom(17);
  const out: Case[] = [];
  for (const [density, perSecond] of DENSITIES) {
    for (const [span, seconds] of SPANS) {
      if (perSecond * seconds > MOST_EVENTS) continue;
      for (const [shapeName, burst] of SHAPES) {
        // Off round numbers, so page counts fall anywhere between whole pages.
        const shape: LogShape = { perSecond: perSecond * (0.7 + 0.6 * random()), burst };
        const log = generateLog(shape, NOW - seconds, NOW, random);
        const name = `${shapeName}, ${density}`;
        out.push({
          name: `${name}, the last ${span}`,
          log,
          range: { from: NOW - seconds, to: NOW },
        });
        out.push({ name: `${name} for ${span}, All time`, log, range: { from: 0, to: NOW } });
      }
    }
  }
  return out;
}

/**
 * What the console estimates for `range` from Pulumi Cloud, probing for the log's start and
 * sampling the range's density as it does.
 */
async function estimate(log: readonly number[], range: TimeWindow) {
  const page = firstPage(log, range);
  const before = async (endTime: number) => firstPage(log, { from: 0, to: endTime });
  const logStart = range.from === 0 && page.more ? await findLogStart(before, range.to) : undefined;
  const sampled = needsDensitySample('pulumi-cloud', page, range, logStart)
    ? sampledWindow(page, range, logStart)
    : undefined;
  const density = sampled
    ? await sampleDensity(
        async (window) => firstPage(log, window),
        sampled.window,
        sampled.expected,
      )
    : undefined;
  return estimateRange(page, range, logStart, density);
}

describe('estimateRange', () => {
  it.each(cases())(
    'puts the requests of reading $name within 25% of a real read',
    async ({ log, range }) => {
      const estimated = await estimate(log, range);
      for (const pace of PACES) {
        const read = await readInVirtualTime(log, range, pace);
        expect(read.events).toBe(log.length);
        const pair = `estimated ${estimated?.requests}, read in ${read.requests}`;
        expect(Math.abs(estimated!.requests - read.requests), pair).toBeLessThanOrEqual(
          0.25 * read.requests,
        );
      }
    },
    30_000,
  );

  // People act in office hours: a range's newest page, read on a Wednesday afternoon or a
  // Sunday night, is several times denser or sparser than the range as a whole.
  const WEDNESDAY_AFTERNOON = 1_789_567_200;
  const SUNDAY_NIGHT = 1_789_873_200;
  const workweekCases = [WEDNESDAY_AFTERNOON, SUNDAY_NIGHT].flatMap((now) =>
    (
      [
        ['month', 30 * DAY],
        ['quarter', 91 * DAY],
        ['half year', 182 * DAY],
      ] as const
    ).flatMap(([span, seconds]) => {
      const log = generateWorkweekLog(60_000 / (182 * DAY), now - seconds, now, seededRandom(9));
      const when = now === WEDNESDAY_AFTERNOON ? 'on a Wednesday afternoon' : 'on a Sunday night';
      return [
        { name: `the last ${span} ${when}`, log, range: { from: now - seconds, to: now } },
        { name: `All time of ${span}'s log ${when}`, log, range: { from: 0, to: now } },
      ];
    }),
  );
  it.each(workweekCases)(
    "puts the requests of reading a working week's log, $name, within 25% of a real read",
    async ({ log, range }) => {
      const estimated = await estimate(log, range);
      const read = await readInVirtualTime(log, range, PACES[1]!);
      const pair = `estimated ${estimated?.requests}, read in ${read.requests}, events ${estimated?.events} of ${log.length}`;
      expect(Math.abs(estimated!.requests - read.requests), pair).toBeLessThanOrEqual(
        0.25 * read.requests,
      );
    },
    30_000,
  );

  it('estimates "All time" of a 222,050-event log by its age, not by the years since 1970', async () => {
    const random = seededRandom(5);
    const seconds = 400 * DAY;
    const log = generateLog({ perSecond: 222_050 / seconds, burst: 1 }, NOW - seconds, NOW, random);
    const range = { from: 0, to: NOW };
    const estimated = await estimate(log, range);
    const read = await readInVirtualTime(log, range, PACES[1]!);
    expect(Math.abs(estimated!.events - log.length)).toBeLessThanOrEqual(0.25 * log.length);
    expect(Math.abs(estimated!.requests - read.requests)).toBeLessThanOrEqual(0.25 * read.requests);
  }, 30_000);
});
