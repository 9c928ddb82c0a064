/**
 * Automated export from the console: configure an S3-compatible store (a real one on loopback,
 * started by the global setup), test it, see a missing bucket named, save, pause and delete,
 * with the secret never shown again. Runs directly and through upstream mode's proxy.
 */
import { S3_ACCESS_KEY_ID, S3_SECRET } from '../../server/testing/s3-store.ts';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, signInContext } from '../viewer/viewer-helpers.ts';

const CONFIG = '/api/orgs/acme/auditlogs/export/config';

// Pulumi answers 404 while nothing is configured; the browser logs it as a failed load.
test.use({ allowConsoleErrors: [/status of 404 .*\/auditlogs\/export\/config\)$/] });

test('configure, test, save, pause and delete the automated export', async ({
  page,
  context,
  baseURL,
  adminToken,
}, testInfo) => {
  const endpoint = process.env.E2E_S3_ENDPOINT ?? '';
  expect(endpoint).not.toBe('');
  await signInContext(context, baseURL!, adminToken);
  // A run before this one may have left a configuration on the shared server.
  await context.request.delete(`${baseURL}${CONFIG}`);

  await page.goto(LOG_PATH);
  await page.getByRole('button', { name: 'More for this audit log' }).click();
  await page.getByRole('link', { name: 'Automated export' }).click();
  await expect(page.getByRole('heading', { name: 'Automated export' })).toBeVisible();
  await expect(page.getByText('Not configured')).toBeVisible();

  await page.getByLabel('Endpoint').fill(endpoint);
  await page.getByLabel('Bucket').fill('missing-bucket');
  await page.getByLabel('Path prefix').fill(`e2e-${testInfo.project.name}`);
  await page.getByLabel('Access key ID').fill(S3_ACCESS_KEY_ID);
  await page.getByLabel('Secret access key').fill(S3_SECRET);

  await page.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Test failed: Could not write a test object: the bucket does not exist (NoSuchBucket, HTTP 404)',
  );
  await page.getByLabel('Bucket').fill('audit');
  await page.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Test worked' })).toBeVisible();

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. The export is on.')).toBeVisible();
  await expect(page.getByText('Exporting', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Secret access key')).toHaveValue('');
  await expect(page.getByText('A secret is stored and never shown')).toBeVisible();
  expect(await page.content()).not.toContain(S3_SECRET);

  // Testing again uses the stored secret.
  await page.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Test worked' })).toBeVisible();

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused. Save to resume.')).toBeVisible();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  const settings = await context.request.get(`${baseURL}${CONFIG}`);
  expect(await settings.json()).toMatchObject({
    enabled: false,
    s3Config: { s3BucketName: 'audit' },
  });
  expect(await settings.text()).not.toContain(S3_SECRET);

  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Not configured')).toBeVisible();
});

test('the settings page and the menu have no serious axe violations, light and dark, at every width', async ({
  page,
  context,
  baseURL,
  adminToken,
  viaUpstream,
}, testInfo) => {
  test.skip(viaUpstream, 'the same page; once is enough');
  test.slow();
  await signInContext(context, baseURL!, adminToken);
  await context.request.post(`${baseURL}${CONFIG}`, {
    data: {
      newEnabled: true,
      newS3CompatibleConfiguration: {
        endpoint: process.env.E2E_S3_ENDPOINT,
        s3BucketName: 'audit',
        s3PathPrefix: 'e2e-axe',
        accessKeyId: S3_ACCESS_KEY_ID,
        secretAccessKey: S3_SECRET,
      },
    },
  });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1440, 768, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${LOG_PATH}/automated-export`);
      await expect(page.getByText('Exporting', { exact: true })).toBeVisible();
      expect(await seriousViolations(page), `${colorScheme}, ${width}`).toEqual([]);
      await page.screenshot({
        path: testInfo.outputPath(`settings-${colorScheme}-${width}.png`),
        fullPage: true,
      });
    }
  }
  await page.goto(LOG_PATH);
  await page.getByRole('button', { name: 'More for this audit log' }).click();
  await expect(page.getByRole('link', { name: 'Automated export' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('menu-dark.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Automated export' })).toBeHidden();
  await context.request.delete(`${baseURL}${CONFIG}`);
});
