import { parseIpRange } from '../ip-address/ip-range.ts';
import {
  FLAG_KEYS,
  TEXT_KEYS,
  type FlagKey,
  type ParsedSearchQuery,
  type SearchQueryError,
  type SearchTerm,
  type TextKey,
} from './search-query-types.ts';
import { tokenizeSearch, type RawTerm } from './tokenize-search.ts';

const isTextKey = (key: string): key is TextKey => (TEXT_KEYS as readonly string[]).includes(key);
const isFlagKey = (key: string): key is FlagKey => (FLAG_KEYS as readonly string[]).includes(key);
/** Event ids and categories as the catalog spells them, which need no quotes. */
export const EVENT_ID = /^[a-z0-9][a-z0-9-]*$/;

function keyedTerm(raw: RawTerm, key: string): SearchTerm | SearchQueryError {
  const { negated, value, source: term } = raw;
  const bad = (message: string): SearchQueryError => ({ code: 'bad-value', term, message });
  if (value === '') return bad(`“${key}:” needs a value`);
  if (key === 'ip') {
    const range = parseIpRange(value);
    return range
      ? { kind: 'ip', negated, value, range }
      : bad(`“${value}” is not an IP address or CIDR block`);
  }
  if (isFlagKey(key)) {
    const lower = value.toLowerCase();
    if (lower !== 'true' && lower !== 'false') return bad(`“${key}:” takes true or false`);
    return { kind: 'flag', negated, key, value: lower === 'true' };
  }
  if (isTextKey(key)) {
    // A quoted event id is taken as written: an upstream may send ids outside the catalog's
    // spelling, and a facet must be able to name them (serialize-search-query.ts quotes them).
    const spelledOut = key === 'event' && raw.quoted;
    if ((key === 'event' || key === 'category') && !spelledOut && !EVENT_ID.test(value)) {
      return bad(`“${value}” is not an ${key === 'event' ? 'event id' : 'event category'}`);
    }
    return { kind: 'field', negated, key, value };
  }
  return { code: 'unknown-key', term, message: `unknown key “${key}:”` };
}

/**
 * Reads a `q=` string; terms it cannot read are listed in `errors` and left out:
 * `parseSearchQuery('user:kim -failed:true deploy').query.terms.length === 3`.
 */
export function parseSearchQuery(text: string): ParsedSearchQuery {
  const terms: SearchTerm[] = [];
  const errors: SearchQueryError[] = [];
  for (const raw of tokenizeSearch(text)) {
    if (raw.unclosed) {
      errors.push({ code: 'unclosed-quote', term: raw.source, message: 'a quote is not closed' });
      continue;
    }
    if (raw.key === undefined) {
      if (raw.value !== '') terms.push({ kind: 'text', negated: raw.negated, value: raw.value });
      continue;
    }
    const read = keyedTerm(raw, raw.key);
    if ('code' in read) errors.push(read);
    else terms.push(read);
  }
  return { query: { terms }, errors };
}
