/**
 * What a search selects of some keys, as a picker shows and edits it: `user:kim` or
 * `event:a OR category:b` at the top of the query, so the toolbar's User and Event buttons say
 * what the search holds and replace it rather than add a second, contradicting filter.
 */
import { parseSearchQuery } from './parse-search-query.ts';
import type { SearchQuery, SearchTerm, TextKey } from './search-query-types.ts';
import { serializeSearchQuery } from './serialize-search-query.ts';

export interface SelectedValue {
  key: TextKey;
  value: string;
}

export interface SearchSelection {
  /** The values either of which a row must have; empty when the search selects none. */
  values: SelectedValue[];
  /**
   * False when the search narrows these keys in a way a picker cannot show (`event:a
   * category:b` means both, not either): the picker then says "as searched".
   */
  exact: boolean;
  /** The query's terms that make the selection, which a new one replaces. */
  terms: SearchTerm[];
}

type Field = Extract<SearchTerm, { kind: 'field' }>;

const included = (term: SearchTerm | undefined, keys: readonly TextKey[]): term is Field =>
  term?.kind === 'field' && !term.negated && keys.includes(term.key);

const valueOf = (term: Field): SelectedValue => ({ key: term.key, value: term.value });

/**
 * `selectionOf(parse('event:a OR category:b deploy'), ['event', 'category'])` →
 * values a and b; `selectionOf(parse('user:kim user:lee'), ['user'])` → kim and lee.
 */
export function selectionOf(query: SearchQuery, keys: readonly TextKey[]): SearchSelection {
  const top = query.terms.filter((term) => included(term, keys));
  if (top.length > 0) {
    const oneKey = top.every((term) => term.key === top[0]!.key);
    return { values: oneKey ? top.map(valueOf) : [], exact: oneKey, terms: top };
  }
  const groups = query.terms.filter(
    (term): term is Extract<SearchTerm, { kind: 'group' }> =>
      term.kind === 'group' &&
      !term.negated &&
      term.any.every((alt) => alt.terms.length === 1 && included(alt.terms[0], keys)),
  );
  const [group] = groups;
  if (!group) return { values: [], exact: true, terms: [] };
  if (groups.length > 1) return { values: [], exact: false, terms: groups };
  return {
    values: group.any.map((alt) => valueOf(alt.terms[0] as Field)),
    exact: true,
    terms: [group],
  };
}

const field = ({ key, value }: SelectedValue): SearchTerm => ({
  kind: 'field',
  key,
  value,
  negated: false,
});

/**
 * `q` with its selection of `keys` replaced by `values` (one term, or either of several):
 * `withSelection('deploy user:kim', ['user'], [])` → `'deploy'`;
 * `withSelection('', ['event'], [a, b])` → `'event:a OR event:b'`.
 */
export function withSelection(
  q: string,
  keys: readonly TextKey[],
  values: SelectedValue[],
): string {
  const { query } = parseSearchQuery(q);
  const { terms: replaced } = selectionOf(query, keys);
  const kept = query.terms.filter((term) => !replaced.includes(term));
  const added: SearchTerm[] =
    values.length === 0
      ? []
      : values.length === 1
        ? [field(values[0]!)]
        : [{ kind: 'group', negated: false, any: values.map((v) => ({ terms: [field(v)] })) }];
  return serializeSearchQuery({ terms: [...kept, ...added] });
}
