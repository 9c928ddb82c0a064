/**
 * A searchable, grouped listbox (ARIA combobox pattern): the text box keeps focus, arrows move
 * the active option, Enter or a click picks it. The first option clears the filter. With
 * "Choose several" the list is multi-select: Enter or a click adds or removes an event type or
 * a whole category, and **Apply** filters by either of them.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import type { SelectedValue } from '../../../lib/search-query/search-selection.ts';
import { bestEventMatch, groupEventTypes } from './event-options.ts';

interface EventListboxProps {
  eventTypes: readonly EventType[];
  /** The selected event types (`event`) and categories (`category`); empty for all events. */
  value: readonly SelectedValue[];
  onSelect: (values: SelectedValue[]) => void;
}

const ALL = '';
const keyOf = (v: SelectedValue) => `${v.key}:${v.value}`;
const valueOfKey = (key: string): SelectedValue => {
  const at = key.indexOf(':');
  return { key: key.slice(0, at) as 'event' | 'category', value: key.slice(at + 1) };
};

export function EventListbox({ eventTypes, value, onSelect }: EventListboxProps) {
  const [search, setSearch] = useState('');
  const [several, setSeveral] = useState(value.length > 1 || value.some((v) => v.key !== 'event'));
  const [chosen, setChosen] = useState<string[]>(() => value.map(keyOf));
  const groups = useMemo(() => groupEventTypes(eventTypes, search), [eventTypes, search]);
  const ids = useMemo(
    () => [
      ALL,
      ...groups.flatMap((g) => [
        ...(several ? [`category:${g.category}`] : []),
        ...g.types.map((t) => `event:${t.event}`),
      ]),
    ],
    [groups, several],
  );
  const [active, setActive] = useState(value[0] ? keyOf(value[0]) : ALL);
  const activeId = ids.includes(active) ? active : ALL;
  const baseId = useId();
  const optionId = (key: string) => `${baseId}-opt-${key || 'all'}`;
  const selected = several ? chosen : value.map(keyOf);
  const categoryOf = (key: string) =>
    eventTypes.find((t) => `event:${t.event}` === key)?.category ?? '';
  // A type in a chosen category is chosen with it.
  const inChosenCategory = (key: string) =>
    key.startsWith('event:') && selected.includes(`category:${categoryOf(key)}`);

  useEffect(() => {
    document.getElementById(optionId(activeId))?.scrollIntoView?.({ block: 'nearest' });
  });

  const pick = (key: string) => {
    if (key === ALL) return onSelect([]);
    if (!several) return onSelect([valueOfKey(key)]);
    if (inChosenCategory(key)) return;
    setChosen(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
  };
  const move = (delta: number | 'first' | 'last') => {
    const index = ids.indexOf(activeId);
    const next = delta === 'first' ? 0 : delta === 'last' ? ids.length - 1 : index + delta;
    setActive(ids[Math.max(0, Math.min(ids.length - 1, next))] ?? ALL);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(10),
      PageUp: () => move(-10),
      Enter: () => pick(activeId),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const option = (key: string, label: string, extra = '') => (
    <li
      key={key || 'all'}
      id={optionId(key)}
      role="option"
      aria-selected={
        key === ALL ? selected.length === 0 : selected.includes(key) || inChosenCategory(key)
      }
      className={`option${activeId === key ? ' option--active' : ''}${extra}`}
      onMouseMove={() => setActive(key)}
      onClick={() => pick(key)}
    >
      {several && key !== ALL ? <span className="option__check" aria-hidden="true" /> : null}
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
          const best = bestEventMatch(eventTypes, e.target.value);
          setActive(best ? `event:${best.event}` : ALL);
        }}
        onKeyDown={onKeyDown}
      />
      <label className="event-listbox__several">
        <input
          type="checkbox"
          checked={several}
          onChange={(e) => {
            setSeveral(e.target.checked);
            setChosen(value.map(keyOf));
          }}
        />
        Choose several types or whole categories
      </label>
      <ul
        id={`${baseId}-list`}
        role="listbox"
        aria-label="Event types"
        aria-multiselectable={several || undefined}
        className="listbox"
      >
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
              {several
                ? option(
                    `category:${group.category}`,
                    `Every ${group.label} event`,
                    ' option--category',
                  )
                : null}
              {group.types.map((type) => option(`event:${type.event}`, type.displayName))}
            </ul>
          </li>
        ))}
      </ul>
      {ids.length === 1 ? (
        <p className="muted listbox__empty">No event type matches “{search}”.</p>
      ) : null}
      {several ? (
        <div className="event-listbox__apply">
          <span className="muted" role="status">
            {chosen.length === 0
              ? 'None chosen: all events'
              : `${chosen.length} chosen: any of them`}
          </span>
          <button
            type="button"
            className="btn btn--primary btn--sm"
            onClick={() => onSelect(chosen.map(valueOfKey))}
          >
            Apply
          </button>
        </div>
      ) : null}
    </div>
  );
}
