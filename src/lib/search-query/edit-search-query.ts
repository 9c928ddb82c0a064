/**
 * Edits of a `q=` string made by clicks (facets, the details panel) and by autocomplete, so the
 * person's own words stay as they typed them.
 */
import { parseSearchQuery } from './parse-search-query.ts';
import type { FlagKey, SearchTerm } from './search-query-types.ts';
import { formatSearchTerm, serializeSearchQuery } from './serialize-search-query.ts';

const sameTarget = (a: SearchTerm, b: SearchTerm) =>
  formatSearchTerm({ ...a, negated: false }).toLowerCase() ===
  formatSearchTerm({ ...b, negated: false }).toLowerCase();

/**
 * `q` with `term` added, replacing the same term of the other sign; unreadable terms are
 * dropped (the notice named them already):
 * `withTerm('deploy', {kind: 'field', key: 'user', value: 'kim', negated: true})` →
 * `'deploy -user:kim'`.
 */
export function withTerm(q: string, term: SearchTerm): string {
  const { terms } = parseSearchQuery(q).query;
  return serializeSearchQuery({ terms: [...terms.filter((t) => !sameTarget(t, term)), term] });
}

/** `q` without `term` (either sign): `withoutTerm('a user:kim', userKim) === 'a'`. */
export function withoutTerm(q: string, term: SearchTerm): string {
  const { terms } = parseSearchQuery(q).query;
  return serializeSearchQuery({ terms: terms.filter((t) => !sameTarget(t, term)) });
}

/** The piece of `text` the caret is in or just after (between spaces and parentheses). */
export interface TermAtCaret {
  start: number;
  end: number;
  negated: boolean;
  /** The lower-case key of `key:value`, when there is one. */
  key: string | undefined;
  /** The value after `key:`, or the whole word. */
  value: string;
}

const BOUNDARY = /[\s()]/;

/**
 * `termAt('a -user:ki', 10)` → `{start: 2, end: 10, negated: true, key: 'user', value: 'ki'}`;
 * `termAt('(user:ki', 8)` starts after the parenthesis.
 * A caret inside a "quoted phrase" with spaces is not completed (it returns the last word).
 */
export function termAt(text: string, caret: number): TermAtCaret {
  let start = caret;
  while (start > 0 && !BOUNDARY.test(text[start - 1] ?? ' ')) start--;
  let end = caret;
  while (end < text.length && !BOUNDARY.test(text[end] ?? ' ')) end++;
  const piece = text.slice(start, end);
  const negated = piece.startsWith('-');
  const body = negated ? piece.slice(1) : piece;
  const keyed = /^([a-zA-Z][a-zA-Z-]*):(.*)$/.exec(body);
  return keyed
    ? { start, end, negated, key: keyed[1]!.toLowerCase(), value: keyed[2]! }
    : { start, end, negated, key: undefined, value: body };
}

/**
 * `text` with the piece at `at` replaced by `completion`, and where the caret goes:
 * `completeTerm('a us', termAt('a us', 4), 'user:')` → `{text: 'a user:', caret: 7}`.
 * A completed value ends with a space, so the next term can follow.
 */
export function completeTerm(
  text: string,
  at: TermAtCaret,
  completion: string,
): { text: string; caret: number } {
  const piece = (at.negated ? '-' : '') + completion;
  const ends = completion.endsWith(':');
  const after = text.slice(at.end);
  const glue = ends || after.startsWith(' ') || after.startsWith(')') ? '' : ' ';
  const next = text.slice(0, at.start) + piece + glue + after;
  return { text: next, caret: at.start + piece.length + (ends ? 0 : 1) };
}

type FlagTerm = Extract<SearchTerm, { kind: 'flag' }>;
const isFlag = (term: SearchTerm, key: FlagKey): term is FlagTerm =>
  term.kind === 'flag' && term.key === key;

/**
 * What the query says of a flag at its top: `flagOf('-machine:true', 'machine') === false`,
 * undefined when it says nothing (or both).
 */
export function flagOf(q: string, key: FlagKey): boolean | undefined {
  const said = parseSearchQuery(q)
    .query.terms.filter((t) => isFlag(t, key))
    .map((t) => (t as FlagTerm).value !== t.negated);
  return said.length > 0 && said.every((v) => v === said[0]) ? said[0] : undefined;
}

/** `q` with the flag's top-level terms replaced: `withFlag('a', 'machine', false) === 'a -machine:true'`. */
export function withFlag(q: string, key: FlagKey, value: boolean | undefined): string {
  const { terms } = parseSearchQuery(q).query;
  const kept: SearchTerm[] = terms.filter((t) => !isFlag(t, key));
  if (value !== undefined) kept.push({ kind: 'flag', key, value: true, negated: !value });
  return serializeSearchQuery({ terms: kept });
}
