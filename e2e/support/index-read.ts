/**
 * A read of a whole range (the range index's, or an export's windows), as the browser tests see
 * it: V2 list pages of LARGEST_PAGE_SIZE (the table's pages and the newer-events check ask
 * smaller ones).
 */
import type { Page } from '@playwright/test';
import { LARGEST_PAGE_SIZE } from '../../common/pulumi/api-limits.ts';

/** Whether a request asks the V2 list for a page of a whole-range read. */
export function isRangeRead(url: string | URL): boolean {
  const parsed = new URL(url);
  return (
    parsed.pathname.endsWith('/auditlogs/v2') &&
    parsed.searchParams.get('pageSize') === String(LARGEST_PAGE_SIZE)
  );
}

/**
 * Holds every whole-range read `page` sends until the returned release is called; never
 * called, the index never fills and the table stays on the API's pages.
 */
export async function holdIndexRead(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(isRangeRead, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The URLs of the whole-range reads `page` sends from now on, in order. */
export function recordRangeReads(page: Page): string[] {
  const reads: string[] = [];
  page.on('request', (request) => {
    if (isRangeRead(request.url())) reads.push(request.url());
  });
  return reads;
}

/** The events the whole-range reads `page` sends from now on have answered, so far. */
export function countRangeReadEvents(page: Page): () => number {
  let events = 0;
  page.on('response', async (response) => {
    if (!isRangeRead(response.url())) return;
    const body = (await response.json().catch(() => ({}))) as { auditLogEvents?: unknown[] };
    events += body.auditLogEvents?.length ?? 0;
  });
  return () => events;
}
