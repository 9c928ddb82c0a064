/**
 * The view's range in the index: the organization's session, its status as React state, and
 * whether the range is read by itself or waits for the person (index-policy.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { FacetEntry, FacetKey } from '../../../lib/range-index/facets.ts';
import {
  halted,
  type IndexSession,
  type IndexStatus,
} from '../../../lib/range-index/index-session.ts';
import type { AuditLogViewModel } from '../view/use-audit-log-view-model.ts';
import {
  estimateRange,
  needsDensitySample,
  needsLogStart,
  readsByItself,
  sampledWindow,
  stillPricing,
  type RangeEstimate,
} from './index-policy.ts';
import { searchQueries } from './search-queries.ts';
import { useSessionStatus } from './use-session-status.ts';
import { coverageOf, unreadEstimate, unreadRequests, type ViewCoverage } from './view-coverage.ts';

const EMPTY_WINDOW = { from: 0, to: 0 };

export interface RangeIndexState {
  session: IndexSession | undefined;
  status: IndexStatus;
  /** About how many events the range holds and requests reading it takes, when known. */
  estimate: RangeEstimate | undefined;
  /** What of the view's range the index has read: counts are exact only when complete. */
  coverage: ViewCoverage;
  /** What is still being found out before Read may be offered (index-policy.ts). */
  pricing: ReturnType<typeof stillPricing>;
  /** The range is read without asking. */
  automatic: boolean;
  /**
   * The range is, or will be, in the index without the person asking: held whole, being read,
   * read by itself once the page has decided, or still being decided. Not after a stop or a
   * failure, which wait for the person.
   */
  expected: boolean;
  /** Reads the range (the person asked, or asks again after a stop or failure). */
  read: () => void;
  stop: () => void;
  /** Reads the view's range again from the API, replacing what the index holds of it. */
  reread: () => void;
  /** Forgets what this browser keeps of the index, and this visit's. */
  forget: () => void;
  /** Values of a key seen in the range; undefined until the index holds any. */
  suggest: ((key: FacetKey, text: string, limit: number) => Promise<FacetEntry[]>) | undefined;
}

/** The view's range in the index, from the view model (the table's own query). */
export function useRangeIndex({
  org,
  filters,
  range,
  first,
}: Pick<AuditLogViewModel, 'org' | 'filters' | 'range' | 'first'>): RangeIndexState {
  const session = useQuery(searchQueries.session(org)).data;
  const config = useQuery(searchQueries.config());
  const service = config.data?.service;
  const status = useSessionStatus(session);
  // The index reads the whole range: a first page narrowed to a user or an event type says
  // too little about it.
  const narrowed = filters.user !== undefined || filters.event !== undefined;
  // What is left to read: measured by what the index holds where it overlaps the view (a
  // filter or Refresh moves the end by seconds), else by the view's first page.
  const unread = unreadEstimate(status, range);
  const page = range && !narrowed ? first : undefined;
  const probe = useQuery({
    ...searchQueries.logStart(org),
    enabled: unread === undefined && needsLogStart(service, range, page),
  });
  const logStart = probe.data;
  // Pages spread across a large range, for its density: its newest page tells the hour it was
  // read at more than the range (office hours, nights and weekends).
  const sample =
    unread === undefined && page && range && needsDensitySample(service, page, range, logStart)
      ? sampledWindow(page, range, logStart)
      : undefined;
  const density = useQuery({
    ...searchQueries.density(org, sample?.window ?? EMPTY_WINDOW, sample?.expected ?? 0),
    enabled: sample !== undefined,
  });
  // While the probes run the cost is unknown: no button that may vanish when it turns out small.
  const pricing = stillPricing({
    service,
    serviceFailed: config.isError,
    probing:
      (probe.isFetching && probe.data === undefined) ||
      (density.isFetching && density.data === undefined),
  });
  const estimate =
    unread !== undefined
      ? { events: unread, requests: unreadRequests(unread) }
      : page && range && (sample === undefined || !density.isPending)
        ? // A sample that failed leaves the first page's guess.
          estimateRange(page, range, logStart, sample && density.data)
        : undefined;
  const automatic = readsByItself(service, estimate?.events);

  // What this browser kept costs no request: always start from it.
  useEffect(() => session?.restore(), [session]);
  // After a restore or a forget too, read what the view lacks (a stop is not undone: see cover).
  const { state } = status;
  useEffect(() => {
    if (session && range && automatic) session.cover(range);
  }, [session, range, automatic, state]);
  // DOWNLOAD pressed while the cost is found out waits for the decision (after the read above
  // has started, when it does) rather than read the API beside it.
  useEffect(() => {
    session?.weighing(pricing && range ? range : undefined);
    return () => session?.weighing(undefined);
  }, [session, pricing, range]);

  const read = useCallback(() => {
    if (session && range) session.cover(range, { force: true });
  }, [session, range]);
  const stop = useCallback(() => session?.stop(), [session]);
  const reread = useCallback(() => {
    if (session && range) session.reread(range);
  }, [session, range]);
  const coverage = useMemo(() => coverageOf(status, range), [status, range]);
  // Undecided until the cost is known; a view narrowed to a user or an event never is (its first
  // page says nothing of the range's), and waits for the person unless the service reads it.
  const deciding = pricing !== false || (estimate === undefined && !narrowed);
  // Held or being read, as the session says; weighed is `deciding`, this render's own (the
  // session's copy is set after the render, and a stale one kept a priced view "coming").
  const outlook = range && session?.outlook(range);
  const expected =
    outlook === 'held' ||
    outlook === 'reading' ||
    (!halted(status.state) && (automatic || deciding));
  const forget = useCallback(() => void session?.forget(), [session]);
  const suggestValues = useCallback(
    (key: FacetKey, text: string, limit: number) =>
      session!.suggest({ key, text, limit, window: range }).then((answer) => answer.entries),
    [session, range],
  );
  const suggest = session && status.state !== 'idle' ? suggestValues : undefined;
  return {
    session,
    status,
    estimate,
    coverage,
    pricing,
    automatic,
    expected,
    read,
    stop,
    reread,
    forget,
    suggest,
  };
}
