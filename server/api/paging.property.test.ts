/**
 * Property: paging through any data set with any query returns exactly the events, in exactly
 * the order, that one plain SQL query gives, each once, even while newer events are appended
 * between pages.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditLogPage } from '../../common/pulumi/wire-types.ts';
import { FIXTURE_EVENT_TYPES, LOGINS, writeDirectory } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import type { NewAuditEvent } from '../store/audit-store.ts';

const T0 = 1_700_000_000;
let server: TestServer;
let raw: Database.Database;
let run = 0;

beforeAll(async () => {
  server = await startTestServer({ fixtures: writeDirectory });
  raw = new Database(path.join(server.dataDir, 'audit.db'), { readonly: true });
});
afterAll(async () => {
  raw.close();
  await server.close();
});

const eventArb = fc.record({
  offset: fc.integer({ min: 0, max: 20 }), // few distinct seconds: many events share one
  user: fc.constantFrom(...LOGINS),
  event: fc.constantFrom(...FIXTURE_EVENT_TYPES),
});
const queryArb = fc.record({
  version: fc.constantFrom('v1' as const, 'v2' as const),
  user: fc.option(fc.constantFrom(...LOGINS), { nil: undefined }),
  event: fc.option(fc.constantFrom(...FIXTURE_EVENT_TYPES), { nil: undefined }),
  start: fc.option(fc.integer({ min: -1, max: 22 }), { nil: undefined }),
  end: fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
  pageSize: fc.integer({ min: 1, max: 40 }),
  appendPerPage: fc.integer({ min: 0, max: 5 }),
});
type Query = typeof queryArb extends fc.Arbitrary<infer Q> ? Q : never;

function toEvents(
  org: string,
  specs: Array<{ offset: number; user: string; event: string }>,
  tag: string,
): NewAuditEvent[] {
  return specs.map((spec, i) => ({
    timestamp: T0 + spec.offset,
    sourceIP: '192.0.2.1',
    event: spec.event,
    description: `${org}:${tag}:${i}`,
    userLogin: spec.user,
  }));
}

/** The reference answer: one unpaged query, written independently of the store's SQL. */
function expected(org: string, q: Query): string[] {
  const where = ['org = @org'];
  if (q.user) where.push('user_login = @user');
  if (q.event) where.push('event = @event');
  if (q.version === 'v1') {
    where.push('timestamp < @start');
  } else {
    if (q.start !== undefined) where.push('timestamp >= @start');
    if (q.end !== undefined) where.push('timestamp < @end');
  }
  const sql = `SELECT description FROM events WHERE ${where.join(' AND ')} ORDER BY timestamp DESC, id DESC`;
  const params = {
    org,
    user: q.user,
    event: q.event,
    start: T0 + (q.start ?? 0),
    end: T0 + (q.end ?? 0),
  };
  const used = Object.fromEntries(
    Object.entries(params).filter(([key]) => sql.includes(`@${key}`)),
  );
  return raw
    .prepare<unknown[], { description: string }>(sql)
    .all(used)
    .map((row) => row.description);
}

function firstQuery(org: string, q: Query): string {
  const params = new URLSearchParams({ pageSize: String(q.pageSize) });
  if (q.user) params.set('userFilter', q.user);
  if (q.event) params.set('eventFilter', q.event);
  if (q.version === 'v1') params.set('startTime', String(T0 + (q.start ?? 0)));
  if (q.version === 'v2' && q.start !== undefined) params.set('startTime', String(T0 + q.start));
  if (q.version === 'v2' && q.end !== undefined) params.set('endTime', String(T0 + q.end));
  const suffix = q.version === 'v1' ? '/auditlogs' : '/auditlogs/v2';
  return `/api/orgs/${org}${suffix}?${params}`;
}

it('pages return every matching event exactly once, in SQL order', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(eventArb, { maxLength: 150, size: 'large' }),
      queryArb,
      async (specs, q) => {
        fc.pre(
          q.version === 'v1' || q.start === undefined || q.end === undefined || q.start < q.end,
        );
        const org = `prop-${++run}`;
        server.store.upsertOrganization({ name: org, displayName: org, enterprise: true });
        server.store.setMembership(org, 'ada', 'admin');
        server.store.appendEvents(org, toEvents(org, specs, 'old'));
        const want = expected(org, q);
        const got: string[] = [];
        let url = firstQuery(org, q);
        for (let pageNo = 0; ; pageNo++) {
          const response = await server.get(url);
          expect(response.status).toBe(200);
          const body = (await response.json()) as AuditLogPage;
          expect(body.auditLogEvents.length).toBeLessThanOrEqual(q.pageSize);
          got.push(...body.auditLogEvents.map((e) => e.description ?? ''));
          if (!body.continuationToken) break;
          // Newer events arrive while the client pages: at or after the newest second so far.
          const newer = Array.from({ length: q.appendPerPage }, () => ({
            offset: 20,
            user: 'ada',
            event: 'user-login',
          }));
          server.store.appendEvents(org, toEvents(org, newer, `new${pageNo}`));
          url = `${firstQuery(org, q)}&continuationToken=${encodeURIComponent(body.continuationToken)}`;
        }
        expect(got).toEqual(want);
      },
    ),
    { numRuns: 150 },
  );
});
