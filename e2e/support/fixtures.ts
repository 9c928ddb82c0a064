/**
 * The `test` every browser test uses: the shared server's address as baseURL, the demo tokens,
 * and a page that fails its test on any console error or uncaught page error.
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

interface Fixtures {
  adminToken: string;
  memberToken: string;
  /** Console errors matching one of these patterns are expected by the test (e.g. a 403). */
  allowConsoleErrors: RegExp[];
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the browser tests with \`npm run test:e2e\`.`);
  return value;
}

// Off-origin images (real Pulumi avatars) cannot load on a machine without internet; the app
// falls back to initials, so their failed loads are not errors of ours.
function isOffOriginLoadFailure(message: ConsoleMessage, baseURL: string): boolean {
  const url = message.location().url;
  return message.text().startsWith('Failed to load resource') && !!url && !url.startsWith(baseURL);
}

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    await use(requireEnv('E2E_BASE_URL'));
  },
  adminToken: async ({}, use) => {
    await use(requireEnv('E2E_ADMIN_TOKEN'));
  },
  memberToken: async ({}, use) => {
    await use(requireEnv('E2E_MEMBER_TOKEN'));
  },
  allowConsoleErrors: [[], { option: true }],
  page: async ({ page, baseURL, allowConsoleErrors }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (isOffOriginLoadFailure(message, baseURL ?? '')) return;
      const text = `${message.text()} (${message.location().url})`;
      if (allowConsoleErrors.some((pattern) => pattern.test(text))) return;
      errors.push(text);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await use(page);
    expect(errors, 'console errors on the page').toEqual([]);
  },
});

export { expect };
