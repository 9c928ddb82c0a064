import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { startTestServer } from '../e2e/support/test-server.ts';
import { buildHarness, serveHarness } from './support/harness.ts';
const out = await buildHarness();
const server = await startTestServer({ dataDir: process.env.DIR });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({ baseURL: server.baseURL, acceptDownloads: true });
  await serveHarness(context, server.baseURL, out);
  await context.request.post('/console/session', { data: { token: server.adminToken }, headers: { Origin: server.baseURL } });
  const page = await context.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('worker', (w) => { const t = performance.now(); console.log('worker created'); w.on('close', () => console.log('worker closed', performance.now() - t)); });
  await page.goto('/__bench/index.html?org=acme');
  for (let i = 0; i < 1; i++) {
    const dl = page.waitForEvent('download', { timeout: 300_000 });
    const t = performance.now();
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    console.log('clicked', performance.now() - t);
    const d = await dl;
    console.log('download event', performance.now() - t, d.suggestedFilename());
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
} finally {
  await browser.close();
  await server.stop();
}
