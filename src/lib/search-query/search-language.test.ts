import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './parse-search-query.ts';
import { SEARCH_KEY_DOCS, SEARCH_OPERATOR_DOCS } from './search-keys.ts';
import type { SearchTerm } from './search-query-types.ts';
import { serializeSearchQuery } from './serialize-search-query.ts';

const text = (value: string, negated = false): SearchTerm => ({ kind: 'text', negated, value });
const field = (key: 'user' | 'event', value: string, negated = false): SearchTerm => ({
  kind: 'field',
  key,
  value,
  negated,
});
const group = (negated: boolean, ...any: SearchTerm[][]): SearchTerm => ({
  kind: 'group',
  negated,
  any: any.map((terms) => ({ terms })),
});

describe('OR, AND and parentheses', () => {
  it.each<[string, SearchTerm[]]>([
    ['a OR b', [group(false, [text('a')], [text('b')])]],
    ['a or b', [text('a'), text('or'), text('b')]],
    ['a AND b', [text('a'), text('b')]],
    ['a b OR c', [group(false, [text('a'), text('b')], [text('c')])]],
    ['(a OR b) c', [group(false, [text('a')], [text('b')]), text('c')]],
    ['-(a OR b)', [group(true, [text('a')], [text('b')])]],
    ['(a)', [group(false, [text('a')])]],
    ['"OR"', [text('OR')]],
    ['"(a)"', [text('(a)')]],
    ['x(y) z)', [text('x(y)'), text('z)')]],
    [
      '(event:team-created OR event:team-updated) -user:kim',
      [
        group(false, [field('event', 'team-created')], [field('event', 'team-updated')]),
        field('user', 'kim', true),
      ],
    ],
    ['((a OR b))', [group(false, [group(false, [text('a')], [text('b')])])]],
  ])('reads %j', (q, terms) => {
    const parsed = parseSearchQuery(q);
    expect(parsed.errors).toEqual([]);
    expect(parsed.query.terms).toEqual(terms);
  });

  it('names each piece it cannot read, with the fix where there is one', () => {
    const unreadable: Record<string, [code: string, term: string]> = {
      'a OR': ['lonely-operator', 'OR'],
      'OR a': ['lonely-operator', 'OR'],
      'a OR OR b': ['lonely-operator', 'OR'],
      'a AND': ['lonely-operator', 'AND'],
      '(a': ['unclosed-group', '(a'],
      'a )': ['unopened-group', ')'],
      'a ()': ['empty-group', '()'],
      'user:(kim OR lee)': ['bad-value', 'user:(kim'],
    };
    for (const [q, [code, term]] of Object.entries(unreadable)) {
      expect(parseSearchQuery(q).errors, q).toContainEqual({
        code,
        term,
        message: expect.any(String),
      });
    }
  });

  it('keeps what it can read around what it cannot', () => {
    expect(parseSearchQuery('(a OR colour:red) b').query.terms).toEqual([
      group(false, [text('a')]),
      text('b'),
    ]);
    expect(parseSearchQuery('(a OR b').query.terms).toEqual([
      group(false, [text('a')], [text('b')]),
    ]);
  });

  it('reads every link written before OR existed as it was read then', () => {
    // Words, keys and exclusions with no parenthesis or OR: one term each, in order.
    for (const q of ['user:kim deploy -failed:true', 'event:a-b event:c-d', '"x y" -"z"', 'f(x)']) {
      const { query, errors } = parseSearchQuery(q);
      expect(errors).toEqual([]);
      expect(query.terms.every((t) => t.kind !== 'group')).toBe(true);
    }
  });
});

describe('the documented keys and operators', () => {
  it.each([...SEARCH_KEY_DOCS, ...SEARCH_OPERATOR_DOCS].map((d) => [d.example]))(
    '%j reads without error',
    (example) => {
      const { query, errors } = parseSearchQuery(example);
      expect(errors).toEqual([]);
      expect(query.terms.length).toBeGreaterThan(0);
    },
  );

  it('documents every key once, each in its own example', () => {
    const keys = SEARCH_KEY_DOCS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const doc of SEARCH_KEY_DOCS) expect(doc.example).toMatch(new RegExp(`^-?${doc.key}:`));
  });
});

describe('printing a query', () => {
  it('writes a single OR without parentheses, as a person would', () => {
    expect(serializeSearchQuery(parseSearchQuery('(a OR b)').query)).toBe('a OR b');
    expect(serializeSearchQuery(parseSearchQuery('( a  OR b ) c').query)).toBe('(a OR b) c');
  });
});
