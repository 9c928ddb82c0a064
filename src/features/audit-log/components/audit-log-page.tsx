/**
 * The organization's audit log: filter bar, search, the count and activity chart, active
 * filters, and the table filling the page with the facets beside it. The view lives in the URL;
 * the app composes the export in as the view's primary action.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import { DEFAULT_CHART_GROUP, type ChartGroup } from '../../../lib/range-index/chart-group.ts';
import { flagOf, withFlag, withTerm } from '../../../lib/search-query/edit-search-query.ts';
import type { SearchTerm } from '../../../lib/search-query/search-query-types.ts';
import { zoneOf } from '../../../lib/time-format.ts';
import { isAccessError } from '../api/describe-audit-log-error.ts';
import { eventTypeQueries } from '../api/get-event-types.ts';
import { ActivityChart } from '../search/activity-chart.tsx';
import { FacetsPanel, type ActorKind } from '../search/facets-panel.tsx';
import { SearchBox } from '../search/search-box.tsx';
import { SearchNotice } from '../search/search-notice.tsx';
import { SearchSummary } from '../search/search-summary.tsx';
import { useRangeIndex } from '../search/use-range-index.ts';
import { useAllFacets, useSearchAnswer } from '../search/use-search-answer.ts';
import { UserPicker } from '../search/user-picker.tsx';
import type { AuditLogViewModel } from '../view/use-audit-log-view-model.ts';
import { useKnownUser } from '../view/use-known-user.ts';
import {
  eventSelectionOf,
  userSelectionOf,
  withEventSelection,
  withUserSelection,
} from '../view/toolbar-selection.ts';
import { ApiRequestMenu } from './api-request-menu.tsx';
import { AuditLogResults } from './audit-log-results.tsx';
import { CopyLinkButton } from './copy-link-button.tsx';
import { EventPicker } from './event-picker.tsx';
import { FilterChips } from './filter-chips.tsx';
import { IgnoredParamsNotice } from './ignored-params-notice.tsx';
import { LogColumnsProvider } from './log-column-table.tsx';
import { NewerEventsButton, RefreshButton } from './refresh-button.tsx';
import { TimeRangePicker } from './time-range-picker.tsx';
import { PageMenu, type PageMenuLink } from '../../../components/page-menu.tsx';
import { ToolbarDisclosure } from './toolbar-disclosure.tsx';
import { TzToggle } from './tz-toggle.tsx';
import { ViewOptions } from './view-options.tsx';

interface AuditLogPageProps {
  /** The page's one view model, built by the route (which composes the export with it). */
  model: AuditLogViewModel;
  /**
   * The view's primary action composed by the app (the export), beside the title; told when a
   * search has found nothing, which the API's answer cannot say.
   */
  primaryAction?: (state: { searchFoundNothing: boolean }) => ReactNode;
  /** Where to go when this token cannot open the log (another token, another org). */
  accessWayOn?: ReactNode;
  /** The "⋯" menu's links to the log's settings pages (automated export, …). */
  pageLinks?: PageMenuLink[];
}

export function AuditLogPage({
  model,
  primaryAction,
  accessWayOn,
  pageLinks = [],
}: AuditLogPageProps) {
  const { org, view, setView, updateView, notice, status, search, range, question } = model;
  const { openEnded, live, newer, refresh, pinnedLink } = model;
  const eventTypes = useQuery(eventTypeQueries.list(org)).data ?? EVENT_TYPES;
  const filteredUser = useKnownUser(org, view.user);
  const userSelection = useMemo(() => userSelectionOf(view), [view]);
  const eventSelection = useMemo(() => eventSelectionOf(view), [view]);
  const [pickedUser] = userSelection.values;
  const pickedUserInfo = useKnownUser(org, pickedUser?.value);
  // Filtering closes an open event: the panel belongs to the view it was opened in.
  const filterUser = useCallback(
    (user: string) => updateView({ user, details: undefined }),
    [updateView],
  );
  const addTerm = useCallback(
    (term: SearchTerm) =>
      updateView({ q: withTerm(view.q ?? '', term) || undefined, details: undefined }),
    [updateView, view.q],
  );
  const filterToken = useCallback(
    (token: string) => addTerm({ kind: 'field', key: 'token', value: token, negated: false }),
    [addTerm],
  );
  // Over "admins only", "not Enterprise" or an unknown organization no filter can help.
  const filtersUseless = status.state === 'failed' && isAccessError(status.kind);

  const index = useRangeIndex(model);
  const { answer, chartRange } = useSearchAnswer(org, index, question, view.group);
  // Stable, so the chart (memoised) is not redrawn while the table scrolls.
  const selectRange = useCallback(
    (from: number, to: number) => updateView({ from, to, range: undefined, details: undefined }),
    [updateView],
  );
  const setChartGroup = useCallback(
    (group: ChartGroup) => updateView({ group: group === DEFAULT_CHART_GROUP ? undefined : group }),
    [updateView],
  );
  const [wantAllFacets, setWantAllFacets] = useState(false);
  const wantAll = useCallback(() => setWantAllFacets(true), []);
  const allFacets = useAllFacets(org, index, question, wantAllFacets);
  const machines = flagOf(view.q ?? '', 'machine');
  const actors: ActorKind = machines === undefined ? 'all' : machines ? 'machines' : 'people';
  const setActors = (kind: ActorKind) => {
    const value = kind === 'all' ? undefined : kind === 'machines';
    updateView({ q: withFlag(view.q ?? '', 'machine', value) || undefined, details: undefined });
  };
  const { session, suggest } = index;
  const suggestScope = [org, range, index.status.revision];
  const rowIndex = useMemo(
    () => ({
      session,
      status: index.status,
      coverage: index.coverage,
      question,
      only: search.needsIndex,
      count: answer?.count,
      reading: answer?.loading ?? true,
      coming: index.expected,
    }),
    [session, index.status, index.coverage, index.expected, question, search.needsIndex, answer],
  );
  const timeZone = zoneOf(view.tz);
  // Beside the table on wide windows; on narrower ones above it, when asked for.
  const [showFacets, setShowFacets] = useState(false);
  const facetsId = useId();

  return (
    <LogColumnsProvider view={view} onChange={updateView}>
      <div className="log-page">
        <div className="log-toolbar">
          <h1 className="log-toolbar__title">Audit log</h1>
          {primaryAction?.({
            // Only a whole read can say a search finds nothing.
            searchFoundNothing:
              search.needsIndex && answer !== undefined && answer.exact && answer.count === 0,
          })}
          <PageMenu label="More for this audit log" links={pageLinks} />
          <ToolbarDisclosure label="Filters" />
          <fieldset className="log-toolbar__filters" disabled={filtersUseless}>
            <legend className="sr-only">Filters</legend>
            <UserPicker
              value={userSelection.values.length === 1 ? pickedUser?.value : undefined}
              valueLabel={
                !userSelection.exact
                  ? 'As searched'
                  : userSelection.values.length > 1
                    ? `${userSelection.values.length} users`
                    : pickedUserInfo?.name || undefined
              }
              onChange={(user) =>
                updateView({ ...withUserSelection(view, user), details: undefined })
              }
              suggest={suggest && ((text, limit) => suggest('user', text, limit))}
              suggestScope={suggestScope}
            />
            <EventPicker
              eventTypes={eventTypes}
              value={eventSelection.values}
              exact={eventSelection.exact}
              onChange={(values) =>
                updateView({ ...withEventSelection(view, values), details: undefined })
              }
            />
            <TimeRangePicker view={view} onChange={updateView} pinnedLink={pinnedLink} />
            <TzToggle value={view.tz} onChange={(tz) => updateView({ tz })} />
          </fieldset>
          <div className="log-toolbar__actions">
            <RefreshButton asOf={model.asOf} tz={view.tz} onRefresh={refresh} live={live} />
            <CopyLinkButton />
            <ApiRequestMenu
              query={model.query}
              search={search.needsIndex ? search.indexQuery || undefined : undefined}
            />
            <ViewOptions view={view} onChange={updateView} canFollow={openEnded} />
          </div>
        </div>
        <fieldset className="search-row" disabled={filtersUseless}>
          <legend className="sr-only">Search</legend>
          <SearchBox
            value={view.q ?? ''}
            onSearch={(q) => updateView({ q: q || undefined, details: undefined })}
            suggest={suggest}
            suggestScope={suggestScope}
          />
          {/* A view that failed says why once, in its own alert; counts of it would mislead. */}
          {status.state === 'failed' ? null : (
            <SearchSummary index={index} range={range} answer={answer} timeZone={timeZone} />
          )}
          {openEnded && !live ? <NewerEventsButton newer={newer} onRefresh={refresh} /> : null}
          {answer ? (
            <button
              type="button"
              className="btn btn--secondary btn--sm facets-toggle"
              aria-expanded={showFacets}
              aria-controls={facetsId}
              onClick={() => setShowFacets(!showFacets)}
            >
              {showFacets ? 'Hide facets' : 'Show facets'}
            </button>
          ) : null}
        </fieldset>
        <IgnoredParamsNotice
          ignored={notice.ignored}
          title={notice.title}
          onDismiss={notice.dismiss}
        />
        <SearchNotice errors={search.errors} />
        <FilterChips view={view} eventTypes={eventTypes} user={filteredUser} onChange={setView} />
        {answer?.histogram && chartRange && !filtersUseless ? (
          <ActivityChart
            histogram={answer.histogram}
            from={chartRange.from}
            to={chartRange.to}
            timeZone={timeZone}
            onSelectRange={selectRange}
            group={view.group ?? DEFAULT_CHART_GROUP}
            onGroup={setChartGroup}
          />
        ) : null}
        <div className={`log-body${showFacets ? ' log-body--facets-open' : ''}`}>
          <AuditLogResults
            org={org}
            view={view}
            eventTypes={eventTypes}
            onFilterUser={filterUser}
            onFilterToken={filterToken}
            onChangeView={setView}
            accessWayOn={accessWayOn}
            listOptions={model.listOptions}
            status={status}
            rowIndex={rowIndex}
          />
          {answer && !filtersUseless ? (
            <FacetsPanel
              id={facetsId}
              facets={answer.facets}
              distinct={answer.facetDistinct}
              allFacets={allFacets}
              onWantAll={wantAll}
              onTerm={addTerm}
              actors={actors}
              onActors={setActors}
            />
          ) : null}
        </div>
      </div>
    </LogColumnsProvider>
  );
}
