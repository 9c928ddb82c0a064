/**
 * Alerts from the console: a rule created from the log's current search, turned off and deleted
 * (embedded service); against Pulumi Cloud (upstream mode) the page says rules do not run there.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, signInContext, waitForRows } from '../viewer/viewer-helpers.ts';

// A documentation address (TEST-NET-3): public to the outbound guard, and no event of the demo
// log arrives while the test runs, so nothing is ever sent to it.
const WEBHOOK = 'https://203.0.113.10/hooks/T0001/do-not-show-this-path';
const SECRET = 'whsec-e2e-never-shown-0123456789';

async function openAlertsFromSearch(page: Page) {
  await page.goto(`${LOG_PATH}?q=${encodeURIComponent('failed:true')}&range=90d`);
  await waitForRows(page);
  await page.getByRole('link', { name: 'Alerts' }).click();
  await expect(page).toHaveURL(/\/orgs\/acme\/alerts\?q=failed%3Atrue$/);
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
}

test.describe('embedded service', () => {
  test.beforeEach(({ viaUpstream }) => {
    test.skip(viaUpstream, 'rules run in the embedded service only');
  });

  test('creates a rule from the current search, turns it off and deletes it; the secret and URL never show', async ({
    page,
    context,
    baseURL,
    adminToken,
  }) => {
    await signInContext(context, baseURL!, adminToken);
    await openAlertsFromSearch(page);
    const form = page.getByRole('form', { name: 'New rule' });
    await expect(form.getByLabel('Search')).toHaveValue('failed:true');
    await form.getByLabel('Name').fill('Failures from one address');
    await form.getByLabel('When').selectOption({ label: 'Within 15 minutes' });
    await form.getByLabel('Matches needed').fill('6');
    await form.getByLabel('Counted per').selectOption({ label: 'Source IP' });
    await form.getByLabel('Webhook URL').fill(WEBHOOK);
    await form.getByLabel('Signing secret (optional)').fill(SECRET);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create rule' }).click();
    await expect(form.getByRole('status')).toHaveText(
      'Rule “Failures from one address” created and on.',
    );

    const rules = page.getByRole('table', { name: 'Alert rules' });
    const row = rules.getByRole('row', { name: /Failures from one address/ });
    await expect(row).toContainText('failed:true');
    await expect(row).toContainText('6 or more matches per source IP within 15 minutes');
    await expect(row).toContainText('https://203.0.113.10');
    await expect(row).toContainText('JSON, signed');
    // Write-only: the form is cleared and nothing on the page holds the path or the secret.
    await expect(form.getByLabel('Webhook URL')).toHaveValue('');
    const html = await page.content();
    expect(html).not.toContain('do-not-show-this-path');
    expect(html).not.toContain(SECRET);

    await row.getByRole('checkbox').uncheck();
    await expect(row.getByRole('checkbox')).not.toBeChecked();
    await expect(row).toContainText('Off');
    await page.reload();
    await expect(
      page.getByRole('table', { name: 'Alert rules' }).getByRole('row', { name: /Failures/ }),
    ).toContainText('Off');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete rule Failures from one address' }).click();
    await expect(page.getByRole('row', { name: /Failures from one address/ })).toHaveCount(0);
  });
});

test.describe('embedded service, a refused webhook', () => {
  // The refusal is a 400 answer, which the browser logs.
  test.use({ allowConsoleErrors: [/status of 400/] });
  test.beforeEach(({ viaUpstream }) => {
    test.skip(viaUpstream, 'rules run in the embedded service only');
  });

  test('starts from a ready-made rule and says why a refused webhook is refused', async ({
    page,
    context,
    baseURL,
    adminToken,
  }) => {
    await signInContext(context, baseURL!, adminToken);
    await page.goto('/orgs/acme/alerts');
    await page.getByRole('button', { name: 'Start from Stack deleted' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await expect(form.getByLabel('Search')).toHaveValue('event:stack-deleted');
    await expect(form.getByLabel('When')).toHaveValue('0');
    await form.getByLabel('Webhook URL').fill('https://169.254.169.254/latest');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await expect(form.getByRole('alert')).toContainText(
      '169.254.169.254 is a cloud metadata address',
    );
    await expect(page.getByRole('row', { name: /Failures from one address/ })).toHaveCount(0);
  });
});

test.describe('upstream mode', () => {
  test.use({ allowConsoleErrors: [/status of 501/] });
  test.beforeEach(({ viaUpstream }) => {
    test.skip(!viaUpstream, 'the embedded service runs rules');
  });

  test('the Alerts page says rules do not run against Pulumi Cloud yet', async ({
    page,
    context,
    baseURL,
    adminToken,
  }) => {
    await signInContext(context, baseURL!, adminToken);
    await openAlertsFromSearch(page);
    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'Alerts do not run against Pulumi Cloud yet' });
    await expect(notice).toContainText('Alerts run in the embedded service only');
    await expect(page.getByRole('form', { name: 'New rule' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
