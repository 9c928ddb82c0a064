import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGEST_PAGE_SIZE, PULUMI_PAGE_EVENTS } from '../../common/pulumi/api-limits.ts';
import type { AuditLogEvent, AuditLogPage } from '../../common/pulumi/wire-types.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let limited: TestServer;
let open: TestServer;
beforeAll(async () => {
  limited = await startTestServer({ maxPageSize: 40 }); // 250 acme events
  open = await startTestServer();
});
afterAll(async () => {
  await limited.close();
  await open.close();
});

async function page(server: TestServer, query: string): Promise<AuditLogPage> {
  const response = await server.get(`/api/orgs/acme/auditlogs/v2${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AuditLogPage;
}

async function readAll(server: TestServer, pageSize: string): Promise<AuditLogEvent[][]> {
  const pages: AuditLogEvent[][] = [];
  let token: string | undefined;
  do {
    const next = token ? `&continuationToken=${encodeURIComponent(token)}` : '';
    const body = await page(server, `?pageSize=${pageSize}${next}`);
    pages.push(body.auditLogEvents);
    token = body.continuationToken ?? undefined;
  } while (token);
  return pages;
}

describe('MAX_PAGE_SIZE', () => {
  it('caps larger page sizes and requests without one, as Pulumi does at 100', async () => {
    expect((await page(limited, `?pageSize=${LARGEST_PAGE_SIZE}`)).auditLogEvents).toHaveLength(40);
    expect((await page(limited, '')).auditLogEvents).toHaveLength(40);
    expect((await page(limited, '?pageSize=7')).auditLogEvents).toHaveLength(7);
  });

  it('pages through the same events as an unlimited server', async () => {
    const pages = await readAll(limited, String(LARGEST_PAGE_SIZE));
    expect(pages.map((p) => p.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    const [whole] = await readAll(open, String(LARGEST_PAGE_SIZE));
    // Avatar URLs name each server's own origin; the rest must match.
    const strip = (events: AuditLogEvent[] = []) =>
      events.map((e) => ({ ...e, user: { ...e.user, avatarUrl: '' } }));
    expect(strip(pages.flat())).toEqual(strip(whole));
  });

  it('leaves the default page of 100 alone when unset', async () => {
    expect((await page(open, '')).auditLogEvents).toHaveLength(PULUMI_PAGE_EVENTS);
  });
});
