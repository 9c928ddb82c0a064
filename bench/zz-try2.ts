import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
const base = 'http://127.0.0.1:18998';
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({ baseURL: base });
  await context.request.post('/console/session', { data: { token: 'pul-' + 'a1'.repeat(20) }, headers: { Origin: base } });
  const page = await context.newPage();
  await page.goto('/healthz');
  const r = await page.evaluate(async () => {
    const out = [];
    let token = '';
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const res = await fetch('/api/orgs/acme/auditlogs/v2?pageSize=10000' + (token ? '&continuationToken=' + token : ''));
      const t1 = performance.now();
      const text = await res.text();
      const t2 = performance.now();
      const body = JSON.parse(text);
      const t3 = performance.now();
      token = body.continuationToken;
      out.push([Math.round(t1 - t0), Math.round(t2 - t1), Math.round(t3 - t2)]);
      if (!token) break;
    }
    return out;
  });
  console.log(JSON.stringify(r));
} finally {
  await browser.close();
}
