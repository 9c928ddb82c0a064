/**
 * A searchable, grouped listbox (ARIA combobox pattern): the text box keeps focus, arrows move
 * the active option, Enter picks it. The first option clears the filter.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import { bestEventMatch, groupEventTypes } from './event-options.ts';

interface EventListboxProps {
  eventTypes: readonly EventType[];
  value: string | undefined;
  onSelect: (event: string | undefined) => void;
}

const ALL = '';

export function EventListbox({ eventTypes, value, onSelect }: EventListboxProps) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => groupEventTypes(eventTypes, search), [eventTypes, search]);
  const ids = useMemo(() => [ALL, ...groups.flatMap((g) => g.types.map((t) => t.event))], [groups]);
  const [active, setActive] = useState(value ?? ALL);
  const activeId = ids.includes(active) ? active : ALL;
  const baseId = useId();
  const optionId = (event: string) => `${baseId}-opt-${event || 'all'}`;

  useEffect(() => {
    document
      .getElementById(`${baseId}-opt-${activeId || 'all'}`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId, baseId]);

  const move = (delta: number | 'first' | 'last') => {
    const index = ids.indexOf(activeId);
    const next = delta === 'first' ? 0 : delta === 'last' ? ids.length - 1 : index + delta;
    const id = ids[Math.max(0, Math.min(ids.length - 1, next))] ?? ALL;
    setActive(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(10),
      PageUp: () => move(-10),
      Enter: () => onSelect(activeId || undefined),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const option = (event: string, label: string) => (
    <li
      key={event || 'all'}
      id={optionId(event)}
      role="option"
      aria-selected={(value ?? ALL) === event}
      className={`option${activeId === event ? ' option--active' : ''}`}
      onMouseMove={() => setActive(event)}
      onClick={() => onSelect(event || undefined)}
    >
      {label}
    </li>
  );

  return (
    <div className="event-listbox">
      <input
        className="input"
        type="search"
        role="combobox"
        aria-label="Search event types"
        aria-expanded="true"
        aria-controls={`${baseId}-list`}
        aria-activedescendant={optionId(activeId)}
        aria-autocomplete="list"
        placeholder="Search events…"
        autoFocus
        value={search}
        onChange={(e) => {
          // Typing narrows the list; Enter then picks the best match, not "All events".
          setSearch(e.target.value);
          setActive(bestEventMatch(eventTypes, e.target.value)?.event ?? ALL);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${baseId}-list`} role="listbox" aria-label="Event types" className="listbox">
        {option(ALL, 'All events')}
        {groups.map((group) => (
          <li key={group.category} role="presentation">
            <ul role="group" aria-labelledby={`${baseId}-grp-${group.category}`}>
              <li
                role="presentation"
                id={`${baseId}-grp-${group.category}`}
                className="listbox__group"
              >
                {group.label}
              </li>
              {group.types.map((type) => option(type.event, type.displayName))}
            </ul>
          </li>
        ))}
      </ul>
      {ids.length === 1 ? (
        <p className="muted listbox__empty">No event type matches “{search}”.</p>
      ) : null}
    </div>
  );
}
