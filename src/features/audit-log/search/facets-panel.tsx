/**
 * The commonest users, events, addresses and tokens of the view, with counts. A click includes
 * a value in the search; the minus button beside it excludes it. Each changes `q=`.
 */
import { Icon } from '../../../components/icon.tsx';
import type { FacetEntry, Facets } from '../../../lib/range-index/facets.ts';
import type { SearchTerm } from '../../../lib/search-query/search-query-types.ts';
import { parseIpRange } from '../../../lib/ip-address/ip-range.ts';

interface FacetsPanelProps {
  id?: string;
  facets: Facets;
  /** Adds the term to the search (included or excluded). */
  onTerm: (term: SearchTerm) => void;
}

type FacetName = keyof Facets;

const GROUPS: { name: FacetName; title: string }[] = [
  { name: 'users', title: 'Users' },
  { name: 'events', title: 'Events' },
  { name: 'ips', title: 'Source IPs' },
  { name: 'tokens', title: 'Tokens' },
];

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
}: {
  name: FacetName;
  entry: FacetEntry;
  max: number;
  onTerm: (term: SearchTerm) => void;
}) {
  const include = facetTerm(name, entry.value, false);
  const exclude = facetTerm(name, entry.value, true);
  const label = entry.label === entry.value ? entry.value : `${entry.label} (${entry.value})`;
  return (
    <li className="facet">
      <button
        type="button"
        className="facet__include"
        title={`Only ${label}`}
        disabled={!include}
        onClick={() => include && onTerm(include)}
      >
        <span className="facet__bar" style={{ width: `${(entry.count / max) * 100}%` }} />
        <span className="facet__label">{entry.label}</span>
        <span className="facet__count">{entry.count.toLocaleString()}</span>
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

export function FacetsPanel({ id, facets, onTerm }: FacetsPanelProps) {
  return (
    <aside id={id} className="facets" aria-label="Facets">
      {GROUPS.map(({ name, title }) => {
        const entries = facets[name];
        const max = Math.max(1, ...entries.map((e) => e.count));
        return (
          <section key={name} className="facets__group" aria-label={title}>
            <h2 className="facets__title">{title}</h2>
            {entries.length === 0 ? (
              <p className="muted facets__empty">None</p>
            ) : (
              <ul className="facets__list">
                {entries.map((entry) => (
                  <FacetRow key={entry.value} name={name} entry={entry} max={max} onTerm={onTerm} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </aside>
  );
}
