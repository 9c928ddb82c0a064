import { describe, expect, it } from 'vitest';
import { facetValues } from '../../../lib/range-index/facets.ts';
import { matchRows } from '../../../lib/range-index/match-rows.ts';
import { RangeIndex } from '../../../lib/range-index/range-index.ts';
import { completeTerm, termAt } from '../../../lib/search-query/edit-search-query.ts';
import { parseSearchQuery } from '../../../lib/search-query/parse-search-query.ts';
import { indexedKey, staticSuggestions, valueSuggestions } from './search-suggestions.ts';

const at = (text: string) => termAt(text, text.length);

describe('search suggestions', () => {
  it('offers keys for a word being typed', () => {
    expect(staticSuggestions(at('deploy fa')).map((s) => s.completion)).toEqual(['failed:true']);
    expect(staticSuggestions(at('-u')).map((s) => s.completion)).toEqual(['user:']);
    expect(staticSuggestions(at(''))).toEqual([]);
  });

  it('offers categories and true or false without the index', () => {
    expect(staticSuggestions(at('category:sta')).map((s) => s.completion)).toContain(
      'category:stacks',
    );
    expect(staticSuggestions(at('burst:f')).map((s) => s.completion)).toEqual(['burst:false']);
  });

  it('asks the index for users, events, addresses and tokens only', () => {
    expect(indexedKey(at('user:k'))).toBe('user');
    expect(indexedKey(at('ip:10.'))).toBe('ip');
    expect(indexedKey(at('actor:x'))).toBeUndefined();
    expect(indexedKey(at('kim'))).toBeUndefined();
  });

  it('writes index values as terms, quoting what needs it', () => {
    const entries = [
      { value: 'ci bot', label: 'ci bot', count: 1200 },
      { value: 'kim', label: 'Kim Park', count: 3 },
    ];
    expect(valueSuggestions('token', entries).map((s) => [s.completion, s.label])).toEqual([
      ['token:"ci bot"', 'ci bot'],
      ['token:kim', 'Kim Park (kim)'],
    ]);
  });

  it('complete a token’s name to its id, one suggestion per token of that name', () => {
    const index = new RangeIndex();
    const made = (timestamp: number, tokenID: string) => ({
      timestamp,
      event: 'stack-updated',
      user: { githubLogin: 'someone' },
      tokenID,
      tokenName: 'pulumi-cli',
    });
    const KIM = 'aaaa1111-0000-4000-8000-000000000001';
    const LEE = 'bbbb2222-0000-4000-8000-000000000002';
    index.addOlder([made(3, KIM), made(2, KIM), made(1, LEE)]);
    const typed = at('token:pulumi');
    const entries = facetValues(index, 'token', matchRows(index, { terms: [] }), typed.value, 8);
    const suggestions = valueSuggestions('token', entries);
    expect(suggestions.map((s) => [s.completion, s.detail])).toEqual([
      [`token:${KIM}`, '2'],
      [`token:${LEE}`, '1'],
    ]);
    expect(suggestions.map((s) => s.label)).toEqual([
      `pulumi-cli · aaaa1111 (${KIM})`,
      `pulumi-cli · bbbb2222 (${LEE})`,
    ]);
    const taken = completeTerm('token:pulumi', typed, suggestions[1]!.completion).text;
    expect([...matchRows(index, parseSearchQuery(taken).query)]).toEqual([2]);
  });
});
