import { EVENT_ID } from './parse-search-query.ts';
import type { SearchQuery, SearchTerm } from './search-query-types.ts';

const NEEDS_QUOTES = /[\s"\\]|^-|^$/;
const LOOKS_KEYED = /^[a-zA-Z][a-zA-Z-]*:/;

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

function formatValue(value: string, isText: boolean): string {
  const needsQuotes = NEEDS_QUOTES.test(value) || (isText && LOOKS_KEYED.test(value));
  // A keyed value starting with a quote would be read as a quoted value, so quote it too.
  return needsQuotes || (!isText && value.startsWith('"')) ? quote(value) : value;
}

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
  }
}

/**
 * The `q=` string of a query, terms in their order, one space apart; parsing it gives the query
 * back: `serializeSearchQuery(parseSearchQuery('user:kim  "a b"').query) === 'user:kim "a b"'`.
 */
export function serializeSearchQuery(query: SearchQuery): string {
  return query.terms.map(formatSearchTerm).join(' ');
}
