/**
 * When the console reads a range into its index by itself (decision note 013). The embedded
 * service is our own, unmetered and fast: always. Pulumi Cloud is shared with the admin's CLI
 * and CI under one rate limit: only when the view's first page says the range is small;
 * otherwise the person asks for it, having seen what it costs.
 */
import type { ApiService } from './search-queries.ts';

/** Events Pulumi Cloud sends per page, whatever size is asked. */
export const PULUMI_PAGE_EVENTS = 100;
/** Reading up to this many events from Pulumi Cloud needs no question (about 200 requests). */
export const AUTOMATIC_EVENT_LIMIT = 20_000;

/** What the first page of the view (newest first) says about its range. */
export interface FirstPage {
  events: number;
  /** Unix seconds of its newest and oldest events. */
  newest?: number;
  oldest?: number;
  /** More pages follow. */
  more: boolean;
}

/**
 * About how many events `[from, to)` holds, from the first page's density; undefined when the
 * page cannot say (a page of one second). `estimateEvents({events: 100, newest: 200, oldest:
 * 100, more: true}, {from: 0, to: 201})` → 201.
 */
export function estimateEvents(
  page: FirstPage,
  range: { from: number; to: number },
): number | undefined {
  if (!page.more) return page.events;
  if (page.newest === undefined || page.oldest === undefined || page.newest <= page.oldest) {
    return undefined;
  }
  const perSecond = page.events / (range.to - page.oldest);
  return Math.ceil(perSecond * (range.to - range.from));
}

/** Whether to read the range without asking: `readsByItself('embedded', undefined)` is true. */
export function readsByItself(service: ApiService | undefined, estimate: number | undefined) {
  if (service === 'embedded') return true;
  return service === 'pulumi-cloud' && estimate !== undefined && estimate <= AUTOMATIC_EVENT_LIMIT;
}
