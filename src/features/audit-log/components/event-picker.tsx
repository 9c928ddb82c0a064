import { Popover } from '../../../components/popover.tsx';
import { Icon } from '../../../components/icon.tsx';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import { EventListbox } from './event-listbox.tsx';

interface EventPickerProps {
  eventTypes: readonly EventType[];
  value: string | undefined;
  onChange: (event: string | undefined) => void;
}

export function EventPicker({ eventTypes, value, onChange }: EventPickerProps) {
  const current = value
    ? (eventTypes.find((t) => t.event === value)?.displayName ?? value)
    : 'All events';
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
          onSelect={(event) => {
            close();
            onChange(event);
          }}
        />
      )}
    </Popover>
  );
}
