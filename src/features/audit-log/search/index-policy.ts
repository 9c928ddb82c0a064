/**
 * When the console reads a range into its index by itself (decision note 013). The embedded
 * service is our own, unmetered and fast: always. Pulumi Cloud is shared with the admin's CLI
 * and CI under one rate limit: only when the view's first page says the range is small;
 * otherwise the person asks for it, having seen what it costs.
 */
import { PULUMI_PAGE_EVENTS } from '../../../../common/pulumi/api-limits.ts';
import { fullPageDensity } from './density-sample.ts';
import { estimateRequests } from './request-estimate.ts';
import type { ApiService } from './search-queries.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';

/** Reading up to this many events from Pulumi Cloud needs no question (about 200 requests). */
export const AUTOMATIC_EVENT_LIMIT = 20_000;

/** What the first page of the view (newest first) says about its range. */
export interface FirstPage {
  events: number;
  /** Unix seconds of its newest and oldest events. */
  newest?: number;
  oldest?: number;
  /** Its events at the oldest second: the page may end inside that second. */
  atOldest: number;
  /** More pages follow. */
  more: boolean;
}

/** A range from the beginning of the log: the range reader reads `from` 0 (or less) so. */
const fromTheBeginning = (range: TimeWindow) => range.from <= 0;

/** Where the range's events can begin: its start, or the log's (when known) for one from the beginning. */
const startOf = (range: TimeWindow, logStart: number | null | undefined) =>
  fromTheBeginning(range) ? (logStart ?? undefined) : range.from;

/**
 * About how many events `[from, to)` holds, from the first page's density; undefined when the
 * page cannot say (a page of one second), or for a range from the beginning (`from` 0) while
 * the log's start is unknown: its span would be decades the log never had (decision note 015).
 * `estimateEvents({events: 101, newest: 200, oldest: 100, atOldest: 1, more: true}, {from: 1,
 * to: 201})` → 200.
 */
export function estimateEvents(
  page: FirstPage,
  range: TimeWindow,
  logStart?: number | null,
  density?: number,
): number | undefined {
  if (!page.more) return page.events;
  const { newest, oldest } = page;
  const from = startOf(range, logStart);
  // Pages spread across the range know its density better than its newest page.
  if (density !== undefined && from !== undefined) {
    return Math.max(page.events, Math.ceil(density * (range.to - from)));
  }
  if (from === undefined || newest === undefined || oldest === undefined || newest <= oldest) {
    return undefined;
  }
  const perSecond = fullPageDensity(page.events, page.atOldest, oldest, range.to);
  return Math.ceil(perSecond * (range.to - Math.min(from, oldest)));
}

/** What reading a range costs: about how many events it holds and requests it takes. */
export interface RangeEstimate {
  events: number;
  requests: number;
}

/**
 * The events (`estimateEvents`) and the list requests reading them takes from Pulumi Cloud
 * (`estimateRequests`): events begin at the range's start, the log's, or, when the first page
 * is all there is, at its oldest event.
 */
export function estimateRange(
  page: FirstPage,
  range: TimeWindow,
  logStart?: number | null,
  density?: number,
): RangeEstimate | undefined {
  const events = estimateEvents(page, range, logStart, density);
  if (events === undefined) return undefined;
  // `estimateEvents` knew the start, or the page is all of the range's events.
  const from = page.more ? startOf(range, logStart)! : (page.oldest ?? range.to);
  const spread = { events, from };
  return { events, requests: estimateRequests(range, spread, PULUMI_PAGE_EVENTS) };
}

/**
 * Whether the log's start is worth a few requests to find (`findLogStart`): only on Pulumi
 * Cloud, where the estimate decides whether to ask, for a range from the beginning whose first
 * page is not all of it.
 */
export function needsLogStart(
  service: ApiService | undefined,
  range: TimeWindow | undefined,
  page: FirstPage | undefined,
): boolean {
  if (service !== 'pulumi-cloud' || !range || !page?.more) return false;
  return fromTheBeginning(range);
}

/**
 * Whether the range's density is worth `DENSITY_SAMPLES` requests to sample
 * (`sampleDensity`): only on Pulumi Cloud, where the estimate is shown and decides whether to
 * ask, once the range's start is known, and for a range the first page says may hold more than
 * a tenth of what is read without asking (a newest page read in office hours or at night can
 * be off several times over).
 */
export function needsDensitySample(
  service: ApiService | undefined,
  page: FirstPage | undefined,
  range: TimeWindow | undefined,
  logStart?: number | null,
): boolean {
  if (service !== 'pulumi-cloud' || !page?.more || !range) return false;
  const events = estimateEvents(page, range, logStart);
  return events !== undefined && events > AUTOMATIC_EVENT_LIMIT / 10;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * What `sampleDensity` samples: the range's seconds, from the log's start for one from the
 * beginning, and the density its first page suggests. Refresh moves an open range's end by
 * seconds and its first page's density a little, and each sample costs `DENSITY_SAMPLES`
 * requests of the rate limit: so a range of over a day is sampled in its whole hours, and
 * the density (which only sizes the sample's windows) is taken to its power of two; the sample
 * is asked again only when the hour turns or the density doubles.
 * `sampledWindow(page, {from: 1800, to: 7 * DAY + 1800}).window` is `{from: 3600, to: 7 * DAY}`.
 */
export function sampledWindow(
  page: FirstPage,
  range: TimeWindow,
  logStart?: number | null,
): { window: TimeWindow; expected: number } | undefined {
  const from = startOf(range, logStart);
  const events = estimateEvents(page, range, logStart);
  if (from === undefined || events === undefined || from >= range.to || events <= 0)
    return undefined;
  const density = events / (range.to - from);
  const expected = 2 ** Math.round(Math.log2(density));
  if (range.to - from <= DAY) return { window: { from, to: range.to }, expected };
  // Whole hours inside the range (a relative range's start moves with its end).
  const hourFrom = Math.ceil(from / HOUR) * HOUR;
  return { window: { from: hourFrom, to: range.to - (range.to % HOUR) }, expected };
}

/**
 * What is still being found out before the console may offer "Read this range", so that no
 * button shows that could vanish a moment later: which service it reads (`'service'`: the
 * view's first page can come before the console's config, since the router asks for it first;
 * nothing is said meanwhile), or what the range costs (`'cost'`: a probe of the range runs).
 * A config that failed leaves the button, the safe side.
 */
export function stillPricing(parts: {
  service: ApiService | undefined;
  serviceFailed: boolean;
  probing: boolean;
}): 'service' | 'cost' | false {
  if (parts.service === undefined && !parts.serviceFailed) return 'service';
  return parts.probing ? 'cost' : false;
}

/** Whether to read the range without asking: `readsByItself('embedded', undefined)` is true. */
export function readsByItself(service: ApiService | undefined, estimate: number | undefined) {
  if (service === 'embedded') return true;
  return service === 'pulumi-cloud' && estimate !== undefined && estimate <= AUTOMATIC_EVENT_LIMIT;
}
