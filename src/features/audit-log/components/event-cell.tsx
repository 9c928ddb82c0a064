import { findEventType } from '../../../../common/pulumi/event-catalog.ts';
import { categoryLabel } from '../format/category-label.ts';

/** The event's display name and category; the id (what the API and filters use) on hover. */
export function EventCell({ event }: { event: string }) {
  const type = findEventType(event);
  return (
    <div className="cell-stack" title={event}>
      <span className="cell-primary">{type?.displayName ?? event}</span>
      <span className="cell-secondary">
        {type ? categoryLabel(type.category) : 'Unknown event'}
      </span>
    </div>
  );
}
