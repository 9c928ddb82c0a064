/**
 * Which Chromium the browser tests drive: Debian's (/usr/bin/chromium) when present, else one
 * installed by `npx playwright install chromium`, else a clear message saying how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Without the background-networking switches Chromium keeps dialling Google's hosts, which a
// closed network refuses; --no-sandbox is needed when the tests run as root (CI does).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumLaunchOptions(): LaunchOptions {
  if (existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS };
  }
  if (existsSync(chromium.executablePath())) {
    return { args: CHROMIUM_ARGS };
  }
  throw new Error(
    'No Chromium found for the browser tests. On Debian or Ubuntu: `sudo apt-get install -y chromium`; ' +
      'elsewhere: `npx playwright install chromium`.',
  );
}
