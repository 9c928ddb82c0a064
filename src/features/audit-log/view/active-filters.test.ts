import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import { activeFilters } from './active-filters.ts';

describe('activeFilters', () => {
  it('is empty for an unfiltered view', () => {
    expect(activeFilters({ tz: 'utc' }, EVENT_TYPES)).toEqual([]);
  });

  it('names each filter and gives the view without it', () => {
    const view = { tz: 'utc', user: 'kim', event: 'stack-deleted', range: '7d' } as const;
    const filters = activeFilters(view, EVENT_TYPES);
    expect(filters.map(({ key, label, value }) => [key, label, value])).toEqual([
      ['user', 'User', 'kim'],
      ['event', 'Event', 'Stack Deleted'],
      ['time', 'Time', 'Last 7 days'],
    ]);
    expect(filters[0]?.without).toEqual({ ...view, user: undefined });
    expect(filters[2]?.without).toEqual({ tz: 'utc', user: 'kim', event: 'stack-deleted' });
  });

  it('names the search first, and lifts it alone', () => {
    const view = { tz: 'utc', user: 'kim', q: 'failed:true' } as const;
    const [search] = activeFilters(view, EVENT_TYPES);
    expect(search).toMatchObject({ key: 'search', label: 'Search', value: 'failed:true' });
    expect(search?.without).toEqual({ tz: 'utc', user: 'kim', q: undefined });
  });

  it('falls back to the event id for an event the catalog does not know', () => {
    expect(activeFilters({ tz: 'utc', event: 'brand-new' }, [])[0]?.value).toBe('brand-new');
  });
});
