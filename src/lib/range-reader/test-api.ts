/**
 * Test helpers: a fake V2 list API over a fixed list of events that reads `startTime` and
 * `endTime` inclusively or exclusively as asked, pages newest first by (timestamp, id) like the
 * embedded service, binds each continuation token to its bounds, and can fail or answer late.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { testEvent } from '../../testing/test-pages.ts';
import { readRange, type RangeReaderOptions, type WindowPageFetcher } from './range-reader.ts';
import type { ResolvedTimeBounds } from '../audit-log-query.ts';
import { eventBatchSpool } from './window-spool.ts';
import type { TimeWindow } from '../time-window.ts';

export interface BoundReading {
  startInclusive: boolean;
  endInclusive: boolean;
}

export interface FakeApiOptions extends BoundReading {
  pageSize: number;
  /** Thrown instead of answering call number `n` (0-based), when it returns something. */
  failure?: (n: number) => unknown;
  /** Microtask turns to wait before answering call `n`, so windows finish out of order. */
  turns?: (n: number) => number;
}

/** Events at `timestamps`, in the API's order: newest first, ties by id (position) descending. */
export function eventsInApiOrder(timestamps: readonly number[]): AuditLogEvent[] {
  return timestamps
    .map((timestamp, id) => ({ timestamp, id }))
    .sort((a, b) => b.timestamp - a.timestamp || b.id - a.id)
    .map(({ timestamp, id }) => testEvent(timestamp, { description: `event #${id}` }));
}

/** What one sequential read of `range` yields: the reference every range read must equal. */
export function sequentialRead(events: readonly AuditLogEvent[], range: TimeWindow) {
  return events.filter((e) => e.timestamp >= range.from && e.timestamp < range.to);
}

function inBounds(timestamp: number, bounds: ResolvedTimeBounds, reading: BoundReading): boolean {
  const { startTime, endTime } = bounds;
  if (startTime !== undefined) {
    if (reading.startInclusive ? timestamp < startTime : timestamp <= startTime) return false;
  }
  return reading.endInclusive ? timestamp <= endTime : timestamp < endTime;
}

export function fakeApi(events: readonly AuditLogEvent[], options: FakeApiOptions) {
  const calls: { bounds: ResolvedTimeBounds; token: string | undefined; signal: AbortSignal }[] =
    [];
  const fetchPage: WindowPageFetcher = async (bounds, token, signal) => {
    const n = calls.push({ bounds, token, signal }) - 1;
    for (let turn = options.turns?.(n) ?? 0; turn > 0; turn--) await Promise.resolve();
    if (signal.aborted) throw signal.reason;
    const failure = options.failure?.(n);
    if (failure !== undefined) throw failure;
    const scope = `${bounds.startTime}/${bounds.endTime}`;
    const [tokenScope, offsetText] = token ? token.split('@') : [scope, '0'];
    if (tokenScope !== scope) throw new Error(`token ${token} used for ${scope}`);
    const matching = events.filter((e) => inBounds(e.timestamp, bounds, options));
    const offset = Number(offsetText);
    const end = offset + options.pageSize;
    return {
      auditLogEvents: matching.slice(offset, end),
      continuationToken: end < matching.length ? `${scope}@${end}` : undefined,
    };
  };
  return { fetchPage, calls };
}

/** The second the property tests' logs are drawn from: their timestamps are offsets after it. */
export const LOG_BASE = 1_790_000_000;

/**
 * A drawn log: events at `LOG_BASE` plus each offset, in the API's order, and the fake API over
 * them answering as `options` say.
 */
export function fakeLog(offsets: readonly number[], options: FakeApiOptions) {
  const events = eventsInApiOrder(offsets.map((offset) => LOG_BASE + offset));
  return { events, ...fakeApi(events, options) };
}

export const BOUND_READINGS: BoundReading[] = [
  { startInclusive: true, endInclusive: false },
  { startInclusive: false, endInclusive: false },
  { startInclusive: true, endInclusive: true },
  { startInclusive: false, endInclusive: true },
];

type ReadOptions = Omit<RangeReaderOptions<readonly AuditLogEvent[]>, 'spool' | 'signal'>;

/** Every event a range read yields, in order, with retries not waiting. */
export async function readAllEvents(options: ReadOptions): Promise<AuditLogEvent[]> {
  const out: AuditLogEvent[] = [];
  const batches = readRange({
    signal: new AbortController().signal,
    spool: eventBatchSpool,
    sleep: async () => {},
    ...options,
  });
  for await (const batch of batches) out.push(...batch);
  return out;
}
