import { expect, test } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { LOG_PATH, signInContext, waitForRows } from './viewer-helpers.ts';

test.describe('a member of the organization', () => {
  test.use({ allowConsoleErrors: [/status of 403/] });

  test('is told only admins can read the audit log', async ({
    page,
    context,
    baseURL,
    memberToken,
  }) => {
    await signInContext(context, baseURL!, memberToken);
    await page.goto(LOG_PATH);
    await expect(page.getByRole('alert')).toContainText(
      'Only organization admins can read the audit log',
    );
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    // No dead end: filters that cannot help are off, DOWNLOAD says why, another token is a click.
    await expect(page.getByRole('button', { name: /^Event:/ })).toBeDisabled();
    const download = page.getByRole('button', { name: 'Download', exact: true });
    await expect(download).toBeDisabled();
    await expect(download).toHaveAccessibleDescription(/could not be loaded/);
    await page.getByRole('button', { name: 'Use another token' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
});

test.describe('an organization without Enterprise', () => {
  test.use({ allowConsoleErrors: [/status of 400/] });
  test.beforeEach(async ({ context, baseURL, adminToken }) => {
    await signInContext(context, baseURL!, adminToken);
  });

  test('is told audit logs need the Enterprise edition', async ({ page }) => {
    await page.goto('/orgs/hobby/audit-logs');
    await expect(page.getByRole('alert')).toContainText('Enterprise edition');
    const choices = page.getByRole('list', { name: 'Organizations you can open' });
    await choices.getByRole('link', { name: 'acme' }).click();
    await expect(page).toHaveURL(LOG_PATH);
    await waitForRows(page);
  });

  test('is reachable from the org switcher', async ({ page }) => {
    await page.goto(LOG_PATH);
    await waitForRows(page);
    await page.getByRole('combobox', { name: 'Organization' }).selectOption('hobby');
    await expect(page).toHaveURL('/orgs/hobby/audit-logs');
    await expect(page.getByRole('alert')).toContainText('Enterprise edition');
  });

  test('switching keeps the filters that apply there and names the ones it left', async ({
    page,
  }) => {
    const q = 'token:gitlab-ci failed:true';
    await page.goto(
      `${LOG_PATH}?range=7d&event=user-login&user=kim&tz=utc&q=${encodeURIComponent(q)}`,
    );
    await waitForRows(page).catch(() => undefined);
    await page.getByRole('combobox', { name: 'Organization' }).selectOption('hobby');
    await expect(page).toHaveURL(/\/orgs\/hobby\/audit-logs\?/);
    const params = new URL(page.url()).searchParams;
    // hobby's log cannot say whether kim acts there (no Enterprise), so her filter stays.
    expect(Object.fromEntries(params)).toEqual({
      user: 'kim',
      event: 'user-login',
      range: '7d',
      tz: 'utc',
      q: 'failed:true',
    });
    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'Some filters do not apply in hobby' });
    await expect(notice).toContainText('token:gitlab-ci');
    await expect(notice).toContainText('tokens belong to one organization');
  });
});

test.describe('an unknown user filter', () => {
  test.use({ allowConsoleErrors: [/status of 404/] });

  test('says so and offers to clear it', async ({ page, context, baseURL, adminToken }) => {
    await signInContext(context, baseURL!, adminToken);
    await page.goto(`${LOG_PATH}?user=nobody-here`);
    await expect(page.getByRole('alert')).toContainText('no user with the login');
    await page.getByRole('button', { name: 'Clear user filter' }).click();
    await expect(page).toHaveURL(LOG_PATH);
    await waitForRows(page);
  });
});

test.describe('a failing server', () => {
  let server: TestServer;
  test.use({ allowConsoleErrors: [/status of 500/] });
  test.beforeAll(async () => {
    server = await startTestServer({ demoEvents: 200, env: { FAULTS: '500:1' } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('shows the error with a Retry after a few attempts', async ({ browser }) => {
    test.setTimeout(60_000);
    const context = await browser.newContext({ baseURL: server.baseURL });
    await signInContext(context, server.baseURL, server.adminToken);
    const page = await context.newPage();
    const firstPage: string[] = [];
    let lastListAt = Date.now();
    page.on('request', (r) => {
      if (!r.url().includes('/auditlogs/v2')) return;
      lastListAt = Date.now();
      if (!r.url().includes('continuationToken') && /pageSize=100(&|$)/.test(r.url()))
        firstPage.push(r.url());
    });
    await page.goto(LOG_PATH);
    // /api/user fails too with FAULTS=500:1, and is retried the same way.
    await expect(page.getByRole('alert')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(firstPage.length).toBeGreaterThanOrEqual(1);
    expect(firstPage.length).toBeLessThanOrEqual(4);
    // The range read started beside the first page ends with it: the asking stops.
    await expect
      .poll(() => Date.now() - lastListAt, { timeout: 30_000, intervals: [500] })
      .toBeGreaterThan(3000);
    await context.close();
  });
});
