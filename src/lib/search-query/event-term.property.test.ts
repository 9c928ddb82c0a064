/**
 * Property: whatever event id an answer carries (the catalog's spelling or not: capitals,
 * underscores, spaces, quotes), the term a facet or a click writes for it reads back as that
 * same event term, included or excluded, and never as an error that would drop it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withTerm } from './edit-search-query.ts';
import { parseSearchQuery } from './parse-search-query.ts';
import type { SearchTerm } from './search-query-types.ts';

const anyEventId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...'aZ_ -:"\\é.'.split('')), minLength: 1, maxLength: 12 }),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/),
);

describe('an event term for any event id', () => {
  it('reads back as the same term, beside what was already searched', () => {
    fc.assert(
      fc.property(
        anyEventId,
        fc.boolean(),
        fc.constantFrom('', 'deploy', 'user:kim -failed:true'),
        (value, negated, q) => {
          const term: SearchTerm = { kind: 'field', key: 'event', value, negated };
          const parsed = parseSearchQuery(withTerm(q, term));
          expect(parsed.errors).toEqual([]);
          expect(parsed.query.terms.at(-1)).toEqual(term);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('quotes an id outside the catalog spelling, and not one inside it', () => {
    const write = (value: string) =>
      withTerm('', { kind: 'field', key: 'event', value, negated: true });
    expect(write('Stack_Deleted')).toBe('-event:"Stack_Deleted"');
    expect(write('stack-deleted')).toBe('-event:stack-deleted');
  });
});
