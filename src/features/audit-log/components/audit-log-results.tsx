/**
 * The rows behind the table and the states around them: loading, empty, failed, rows. The rows
 * come from the page's one row window (use-row-window.ts: the API's pages or the range index's).
 * The open event is in the URL (`details=`), so a link opens it and Back closes it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from '../../../components/notice.tsx';
import { Spinner } from '../../../components/spinner.tsx';
import { isUnauthorized } from '../../../lib/api-client.ts';
import type { AuditLogEvent, EventType } from '../../../../common/pulumi/wire-types.ts';
import { parseEventIdentity } from '../../../../common/pulumi/event-identity.ts';
import { describeAuditLogError } from '../api/describe-audit-log-error.ts';
import { linkedEventQuery } from '../api/linked-event-query.ts';
import { useNowSeconds } from '../format/use-now-seconds.ts';
import { useRowMarks } from '../search/use-row-marks.ts';
import { eventLinkView, identityOfRow, rowOfIdentity } from '../view/event-link.ts';
import type { ViewNavigation } from '../view/use-audit-log-view.ts';
import type { ListOptions } from '../view/use-audit-log-view-model.ts';
import type { ViewStatus } from '../view/view-model.ts';
import { serializeViewParams } from '../view/view-params.ts';
import { useTableLayout } from '../view/table-layout.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { AuditLogErrorState } from './audit-log-error-state.tsx';
import { AuditLogTable } from './audit-log-table.tsx';
import { EventDetailsDialog } from './event-details-dialog.tsx';
import { NoEventsState } from './no-events-state.tsx';
import { TableFooter } from './table-footer.tsx';
import { useRowWindow, type RowWindowIndex } from './use-row-window.ts';

interface AuditLogResultsProps {
  org: string;
  view: AuditLogView;
  eventTypes: readonly EventType[];
  onFilterUser: (login: string) => void;
  onFilterToken: (token: string) => void;
  onChangeView: (view: AuditLogView, options?: ViewNavigation) => void;
  /** Where to go when the log cannot be opened at all (another token, another org). */
  accessWayOn?: ReactNode;
  /** The view's list query, whose pages the row window observes. */
  listOptions: ListOptions;
  /** Where the view's first page stands (the view model's). */
  status: ViewStatus;
  /**
   * The index's side of the table's one row window (the API's side is the list query's pages).
   * The window lives here, not in the page, so the rows in view changing renders the results
   * alone.
   */
  rowIndex: RowWindowIndex;
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
  listOptions,
  status,
  rowIndex,
}: AuditLogResultsProps) {
  const rowWindow = useRowWindow(listOptions, rowIndex);
  const query = rowWindow.list;
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const { rows, rowCount, visible, onRangeChange, seek, source } = rowWindow;
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
  // The index is asked where the row is; the API's pages are read on from the top.
  const seeking = linked !== undefined && linkedRow === undefined;
  const seekPages = data?.pages.length ?? 0;
  useEffect(() => {
    if (
      seeking &&
      source === 'api' &&
      hasNextPage &&
      !isFetchingNextPage &&
      seekPages <= SEEK_PAGES
    ) {
      void fetchNextPage();
    }
  }, [seeking, source, hasNextPage, isFetchingNextPage, seekPages, fetchNextPage]);
  const sought = useRef<string>(undefined);
  useEffect(() => {
    if (!seeking || source !== 'index' || sought.current === linked) return;
    sought.current = linked;
    seek(parseEventIdentity(linked)?.timestamp ?? 0);
  }, [seeking, source, linked, seek]);
  // A row opened here is on screen already; a link opened afresh scrolls to its row once found.
  const revealIndex = openedHere(location.state) ? undefined : linkedRow;

  const marksOf = useRowMarks(rowIndex.session, rowIndex.status, rows, visible);
  // The range read in the background gives way while the person scrolls (yield-to-input.ts).
  const { session } = rowIndex;
  const yieldRead = useCallback(() => session?.yieldToInput(), [session]);
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
  if (status.state === 'failed') {
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
  if (rowWindow.pending) {
    // No read under way or on its way: the range is read only when the person asks (the
    // summary's button), and until then nothing is being searched.
    const waiting = !rowIndex.coming && rowIndex.status.state !== 'loading';
    return (
      <>
        {waiting ? (
          <Placeholder
            busy={false}
            text="Not searched yet: a search needs the whole range read. The button above reads it."
          />
        ) : (
          <Placeholder text="Searching the range…" />
        )}
        {details}
      </>
    );
  }
  if (rowCount === 0 && source === 'index' && rowWindow.loadingMore) {
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
  const footerError = rowWindow.loadFailed
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
        hasMore={rowWindow.hasMore}
        onRangeChange={onRangeChange}
        onOpenRow={openRow}
        onFilterRowUser={filterRowUser}
        highlightIndex={linkedRow}
        revealIndex={revealIndex}
        rowSource={source}
        onScroll={yieldRead}
        footer={
          <TableFooter
            loadedCount={rowCount}
            hasMore={rowWindow.hasMore}
            isLoadingMore={rowWindow.loadingMore}
            loadError={footerError}
            onRetry={rowWindow.retry}
          />
        }
      />
      {details}
    </>
  );
}

function Placeholder({ text, busy = true }: { text: string; busy?: boolean }) {
  return (
    <div className="results-placeholder" role="status">
      {busy && <Spinner size={20} />}
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
