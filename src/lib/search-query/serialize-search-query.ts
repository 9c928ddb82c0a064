import { EVENT_ID } from './parse-search-query.ts';
import type { SearchQuery, SearchTerm } from './search-query-types.ts';

/** Values that would read as something else unquoted: spaces, quotes, a sign, parentheses. */
const NEEDS_QUOTES = /[\s"\\()]|^-|^$/;
const LOOKS_KEYED = /^[a-zA-Z][a-zA-Z-]*:/;
const OPERATORS = new Set(['OR', 'AND']);

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

function formatValue(value: string, isText: boolean): string {
  const needsQuotes =
    NEEDS_QUOTES.test(value) || (isText && (LOOKS_KEYED.test(value) || OPERATORS.has(value)));
  // A keyed value starting with a quote would be read as a quoted value, so quote it too.
  return needsQuotes || (!isText && value.startsWith('"')) ? quote(value) : value;
}

const formatTerms = (query: SearchQuery) => query.terms.map(formatSearchTerm).join(' ');
const formatAlternatives = (any: SearchQuery[]) => any.map(formatTerms).join(' OR ');

/** One term as written in `q=`: `formatSearchTerm({kind: 'text', negated: true, value: 'a b'}) === '-"a b"'`. */
export function formatSearchTerm(term: SearchTerm): string {
  const sign = term.negated ? '-' : '';
  switch (term.kind) {
    case 'text':
      return sign + formatValue(term.value, true);
    case 'ip':
      return `${sign}ip:${term.value}`;
    case 'flag':
      return `${sign}${term.key}:${term.value}`;
    case 'field':
      // An event id the catalog would not spell (`Stack_Deleted`) is only read back quoted.
      return term.key === 'event' && !EVENT_ID.test(term.value)
        ? `${sign}event:${quote(term.value)}`
        : `${sign}${term.key}:${formatValue(term.value, false)}`;
    case 'group':
      return `${sign}(${formatAlternatives(term.any)})`;
  }
}

/**
 * The `q=` string of a query, terms in their order, one space apart; parsing it gives the query
 * back: `serializeSearchQuery(parseSearchQuery('user:kim  "a b"').query) === 'user:kim "a b"'`.
 * A query that is one OR of alternatives is written without parentheses: `a OR b`.
 */
export function serializeSearchQuery(query: SearchQuery): string {
  const [only] = query.terms;
  if (query.terms.length === 1 && only?.kind === 'group' && !only.negated && only.any.length > 1) {
    return formatAlternatives(only.any);
  }
  return formatTerms(query);
}
