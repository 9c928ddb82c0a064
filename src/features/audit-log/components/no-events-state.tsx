import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { hasTimeFilter } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';

interface NoEventsStateProps {
  view: AuditLogView;
  onClearFilters: () => void;
}

export function NoEventsState({ view, onClearFilters }: NoEventsStateProps) {
  const filtered = hasTimeFilter(view) || view.user !== undefined || view.event !== undefined;
  return (
    <EmptyState
      title="No events in this range"
      actions={filtered ? <Button onClick={onClearFilters}>Clear filters</Button> : null}
    >
      <p>
        {filtered
          ? 'Nothing in the audit log matches these filters. Try a wider time range or fewer filters.'
          : 'This organization’s audit log has no events yet.'}
      </p>
    </EmptyState>
  );
}
