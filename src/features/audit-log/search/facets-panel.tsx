/**
 * The users, events, addresses and tokens of the view, with counts: the commonest first, or
 * the least common (the odd one out), each facet's distinct count, and every value on demand in
 * a virtualised list with a filter box. A click includes a value in the search; the minus
 * button beside it excludes it. Each changes `q=`. Users can be narrowed to people or machines.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { SegmentedControl } from '../../../components/segmented-control.tsx';
import type {
  FacetDistinct,
  FacetEntry,
  FacetName,
  Facets,
} from '../../../lib/range-index/facets.ts';
import type { SearchTerm } from '../../../lib/search-query/search-query-types.ts';
import { parseIpRange } from '../../../lib/ip-address/ip-range.ts';
import { showBidiControls } from '../../../lib/visible-text.ts';
import { FACET_ENTRIES } from './use-search-answer.ts';
import { formatCount } from '../../../lib/count-format.ts';

/** Everyone, people only (`-machine:true`) or machines only (`machine:true`). */
export type ActorKind = 'all' | 'people' | 'machines';

interface FacetsPanelProps {
  id?: string;
  /** The top entries of each facet. */
  facets: Facets;
  distinct: FacetDistinct;
  /** Every entry of each facet, once asked for with `onWantAll`. */
  allFacets: Facets | undefined;
  onWantAll: () => void;
  /** Adds the term to the search (included or excluded). */
  onTerm: (term: SearchTerm) => void;
  actors: ActorKind;
  onActors: (kind: ActorKind) => void;
}

const GROUPS: { name: FacetName; title: string; noun: [string, string] }[] = [
  { name: 'users', title: 'Users', noun: ['user', 'users'] },
  { name: 'events', title: 'Events', noun: ['event type', 'event types'] },
  { name: 'ips', title: 'Source IPs', noun: ['address', 'addresses'] },
  { name: 'tokens', title: 'Tokens', noun: ['token', 'tokens'] },
];

const ROW_HEIGHT = 30;
const ACTOR_OPTIONS = [
  { value: 'all', content: 'Everyone' },
  { value: 'people', content: 'People' },
  { value: 'machines', content: 'Machines' },
] as const;

const byCount = (order: 'most' | 'least') => (a: FacetEntry, b: FacetEntry) =>
  (order === 'most' ? b.count - a.count : a.count - b.count) ||
  (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** The search term a facet value names, or undefined for an address the parser refuses. */
export function facetTerm(
  name: FacetName,
  value: string,
  negated: boolean,
): SearchTerm | undefined {
  if (name === 'ips') {
    const range = parseIpRange(value);
    return range ? { kind: 'ip', value, range, negated } : undefined;
  }
  const key = ({ users: 'user', events: 'event', tokens: 'token' } as const)[name];
  return { kind: 'field', key, value, negated };
}

function FacetRow({
  name,
  entry,
  max,
  onTerm,
  style,
  index,
}: {
  name: FacetName;
  entry: FacetEntry;
  max: number;
  onTerm: (term: SearchTerm) => void;
  style?: React.CSSProperties;
  /** The entry's place in the full list, for the arrow keys. */
  index?: number;
}) {
  const include = facetTerm(name, entry.value, false);
  const exclude = facetTerm(name, entry.value, true);
  const shown = showBidiControls(entry.label);
  const label = showBidiControls(
    entry.label === entry.value ? entry.value : `${entry.label} (${entry.value})`,
  );
  return (
    <li className="facet" style={style} data-index={index}>
      <button
        type="button"
        className="facet__include"
        title={`Only ${label}`}
        disabled={!include}
        onClick={() => include && onTerm(include)}
      >
        <span className="facet__bar" style={{ width: `${(entry.count / max) * 100}%` }} />
        <span className="facet__label">{shown}</span>
        <span className="facet__count">{formatCount(entry.count)}</span>
      </button>
      <button
        type="button"
        className="icon-btn facet__exclude"
        aria-label={`Exclude ${label}`}
        title={`Exclude ${label}`}
        disabled={!exclude}
        onClick={() => exclude && onTerm(exclude)}
      >
        <Icon name="minus" size={12} />
      </button>
    </li>
  );
}

/** Where the arrow keys, Home and End move from `at` in a list of `count` entries. */
export function nextEntry(key: string, at: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowDown') return Math.min(count - 1, at + 1);
  if (key === 'ArrowUp') return Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/**
 * Every entry, in a scroller that renders only the rows in view. Up and Down (Home, End) move
 * between entries, scrolling the one reached into view before focusing it.
 */
function AllEntries({
  name,
  title,
  entries,
  max,
  onTerm,
}: {
  name: FacetName;
  title: string;
  entries: FacetEntry[];
  max: number;
  onTerm: (term: SearchTerm) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  // The entry to focus once the scroll has rendered it.
  const pending = useRef<number>(undefined);
  useEffect(() => {
    if (pending.current === undefined) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(
      `li[data-index="${pending.current}"] .facet__include`,
    );
    if (!button) return;
    pending.current = undefined;
    button.focus();
  });
  const onKeyDown = (event: React.KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    const at = row ? Number(row.dataset.index) : -1;
    const next = nextEntry(event.key, at, entries.length);
    if (next === undefined) return;
    event.preventDefault();
    pending.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const button = scroller.current?.querySelector<HTMLButtonElement>(
      `li[data-index="${next}"] .facet__include`,
    );
    if (button) {
      pending.current = undefined;
      button.focus();
    }
  };
  return (
    // Focusable, so the keyboard can scroll it (its buttons are reached by Tab too).
    <div
      ref={scroller}
      className="facets__scroller"
      tabIndex={0}
      role="region"
      aria-label={`All ${title.toLowerCase()}`}
      onKeyDown={onKeyDown}
    >
      <ul className="facets__list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]!;
          return (
            <FacetRow
              key={entry.value}
              name={name}
              entry={entry}
              max={max}
              onTerm={onTerm}
              index={item.index}
              style={{ position: 'absolute', top: item.start, left: 0, right: 0 }}
            />
          );
        })}
      </ul>
    </div>
  );
}

function FacetGroup({
  name,
  title,
  noun,
  top,
  all,
  distinct,
  onWantAll,
  onTerm,
  children,
}: {
  name: FacetName;
  title: string;
  noun: [string, string];
  top: FacetEntry[];
  all: FacetEntry[] | undefined;
  distinct: number;
  onWantAll: () => void;
  onTerm: (term: SearchTerm) => void;
  children?: React.ReactNode;
}) {
  const [order, setOrder] = useState<'most' | 'least'>('most');
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState('');
  // The least common, or every value, need the whole list.
  const needsAll = (expanded || order === 'least') && distinct > top.length;
  useEffect(() => {
    if (needsAll && !all) onWantAll();
  }, [needsAll, all, onWantAll]);
  const source = needsAll ? (all ?? []) : top;
  const needle = filter.trim().toLowerCase();
  const shown = source
    .filter(
      (e) =>
        !expanded ||
        !needle ||
        e.label.toLowerCase().includes(needle) ||
        e.value.toLowerCase().includes(needle),
    )
    .sort(byCount(order));
  const max = Math.max(1, ...source.map((e) => e.count));
  const waiting = needsAll && !all;
  return (
    <section className="facets__group" aria-label={title}>
      <div className="facets__head">
        <h2 className="facets__title">{title}</h2>
        <span className="facets__distinct muted">
          {formatCount(distinct)} {distinct === 1 ? noun[0] : noun[1]}
        </span>
        <button
          type="button"
          className="link-btn facets__order"
          aria-pressed={order === 'least'}
          onClick={() => setOrder(order === 'most' ? 'least' : 'most')}
        >
          Least common first
        </button>
      </div>
      {children}
      {expanded ? (
        <input
          className="input facets__filter"
          type="search"
          aria-label={`Filter ${title.toLowerCase()}`}
          placeholder={`Filter ${formatCount(distinct)} ${noun[1]}…`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      {waiting ? (
        <p className="muted facets__empty">Counting every value…</p>
      ) : shown.length === 0 ? (
        <p className="muted facets__empty">None</p>
      ) : expanded ? (
        <AllEntries name={name} title={title} entries={shown} max={max} onTerm={onTerm} />
      ) : (
        <ul className="facets__list">
          {shown.slice(0, FACET_ENTRIES).map((entry) => (
            <FacetRow key={entry.value} name={name} entry={entry} max={max} onTerm={onTerm} />
          ))}
        </ul>
      )}
      {distinct > FACET_ENTRIES ? (
        <button
          type="button"
          className="link-btn facets__more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? `Show the top ${FACET_ENTRIES}` : `Show all ${formatCount(distinct)}`}
        </button>
      ) : null}
    </section>
  );
}

export function FacetsPanel({
  id,
  facets,
  distinct,
  allFacets,
  onWantAll,
  onTerm,
  actors,
  onActors,
}: FacetsPanelProps) {
  return (
    <aside id={id} className="facets" aria-label="Facets">
      {GROUPS.map(({ name, title, noun }) => (
        <FacetGroup
          key={name}
          name={name}
          title={title}
          noun={noun}
          top={facets[name]}
          all={allFacets?.[name]}
          distinct={distinct[name]}
          onWantAll={onWantAll}
          onTerm={onTerm}
        >
          {name === 'users' ? (
            <SegmentedControl
              label="Actors"
              className="facets__actors"
              options={ACTOR_OPTIONS}
              value={actors}
              onChange={onActors}
            />
          ) : null}
        </FacetGroup>
      ))}
    </aside>
  );
}
