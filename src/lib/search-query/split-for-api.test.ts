import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './parse-search-query.ts';
import { serializeSearchQuery } from './serialize-search-query.ts';
import { splitForApi } from './split-for-api.ts';

describe('splitForApi', () => {
  it.each([
    ['', {}, ''],
    ['user:kim', { user: 'kim' }, ''],
    ['user:kim event:stack-deleted', { user: 'kim', event: 'stack-deleted' }, ''],
    ['deploy user:kim', { user: 'kim' }, 'deploy'],
    ['user:kim user:lee', {}, 'user:kim user:lee'],
    ['-user:kim', {}, '-user:kim'],
    ['user:kim -user:lee', {}, 'user:kim -user:lee'],
    ['event:stack-deleted ip:10.0.0.0/8', { event: 'stack-deleted' }, 'ip:10.0.0.0/8'],
    ['category:stacks failed:true', {}, 'category:stacks failed:true'],
    // Either of two is more than the API's one filter can ask: the index answers.
    ['event:team-created OR event:team-updated', {}, 'event:team-created OR event:team-updated'],
    ['user:kim OR failed:true', {}, 'user:kim OR failed:true'],
    ['(user:kim)', {}, '(user:kim)'],
    ['user:kim (event:a OR event:b)', { user: 'kim' }, 'event:a OR event:b'],
  ])('%j: the API answers %j, the index %j', (text, api, rest) => {
    const { rest: restQuery, ...apiPart } = splitForApi(parseSearchQuery(text).query);
    expect(apiPart).toEqual(api);
    expect(serializeSearchQuery(restQuery)).toBe(rest);
  });
});
