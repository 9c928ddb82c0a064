/**
 * What the search box offers for the piece under the caret: keys while a word is typed, values
 * once a key is (logins, events, addresses and tokens seen in the range, from the index).
 */
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import type { FacetEntry, FacetKey } from '../../../lib/range-index/facets.ts';
import type { TermAtCaret } from '../../../lib/search-query/edit-search-query.ts';
import { SEARCH_KEY_DOCS } from '../../../lib/search-query/search-keys.ts';
import { FLAG_KEYS } from '../../../lib/search-query/search-query-types.ts';
import { formatSearchTerm } from '../../../lib/search-query/serialize-search-query.ts';
import { categoryLabel } from '../format/category-label.ts';
import { formatCount } from '../../../lib/count-format.ts';

export interface Suggestion {
  /** The piece as it will be written, e.g. `user:kim` or `ip:`. */
  completion: string;
  label: string;
  /** A hint after the label: a count, what a key means. */
  detail?: string;
  /** For a key: a search that uses it. */
  example?: string;
}

/** Every key, as the language lists them: a flag completes to `key:true`, others to `key:`. */
export const KEY_SUGGESTIONS: readonly Suggestion[] = SEARCH_KEY_DOCS.map((doc) => {
  const completion = doc.value === 'flag' ? `${doc.key}:true` : `${doc.key}:`;
  return { completion, label: completion, detail: doc.summary, example: doc.example };
});

const INDEXED_KEYS: readonly string[] = ['user', 'event', 'ip', 'token'] satisfies FacetKey[];

/** Whether the piece asks the index for values: `indexedKey(termAt('user:k', 6)) === 'user'`. */
export function indexedKey(at: TermAtCaret): FacetKey | undefined {
  return at.key !== undefined && INDEXED_KEYS.includes(at.key) ? (at.key as FacetKey) : undefined;
}

const CATEGORIES = [...new Set(EVENT_TYPES.map((t) => t.category))].sort();

/**
 * Suggestions for the piece that need no index (keys, categories, true/false):
 * `staticSuggestions(termAt('fa', 2))[0]?.completion === 'failed:true'`.
 */
export function staticSuggestions(at: TermAtCaret): Suggestion[] {
  if (at.key === undefined) {
    const word = at.value.toLowerCase();
    if (word === '') return [];
    return KEY_SUGGESTIONS.filter(
      ({ completion }) => completion.startsWith(word) && completion !== word,
    );
  }
  if (at.key === 'category') {
    return CATEGORIES.filter((c) => c.startsWith(at.value.toLowerCase())).map((c) => ({
      completion: `category:${c}`,
      label: categoryLabel(c),
      detail: c,
    }));
  }
  if ((FLAG_KEYS as readonly string[]).includes(at.key)) {
    return ['true', 'false']
      .filter((v) => v.startsWith(at.value.toLowerCase()))
      .map((v) => ({ completion: `${at.key}:${v}`, label: `${at.key}:${v}` }));
  }
  return [];
}

/** Index values as suggestions: `user:kim` labelled "Kim Park", with its count. */
export function valueSuggestions(key: FacetKey, entries: FacetEntry[]): Suggestion[] {
  return entries.map((entry) => ({
    completion:
      key === 'ip'
        ? `ip:${entry.value}`
        : formatSearchTerm({ kind: 'field', key, value: entry.value, negated: false }),
    label: entry.label === entry.value ? entry.value : `${entry.label} (${entry.value})`,
    detail: `${formatCount(entry.count)}`,
  }));
}
