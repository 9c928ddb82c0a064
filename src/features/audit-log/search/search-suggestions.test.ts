import { describe, expect, it } from 'vitest';
import { termAt } from '../../../lib/search-query/edit-search-query.ts';
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
});
