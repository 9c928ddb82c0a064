/**
 * The snapshot of the view the table shows, for actions outside it (the export, Refresh).
 * It is read from the table's own infinite query, so the export asks exactly what the table
 * asked; until the first page has loaded there is no snapshot yet.
 */
import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import {
  auditLogQueries,
  filtersOf,
  type AuditLogPageParam,
  type LoadedAuditLogPage,
} from '../api/audit-log-queries.ts';
import { toAuditLogQuery, type ViewSnapshot } from './time-range.ts';
import { useAuditLogView } from './use-audit-log-view.ts';
import type { TimeZoneMode } from './view-schema.ts';
import { searchOfView } from './view-search.ts';

export interface ViewSnapshotState {
  /** The API question of the table's pages; undefined until the first page has loaded. */
  query: AuditLogQuery | undefined;
  /** When the bounds were resolved (Unix seconds). */
  asOf: number | undefined;
  tz: TimeZoneMode;
  /** Starts the view over: every page is fetched again, with bounds resolved now. */
  refresh: () => void;
  /** The search the range index answers for this view (the table shows its matches). */
  search: { q: string; filter: string } | undefined;
}

type Pages = InfiniteData<LoadedAuditLogPage, AuditLogPageParam | undefined>;

// Module-level so the selection is not redone on every render; the result is structurally
// shared, so loading more pages does not re-render the readers of the snapshot. Every page
// carries the run's snapshot, so it holds when the first page has been dropped.
const firstSnapshot = (data: Pages): ViewSnapshot | undefined => data.pages[0]?.snapshot;

export function useViewSnapshot(org: string): ViewSnapshotState {
  const { view } = useAuditLogView();
  const queryClient = useQueryClient();
  const filters = useMemo(() => filtersOf(view), [view]);
  const { data: snapshot } = useInfiniteQuery({
    ...auditLogQueries.list(org, filters),
    select: firstSnapshot,
  });

  const query = useMemo(
    () => (snapshot ? toAuditLogQuery(org, filters, snapshot.bounds) : undefined),
    [org, filters, snapshot],
  );
  // A reset, not a refetch: a refetch would reuse the later pages' old bounds and tokens.
  const refresh = useCallback(() => {
    const { queryKey } = auditLogQueries.list(org, filters);
    void queryClient.resetQueries({ queryKey, exact: true });
  }, [queryClient, org, filters]);
  const { needsIndex, indexQuery, indexFilter } = useMemo(() => searchOfView(view), [view]);
  const search = useMemo(
    () => (needsIndex ? { q: indexQuery, filter: indexFilter } : undefined),
    [needsIndex, indexQuery, indexFilter],
  );
  return { query, asOf: snapshot?.asOf, tz: view.tz, refresh, search };
}
