import type { SearchQuery, SearchTerm } from './search-query-types.ts';

type FieldTerm = Extract<SearchTerm, { kind: 'field' }>;

/** What Pulumi's list API can filter by itself, and what is left for the range index. */
export interface ApiSplit {
  /** A login for the API's user filter. */
  user?: string;
  /** An event id for the API's event filter. */
  event?: string;
  /** The terms the API cannot answer; empty when the API's answer is the whole answer. */
  rest: SearchQuery;
}

function soleIncluded(terms: SearchTerm[], key: 'user' | 'event'): FieldTerm | undefined {
  const keyed = terms.filter(
    (term): term is FieldTerm => term.kind === 'field' && term.key === key,
  );
  const [only] = keyed;
  return keyed.length === 1 && only && !only.negated ? only : undefined;
}

/**
 * Splits off the terms the V2 list API answers alone: one included `user:` and one included
 * `event:` (two of a key mean either, which the API cannot ask; time comes from the view), so
 * the table keeps asking the API for them while the index answers the rest:
 * `splitForApi(parseSearchQuery('user:kim deploy').query)` → `{user: 'kim', rest: deploy}`.
 * The login goes to the API as written; the API compares logins exactly, so pickers and facets
 * write them as the log spells them.
 */
export function splitForApi(query: SearchQuery): ApiSplit {
  const user = soleIncluded(query.terms, 'user');
  const event = soleIncluded(query.terms, 'event');
  const split: ApiSplit = {
    rest: { terms: query.terms.filter((term) => term !== user && term !== event) },
  };
  if (user) split.user = user.value;
  if (event) split.event = event.value;
  return split;
}
