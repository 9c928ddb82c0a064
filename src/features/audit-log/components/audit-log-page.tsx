/**
 * The organization's audit log: filter bar, active filters, and the table filling the page.
 * The view lives in the URL; `toolbarActions` is where the app adds actions such as the export.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import { eventTypeQueries } from '../api/get-event-types.ts';
import { useAuditLogView } from '../view/use-audit-log-view.ts';
import { useCanonicalViewUrl } from '../view/use-canonical-view-url.ts';
import { useViewSnapshot } from '../view/use-view-snapshot.ts';
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
  /** Extra toolbar actions composed by the app (e.g. the export button). */
  toolbarActions?: ReactNode;
}

export function AuditLogPage({ org, toolbarActions }: AuditLogPageProps) {
  const state = useAuditLogView();
  const { view, setView, updateView } = state;
  const notice = useCanonicalViewUrl(state);
  const snapshot = useViewSnapshot(org);
  const eventTypes = useQuery(eventTypeQueries.list(org)).data ?? EVENT_TYPES;
  const filterUser = useCallback((user: string) => updateView({ user }), [updateView]);

  return (
    <div className="log-page">
      <div className="log-toolbar">
        <h1 className="log-toolbar__title">Audit log</h1>
        <div className="log-toolbar__filters" role="group" aria-label="Filters">
          <EventPicker
            eventTypes={eventTypes}
            value={view.event}
            onChange={(event) => updateView({ event })}
          />
          <TimeRangePicker view={view} onChange={updateView} />
          <TzToggle value={view.tz} onChange={(tz) => updateView({ tz })} />
        </div>
        <div className="log-toolbar__actions">
          <RefreshButton asOf={snapshot.asOf} tz={view.tz} onRefresh={snapshot.refresh} />
          <CopyLinkButton />
          {toolbarActions}
        </div>
      </div>
      <IgnoredParamsNotice ignored={notice.ignored} onDismiss={notice.dismiss} />
      <FilterChips view={view} eventTypes={eventTypes} onChange={setView} />
      <AuditLogResults
        org={org}
        view={view}
        onFilterUser={filterUser}
        onClearFilters={() => setView({ tz: view.tz })}
        onClearUser={() => updateView({ user: undefined })}
      />
    </div>
  );
}
