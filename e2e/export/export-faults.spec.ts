/**
 * Under injected faults (429 with Retry-After, 500, connection resets) the export retries and
 * resumes from its continuation token: the file is complete and byte-identical to a fault-free
 * export of the same data.
 */
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { expect, test } from '../support/fixtures.ts';
import { downloadWholeLog } from './export-helpers.ts';

// The browser logs each refused or reset request; those are the faults this test injects.
test.use({ allowConsoleErrors: [/Failed to load resource/, /net::ERR_/] });

let faulty: TestServer;
let reference: TestServer;

test.beforeAll(async () => {
  // 100,000 events in pages of 2,000 are fifty pages or more: enough requests for the faults
  // to hit several (the test checks that they did; at ten bulk pages, read in a dozen requests
  // or so, one run in twenty could meet none). The reader's property tests cover many more
  // fault patterns without a browser.
  faulty = await startTestServer({
    demoEvents: 100_000,
    env: { FAULTS: '429:0.1,500:0.05,reset:0.02', FAULTS_SEED: '7', MAX_PAGE_SIZE: '2000' },
  });
  reference = await startTestServer({ dataDir: faulty.dataDir });
});

test.afterAll(async () => {
  await reference?.stop();
  await faulty?.stop();
});

test('an export under faults is complete and exact', async ({ page }) => {
  test.setTimeout(240_000);
  const faults: string[] = [];
  page.on('response', (response) => {
    if (/auditlogs\/v2\?/.test(response.url()) && response.status() >= 400)
      faults.push(String(response.status()));
  });
  page.on('requestfailed', (request) => {
    if (/auditlogs\/v2\?/.test(request.url()))
      faults.push(request.failure()?.errorText ?? 'failed');
  });
  const { file, expected } = await downloadWholeLog(page, faulty, reference);
  // An open view is exported up to the table's snapshot, so the name carries that instant.
  expect(file.name).toMatch(/^audit-log_acme_beginning_\d{8}T\d{6}Z\.csv$/);
  expect(file.bytes.length).toBe(expected.length);
  expect(file.bytes.equals(expected)).toBe(true);
  await expect(page.getByTestId('receipt-events')).toHaveText('100,000');
  test.info().annotations.push({ type: 'faults', description: faults.join(', ') });
  expect(faults.length).toBeGreaterThan(0);
});
