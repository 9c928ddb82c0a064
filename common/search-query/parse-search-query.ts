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
import { tokenizeSearch, type RawTerm, type SearchToken } from './tokenize-search.ts';

const isTextKey = (key: string): key is TextKey => (TEXT_KEYS as readonly string[]).includes(key);
const isFlagKey = (key: string): key is FlagKey => (FLAG_KEYS as readonly string[]).includes(key);
/** Event ids and categories as the catalog spells them, which need no quotes. */
export const EVENT_ID = /^[a-z0-9][a-z0-9-]*$/;

function keyedTerm(raw: RawTerm, key: string): SearchTerm | SearchQueryError {
  const { negated, value, source: term } = raw;
  const bad = (message: string): SearchQueryError => ({ code: 'bad-value', term, message });
  if (value === '') return bad(`“${key}:” needs a value`);
  if (!raw.quoted && value.startsWith('(')) {
    return bad(`for either of two values write (${key}:a OR ${key}:b)`);
  }
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

/** Reads one term; undefined for an empty one (`""`), an error for one it cannot read. */
function readTerm(raw: RawTerm): SearchTerm | SearchQueryError | undefined {
  if (raw.unclosed)
    return { code: 'unclosed-quote', term: raw.source, message: 'a quote is not closed' };
  if (raw.key !== undefined) return keyedTerm(raw, raw.key);
  return raw.value === '' ? undefined : { kind: 'text', negated: raw.negated, value: raw.value };
}

/** A recursive-descent reader over the tokens; errors are collected and the rest is kept. */
class Reader {
  readonly errors: SearchQueryError[] = [];
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: SearchToken[],
  ) {}

  /**
   * Alternatives (each terms that must all match) up to the end or, `inGroup`, a `)`.
   * `seen` says whether anything at all was written, so `()` can be told from `(colour:red)`.
   */
  alternatives(inGroup: boolean): { alternatives: SearchTerm[][]; seen: boolean } {
    const alternatives: SearchTerm[][] = [];
    let current: SearchTerm[] = [];
    let seen = false;
    // Whether a term was written since the group began or the last operator.
    let termSince = false;
    let lastOperator: string | undefined;
    while (this.pos < this.tokens.length) {
      const token = this.tokens[this.pos]!;
      if (token.type === 'close' && inGroup) break;
      this.pos++;
      seen = true;
      if (token.type === 'close') {
        this.errors.push({
          code: 'unopened-group',
          term: ')',
          message: 'a closing parenthesis without an opening one',
        });
        continue;
      }
      if (token.type === 'or' || token.type === 'and') {
        if (!termSince) this.lonely(token.source);
        lastOperator = termSince ? token.source : undefined;
        termSince = false;
        if (token.type === 'or') {
          if (current.length > 0) alternatives.push(current);
          current = [];
        }
        continue;
      }
      termSince = true;
      const read = token.type === 'open' ? this.group(token) : readTerm(token.term);
      if (read === undefined) continue;
      if ('code' in read) this.errors.push(read);
      else current.push(read);
    }
    if (lastOperator && !termSince) this.lonely(lastOperator);
    if (current.length > 0) alternatives.push(current);
    return { alternatives, seen };
  }

  private lonely(operator: string) {
    this.errors.push({
      code: 'lonely-operator',
      term: operator,
      message: `${operator} needs a term on each side`,
    });
  }

  private group(
    open: Extract<SearchToken, { type: 'open' }>,
  ): SearchTerm | SearchQueryError | undefined {
    const { alternatives, seen } = this.alternatives(true);
    const close = this.tokens[this.pos];
    const closed = close?.type === 'close';
    if (closed) this.pos++;
    const end = closed ? close.at + 1 : this.text.length;
    const source = this.text.slice(open.at, end);
    if (!closed) {
      this.errors.push({
        code: 'unclosed-group',
        term: source,
        message: 'a parenthesis is not closed',
      });
    }
    if (alternatives.length === 0) {
      // Terms it could not read were named already; only an empty group is news.
      return seen
        ? undefined
        : { code: 'empty-group', term: source, message: 'nothing between the parentheses' };
    }
    return { kind: 'group', negated: open.negated, any: alternatives.map((terms) => ({ terms })) };
  }
}

/**
 * Reads a `q=` string; terms it cannot read are listed in `errors` and left out:
 * `parseSearchQuery('user:kim -failed:true deploy').query.terms.length === 3`, and
 * `parseSearchQuery('event:a OR event:b')` is one group of two alternatives.
 */
export function parseSearchQuery(text: string): ParsedSearchQuery {
  const reader = new Reader(text, tokenizeSearch(text));
  const { alternatives } = reader.alternatives(false);
  const [only] = alternatives;
  const terms: SearchTerm[] =
    alternatives.length > 1
      ? [{ kind: 'group', negated: false, any: alternatives.map((t) => ({ terms: t })) }]
      : (only ?? []);
  return { query: { terms }, errors: reader.errors };
}
