/**
 * The search language of `q=`: words, "quoted phrases" and `key:value` terms, each optionally
 * excluded with `-`. See docs/decisions/012-range-index.md for the grammar.
 */
import type { IpRange } from '../ip-address/ip-range.ts';

/** Keys whose value is text. */
export type TextKey = 'user' | 'event' | 'category' | 'token' | 'actor';
/** Keys whose value is `true` or `false`. */
export type FlagKey = 'failed' | 'admin' | 'first-ip' | 'burst';

export type SearchTerm = { negated: boolean } & (
  | { kind: 'text'; value: string }
  | { kind: 'field'; key: TextKey; value: string }
  | { kind: 'ip'; value: string; range: IpRange }
  | { kind: 'flag'; key: FlagKey; value: boolean }
);

export type SearchKey = TextKey | FlagKey | 'ip';

export interface SearchQuery {
  terms: SearchTerm[];
}

export type SearchQueryErrorCode = 'unknown-key' | 'bad-value' | 'unclosed-quote';

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

export const TEXT_KEYS: readonly TextKey[] = ['user', 'event', 'category', 'token', 'actor'];
export const FLAG_KEYS: readonly FlagKey[] = ['failed', 'admin', 'first-ip', 'burst'];
export const SEARCH_KEYS: readonly SearchKey[] = [...TEXT_KEYS, 'ip', ...FLAG_KEYS];

/** The key a term is grouped by: text terms stand alone, so two words must both match. */
export function termKey(term: SearchTerm): SearchKey | undefined {
  if (term.kind === 'text') return undefined;
  return term.kind === 'ip' ? 'ip' : term.key;
}
