/** One whitespace-separated piece of a query, before its key and value are read. */
export interface RawTerm {
  /** The piece as written, for error messages. */
  source: string;
  negated: boolean;
  /** A lower-case `key` when the piece is `key:value`. */
  key: string | undefined;
  value: string;
  /** The value was "quoted" (a quoted value is never read as `key:value`). */
  quoted: boolean;
  /** The closing quote was missing; the value runs to the end. */
  unclosed: boolean;
}

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
 * Splits a query into terms: `tokenizeSearch('-user:kim "stack deleted"')` →
 * `[{negated: true, key: 'user', value: 'kim', …}, {key: undefined, value: 'stack deleted', …}]`.
 */
export function tokenizeSearch(text: string): RawTerm[] {
  const terms: RawTerm[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    const start = i;
    const negated = text[i] === '-' && i + 1 < text.length && !isSpace(text[i + 1]);
    if (negated) i++;
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
      while (i < text.length && !isSpace(text[i])) i++;
      value = text.slice(from, i);
    }
    terms.push({
      source: text.slice(start, i),
      negated,
      key: key?.toLowerCase(),
      value,
      quoted,
      unclosed,
    });
  }
  return terms;
}
