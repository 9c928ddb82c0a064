import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import { activeFilters, type ActiveFilter } from '../view/active-filters.ts';
import type { AuditLogView } from '../view/view-schema.ts';

interface NoEventsStateProps {
  view: AuditLogView;
  eventTypes: readonly EventType[];
  onChange: (view: AuditLogView) => void;
}

const CLEAR_LABELS: Record<ActiveFilter['key'], string> = {
  search: 'Clear search',
  user: 'Any user',
  event: 'Any event',
  time: 'All time',
};

function describe(filters: readonly ActiveFilter[]): string {
  return filters.map((filter) => `${filter.label.toLowerCase()} ${filter.value}`).join(', ');
}

/**
 * An empty view names the filters that exclude everything and offers to lift each one alone,
 * so the admin keeps the rest of the view.
 */
export function NoEventsState({ view, eventTypes, onChange }: NoEventsStateProps) {
  const filters = activeFilters(view, eventTypes);
  if (filters.length === 0) {
    return (
      <EmptyState title="No events yet">
        <p>This organization’s audit log has no events yet.</p>
      </EmptyState>
    );
  }
  const title =
    filters.length === 1 ? 'No events match this filter' : 'No events match these filters';
  const actions = filters.map((filter) => (
    <Button key={filter.key} onClick={() => onChange(filter.without)}>
      {CLEAR_LABELS[filter.key]}
      <span className="sr-only"> (remove the {filter.label.toLowerCase()} filter)</span>
    </Button>
  ));
  return (
    <EmptyState title={title} actions={actions}>
      <p>Nothing in the audit log matches {describe(filters)}.</p>
      {filters.length > 1 ? <p>Lift one filter to see what the others match.</p> : null}
    </EmptyState>
  );
}
