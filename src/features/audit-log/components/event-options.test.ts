import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import { bestEventMatch, groupEventTypes } from './event-options.ts';

describe('groupEventTypes', () => {
  it('groups every type under its category', () => {
    const groups = groupEventTypes(EVENT_TYPES, '');
    expect(groups.flatMap((g) => g.types)).toHaveLength(EVENT_TYPES.length);
    for (const group of groups) {
      expect(group.types.every((t) => t.category === group.category)).toBe(true);
    }
  });

  it.each([
    ['stack del', 'stack-deleted'],
    ['STACK-DELETED', 'stack-deleted'],
    ['member added', 'member-added'],
  ])('finds %j', (search, event) => {
    const found = groupEventTypes(EVENT_TYPES, search).flatMap((g) => g.types.map((t) => t.event));
    expect(found).toContain(event);
  });

  it('finds a whole category by its name', () => {
    const groups = groupEventTypes(EVENT_TYPES, 'environments');
    expect(groups.map((g) => g.category)).toContain('environments');
  });

  it('finds nothing for nonsense', () => {
    expect(groupEventTypes(EVENT_TYPES, 'zzzz-no-such')).toEqual([]);
  });
});

describe('bestEventMatch', () => {
  it.each([
    ['environment read', 'environment-read'],
    ['stack deleted', 'stack-deleted'],
    ['user-login', 'user-login'],
    ['Member Add', 'member-added'],
  ])('%j → %j', (search, event) => {
    expect(bestEventMatch(EVENT_TYPES, search)?.event).toBe(event);
  });

  it.each(['', '   ', 'zzzz'])('%j → nothing', (search) => {
    expect(bestEventMatch(EVENT_TYPES, search)).toBeUndefined();
  });
});
