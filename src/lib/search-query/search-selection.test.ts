import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './parse-search-query.ts';
import { selectionOf, withSelection } from './search-selection.ts';

const EVENTS = ['event', 'category'] as const;
const selected = (q: string, keys: readonly ('user' | 'event' | 'category')[] = EVENTS) => {
  const { values, exact } = selectionOf(parseSearchQuery(q).query, keys);
  return { values: values.map((v) => `${v.key}:${v.value}`), exact };
};

describe('selectionOf', () => {
  it.each([
    ['', [], true],
    ['deploy', [], true],
    ['event:a-b', ['event:a-b'], true],
    ['event:a-b event:c-d deploy', ['event:a-b', 'event:c-d'], true],
    ['event:a-b OR category:stacks', ['event:a-b', 'category:stacks'], true],
    ['deploy (event:a-b OR event:c-d)', ['event:a-b', 'event:c-d'], true],
    ['-event:a-b', [], true],
    ['event:a-b category:stacks', [], false],
    ['(event:a-b OR deploy)', [], true],
  ])('%j selects %j', (q, values, exact) => {
    expect(selected(q)).toEqual({ values, exact });
  });

  it('reads users the same way', () => {
    expect(selected('user:kim failed:true', ['user'])).toEqual({
      values: ['user:kim'],
      exact: true,
    });
  });
});

describe('withSelection', () => {
  it.each([
    ['deploy user:kim', ['user'], [], 'deploy'],
    ['deploy user:kim', ['user'], [{ key: 'user', value: 'lee' }], 'deploy user:lee'],
    [
      '',
      EVENTS,
      [
        { key: 'event', value: 'team-created' },
        { key: 'category', value: 'access-tokens' },
      ],
      'event:team-created OR category:access-tokens',
    ],
    [
      'deploy event:a-b',
      EVENTS,
      [
        { key: 'event', value: 'a-b' },
        { key: 'event', value: 'c-d' },
      ],
      'deploy (event:a-b OR event:c-d)',
    ],
    ['deploy (event:a-b OR event:c-d) -user:kim', EVENTS, [], 'deploy -user:kim'],
  ] as const)('%j with %j set to %j is %j', (q, keys, values, expected) => {
    expect(withSelection(q, keys, [...values])).toBe(expected);
  });
});
