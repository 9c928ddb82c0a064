/** An empty view names what excludes everything, lifts one filter at a time, and DOWNLOAD says why it is off. */
import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, signInContext, waitForRows } from './viewer-helpers.ts';

test('an empty view names its filters and lifts one at a time', async ({
  page,
  context,
  baseURL,
  adminToken,
}) => {
  await signInContext(context, baseURL!, adminToken);
  const before = 'from=2001-01-01T00%3A00%3A00Z&to=2001-01-02T00%3A00%3A00Z';
  await page.goto(`${LOG_PATH}?user=demo-admin&${before}&tz=utc`);
  const empty = page.getByRole('status').filter({ hasText: 'No events match these filters' });
  await expect(empty).toContainText('user demo-admin');
  const download = page.getByRole('button', { name: 'Download', exact: true });
  await expect(download).toBeDisabled();
  await expect(download).toHaveAccessibleDescription('No events in this view to download.');

  await page.getByRole('button', { name: /^All time/ }).click();
  await waitForRows(page);
  await expect(page).toHaveURL(/user=demo-admin/);
  await expect(page).not.toHaveURL(/from=/);
  await expect(download).toBeEnabled();
});
