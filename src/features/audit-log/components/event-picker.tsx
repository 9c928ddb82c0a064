import { Popover } from '../../../components/popover.tsx';
import { Icon } from '../../../components/icon.tsx';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import type { SelectedValue } from '../../../lib/search-query/search-selection.ts';
import { categoryLabel } from '../format/category-label.ts';
import { EventListbox } from './event-listbox.tsx';

interface EventPickerProps {
  eventTypes: readonly EventType[];
  /** The event types and categories the view selects (`event=`, or the search's). */
  value: readonly SelectedValue[];
  /** False when the search narrows events in a way the picker cannot show. */
  exact?: boolean;
  onChange: (values: SelectedValue[]) => void;
}

/** What the button says: `eventPickerLabel(types, [a, b])` → "2 event types". */
export function eventPickerLabel(
  eventTypes: readonly EventType[],
  value: readonly SelectedValue[],
  exact = true,
): string {
  if (!exact) return 'As searched';
  const [only] = value;
  if (!only) return 'All events';
  if (value.length > 1) {
    const categories = value.filter((v) => v.key === 'category').length;
    return categories === 0 ? `${value.length} event types` : `${value.length} chosen`;
  }
  if (only.key === 'category') return `Every ${categoryLabel(only.value)} event`;
  return eventTypes.find((t) => t.event === only.value)?.displayName ?? only.value;
}

export function EventPicker({ eventTypes, value, exact, onChange }: EventPickerProps) {
  const current = eventPickerLabel(eventTypes, value, exact);
  return (
    <Popover
      label="Filter by event"
      triggerLabel={`Event: ${current}`}
      trigger={
        <>
          <Icon name="filter" size={14} />
          <span className="trigger__key">Event</span>
          <span className="trigger__value">{current}</span>
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {(close) => (
        <EventListbox
          eventTypes={eventTypes}
          value={value}
          onSelect={(values) => {
            close();
            onChange(values);
          }}
        />
      )}
    </Popover>
  );
}
