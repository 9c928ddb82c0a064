/**
 * The rows behind the table and the states around them: loading, empty, failed, rows. The rows
 * come from the API's pages, or from the range index when only it can answer the view. The
 * open event is in the URL (`details=`), so a link opens it and Back closes it.
 */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from '../../../components/notice.tsx';
import { Spinner } from '../../../components/spinner.tsx';
import { isUnauthorized } from '../../../lib/api-client.ts';
import type { IndexSession, IndexStatus } from '../../../lib/range-index/index-session.ts';
import type { AuditLogEvent, EventType } from '../../../../common/pulumi/wire-types.ts';
import { auditLogQueries, filtersOf } from '../api/audit-log-queries.ts';
import { describeAuditLogError } from '../api/describe-audit-log-error.ts';
import type { LoadedRows } from '../api/loaded-rows.ts';
import { linkedEventQuery } from '../api/linked-event-query.ts';
import { useNowSeconds } from '../format/use-now-seconds.ts';
import { useRowMarks } from '../search/use-row-marks.ts';
import { eventLinkView, identityOfRow, rowOfIdentity } from '../view/event-link.ts';
import type { ViewNavigation } from '../view/use-audit-log-view.ts';
import { serializeViewParams } from '../view/view-params.ts';
import { useTableLayout } from '../view/table-layout.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { AuditLogErrorState } from './audit-log-error-state.tsx';
import { AuditLogTable } from './audit-log-table.tsx';
import { EventDetailsDialog } from './event-details-dialog.tsx';
import { NoEventsState } from './no-events-state.tsx';
import { TableFooter } from './table-footer.tsx';
import { useFetchAround } from './use-fetch-around.ts';
import { useViewRows } from './use-view-rows.ts';

/** The index's rows for a view only it can answer. */
export interface IndexedResults {
  rows: LoadedRows;
  onRangeChange: (first: number, last: number) => void;
  /** Matches known so far; undefined until the index first answers. */
  count: number | undefined;
  /** The range is still being read: more matches may come. */
  loading: boolean;
}

interface AuditLogResultsProps {
  org: string;
  view: AuditLogView;
  eventTypes: readonly EventType[];
  onFilterUser: (login: string) => void;
  onFilterToken: (token: string) => void;
  onChangeView: (view: AuditLogView, options?: ViewNavigation) => void;
  /** Where to go when the log cannot be opened at all (another token, another org). */
  accessWayOn?: ReactNode;
  /** Set when the view needs the index (a search the API cannot answer). */
  indexed?: IndexedResults;
  /** The range index, for the rows' marker badges. */
  rangeIndex?: { session: IndexSession | undefined; status: IndexStatus };
}

/** History state of a details entry pushed here, so closing can go Back instead of forward. */
const OPENED_HERE = { detailsOpenedHere: true };
const openedHere = (state: unknown) =>
  typeof state === 'object' && state !== null && 'detailsOpenedHere' in state;
/** Pages read past the first to find a linked event before giving up on scrolling to it. */
const SEEK_PAGES = 10;

export function AuditLogResults({
  org,
  view,
  eventTypes,
  onFilterUser,
  onFilterToken,
  onChangeView,
  accessWayOn,
  indexed,
  rangeIndex,
}: AuditLogResultsProps) {
  const listQuery = auditLogQueries.list(org, filtersOf(view));
  const query = useInfiniteQuery(listQuery);
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const apiRows = useViewRows(data);
  const apiRangeChange = useFetchAround(query, data?.pages.length ?? 0, apiRows.rows);
  const rows = indexed ? indexed.rows : apiRows.rows;
  const rowCount = indexed ? (indexed.count ?? 0) : apiRows.rowCount;
  const nowSeconds = useNowSeconds();
  const navigate = useNavigate();
  const location = useLocation();

  const linked = view.details;
  const linkedEvent = useQuery({ ...linkedEventQuery(org, linked ?? ''), enabled: !!linked });
  const linkedRow = linked ? rowOfIdentity(rows, linked) : undefined;
  const queryClient = useQueryClient();
  const openRow = useCallback(
    (index: number) => {
      const event = rows.at(index);
      const identity = identityOfRow(rows, index);
      if (!event || !identity) return;
      // The row is the event: the panel opens at once instead of asking the API for it.
      queryClient.setQueryData(linkedEventQuery(org, identity).queryKey, event);
      onChangeView({ ...view, details: identity }, { state: OPENED_HERE });
    },
    [rows, view, onChangeView, queryClient, org],
  );
  const closeDetails = useCallback(() => {
    if (openedHere(location.state)) void navigate(-1);
    else onChangeView({ ...view, details: undefined }, { replace: true });
  }, [location.state, navigate, onChangeView, view]);
  const linkTo = useCallback(() => {
    const params = serializeViewParams(eventLinkView(view, linked ?? ''));
    return `${window.location.origin}${window.location.pathname}?${params.toString()}`;
  }, [view, linked]);

  // A link opened afresh: read on until the event's row is loaded, then bring it into view.
  const seeking = linked !== undefined && linkedRow === undefined && !indexed;
  const seekPages = data?.pages.length ?? 0;
  useEffect(() => {
    if (seeking && hasNextPage && !isFetchingNextPage && seekPages <= SEEK_PAGES) {
      void fetchNextPage();
    }
  }, [seeking, hasNextPage, isFetchingNextPage, seekPages, fetchNextPage]);
  // A row opened here is on screen already; a link opened afresh scrolls to its row once found.
  const revealIndex = openedHere(location.state) ? undefined : linkedRow;

  const [visible, setVisible] = useState({ first: 0, last: -1 });
  const rangeChange = indexed ? indexed.onRangeChange : apiRangeChange;
  const onRangeChange = useCallback(
    (first: number, last: number) => {
      setVisible((v) => (v.first === first && v.last === last ? v : { first, last }));
      rangeChange(first, last);
    },
    [rangeChange],
  );
  const marksOf = useRowMarks(rangeIndex?.session, rangeIndex?.status, rows, visible);
  const display = useMemo(
    () => ({ tz: view.tz, nowSeconds, onFilterUser }),
    [view.tz, nowSeconds, onFilterUser],
  );
  const layout = useTableLayout(view);
  const filterRowUser = useCallback(
    (index: number) => {
      const login = rows.at(index)?.user.githubLogin;
      if (login) onFilterUser(login);
    },
    [rows, onFilterUser],
  );

  const details = linked ? (
    <LinkedDetails
      event={linkedEvent.data}
      failed={linkedEvent.isError}
      onClose={closeDetails}
      onFilterUser={onFilterUser}
      onFilterToken={onFilterToken}
      link={linkTo}
    />
  ) : null;

  if (query.isPending || (query.isError && isUnauthorized(query.error))) {
    return <Placeholder text="Loading events…" />;
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
  if (indexed && indexed.count === undefined) {
    return (
      <>
        <Placeholder text="Searching the range…" />
        {details}
      </>
    );
  }
  if (rowCount === 0 && indexed?.loading) {
    return (
      <>
        <Placeholder text="No matches yet; still reading the range…" />
        {details}
      </>
    );
  }
  if (rowCount === 0) {
    return (
      <>
        <NoEventsState view={view} eventTypes={eventTypes} onChange={onChangeView} />
        {details}
      </>
    );
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
        marksOf={marksOf}
        layout={layout}
        hasMore={indexed ? indexed.loading : hasNextPage || rows.end < rowCount}
        onRangeChange={onRangeChange}
        onOpenRow={openRow}
        onFilterRowUser={filterRowUser}
        highlightIndex={linkedRow}
        revealIndex={revealIndex}
        footer={
          indexed ? (
            <TableFooter
              loadedCount={rowCount}
              hasMore={indexed.loading}
              isLoadingMore={indexed.loading}
              onRetry={() => undefined}
            />
          ) : (
            <TableFooter
              loadedCount={rowCount}
              hasMore={hasNextPage}
              isLoadingMore={isFetchingNextPage}
              loadError={footerError}
              onRetry={() => void fetchNextPage()}
            />
          )
        }
      />
      {details}
    </>
  );
}

function Placeholder({ text }: { text: string }) {
  return (
    <div className="results-placeholder" role="status">
      <Spinner size={20} />
      <span>{text}</span>
    </div>
  );
}

interface LinkedDetailsProps {
  event: AuditLogEvent | null | undefined;
  failed: boolean;
  onClose: () => void;
  onFilterUser: (login: string) => void;
  onFilterToken: (token: string) => void;
  link: () => string;
}

/** The open event's panel once the link is resolved; a notice when it names no event. */
function LinkedDetails({ event, failed, onClose, ...actions }: LinkedDetailsProps) {
  if (event) return <EventDetailsDialog event={event} onClose={onClose} {...actions} />;
  if (event === null || failed) {
    return (
      <Notice tone="warning" title="The linked event could not be opened" onDismiss={onClose}>
        {failed
          ? 'Reading it from the audit log failed. Try the link again later.'
          : 'No event of this organization’s audit log matches the link. It may come from another organization.'}
      </Notice>
    );
  }
  return null;
}
