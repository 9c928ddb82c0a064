/**
 * The `test` every browser test uses: the shared server's address as baseURL, the demo tokens,
 * and a page that fails its test on any console error or uncaught page error.
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

export interface E2eOptions {
  /** Run against the upstream-mode instance (a proxy to the seeded server) instead of it. */
  viaUpstream: boolean;
}

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

// Off-origin images (real Pulumi avatars) cannot load on a machine without internet, and in
// upstream mode the seeded server's http avatars are off-origin and refused by the CSP (real
// avatars are https); the app falls back to initials, so these are not errors of ours.
const BLOCKED_IMAGE = /^Loading the image '([^']+)' violates the following Content Security Policy/;

function isOffOriginLoadFailure(message: ConsoleMessage, baseURL: string): boolean {
  const text = message.text();
  const blockedImage = BLOCKED_IMAGE.exec(text)?.[1];
  if (blockedImage) return !blockedImage.startsWith(baseURL);
  const url = message.location().url;
  return text.startsWith('Failed to load resource') && !!url && !url.startsWith(baseURL);
}

export const test = base.extend<Fixtures & E2eOptions>({
  viaUpstream: [false, { option: true }],
  baseURL: async ({ viaUpstream }, use) => {
    await use(requireEnv(viaUpstream ? 'E2E_UPSTREAM_BASE_URL' : 'E2E_BASE_URL'));
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
