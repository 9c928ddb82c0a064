/**
 * The search language and the pickers that write it: OR with parentheses, several event types,
 * failed:true with failed logins, the keys listed on focus. Each answer is checked against the
 * API's own events, filtered here in the plain way (the oracle the index is unit-tested with).
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { isFailureEventType } from '../../common/pulumi/event-catalog.ts';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { naiveMatch } from '../../src/lib/range-index/testing/naive-search.ts';
import { parseSearchQuery } from '../../src/lib/search-query/parse-search-query.ts';
import { SEARCH_KEY_DOCS } from '../../src/lib/search-query/search-keys.ts';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import {
  apiEvents,
  asShown,
  countText,
  LOG_PATH,
  readRangeIfAsked,
  scrollAndCollect,
  search,
  signInContext,
  waitForRows,
  type ApiEvent,
  usersFacet,
} from './viewer-helpers.ts';

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

async function allEvents(request: APIRequestContext, baseURL: string, token: string) {
  return (await apiEvents(request, baseURL, token, {})) as unknown as AuditLogEvent[];
}

/** Opens the log and waits until its range is read (and so searchable). */
async function openReadLog(page: Page) {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await readRangeIfAsked(page);
}

/** The event types of `events`, commonest first, with at most `most` events each. */
function commonestTypes(events: AuditLogEvent[], most = Infinity): string[] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.event, (counts.get(e.event) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, count]) => count <= most)
    .sort((a, b) => b[1] - a[1])
    .map(([event]) => event);
}

test('an OR query with parentheses and an exclusion finds exactly what the API holds', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const all = await allEvents(request, baseURL!, adminToken);
  // Few enough rows to read them all back from the table.
  const [first, , third] = commonestTypes(all, 60);
  const someone = all[0]!.user.githubLogin;
  const q = `(event:${first} OR event:${third} OR burst:true) -user:${someone}`;
  const expected = naiveMatch(all, parseSearchQuery(q).query).map((row) => all[row]!);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(all.length);

  await openReadLog(page);
  await search(page, q);
  await expect(page.getByTestId('match-count')).toHaveText(countText(expected.length));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await waitForRows(page);
  expect(await scrollAndCollect(page)).toEqual(
    expected.map((e, i) => asShown(e as unknown as ApiEvent, i)),
  );
  // A lower-case "or" is a word, which no event holds alone here: the search says what it did.
  await search(page, `event:${first} or event:${third}`);
  await expect(page.getByTestId('match-count')).not.toHaveText(countText(expected.length));
});

test('the Event picker takes several types: either of them, in the URL, counted as the API counts', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const all = await allEvents(request, baseURL!, adminToken);
  const [, second, third] = commonestTypes(all);
  const expected = all.filter((e) => e.event === second || e.event === third);

  await openReadLog(page);
  await page.getByRole('button', { name: /^Event:/ }).click();
  await page.getByRole('checkbox', { name: /Choose several/ }).check();
  const box = page.getByRole('combobox', { name: 'Search event types' });
  for (const type of [second!, third!]) {
    await box.fill(type.replace(/-/g, ' '));
    await box.press('Enter');
  }
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(
    new RegExp(
      `q=event%3A${second}\\+OR\\+event%3A${third}|q=event%3A${third}\\+OR\\+event%3A${second}`,
    ),
  );
  await expect(page.getByRole('button', { name: 'Event: 2 event types' })).toBeVisible();
  await expect(page.getByTestId('match-count')).toHaveText(countText(expected.length));

  // One type is the API's own filter again.
  await page.getByRole('button', { name: /^Event:/ }).click();
  await page.getByRole('checkbox', { name: /Choose several/ }).uncheck();
  await box.fill(second!.replace(/-/g, ' '));
  await box.press('Enter');
  await expect(page).toHaveURL(`${LOG_PATH}?event=${second}`);
});

test('failed:true counts failed logins with the flagged failures', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const all = await allEvents(request, baseURL!, adminToken);
  const expected = all.filter((e) => e.authFailure === true || isFailureEventType(e.event));
  const logins = expected.filter((e) => e.event === 'user-login-failed');
  // The case that used to be missed: failed logins the API does not flag.
  expect(logins.some((e) => e.authFailure !== true)).toBe(true);

  await openReadLog(page);
  await search(page, 'failed:true');
  await expect(page.getByTestId('match-count')).toHaveText(countText(expected.length));
});

test('the empty search box lists every key with an example; the User button shows the search’s user', async ({
  page,
}) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.click();
  const keys = page.getByRole('listbox', { name: 'Search keys' });
  await expect(keys.getByRole('option')).toHaveCount(SEARCH_KEY_DOCS.length);
  for (const doc of SEARCH_KEY_DOCS) await expect(keys).toContainText(doc.example);
  expect(await seriousViolations(page, '.search-box')).toEqual([]);

  await box.fill('user:dokonkwo');
  await expect(page.getByText('not searched yet')).toBeVisible();
  await box.press('Enter');
  await expect(page.getByText('not searched yet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^User: (Dana Okonkwo|dokonkwo)$/ })).toBeVisible();
});

test('facets count distinct users and list the least common first, as the API counts them', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  test.slow();
  const all = await allEvents(request, baseURL!, adminToken);
  const perUser = new Map<string, number>();
  for (const e of all) perUser.set(e.user.githubLogin, (perUser.get(e.user.githubLogin) ?? 0) + 1);
  const leastFirst = [...perUser.values()].sort((a, b) => a - b);

  await openReadLog(page);
  const users = usersFacet(page);
  await expect(users).toContainText(`${perUser.size} users`);
  await users.getByRole('button', { name: 'Least common first' }).click();
  const counts = users.locator('.facet__count');
  await expect(counts.first()).toHaveText(leastFirst[0]!.toLocaleString('en-US'));
  const shown = (await counts.allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  expect(shown).toEqual(leastFirst.slice(0, shown.length));

  await users.getByRole('button', { name: `Show all ${perUser.size}` }).click();
  await expect(users.getByRole('searchbox', { name: 'Filter users' })).toBeVisible();
  const every = users.getByRole('region', { name: 'All users' });
  await expect(every).toBeVisible();
  expect(await seriousViolations(page, '.facets')).toEqual([]);
  // The arrow keys, Home and End move through the whole list, scrolling it.
  const entry = (i: number) => every.locator(`li[data-index="${i}"] .facet__include`);
  await entry(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(entry(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(entry(perUser.size - 1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(entry(perUser.size - 2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(entry(0)).toBeFocused();

  // People only: the machine actors' events leave the count.
  await users.getByRole('button', { name: 'People' }).click();
  await expect(page).toHaveURL(/q=-machine%3Atrue/);
  const people = all.filter((e) => !e.actorName && !e.actorUrn).length;
  await expect(page.getByTestId('match-count')).toHaveText(countText(people));
});
