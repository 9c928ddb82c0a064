import { Chip } from '../../../components/chip.tsx';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import { describeTimeRange } from '../format/describe-time-range.ts';
import { hasTimeFilter } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';

interface FilterChipsProps {
  view: AuditLogView;
  eventTypes: readonly EventType[];
  onChange: (view: AuditLogView) => void;
}

/** The active filters, each removable on its own; "Clear all" when there are several. */
export function FilterChips({ view, eventTypes, onChange }: FilterChipsProps) {
  const chips = [];
  if (view.user) {
    chips.push(
      <Chip
        key="user"
        label="User"
        value={view.user}
        onRemove={() => onChange({ ...view, user: undefined })}
      />,
    );
  }
  if (view.event) {
    const name = eventTypes.find((type) => type.event === view.event)?.displayName ?? view.event;
    chips.push(
      <Chip
        key="event"
        label="Event"
        value={name}
        onRemove={() => onChange({ ...view, event: undefined })}
      />,
    );
  }
  if (hasTimeFilter(view)) {
    const clearTime = () => onChange({ ...view, range: undefined, from: undefined, to: undefined });
    chips.push(
      <Chip key="time" label="Time" value={describeTimeRange(view)} onRemove={clearTime} />,
    );
  }
  if (chips.length === 0) return null;
  return (
    <div className="filter-chips" aria-label="Active filters" role="group">
      {chips}
      {chips.length > 1 ? (
        <button type="button" className="link-btn" onClick={() => onChange({ tz: view.tz })}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}
