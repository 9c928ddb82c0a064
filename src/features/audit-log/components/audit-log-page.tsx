/**
 * The organization's audit log: filter bar, active filters, and the table filling the page.
 * The view lives in the URL; the app composes the export in as the view's primary action.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import { isAccessError } from '../api/describe-audit-log-error.ts';
import { eventTypeQueries } from '../api/get-event-types.ts';
import { useAuditLogView } from '../view/use-audit-log-view.ts';
import { useCanonicalViewUrl } from '../view/use-canonical-view-url.ts';
import { useKnownUser } from '../view/use-known-user.ts';
import { useViewSnapshot } from '../view/use-view-snapshot.ts';
import { useViewStatus } from '../view/use-view-status.ts';
import { AuditLogResults } from './audit-log-results.tsx';
import { CopyLinkButton } from './copy-link-button.tsx';
import { EventPicker } from './event-picker.tsx';
import { FilterChips } from './filter-chips.tsx';
import { IgnoredParamsNotice } from './ignored-params-notice.tsx';
import { RefreshButton } from './refresh-button.tsx';
import { TimeRangePicker } from './time-range-picker.tsx';
import { TzToggle } from './tz-toggle.tsx';

interface AuditLogPageProps {
  org: string;
  /** The view's primary action composed by the app (the export), beside the title. */
  primaryAction?: ReactNode;
  /** Where to go when this token cannot open the log (another token, another org). */
  accessWayOn?: ReactNode;
}

export function AuditLogPage({ org, primaryAction, accessWayOn }: AuditLogPageProps) {
  const state = useAuditLogView();
  const { view, setView, updateView } = state;
  const notice = useCanonicalViewUrl(state);
  const snapshot = useViewSnapshot(org);
  const status = useViewStatus(org);
  const eventTypes = useQuery(eventTypeQueries.list(org)).data ?? EVENT_TYPES;
  const filteredUser = useKnownUser(org, view.user);
  const filterUser = useCallback((user: string) => updateView({ user }), [updateView]);
  // Over "admins only", "not Enterprise" or an unknown organization no filter can help.
  const filtersUseless = status.state === 'failed' && isAccessError(status.kind);

  return (
    <div className="log-page">
      <div className="log-toolbar">
        <h1 className="log-toolbar__title">Audit log</h1>
        {primaryAction}
        <fieldset className="log-toolbar__filters" disabled={filtersUseless}>
          <legend className="sr-only">Filters</legend>
          <EventPicker
            eventTypes={eventTypes}
            value={view.event}
            onChange={(event) => updateView({ event })}
          />
          <TimeRangePicker view={view} onChange={updateView} />
          <TzToggle value={view.tz} onChange={(tz) => updateView({ tz })} />
        </fieldset>
        <div className="log-toolbar__actions">
          <RefreshButton asOf={snapshot.asOf} tz={view.tz} onRefresh={snapshot.refresh} />
          <CopyLinkButton />
        </div>
      </div>
      <IgnoredParamsNotice ignored={notice.ignored} onDismiss={notice.dismiss} />
      <FilterChips view={view} eventTypes={eventTypes} user={filteredUser} onChange={setView} />
      <AuditLogResults
        org={org}
        view={view}
        eventTypes={eventTypes}
        onFilterUser={filterUser}
        onChangeView={setView}
        accessWayOn={accessWayOn}
      />
    </div>
  );
}
