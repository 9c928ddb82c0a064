/**
 * Helpers of the viewer's browser tests: signing in, reading the virtualised table while scrolling
 * it, and asking the API directly (with the token header, from Node) for the expected rows.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '../support/fixtures.ts';

export const LOG_PATH = '/orgs/acme/audit-logs';

/** One rendered row, as the table shows it. */
export interface ShownRow {
  index: number;
  /** `<time dateTime>`: the event's instant in UTC. */
  dateTime: string;
  login: string;
  event: string;
  description: string;
}

/** Signs a browser context in by the session endpoint, as the form would. */
export async function signInContext(context: BrowserContext, baseURL: string, token: string) {
  const response = await context.request.post(`${baseURL}/console/session`, {
    data: { token },
    headers: { Origin: baseURL },
  });
  expect(response.status()).toBe(200);
}

/**
 * Opens a link as a colleague would: in a second, signed-in browser context at 1440 px, its rows
 * shown. Close the page's context when done.
 */
export async function openAsColleague(
  browser: Browser,
  baseURL: string,
  token: string,
  url: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await signInContext(context, baseURL, token);
  const page = await context.newPage();
  await page.goto(url);
  await waitForRows(page);
  return page;
}

/** Fills the sign-in form and submits it. */
export async function signInWithForm(page: Page, token: string, org?: string) {
  if (org !== undefined) await page.getByLabel('Organization').fill(org);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export function tableScroller(page: Page) {
  return page.getByRole('region', { name: 'Audit log events' });
}

/** The rows in the DOM right now. */
export async function readShownRows(page: Page): Promise<ShownRow[]> {
  return page.locator('[data-testid="log-row"]').evaluateAll((rows) =>
    rows.map((row) => ({
      index: Number(row.getAttribute('aria-rowindex')) - 2,
      dateTime: row.querySelector('time')?.getAttribute('datetime') ?? '',
      login: (row.querySelector('.avatar-btn')?.getAttribute('aria-label') ?? '').replace(
        'Show only events by ',
        '',
      ),
      event: row.querySelector('.log-cell--event [title]')?.getAttribute('title') ?? '',
      description: row.querySelector('.log-cell--description [title]')?.getAttribute('title') ?? '',
    })),
  );
}

/**
 * Scrolls the table down until `minRows` rows were seen or the log ends, collecting every row by
 * its position.
 */
export async function scrollAndCollect(page: Page, minRows = Infinity): Promise<ShownRow[]> {
  const seen = new Map<number, ShownRow>();
  const scroller = tableScroller(page);
  const footer = page.getByTestId('table-footer');
  // From the first row: a table that was empty a moment (between two views) must not have been
  // scrolled past it.
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('[data-row-index="0"]')).toBeVisible();
  for (let step = 0; step < 2000; step++) {
    for (const row of await readShownRows(page)) seen.set(row.index, row);
    if (seen.size >= minRows) break;
    const ended = /Start of the audit log/.test((await footer.textContent()) ?? '');
    const atBottom = await scroller.evaluate(
      (el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
    );
    if (ended && atBottom) break;
    // Rows are read after the frame that renders the scrolled-to rows, not before it.
    await scroller.evaluate(async (el) => {
      el.scrollBy(0, el.clientHeight * 0.8);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
    if (atBottom) await page.waitForTimeout(100);
  }
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

export interface ApiEvent {
  timestamp: number;
  event: string;
  description: string;
  user: { githubLogin: string };
}

/** Every event the V2 list returns for `params`, following continuation tokens. */
export async function apiEvents(
  request: APIRequestContext,
  baseURL: string,
  token: string,
  params: Record<string, string | number>,
): Promise<ApiEvent[]> {
  const events: ApiEvent[] = [];
  let continuationToken: string | undefined;
  do {
    const query = new URLSearchParams({ ...params, pageSize: '1000' } as Record<string, string>);
    if (continuationToken) query.set('continuationToken', continuationToken);
    const response = await request.get(`${baseURL}/api/orgs/acme/auditlogs/v2?${query}`, {
      headers: { Authorization: `token ${token}` },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      auditLogEvents: ApiEvent[];
      continuationToken?: string;
    };
    events.push(...body.auditLogEvents);
    continuationToken = body.continuationToken || undefined;
  } while (continuationToken);
  return events;
}

/** An API event in the shape the table shows, to compare the two. */
export function asShown(event: ApiEvent, index: number): ShownRow {
  return {
    index,
    dateTime: new Date(event.timestamp * 1000).toISOString().replace('.000Z', 'Z'),
    login: event.user.githubLogin,
    event: event.event,
    description: event.description,
  };
}

/**
 * Waits for the first rows of a view. The first view of a run pays for cold caches in the
 * browser and the server, which on a busy two-core machine can take longer than the default
 * expect timeout; this waits for rows, it does not time them.
 */
export async function waitForRows(page: Page) {
  await expect(page.locator('[data-testid="log-row"]').first()).toBeVisible({ timeout: 30_000 });
}

/** The table's column headers, in order. */
export function columnHeaders(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'Audit log' }).getByRole('columnheader').allInnerTexts();
}

/**
 * Whether the rendered rows tile the body: each starts where the one before it ends, so none
 * overlaps another or leaves a gap (what measuring rows of different heights must hold).
 */
export async function rowsTile(page: Page): Promise<boolean> {
  return page.locator('[data-testid="log-row"]').evaluateAll((rows) => {
    const boxes = rows
      .map((row) => ({
        index: Number(row.getAttribute('data-row-index')),
        ...row.getBoundingClientRect().toJSON(),
      }))
      .sort((a, b) => a.index - b.index);
    return boxes.every((box, i) => {
      const next = boxes[i + 1];
      return !next || next.index !== box.index + 1 || Math.abs(next.top - box.bottom) < 1.5;
    });
  });
}

/** Whether the page itself scrolls sideways (the table may, inside its own box). */
export function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Against Pulumi Cloud the range is read when asked: ask, as an admin would. */
export async function readRangeIfAsked(page: Page) {
  const read = page.getByRole('button', { name: 'Read this range' });
  const count = page.getByTestId('match-count');
  await expect(read.or(count).first()).toBeVisible({ timeout: 30_000 });
  // It may give way to a read that starts by itself between the look and the click.
  if (await read.isVisible()) {
    await read.click({ timeout: 5_000 }).catch(async (error: unknown) => {
      if (await read.isVisible()) throw error;
    });
  }
  await expect(page.getByText(/events? indexed/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 30_000 });
}

/** The view's `from`/`to` in the URL, in Unix seconds. */
export function urlRange(page: Page): { from: number; to: number } {
  const url = new URL(page.url());
  return {
    from: Date.parse(url.searchParams.get('from')!) / 1000,
    to: Date.parse(url.searchParams.get('to')!) / 1000,
  };
}

/** Picks a Calendar preset of the time-range menu ("Yesterday", "Last week", …). */
export async function pickCalendarPreset(page: Page, name: string) {
  await page.getByRole('button', { name: /^Time range:/ }).click();
  await page.getByRole('list', { name: 'Calendar' }).getByRole('button', { name }).click();
}

/** The Users facet of the side panel. */
export function usersFacet(page: Page) {
  return page
    .getByRole('complementary', { name: 'Facets' })
    .getByRole('region', { name: 'Users', exact: true });
}

/** The Users facet lists `login` first (commonest first), with `count` events. */
export async function expectTopUser(page: Page, login: string, count: number) {
  const users = usersFacet(page);
  await expect(users.locator('.facet__count').first()).toHaveText(count.toLocaleString('en-US'));
  await expect(users.locator('.facet__exclude').first()).toHaveAccessibleName(new RegExp(login));
}

/** Types a search and applies it with Enter, past any suggestion. */
export async function search(page: Page, q: string) {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(q);
  await box.press('Escape');
  await box.press('Enter');
}

/** The count as the page prints an exact one: `countText(1204) === '1,204 events'`. */
export const countText = (n: number) => `${n.toLocaleString('en-US')} event${n === 1 ? '' : 's'}`;

/**
 * The API bounds of the view on screen, as its "API request" gives them (the snapshot the table,
 * the count and DOWNLOAD share): `startTime` left out for a view from the beginning.
 */
export async function viewApiBounds(page: Page): Promise<Record<string, string>> {
  await page.getByRole('button', { name: 'API request' }).click();
  const url = new URL(await page.getByLabel('Export URL').inputValue());
  await page.keyboard.press('Escape');
  const bounds: Record<string, string> = {};
  for (const name of ['startTime', 'endTime']) {
    const value = url.searchParams.get(name);
    if (value !== null) bounds[name] = value;
  }
  return bounds;
}
