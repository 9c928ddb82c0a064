import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { filtersOf, type LoadedAuditLogPage } from '../api/audit-log-queries.ts';
import type { ViewSnapshot } from './time-range.ts';
import {
  firstPageOf,
  indexSearchOf,
  queryOf,
  rangeOf,
  snapshotOf,
  statusOf,
  type ListPages,
} from './view-model.ts';
import { searchOfView } from './view-search.ts';

const snapshot: ViewSnapshot = { bounds: { startTime: 1000, endTime: 2001 }, asOf: 2000 };
const events = (...timestamps: number[]) =>
  timestamps.map((timestamp) => ({ timestamp }) as AuditLogEvent);

function page(rowOffset: number, timestamps: number[], more = true): LoadedAuditLogPage {
  const param = { continuationToken: undefined, snapshot, rowOffset, previous: undefined };
  return {
    events: events(...timestamps),
    continuationToken: more ? 't' : undefined,
    snapshot,
    param,
  };
}
const list = (pages: LoadedAuditLogPage[] | undefined, error?: unknown, nextPageError = false) => ({
  data: pages && ({ pages } satisfies ListPages),
  isError: error !== undefined,
  isFetchNextPageError: nextPageError,
  error,
});

describe('the view model’s derivations from the one list query', () => {
  it('has no snapshot, query or range before the first page', () => {
    expect(snapshotOf(undefined)).toBeUndefined();
    expect(queryOf('acme', filtersOf({ tz: 'utc' }), undefined)).toBeUndefined();
    expect(rangeOf(undefined)).toBeUndefined();
    expect(statusOf(list(undefined), 'acme', { tz: 'utc' })).toEqual({ state: 'loading' });
  });

  it('asks the API what the table asked: the run’s bounds and the API’s part of the search', () => {
    const data = { pages: [page(0, [1990, 1980])] };
    const view = { tz: 'utc' as const, range: '7d' as const, q: 'user:kim failed:true' };
    expect(queryOf('acme', filtersOf(view), snapshotOf(data))).toEqual({
      org: 'acme',
      startTime: 1000,
      endTime: 2001,
    });
    expect(
      queryOf('acme', filtersOf({ tz: 'utc', q: 'user:kim' }), snapshotOf(data)),
    ).toMatchObject({
      user: 'kim',
    });
  });

  it('keeps the range once the first page is dropped, but not what that page said', () => {
    const later = { pages: [page(1000, [1500, 1400])] };
    expect(rangeOf(snapshotOf(later))).toEqual({ from: 1000, to: 2001 });
    expect(firstPageOf(later.pages[0])).toBeUndefined();
    const open = { ...snapshot, bounds: { startTime: undefined, endTime: 2001 } };
    expect(rangeOf(open)).toEqual({ from: 0, to: 2001 });
  });

  it('reads the first page’s density: newest, oldest, and events at the oldest second', () => {
    expect(firstPageOf(page(0, [1990, 1980, 1970, 1970]))).toEqual({
      events: 4,
      newest: 1990,
      oldest: 1970,
      atOldest: 2,
      more: true,
    });
    expect(firstPageOf(page(0, [], false))).toEqual({
      events: 0,
      newest: undefined,
      oldest: undefined,
      atOldest: 0,
      more: false,
    });
  });

  it('says ready, empty, or failed by the first page, and leaves a later page’s failure to the footer', () => {
    const view = { tz: 'utc' as const, user: 'kim' };
    expect(statusOf(list([page(0, [1990])]), 'acme', view)).toEqual({ state: 'ready' });
    expect(statusOf(list([page(0, [], false)]), 'acme', view)).toEqual({ state: 'empty' });
    expect(statusOf(list(undefined, new ApiError(403, 'no')), 'acme', view)).toEqual({
      state: 'failed',
      kind: 'forbidden',
    });
    const later = list([page(0, [1990])], new ApiError(500, 'later'), true);
    expect(statusOf(later, 'acme', view)).toEqual({ state: 'ready' });
  });

  it('gives the index the search only when the API cannot answer it', () => {
    expect(indexSearchOf(searchOfView({ q: 'user:kim' }))).toBeUndefined();
    expect(indexSearchOf(searchOfView({ q: 'failed:true', user: 'kim' }))).toEqual({
      q: 'failed:true',
      filter: 'user:kim',
    });
  });
});
