/**
 * Shared steps of the export's browser tests: sign in, open a view, click DOWNLOAD and read the
 * file, and ask the API (and the server's own export) for the same view to compare against.
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import type { AuditLogEvent, AuditLogPage } from '../../common/pulumi/wire-types.ts';
import { formatCsvTimestamp } from '../../common/export/audit-csv.ts';
import { expect } from '../support/fixtures.ts';

export interface ExportView {
  user?: string;
  event?: string;
  startTime?: number;
  endTime?: number;
  /** A search (`q=`), which the console answers from its own read of the range. */
  q?: string;
}

/** The V2 filter parameters of a view. */
export function apiParams(view: ExportView): Record<string, string> {
  const params: Record<string, string> = {};
  if (view.user) params.userFilter = view.user;
  if (view.event) params.eventFilter = view.event;
  if (view.startTime !== undefined) params.startTime = String(view.startTime);
  if (view.endTime !== undefined) params.endTime = String(view.endTime);
  return params;
}

function viewPath(view: ExportView): string {
  const params = new URLSearchParams({ tz: 'utc' });
  if (view.user) params.set('user', view.user);
  if (view.event) params.set('event', view.event);
  if (view.startTime !== undefined) params.set('from', formatCsvTimestamp(view.startTime));
  if (view.endTime !== undefined) params.set('to', formatCsvTimestamp(view.endTime));
  if (view.q) params.set('q', view.q);
  return `/orgs/acme/audit-logs?${params}`;
}

/** Signs `page`'s context in with a session cookie (page.request shares it). */
export async function signIn(page: Page, baseURL: string, token: string): Promise<void> {
  const session = await page.request.post(`${baseURL}/console/session`, {
    data: { token },
    headers: { Origin: baseURL },
  });
  if (!session.ok()) throw new Error(`sign-in failed with ${session.status()}`);
}

/** Opens the log page showing `view` (signed in already). */
export async function openView(page: Page, baseURL: string, view: ExportView): Promise<void> {
  await page.goto(baseURL + viewPath(view));
  await page.getByRole('button', { name: 'Download', exact: true }).waitFor();
}

/**
 * Stops the console's own read of the range for its index (started by itself on the embedded
 * service), so every list request after it is the export's, and the export has the server to
 * itself.
 */
export async function stopIndexRead(page: Page): Promise<void> {
  await expect(page.getByText(/events? indexed/)).toBeVisible({ timeout: 60_000 });
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  if (await stop.isVisible()) await stop.click().catch(() => undefined);
  await expect(stop).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Clicks DOWNLOAD and resolves with the saved file's name and bytes; `whileSaving` runs after the
 * click, before the file is awaited.
 */
export async function downloadExport(
  page: Page,
  whileSaving?: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await whileSaving?.();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Every event of the view, straight from the V2 list API, page by page. */
export async function fetchViewEvents(
  request: APIRequestContext,
  baseURL: string,
  view: ExportView,
): Promise<AuditLogEvent[]> {
  const events: AuditLogEvent[] = [];
  let token: string | undefined;
  do {
    const params = {
      ...apiParams(view),
      pageSize: '1000',
      ...(token ? { continuationToken: token } : {}),
    };
    const response = await request.get(
      `${baseURL}/api/orgs/acme/auditlogs/v2?${new URLSearchParams(params)}`,
    );
    if (!response.ok()) throw new Error(`list answered ${response.status()}`);
    const page = (await response.json()) as AuditLogPage;
    events.push(...page.auditLogEvents);
    token = page.continuationToken ?? undefined;
  } while (token);
  return events;
}

/** The server's own CSV export of the view, decompressed (with the session cookie, or `token`). */
export async function serverExportBytes(
  request: APIRequestContext,
  baseURL: string,
  view: ExportView,
  token?: string,
  format: 'csv' | 'cef' = 'csv',
): Promise<Buffer> {
  const query = new URLSearchParams({ format, ...apiParams(view) });
  const headers = token ? { Authorization: `token ${token}` } : undefined;
  const response = await request.get(`${baseURL}/api/orgs/acme/auditlogs/v2/export?${query}`, {
    headers,
  });
  if (!response.ok()) throw new Error(`export answered ${response.status()}`);
  return response.body();
}

/**
 * Signs in to `server`, downloads its whole log from the log page, and resolves with the file
 * and the export of the same data by `reference` (a server without faults on the same folder).
 */
export async function downloadWholeLog(
  page: Page,
  server: { baseURL: string; adminToken: string },
  reference: { baseURL: string; adminToken: string },
): Promise<{ file: { name: string; bytes: Buffer }; expected: Buffer }> {
  await signIn(page, server.baseURL, server.adminToken);
  await openView(page, server.baseURL, {});
  await stopIndexRead(page);
  const file = await downloadExport(page);
  const expected = await serverExportBytes(
    page.request,
    reference.baseURL,
    {},
    reference.adminToken,
  );
  return { file, expected };
}
