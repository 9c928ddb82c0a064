/**
 * Search, facets, the user picker and event links: each answer is checked
 * against what the API itself returns, filtered here in the plain way.
 */
import type { Page } from '@playwright/test';
import { eventDisplayName } from '../../common/pulumi/event-catalog.ts';
import { createEventIdentifier, formatEventIdentity } from '../../common/pulumi/event-identity.ts';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { FACET_ENTRIES } from '../../src/features/audit-log/search/use-search-answer.ts';
import { SETTLE_SECONDS } from '../../src/lib/range-index/index-session.ts';
import { naiveMatch } from '../../src/lib/range-index/testing/naive-search.ts';
import { parseSearchQuery } from '../../src/lib/search-query/parse-search-query.ts';
import { expect, test } from '../support/fixtures.ts';
import { recordRangeReads } from '../support/index-read.ts';
import {
  apiEvents,
  asShown,
  countText,
  readRangeIfAsked,
  search,
  LOG_PATH,
  readShownRows,
  scrollAndCollect,
  signInContext,
  waitForRows,
  type ApiEvent,
} from './viewer-helpers.ts';

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

test('a search with a CIDR block, a word and an exclusion shows exactly the matching events, counted', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await readRangeIfAsked(page);
  await search(page, 'ip:203.0.113.0/24 stack -failed:true');
  await expect(page).toHaveURL(/q=ip%3A203\.0\.113\.0%2F24\+stack\+-failed%3Atrue/);

  // The plain oracle the range index is unit-tested against, over what the API returns.
  const all = (await apiEvents(request, baseURL!, adminToken, {})) as unknown as AuditLogEvent[];
  const q = parseSearchQuery('ip:203.0.113.0/24 stack -failed:true').query;
  const expected = naiveMatch(all, q).map((row) => all[row]!);
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.getByTestId('match-count')).toHaveText(countText(expected.length));
  await waitForRows(page);
  expect(await scrollAndCollect(page)).toEqual(
    expected.map((e, i) => asShown(e as unknown as ApiEvent, i)),
  );
});

test('facets include and exclude values, each a change of the search in the URL', async ({
  page,
}) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await readRangeIfAsked(page);
  const facets = page.getByRole('complementary', { name: 'Facets' });
  const users = facets.getByRole('region', { name: 'Users' });
  const first = users.locator('.facet__include').first();
  const login = /\(([^)]+)\)$/.exec((await first.getAttribute('title')) ?? '')?.[1] ?? '';
  const shownCount = Number(
    (await users.locator('.facet__count').first().textContent())!.replace(/,/g, ''),
  );
  await first.click();
  await expect(page).toHaveURL(new RegExp(`q=user%3A${login}`));
  await expect(page.getByTestId('match-count')).toHaveText(countText(shownCount));
  await waitForRows(page);
  expect((await readShownRows(page)).every((row) => row.login === login)).toBe(true);

  const events = facets.getByRole('region', { name: 'Events' });
  const topEvent = events.locator('.facet').first();
  const excludeButton = topEvent.getByRole('button', { name: /^Exclude / });
  const excluded = (await excludeButton.getAttribute('aria-label'))!.replace('Exclude ', '');
  await excludeButton.click();
  await expect(page).toHaveURL(/-event%3A/);
  await waitForRows(page);
  const rows = await readShownRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row.login === login && eventDisplayName(row.event) !== excluded)).toBe(
    true,
  );
});

test('the user picker finds anyone by part of their name, whatever the case', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await readRangeIfAsked(page);
  await page.getByRole('button', { name: /^User:/ }).click();
  const box = page.getByRole('combobox', { name: 'Search users by name or login' });
  await box.fill('OKON');
  const option = page.getByRole('option', { name: /Dana Okonkwo/ });
  await expect(option).toBeVisible();
  await box.press('Enter');
  await expect(page).toHaveURL(`${LOG_PATH}?user=dokonkwo`);
  await waitForRows(page);
  expect((await readShownRows(page)).every((row) => row.login === 'dokonkwo')).toBe(true);
});

test('a link to an event opens it for a colleague, highlighted and in detail; Back closes it', async ({
  page,
  browser,
  baseURL,
  adminToken,
}) => {
  await page.goto(`${LOG_PATH}?tz=utc`);
  await waitForRows(page);
  const row = (await readShownRows(page))[3]!;
  await page.locator(`[data-row-index="${row.index}"] .log-cell--description`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/details=\d+-[0-9a-f]{8}/);
  const identity = new URL(page.url()).searchParams.get('details')!;
  await page.goBack();
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/details=/);

  // The link the panel copies, opened by someone else in a browser of their own.
  await page.goForward();
  await expect(dialog).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { copied: string }).copied = '';
    navigator.clipboard.writeText = async (text: string) => {
      (window as unknown as { copied: string }).copied = text;
    };
  });
  await dialog.getByRole('button', { name: 'Copy link to this event' }).click();
  const link = await page.evaluate(() => (window as unknown as { copied: string }).copied);
  expect(link).toContain(`details=${identity}`);

  const colleague = await browser.newContext();
  await signInContext(colleague, baseURL!, adminToken);
  const other = await colleague.newPage();
  await other.goto(link);
  const theirs = other.getByRole('dialog');
  await expect(theirs).toBeVisible();
  await expect(theirs.locator('dt:text-is("Time (UTC)") + dd')).toHaveText(row.dateTime);
  await expect(theirs.locator('dt:text-is("Description") + dd')).toHaveText(row.description);
  const highlighted = other.locator('[aria-current="true"][data-testid="log-row"]');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted.locator('time')).toHaveAttribute('datetime', row.dateTime);
  await theirs.getByRole('button', { name: 'Close details' }).click();
  await expect(theirs).toHaveCount(0);
  await expect(other).not.toHaveURL(/details=/);
  await colleague.close();
});

test('a term the console cannot read is named, and the rest is searched', async ({ page }) => {
  await page.goto(`${LOG_PATH}?q=${encodeURIComponent('colour:red failed:true')}`);
  await expect(page.getByText('Some search terms were not understood')).toBeVisible();
  await expect(page.getByText('unknown key “colour:”')).toBeVisible();
  await readRangeIfAsked(page);
  await expect(page.getByTestId('match-count')).toBeVisible();
  await waitForRows(page);
  expect((await readShownRows(page)).length).toBeGreaterThan(0);
});

test('the view as an API request fetches the same events with a token, and never shows the token', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  await page.goto(`${LOG_PATH}?user=dokonkwo`);
  await waitForRows(page);
  await page.getByRole('button', { name: 'API request' }).click();
  const url = await page.getByLabel('Export URL').inputValue();
  const curl = await page.getByLabel('curl').inputValue();
  expect(curl).toContain('$PULUMI_ACCESS_TOKEN');
  expect(curl).toContain(url);
  expect(`${url} ${curl}`).not.toContain(adminToken);
  const response = await request.get(url, {
    headers: { Authorization: `token ${adminToken}`, Accept: 'application/vnd.pulumi+8' },
  });
  expect(response.status()).toBe(200);
  const lines = (await response.text()).trim().split('\r\n');
  const expected = await apiEvents(request, baseURL!, adminToken, {
    userFilter: 'dokonkwo',
    endTime: new URL(url).searchParams.get('endTime')!,
  });
  expect(lines).toHaveLength(expected.length + 1);
});

test('a range read once is kept for the next visit, and forgotten at sign-out', async ({
  page,
  viaUpstream,
}) => {
  test.skip(viaUpstream, 'the same in both modes; once is enough');
  const rangeReads = recordRangeReads(page);
  await page.goto(`${LOG_PATH}?range=30d`);
  await readRangeIfAsked(page);
  await expect(page.getByText(/kept in this browser/)).toBeVisible();
  const firstVisit = rangeReads.length;
  expect(firstVisit).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByText(/kept in this browser/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('match-count')).toBeVisible();
  // Only the seconds since the last visit are read, with the settle window before them again
  // (each window asks a second wider).
  const param = (url: string, name: string) => Number(new URL(url).searchParams.get(name));
  const firstEnd = Math.max(...rangeReads.slice(0, firstVisit).map((u) => param(u, 'endTime')));
  const again = rangeReads.slice(firstVisit);
  const settled = firstEnd - SETTLE_SECONDS - 2;
  expect(again.every((url) => param(url, 'startTime') >= settled)).toBe(true);
  const stored = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(stored).toContain('audit-log-console');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
  await expect
    .poll(async () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
    .not.toContain('audit-log-console');
});

test('rows badge a user’s first event from an address, as the search finds them', async ({
  page,
}) => {
  const badge = '[role="img"][aria-label^="First event of this user from this address"]';
  await page.goto(`${LOG_PATH}?q=${encodeURIComponent('first-ip:true')}`);
  await readRangeIfAsked(page);
  await waitForRows(page);
  const rows = page.locator('[data-testid="log-row"]');
  // The flags column may be scrolled out of view at this width; the badge is there.
  await expect(rows.first().locator(badge)).toBeAttached();
  const shown = await rows.count();
  await expect(page.locator(`[data-testid="log-row"] ${badge}`)).toHaveCount(shown);

  await page.goto(`${LOG_PATH}?q=${encodeURIComponent('-first-ip:true')}`);
  await waitForRows(page);
  await expect(page.getByTestId('match-count')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.locator(`[data-testid="log-row"] ${badge}`)).toHaveCount(0);
});

test('a search that finds nothing says so, offers to clear it, and has nothing to download', async ({
  page,
}) => {
  await page.goto(`${LOG_PATH}?range=30d&q=${encodeURIComponent('"no such words anywhere"')}`);
  await readRangeIfAsked(page);
  await expect(page.getByTestId('match-count')).toHaveText('0 events');
  await expect(page.getByText('No events match these filters')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeDisabled();
  await expect(page.getByText('No events in this view to download.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search (remove the search filter)' }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?range=30d`);
  await waitForRows(page);
});

/** Six people each have a personal token of this name in the demo organization. */
const SHARED_TOKEN_NAME = 'pulumi-cli';

interface TokenEntry {
  label: string;
  count: number;
  /** The token ID the entry's include button adds (its title ends with it). */
  value: string;
}

/**
 * The Tokens facet of `matched` as the API's events say it must be: one entry per token ID, the
 * ten commonest, then by ID; labelled by name, with the ID's first 8 characters where two IDs
 * of the organization share the name.
 */
function expectedTokenFacet(all: AuditLogEvent[], matched: AuditLogEvent[]): TokenEntry[] {
  const idsOfName = new Map<string, Set<string>>();
  for (const { tokenID, tokenName } of all) {
    if (!tokenID || !tokenName) continue;
    const key = tokenName.toLowerCase();
    idsOfName.set(key, (idsOfName.get(key) ?? new Set()).add(tokenID));
  }
  const entries = new Map<string, TokenEntry>();
  for (const { tokenID, tokenName = '' } of matched) {
    if (!tokenID) continue;
    const shared = (idsOfName.get(tokenName.toLowerCase())?.size ?? 0) > 1;
    let label = tokenName || tokenID;
    if (tokenName && shared) label = `${tokenName} · ${tokenID.slice(0, 8)}`;
    const entry = entries.get(tokenID) ?? { label, count: 0, value: tokenID };
    entries.set(tokenID, { ...entry, count: entry.count + 1 });
  }
  return [...entries.values()]
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, FACET_ENTRIES);
}

function tokensFacet(page: Page) {
  return page
    .getByRole('complementary', { name: 'Facets' })
    .getByRole('region', { name: 'Tokens' });
}

async function shownTokenFacet(page: Page): Promise<TokenEntry[]> {
  return tokensFacet(page)
    .locator('.facet')
    .evaluateAll((facets) =>
      facets.map((facet) => ({
        label: facet.querySelector('.facet__label')?.textContent ?? '',
        count: Number((facet.querySelector('.facet__count')?.textContent ?? '').replace(/\D/g, '')),
        value:
          /\(([^)]+)\)$/.exec(
            facet.querySelector('.facet__include')?.getAttribute('title') ?? '',
          )?.[1] ?? '',
      })),
    );
}

test('“Filter by this token” counts that token’s events by its ID, not every token of its name', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const all = (await apiEvents(request, baseURL!, adminToken, {})) as unknown as AuditLogEvent[];
  const identify = createEventIdentifier();
  const identities = all.map((event) => formatEventIdentity(identify(event)));
  const at = all.findIndex((event) => event.tokenName === SHARED_TOKEN_NAME);
  const event = all[at]!;
  const tokenID = event.tokenID!;
  const byId = all.filter((e) => e.tokenID === tokenID);
  const byName = all.filter((e) => e.tokenName === SHARED_TOKEN_NAME);
  // What makes the pivot by name wrong: other tokens of the name have events too.
  expect(byName.length).toBeGreaterThan(byId.length);

  await page.goto(`${LOG_PATH}?details=${identities[at]}`);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.locator('dt:text-is("Token") + dd')).toContainText(
    `${SHARED_TOKEN_NAME} ${tokenID.slice(0, 8)}`,
  );
  await dialog.getByRole('button', { name: 'Filter by this token' }).click();
  await expect(page).toHaveURL(new RegExp(`q=token%3A${tokenID}`));
  await expect(dialog).toHaveCount(0);
  await readRangeIfAsked(page);
  await expect(page.getByTestId('match-count')).toHaveText(countText(byId.length));
  await waitForRows(page);
  // A personal token is one person's.
  expect((await readShownRows(page)).every((row) => row.login === event.user.githubLogin)).toBe(
    true,
  );
});

test('the Tokens facet has an entry per token ID, labelled apart, that includes and excludes by ID', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const all = (await apiEvents(request, baseURL!, adminToken, {})) as unknown as AuditLogEvent[];
  const byName = all.filter((e) => e.tokenName === SHARED_TOKEN_NAME);

  // Searched by name: every token of the name, each its own entry.
  await page.goto(`${LOG_PATH}?q=${encodeURIComponent(`token:${SHARED_TOKEN_NAME}`)}`);
  await readRangeIfAsked(page);
  await expect(page.getByTestId('match-count')).toHaveText(countText(byName.length));
  const named = expectedTokenFacet(all, byName);
  expect(named.length).toBeGreaterThan(1);
  await expect.poll(() => shownTokenFacet(page)).toEqual(named);

  // Excluding one entry leaves the other tokens of its name.
  const excluded = named[0]!;
  await tokensFacet(page)
    .getByRole('button', { name: `Exclude ${excluded.label} (${excluded.value})` })
    .click();
  await expect(page).toHaveURL(new RegExp(`-token%3A${excluded.value}`));
  await expect(page.getByTestId('match-count')).toHaveText(
    countText(byName.length - excluded.count),
  );

  // Unfiltered, the commonest tokens; including one whose name is shared counts its ID alone.
  await page.goto(LOG_PATH);
  await readRangeIfAsked(page);
  const top = expectedTokenFacet(all, all);
  await expect.poll(() => shownTokenFacet(page)).toEqual(top);
  expect(new Set(top.map((entry) => entry.label)).size).toBe(top.length);
  const shared = top.find((entry) => entry.label.includes(' · '));
  expect(shared).toBeDefined();
  await tokensFacet(page)
    .getByTitle(`Only ${shared!.label} (${shared!.value})`, { exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`q=token%3A${shared!.value}`));
  await expect(page.getByTestId('match-count')).toHaveText(countText(shared!.count));
});
