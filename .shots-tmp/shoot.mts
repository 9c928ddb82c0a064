import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
const base = process.env.BASE ?? 'http://127.0.0.1:8099';
const token = 'pul-' + 'a1'.repeat(20);
const browser = await chromium.launch(chromiumLaunchOptions());
async function page(scheme: 'light' | 'dark', width = 1280, signIn = true) {
  const ctx = await browser.newContext({ baseURL: base, colorScheme: scheme, viewport: { width, height: 800 } });
  if (signIn) await ctx.request.post('/console/session', { data: { token }, headers: { Origin: base } });
  const p = await ctx.newPage();
  p.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  p.on('pageerror', (e) => console.log('pageerror:', e.message));
  return p;
}
const shots: [string, string, 'light' | 'dark', number, boolean?][] = JSON.parse(process.argv[2] ?? '[]');
for (const [name, path, scheme, width, signIn] of shots) {
  const p = await page(scheme, width, signIn ?? true);
  await p.goto(path);
  await p.waitForTimeout(1500);
  await p.screenshot({ path: `/tmp/shots/${name}.png` });
  console.log('saved', name, p.url());
  await p.context().close();
}
await browser.close();
