import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, signInWithForm, waitForRows } from './viewer-helpers.ts';

// Opening a page while signed out costs one refused /api/user request, by design.
test.use({ allowConsoleErrors: [/status of 401/] });

test('signs in with an organization and lands on its log', async ({ page, adminToken }) => {
  await page.goto('/sign-in');
  await signInWithForm(page, adminToken, 'acme');
  await expect(page).toHaveURL(LOG_PATH);
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await waitForRows(page);
  await expect(page.getByRole('banner')).toContainText('Alex Rivera');
});

test('without an organization, lists the token’s organizations with roles', async ({
  page,
  memberToken,
}) => {
  await page.goto('/sign-in');
  await signInWithForm(page, memberToken);
  const list = page.getByRole('list', { name: 'Organizations' });
  await expect(list).toContainText('acme');
  await expect(list).toContainText('Member');
  await expect(list).toContainText('only organization admins can read the audit log');
  await expect(list.getByRole('link')).toHaveCount(0);
});

test('a member’s chooser has a way on: another token, or sign out', async ({
  page,
  memberToken,
  adminToken,
}) => {
  await page.goto('/sign-in');
  await signInWithForm(page, memberToken);
  await expect(page.getByText('This token can open no audit log')).toBeVisible();
  await page.getByRole('button', { name: 'Use another token' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel(/access token/i)).toBeFocused();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('alc_session');
  await signInWithForm(page, adminToken, 'acme');
  await expect(page).toHaveURL(LOG_PATH);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWithForm(page, memberToken);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Signed out');
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('alc_session');
});

test('an admin picks an organization from the list', async ({ page, adminToken }) => {
  await page.goto('/sign-in');
  await signInWithForm(page, adminToken);
  await page.getByRole('link', { name: 'Open audit log of acme' }).click();
  await expect(page).toHaveURL(LOG_PATH);
  await waitForRows(page);
});

test('a refused token says so and keeps the form', async ({ page }) => {
  await page.goto('/sign-in');
  await signInWithForm(page, 'pul-' + '0'.repeat(40), 'acme');
  await expect(page.getByRole('alert')).toContainText('not accepted');
  await expect(page).toHaveURL('/sign-in');
});

test('sign out ends the session and returns to sign-in', async ({ page, adminToken }) => {
  await page.goto('/sign-in');
  await signInWithForm(page, adminToken, 'acme');
  await waitForRows(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/sign-in');
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('alc_session');
  await page.goto(LOG_PATH);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
});

test('the token never reaches a URL, storage, the DOM or script-visible cookies', async ({
  page,
  adminToken,
}) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('console', (message) => expect(message.text()).not.toContain(adminToken));
  await page.goto(`${LOG_PATH}?tz=utc`);
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithForm(page, adminToken);
  await expect(page).toHaveURL(`${LOG_PATH}?tz=utc`);
  await waitForRows(page);

  expect(urls.filter((url) => url.includes(adminToken))).toEqual([]);
  expect(page.url()).not.toContain(adminToken);
  const visible = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    html: document.documentElement.outerHTML,
    history: JSON.stringify(history.state),
  }));
  for (const value of Object.values(visible)) expect(value).not.toContain(adminToken);
  expect(visible.cookie).not.toContain('alc_session');
  const session = (await page.context().cookies()).find((c) => c.name === 'alc_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Strict');
  expect(session?.value).not.toContain(adminToken);
});

test('a shared link opened signed out goes through sign-in to exactly that view', async ({
  browser,
  baseURL,
  adminToken,
}) => {
  const view = `${LOG_PATH}?user=kim&range=90d&tz=utc`;
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(view);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await expect(page.getByLabel('Organization')).toHaveValue('acme');
  await signInWithForm(page, adminToken);
  await expect(page).toHaveURL(view);
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('kim');
  await expect(page.getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});
