import { describe, expect, it } from 'vitest';
import {
  completeTerm,
  flagOf,
  termAt,
  withFlag,
  withTerm,
  withoutTerm,
} from './edit-search-query.ts';
import type { SearchTerm } from './search-query-types.ts';

const user = (value: string, negated = false): SearchTerm => ({
  kind: 'field',
  key: 'user',
  value,
  negated,
});

describe('withTerm and withoutTerm', () => {
  it('add a term after the person’s own words', () => {
    expect(withTerm('"stack deleted"', user('kim'))).toBe('"stack deleted" user:kim');
    expect(withTerm('', { kind: 'field', key: 'token', value: 'ci bot', negated: false })).toBe(
      'token:"ci bot"',
    );
  });

  it('turn an included term into an excluded one rather than holding both', () => {
    expect(withTerm('user:Kim deploy', user('kim', true))).toBe('deploy -user:kim');
  });

  it('remove a term of either sign', () => {
    expect(withoutTerm('-user:kim deploy', user('kim'))).toBe('deploy');
  });
});

describe('termAt', () => {
  it('finds the keyed piece under the caret', () => {
    expect(termAt('a -user:ki', 10)).toEqual({
      start: 2,
      end: 10,
      negated: true,
      key: 'user',
      value: 'ki',
    });
  });

  it('starts after an opening parenthesis and ends before a closing one', () => {
    expect(termAt('(user:ki OR x)', 8)).toMatchObject({ start: 1, end: 8, key: 'user' });
    expect(termAt('-(fa)', 4)).toMatchObject({ start: 2, end: 4, value: 'fa' });
  });

  it('finds a plain word, and nothing at a space', () => {
    expect(termAt('deploy us', 9)).toMatchObject({ start: 7, key: undefined, value: 'us' });
    expect(termAt('deploy ', 7)).toMatchObject({ start: 7, end: 7, value: '' });
  });
});

describe('completeTerm', () => {
  it('completes a key and leaves the caret after the colon', () => {
    expect(completeTerm('a us', termAt('a us', 4), 'user:')).toEqual({
      text: 'a user:',
      caret: 7,
    });
  });

  it('completes a value, keeps the sign and adds a space', () => {
    const text = '-user:ki deploy';
    expect(completeTerm(text, termAt(text, 8), 'user:kim')).toEqual({
      text: '-user:kim deploy',
      caret: 10,
    });
  });
});

describe('flagOf and withFlag', () => {
  it('read and replace a flag at the top of the query', () => {
    expect(flagOf('deploy machine:true', 'machine')).toBe(true);
    expect(flagOf('-machine:true', 'machine')).toBe(false);
    expect(flagOf('machine:false', 'machine')).toBe(false);
    expect(flagOf('(machine:true OR a)', 'machine')).toBeUndefined();
    expect(withFlag('deploy machine:true', 'machine', false)).toBe('deploy -machine:true');
    expect(withFlag('deploy -machine:true', 'machine', undefined)).toBe('deploy');
  });
});
