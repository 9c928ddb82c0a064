/**
 * What the activity chart says in words: the bucket's length, each bar's name (its period,
 * count, failures, commonest user and event) and the chart's summary. The bars' names are what
 * a screen reader reads on focus and what the tooltip shows on hover, so they are one text.
 */
import type { BucketLeader } from '../../../lib/range-index/bucket-leaders.ts';
import type { Histogram } from '../../../lib/range-index/histogram.ts';
import { formatSpan, type TimeFormatOptions } from '../../../lib/time-format.ts';
import { countOf, formatCount } from '../../../lib/count-format.ts';

const UNITS: [number, string][] = [
  [7 * 86400, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** A bucket's length in words: `bucketLength(3600) === 'hour'`, `bucketLength(900) === '15 minutes'`. */
export function bucketLength(seconds: number): string {
  const [unit, name] = UNITS.find(([unit]) => seconds % unit === 0) ?? [1, 'second'];
  const count = seconds / unit;
  return count === 1 ? name : `${count} ${name}s`;
}

/** The seconds of bucket `i`, cut to the chart's range. */
export function bucketSpan(histogram: Histogram, range: { from: number; to: number }, i: number) {
  const start = histogram.start + i * histogram.bucketSeconds;
  return {
    from: Math.max(range.from, start),
    to: Math.min(range.to, start + histogram.bucketSeconds),
  };
}

const leader = (what: string, l: BucketLeader | null) =>
  l ? `top ${what} ${l.label} (${formatCount(l.count)})` : undefined;

/**
 * What bar `i` says, one line each: its period and counts, then its commonest user and event:
 * `['Nov 24, 14:00 – 15:00: 312 events, 4 failed', 'top user Dana Okonkwo (40)', …]`.
 */
export function barLines(
  histogram: Histogram,
  range: { from: number; to: number },
  i: number,
  time: TimeFormatOptions,
): string[] {
  const count = histogram.counts[i] ?? 0;
  const failed = histogram.failures[i] ?? 0;
  const counted = `${formatSpan(bucketSpan(histogram, range, i), time)}: ${countOf(count, 'event')}`;
  const lines = [
    failed > 0 ? `${counted}, ${formatCount(failed)} failed` : counted,
    leader('user', histogram.topUsers[i] ?? null),
    leader('event', histogram.topEvents[i] ?? null),
  ];
  return lines.filter((line) => line !== undefined);
}

/** The name of bar `i`: its lines (`barLines`) in one sentence. */
export const barLabel = (...args: Parameters<typeof barLines>) => barLines(...args).join(', ');

/** The chart's summary, the name of its group of bars. */
export function describeChart(
  histogram: Histogram,
  range: { from: number; to: number },
  time: TimeFormatOptions,
): string {
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  const failures = histogram.failures.reduce((a, b) => a + b, 0);
  return [
    `Events over time, one bar per ${bucketLength(histogram.bucketSeconds)}: ${countOf(total, 'matching event')}`,
    failures > 0 ? countOf(failures, 'authentication failure') : undefined,
    `from ${formatSpan(range, time)}`,
  ]
    .filter(Boolean)
    .join(', ');
}
