/** The query behind the table and the states around it: loading, empty, failed, rows. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Spinner } from '../../../components/spinner.tsx';
import { isUnauthorized } from '../../../lib/api-client.ts';
import type { AuditLogEvent, EventType } from '../../../../common/pulumi/wire-types.ts';
import { auditLogQueries, filtersOf } from '../api/audit-log-queries.ts';
import { describeAuditLogError } from '../api/describe-audit-log-error.ts';
import { useNowSeconds } from '../format/use-now-seconds.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { AuditLogErrorState } from './audit-log-error-state.tsx';
import { AuditLogTable } from './audit-log-table.tsx';
import { EventDetailsDialog } from './event-details-dialog.tsx';
import { NoEventsState } from './no-events-state.tsx';
import { TableFooter } from './table-footer.tsx';
import { useFetchAround } from './use-fetch-around.ts';
import { useViewRows } from './use-view-rows.ts';

interface AuditLogResultsProps {
  org: string;
  view: AuditLogView;
  eventTypes: readonly EventType[];
  onFilterUser: (login: string) => void;
  onChangeView: (view: AuditLogView) => void;
  /** Where to go when the log cannot be opened at all (another token, another org). */
  accessWayOn?: ReactNode;
}

export function AuditLogResults({
  org,
  view,
  eventTypes,
  onFilterUser,
  onChangeView,
  accessWayOn,
}: AuditLogResultsProps) {
  const listQuery = auditLogQueries.list(org, filtersOf(view));
  const query = useInfiniteQuery(listQuery);
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const { rows, rowCount } = useViewRows(data);
  const onRangeChange = useFetchAround(query, data?.pages.length ?? 0, rows);
  const nowSeconds = useNowSeconds();
  // Not in the URL: events have no id (the log even holds identical ones), so a link could not
  // name one reliably, and a shared link should open the view, not a panel over it. Kept with
  // the view it was opened in, so Back to another view does not leave a stale panel open.
  const viewKey = JSON.stringify(listQuery.queryKey);
  const [selection, setSelection] = useState<{ viewKey: string; event: AuditLogEvent }>();
  const selected = selection?.viewKey === viewKey ? selection.event : undefined;
  const setSelected = useCallback(
    (event: AuditLogEvent | undefined) => setSelection(event ? { viewKey, event } : undefined),
    [viewKey],
  );
  const filterFromDetails = useCallback(
    (login: string) => {
      setSelected(undefined);
      onFilterUser(login);
    },
    [onFilterUser, setSelected],
  );
  const display = useMemo(
    () => ({ tz: view.tz, nowSeconds, onFilterUser }),
    [view.tz, nowSeconds, onFilterUser],
  );
  const openRow = useCallback((index: number) => setSelected(rows.at(index)), [rows, setSelected]);
  const filterRowUser = useCallback(
    (index: number) => {
      const login = rows.at(index)?.user.githubLogin;
      if (login) onFilterUser(login);
    },
    [rows, onFilterUser],
  );

  if (query.isPending || (query.isError && isUnauthorized(query.error))) {
    return (
      <div className="results-placeholder" role="status">
        <Spinner size={20} />
        <span>Loading events…</span>
      </div>
    );
  }
  if (query.isError && !isFetchNextPageError) {
    const text = describeAuditLogError(query.error, org, view.user);
    const retry = () => void query.refetch();
    const clearUser = () => onChangeView({ ...view, user: undefined });
    return (
      <AuditLogErrorState
        text={text}
        onRetry={retry}
        onClearUser={clearUser}
        accessWayOn={accessWayOn}
      />
    );
  }
  if (rowCount === 0) {
    return <NoEventsState view={view} eventTypes={eventTypes} onChange={onChangeView} />;
  }
  const footerError = isFetchNextPageError
    ? describeAuditLogError(query.error, org).message
    : undefined;
  return (
    <>
      <AuditLogTable
        rows={rows}
        rowCount={rowCount}
        display={display}
        hasMore={hasNextPage || rows.end < rowCount}
        onRangeChange={onRangeChange}
        onOpenRow={openRow}
        onFilterRowUser={filterRowUser}
        footer={
          <TableFooter
            loadedCount={rowCount}
            hasMore={hasNextPage}
            isLoadingMore={isFetchingNextPage}
            loadError={footerError}
            onRetry={() => void fetchNextPage()}
          />
        }
      />
      {selected ? (
        <EventDetailsDialog
          event={selected}
          onClose={() => setSelected(undefined)}
          onFilterUser={filterFromDetails}
        />
      ) : null}
    </>
  );
}
