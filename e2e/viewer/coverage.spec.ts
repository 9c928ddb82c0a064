/**
 * Every count on screen is the API's for the same view, or says that it covers part of the view:
 * after a shorter range was read and kept, after events reach the log, after a reload. The API's
 * own events are the oracle, directly and through upstream mode.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { generateAuditEvents } from '../../server/seed/event-generator.ts';
import { buildOrgProfile } from '../../server/seed/org-profiles.ts';
import { PULUMI_PAGE_EVENTS } from '../../common/pulumi/api-limits.ts';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { naiveMatch } from '../../src/lib/range-index/testing/naive-search.ts';
import { parseSearchQuery } from '../../src/lib/search-query/parse-search-query.ts';
import { appendToLog } from '../support/append-to-log.ts';
import { expect, test } from '../support/fixtures.ts';
import { recordRangeReads } from '../support/index-read.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import {
  apiEvents,
  countText,
  LOG_PATH,
  readRangeIfAsked,
  search,
  signInContext,
  viewApiBounds,
  waitForRows,
} from './viewer-helpers.ts';

const count = (page: Page) => page.getByTestId('match-count');

/** Appends `events` demo events to acme, logged in `[start, end]` (Unix seconds). */
function appendEvents(server: TestServer, events: number, start: number, end: number) {
  const generated = generateAuditEvents(buildOrgProfile('acme'), {
    count: events,
    seed: start,
    start,
    end,
  });
  return appendToLog(server, generated);
}

/** Waits until the clock is past `seconds`, so events logged now are newer than a view ending there. */
async function waitUntilAfter(page: Page, seconds: number) {
  while (Date.now() / 1000 < seconds + 1) await page.waitForTimeout(250);
}

// A log of its own: long enough that Pulumi Cloud mode asks before reading all of it (over
// 20,000 events), and one that tests can write to.
test.describe('counts against the API', () => {
  let server: TestServer;
  let proxy: TestServer | undefined;
  test.beforeEach(async ({ viaUpstream }) => {
    server = await startTestServer({ demoEvents: 30_000 });
    if (viaUpstream) proxy = await startTestServer({ env: { PULUMI_API_URL: server.baseURL } });
  });
  test.afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
    await server.stop();
  });
  /** Signs in through the upstream instance (the direct project skips); its base URL. */
  async function signInUpstream(context: BrowserContext, viaUpstream: boolean) {
    test.skip(!viaUpstream, 'the embedded service reads every range by itself');
    const baseURL = proxy!.baseURL;
    await signInContext(context, baseURL, server.adminToken);
    return baseURL;
  }

  test('7 days, then all time, then a search: each count is the API’s or says it is partial', async ({
    page,
    context,
    request,
    viaUpstream,
  }) => {
    const baseURL = (proxy ?? server).baseURL;
    const adminToken = server.adminToken;
    await signInContext(context, baseURL, adminToken);
    await page.goto(`${baseURL}${LOG_PATH}?range=7d`);
    await waitForRows(page);
    await readRangeIfAsked(page);
    const week = await apiEvents(request, baseURL, adminToken, await viewApiBounds(page));
    expect(week.length).toBeGreaterThan(0);
    await expect(count(page)).toHaveText(countText(week.length));

    await page.getByRole('button', { name: /^Time range:/ }).click();
    await page.getByRole('button', { name: 'All time' }).click();
    await waitForRows(page);
    const bounds = await viewApiBounds(page);
    expect(bounds.startTime).toBeUndefined();
    const all = await apiEvents(request, baseURL, adminToken, bounds);
    expect(all.length).toBeGreaterThan(week.length);
    if (viaUpstream) {
      // Against Pulumi Cloud a long range (over 20,000 events) is read when asked: until then
      // the week is a lower bound.
      await expect(count(page)).toHaveText(`At least ${countText(week.length)}`);
      await expect(page.getByText(/read back to .*counts cover that part only/)).toBeVisible();
      await page.getByRole('button', { name: 'Read the rest' }).click();
    }
    await expect(count(page)).toHaveText(countText(all.length), { timeout: 30_000 });

    await search(page, 'failed:true');
    const failed = naiveMatch(
      all as unknown as AuditLogEvent[],
      parseSearchQuery('failed:true').query,
    );
    expect(failed.length).toBeGreaterThan(0);
    await expect(count(page)).toHaveText(countText(failed.length));
  });

  test('against Pulumi Cloud a long range is read only when asked, and then in full', async ({
    page,
    context,
    request,
    viaUpstream,
  }) => {
    const baseURL = await signInUpstream(context, viaUpstream);
    const rangeReads = recordRangeReads(page);
    await page.goto(`${baseURL}${LOG_PATH}`);
    await waitForRows(page);
    const read = page.getByRole('button', { name: 'Read this range' });
    await expect(read).toBeVisible();
    // The estimate, from the first page, a probe for where the log begins and samples across it.
    const requests = Number(
      /about ([\d,]+) requests/
        .exec((await page.getByText(/about [\d,]+ requests/).textContent())!)![1]!
        .replace(/,/g, ''),
    );
    const all = await apiEvents(request, baseURL, server.adminToken, await viewApiBounds(page));
    expect(requests).toBeGreaterThan((all.length / PULUMI_PAGE_EVENTS) * 0.75);
    expect(requests).toBeLessThan((all.length / PULUMI_PAGE_EVENTS) * 1.25);
    await page.waitForTimeout(1000);
    // The table's own pages and the probe, and no whole-range read behind the admin's back.
    expect(rangeReads).toEqual([]);
    await read.click();
    await expect(count(page)).toHaveText(countText(all.length), { timeout: 60_000 });
    expect(rangeReads.length).toBeGreaterThan(0);
  });

  test('against Pulumi Cloud a search of a range read only when asked says it waits for the read', async ({
    page,
    context,
    viaUpstream,
  }) => {
    const baseURL = await signInUpstream(context, viaUpstream);
    await page.goto(`${baseURL}${LOG_PATH}?q=${encodeURIComponent('failed:true')}`);
    const read = page.getByRole('button', { name: 'Read this range' });
    await expect(read).toBeVisible({ timeout: 30_000 });
    // Not "Searching the range…" with a spinner while nothing is read.
    await expect(
      page.getByText(/^Not searched yet: a search needs the whole range read/),
    ).toBeVisible();
    await expect(page.getByText('Searching the range…')).toHaveCount(0);
    await read.click();
    await expect(count(page)).toHaveText(/^\d[\d,]* events?$/, { timeout: 60_000 });
  });

  test('events logged after the range was kept (now, and late within the settle window) show up after “newer events” and after a reload', async ({
    page,
    context,
    request,
  }) => {
    const base = (proxy ?? server).baseURL;
    const apiCount = async (bounds: Record<string, string>) =>
      (await apiEvents(request, base, server.adminToken, bounds)).length;
    await signInContext(context, base, server.adminToken);
    await page.goto(`${base}${LOG_PATH}?range=30d`);
    await waitForRows(page);
    await readRangeIfAsked(page);
    await expect(page.getByText(/kept in this browser/)).toBeVisible({ timeout: 30_000 });
    await expect(count(page)).toHaveText(countText(await apiCount(await viewApiBounds(page))));

    // Ten newer than the view, and twenty that reached the log late: inside the view's range,
    // within the settle window before the end of what was read.
    const { endTime } = await viewApiBounds(page);
    const end = Number(endTime);
    await waitUntilAfter(page, end);
    expect(appendEvents(server, 20, end - 600, end - 1)).toBe(20);
    const now = Math.floor(Date.now() / 1000);
    expect(appendEvents(server, 10, Math.max(end, now - 1), now)).toBe(10);
    const newer = page.getByRole('button', { name: /newer events?$/ });
    await expect(newer).toBeVisible({ timeout: 45_000 });
    await newer.click();
    await expect(page.getByText(/kept in this browser/)).toBeVisible({ timeout: 30_000 });
    const afterRefresh = await viewApiBounds(page);
    await expect(count(page)).toHaveText(countText(await apiCount(afterRefresh)));

    const later = Math.floor(Date.now() / 1000);
    expect(appendEvents(server, 5, later - 300, later)).toBe(5);
    // A reload within the refreshed view's last second opens that same view, read whole: "after
    // a reload" is a later view, whose range reaches past what was read and so reads its end
    // again, settle window included.
    await waitUntilAfter(page, Number(afterRefresh.endTime));
    await page.reload();
    await waitForRows(page);
    await expect(page.getByText(/kept in this browser/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 30_000 });
    await expect(count(page)).toHaveText(countText(await apiCount(await viewApiBounds(page))));
  });
});
