/**
 * The search language of `q=`: words, "quoted phrases" and `key:value` terms, each optionally
 * excluded with `-`, combined by AND (implicit) and OR, grouped with parentheses. The keys are
 * listed in search-keys.ts; the grammar is in docs/decisions/022-search-language.md.
 */
import type { IpRange } from '../ip-address/ip-range.ts';
import type { FlagKey, SearchKey, TextKey } from './search-keys.ts';

export type { FlagKey, SearchKey, TextKey } from './search-keys.ts';
export { FLAG_KEYS, SEARCH_KEYS, TEXT_KEYS } from './search-keys.ts';

export type SearchTerm = { negated: boolean } & (
  | { kind: 'text'; value: string }
  | { kind: 'field'; key: TextKey; value: string }
  | { kind: 'ip'; value: string; range: IpRange }
  | { kind: 'flag'; key: FlagKey; value: boolean }
  /** `(a b OR c)`: rows that match every term of at least one alternative. */
  | { kind: 'group'; any: SearchQuery[] }
);

/** Terms that must all match (AND); included terms of one key match when either does. */
export interface SearchQuery {
  terms: SearchTerm[];
}

export type SearchQueryErrorCode =
  | 'unknown-key'
  | 'bad-value'
  | 'unclosed-quote'
  | 'unclosed-group'
  | 'unopened-group'
  | 'empty-group'
  | 'lonely-operator';

/** A term the console could not read: named in a notice, otherwise ignored. */
export interface SearchQueryError {
  code: SearchQueryErrorCode;
  /** The term as written, e.g. `colour:red`. */
  term: string;
  message: string;
}

export interface ParsedSearchQuery {
  query: SearchQuery;
  errors: SearchQueryError[];
}

/**
 * The key a term is grouped by: words and groups stand alone, so two words must both match,
 * while `event:a event:b` means either.
 */
export function termKey(term: SearchTerm): SearchKey | undefined {
  if (term.kind === 'text' || term.kind === 'group') return undefined;
  return term.kind === 'ip' ? 'ip' : term.key;
}
