/** One term of a query, before its key and value are read. */
export interface RawTerm {
  /** The term as written, for error messages. */
  source: string;
  negated: boolean;
  /** A lower-case `key` when the term is `key:value`. */
  key: string | undefined;
  value: string;
  /** The value was "quoted" (a quoted value is never read as `key:value` nor as OR). */
  quoted: boolean;
  /** The closing quote was missing; the value runs to the end. */
  unclosed: boolean;
}

/** A piece of a query: a term, a parenthesis (`-(` opens an excluded group), OR or AND. */
export type SearchToken = { at: number } & (
  | { type: 'term'; term: RawTerm }
  | { type: 'open'; negated: boolean; source: string }
  | { type: 'close'; source: string }
  | { type: 'or'; source: string }
  | { type: 'and'; source: string }
);

const KEY = /^([a-zA-Z][a-zA-Z-]*):/;
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/** Reads a quoted value from `start` (just after the opening quote); `\"` and `\\` escape. */
function readQuoted(text: string, start: number): { value: string; end: number; closed: boolean } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) value += text[++i];
    else if (ch === '"') return { value, end: i + 1, closed: true };
    else value += ch;
  }
  return { value, end: text.length, closed: false };
}

/**
 * Splits a query into tokens: `tokenizeSearch('-(user:kim OR "a b")')` → open (excluded),
 * term `user:kim`, OR, term `a b` (quoted), close. A word ends at a space, and at `)` while a
 * group is open; outside any group a `)` inside a word is part of it, as it always was.
 */
export function tokenizeSearch(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    const start = i;
    const negated = text[i] === '-' && i + 1 < text.length && !isSpace(text[i + 1]);
    if (negated) i++;
    if (text[i] === '(') {
      tokens.push({ type: 'open', at: start, negated, source: text.slice(start, ++i) });
      depth++;
      continue;
    }
    if (!negated && text[i] === ')') {
      tokens.push({ type: 'close', at: start, source: ')' });
      depth = Math.max(0, depth - 1);
      i++;
      continue;
    }
    const key = KEY.exec(text.slice(i, i + 40))?.[1];
    if (key !== undefined) i += key.length + 1;
    let value: string;
    let quoted = false;
    let unclosed = false;
    if (text[i] === '"') {
      const read = readQuoted(text, i + 1);
      ({ value } = read);
      quoted = true;
      unclosed = !read.closed;
      i = read.end;
    } else {
      const from = i;
      while (i < text.length && !isSpace(text[i]) && !(depth > 0 && text[i] === ')')) i++;
      value = text.slice(from, i);
    }
    const source = text.slice(start, i);
    if (!negated && key === undefined && !quoted && (value === 'OR' || value === 'AND')) {
      tokens.push({ type: value === 'OR' ? 'or' : 'and', at: start, source });
      continue;
    }
    tokens.push({
      type: 'term',
      at: start,
      term: { source, negated, key: key?.toLowerCase(), value, quoted, unclosed },
    });
  }
  return tokens;
}
