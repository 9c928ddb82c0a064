/**
 * The server's one-event matcher (alert rules) and the console's index answer every query alike,
 * so an alert fires on exactly what its search shows on screen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFlagsOf, matchEvent } from '../../../common/search-query/match-event.ts';
import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { matchRows } from './match-rows.ts';
import { RangeIndex } from './range-index.ts';
import { randomEvents, randomTerm } from './testing/random-events.ts';

const oneEventTerm = randomTerm.filter(
  (term) => term.kind !== 'flag' || (term.key !== 'first-ip' && term.key !== 'burst'),
);

describe('matchEvent', () => {
  it('matches the rows the range index matches, for random queries over random events', () => {
    const query = fc.array(oneEventTerm, { maxLength: 4 }).map((terms) => ({ terms }));
    fc.assert(
      fc.property(randomEvents(), query, (events, q) => {
        const index = new RangeIndex();
        index.addOlder(events);
        const expected = [...matchRows(index, q)];
        const actual = events.flatMap((event, row) => (matchEvent(event, q) ? [row] : []));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('names the flags one event cannot answer', () => {
    expect(contextFlagsOf(parseSearchQuery('failed:true -burst:true first-ip:true').query)).toEqual(
      ['burst', 'first-ip'],
    );
    expect(contextFlagsOf(parseSearchQuery('failed:true admin:false').query)).toEqual([]);
  });
});
