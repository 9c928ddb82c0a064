/** Random queries with parenthesised groups, for property tests of the grammar and the index. */
import fc from 'fast-check';
import type { SearchQuery, SearchTerm } from '../search-query-types.ts';

/**
 * Queries of `leaf` terms and groups (`-(a OR b c)`), `maxDepth` groups deep at most, each
 * group with one to three alternatives of one to three items.
 */
export function nestedQuery(
  leaf: fc.Arbitrary<SearchTerm>,
  { maxDepth = 2, maxLength = 4 } = {},
): fc.Arbitrary<SearchQuery> {
  return fc.letrec<{ query: SearchQuery; alternative: SearchQuery; group: SearchTerm }>((tie) => {
    const item = fc.oneof({ maxDepth }, leaf, tie('group'));
    return {
      query: fc.array(item, { maxLength }).map((terms) => ({ terms })),
      alternative: fc.array(item, { minLength: 1, maxLength: 3 }).map((terms) => ({ terms })),
      group: fc.record({
        kind: fc.constant('group' as const),
        negated: fc.boolean(),
        any: fc.array(tie('alternative'), { minLength: 1, maxLength: 3 }),
      }),
    };
  }).query;
}
