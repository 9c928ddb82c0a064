import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpRange } from '../ip-address/ip-range.ts';
import { parseSearchQuery } from './parse-search-query.ts';
import { FLAG_KEYS, TEXT_KEYS, type SearchTerm } from './search-query-types.ts';
import { serializeSearchQuery } from './serialize-search-query.ts';
import { nestedQuery } from './testing/nested-query.ts';

const roundTrip = (text: string) => serializeSearchQuery(parseSearchQuery(text).query);

describe('parseSearchQuery', () => {
  it.each([
    ['', []],
    ['deploy', [{ kind: 'text', negated: false, value: 'deploy' }]],
    ['"stack deleted"', [{ kind: 'text', negated: false, value: 'stack deleted' }]],
    ['-"a \\"b\\" c"', [{ kind: 'text', negated: true, value: 'a "b" c' }]],
    ['user:Kim', [{ kind: 'field', negated: false, key: 'user', value: 'Kim' }]],
    ['USER:kim', [{ kind: 'field', negated: false, key: 'user', value: 'kim' }]],
    [
      '-event:stack-deleted',
      [{ kind: 'field', negated: true, key: 'event', value: 'stack-deleted' }],
    ],
    ['category:stacks', [{ kind: 'field', negated: false, key: 'category', value: 'stacks' }]],
    ['token:"ci token"', [{ kind: 'field', negated: false, key: 'token', value: 'ci token' }]],
    ['actor:deployments', [{ kind: 'field', negated: false, key: 'actor', value: 'deployments' }]],
    ['failed:TRUE', [{ kind: 'flag', negated: false, key: 'failed', value: true }]],
    ['-admin:false', [{ kind: 'flag', negated: true, key: 'admin', value: false }]],
    ['first-ip:true', [{ kind: 'flag', negated: false, key: 'first-ip', value: true }]],
    ['burst:true', [{ kind: 'flag', negated: false, key: 'burst', value: true }]],
    ['2001:db8::1', [{ kind: 'text', negated: false, value: '2001:db8::1' }]],
    [
      '- a',
      [
        { kind: 'text', negated: false, value: '-' },
        { kind: 'text', negated: false, value: 'a' },
      ],
    ],
    ['""', []],
  ])('reads %j', (text, terms) => {
    const parsed = parseSearchQuery(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.query.terms).toEqual(terms);
  });

  it('reads ip: as an address block', () => {
    const [term] = parseSearchQuery('-ip:203.0.113.0/24').query.terms;
    expect(term).toEqual({
      kind: 'ip',
      negated: true,
      value: '203.0.113.0/24',
      range: parseIpRange('203.0.113.0/24'),
    });
  });

  it.each([
    ['colour:red', 'unknown-key', 'colour:red'],
    ['http://example.com', 'unknown-key', 'http://example.com'],
    ['user:', 'bad-value', 'user:'],
    ['ip:10.0.0.0/33', 'bad-value', 'ip:10.0.0.0/33'],
    ['-ip:example.com', 'bad-value', '-ip:example.com'],
    ['failed:yes', 'bad-value', 'failed:yes'],
    ['event:Stack_Deleted', 'bad-value', 'event:Stack_Deleted'],
    ['category:"two words"', 'bad-value', 'category:"two words"'],
    ['"never closed', 'unclosed-quote', '"never closed'],
  ])('names %j as %s and ignores it', (text, code, term) => {
    const parsed = parseSearchQuery(`kept ${text}`);
    expect(parsed.errors).toEqual([{ code, term, message: expect.any(String) }]);
    expect(parsed.query.terms).toEqual([{ kind: 'text', negated: false, value: 'kept' }]);
  });
});

describe('serializeSearchQuery', () => {
  it.each([
    ['user:kim  deploy', 'user:kim deploy'],
    ['"one"', 'one'],
    ['"two words"', '"two words"'],
    ['"user:kim"', '"user:kim"'],
    ['"-x"', '"-x"'],
    ['-"-x"', '-"-x"'],
    ['"a\\\\b"', '"a\\\\b"'],
    ['User:"kim"', 'user:kim'],
    ['user:"-kim"', 'user:"-kim"'],
    ['token:"ci token"', 'token:"ci token"'],
    ['failed:True -admin:FALSE', 'failed:true -admin:false'],
    ['ip:"2001:db8::/32"', 'ip:2001:db8::/32'],
    ['bad:key kept', 'kept'],
  ])('writes %j as %j', (text, expected) => {
    expect(roundTrip(text)).toBe(expected);
    expect(roundTrip(expected)).toBe(expected);
  });
});

const textUnit = fc.constantFrom(...'ab -:"\\\t\u00e9漢/.()'.split(''), 'OR', 'AND', 'or');
const text = fc.oneof(
  fc.string({ unit: textUnit, minLength: 1, maxLength: 12 }),
  fc.constantFrom('OR', 'AND', '(', ')', '-'),
);
const eventId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
const ipText = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, p]) => `${a}/${p}`),
);
const term: fc.Arbitrary<SearchTerm> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), negated: fc.boolean(), value: text }),
  fc.record({
    kind: fc.constant('field' as const),
    negated: fc.boolean(),
    key: fc.constantFrom(...TEXT_KEYS.filter((k) => k !== 'event' && k !== 'category')),
    value: text,
  }),
  fc.record({
    kind: fc.constant('field' as const),
    negated: fc.boolean(),
    key: fc.constantFrom('event' as const, 'category' as const),
    value: eventId,
  }),
  fc.record({
    kind: fc.constant('flag' as const),
    negated: fc.boolean(),
    key: fc.constantFrom(...FLAG_KEYS),
    value: fc.boolean(),
  }),
  fc
    .tuple(fc.boolean(), ipText)
    .filter(([, value]) => parseIpRange(value) !== undefined)
    .map(([negated, value]) => ({
      kind: 'ip' as const,
      negated,
      value,
      range: parseIpRange(value)!,
    })),
);

describe('the search language, both ways', () => {
  it('parses what it serialises back to the same query, without errors', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 6 }), (terms) => {
        const parsed = parseSearchQuery(serializeSearchQuery({ terms }));
        expect(parsed.errors).toEqual([]);
        expect(parsed.query.terms).toEqual(terms);
      }),
      { numRuns: 500 },
    );
  });

  it('parses what it serialises back to the same query with OR and parentheses', () => {
    fc.assert(
      fc.property(nestedQuery(term, { maxDepth: 3, maxLength: 5 }), (query) => {
        const parsed = parseSearchQuery(serializeSearchQuery(query));
        expect(parsed.errors).toEqual([]);
        expect(parsed.query).toEqual(query);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and its serialisation is a fixed point, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: textUnit, maxLength: 30 }), (input) => {
        const once = roundTrip(input);
        expect(roundTrip(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
