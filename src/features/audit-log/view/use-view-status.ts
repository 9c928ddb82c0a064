/**
 * Where the view's first page stands, for the controls around the table: filters that cannot
 * help over an access error, and a DOWNLOAD that has nothing to download. Read from the table's
 * own query, so it never asks the API anything itself.
 */
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  auditLogQueries,
  filtersOf,
  type AuditLogPageParam,
  type LoadedAuditLogPage,
} from '../api/audit-log-queries.ts';
import { describeAuditLogError, type AuditLogErrorKind } from '../api/describe-audit-log-error.ts';
import { useAuditLogView } from './use-audit-log-view.ts';

export type ViewStatus =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'empty' }
  | { state: 'failed'; kind: AuditLogErrorKind };

type Pages = InfiniteData<LoadedAuditLogPage, AuditLogPageParam | undefined>;

const isEmpty = (data: Pages): boolean => (data.pages[0]?.events.length ?? 0) === 0;

export function useViewStatus(org: string): ViewStatus {
  const { view } = useAuditLogView();
  const filters = useMemo(() => filtersOf(view), [view]);
  const query = useInfiniteQuery({ ...auditLogQueries.list(org, filters), select: isEmpty });
  if (query.isError && !query.isFetchNextPageError) {
    return { state: 'failed', kind: describeAuditLogError(query.error, org, view.user).kind };
  }
  if (query.data === undefined) return { state: 'loading' };
  return { state: query.data ? 'empty' : 'ready' };
}
