import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueryValue } from '../../../lib/api-client.ts';
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import { getAuditLogPage } from '../../../lib/get-audit-log-page.ts';
import { createWindowPageFetcher } from '../../../lib/range-reader/fetch-window-page.ts';
import { requestBounds } from '../../../lib/range-reader/time-window.ts';
import { isNewerEventsCheck, NEWER_POLL_MS, newerEventsQuery } from './newer-events-query.ts';

// Every list page goes through the one page fetcher: record the address each would ask.
const asked: string[] = [];
vi.mock('../../../lib/api-client.ts', async (original) => {
  const real = await original<typeof import('../../../lib/api-client.ts')>();
  return {
    ...real,
    apiGet: (path: string, _check: unknown, { query }: { query: Record<string, QueryValue> }) => {
      asked.push(real.withQuery(path, query));
      return Promise.resolve({ auditLogEvents: [], continuationToken: undefined });
    },
  };
});

afterEach(() => (asked.length = 0));

describe('newerEventsQuery', () => {
  const view: AuditLogQuery = { org: 'acme', startTime: 1_000, endTime: 2_000 };

  it('asks nothing for a snapshot just taken, until one interval has passed', async () => {
    const client = new QueryClient();
    const answer = await client.fetchQuery(newerEventsQuery(view, false, Date.now()));
    expect(answer).toEqual({ count: 0, more: false });
    expect(asked).toEqual([]);
  });

  it('asks at once for a snapshot taken longer ago than that', async () => {
    const client = new QueryClient();
    await client.fetchQuery(newerEventsQuery(view, false, Date.now() - NEWER_POLL_MS - 1));
    expect(asked).toHaveLength(1);
  });
});

describe('isNewerEventsCheck', () => {
  const view: AuditLogQuery = { org: 'acme', user: 'kim', startTime: 1_000, endTime: 2_000 };

  it('knows the check by its address, and no read of a snapshot for it', async () => {
    await new QueryClient().fetchQuery(newerEventsQuery(view, false));
    const signal = new AbortController().signal;
    await createWindowPageFetcher(view)(requestBounds({ from: 1_500, to: 2_000 }), 't', signal);
    // The table's pages and the log-start probe ask with the snapshot's end too.
    await getAuditLogPage(view, { pageSize: 100 });
    await getAuditLogPage({ org: 'acme', endTime: 5 }, { pageSize: 1 });
    expect(asked.map(isNewerEventsCheck)).toEqual([true, false, false, false]);
  });
});
