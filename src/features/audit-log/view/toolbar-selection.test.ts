import { describe, expect, it } from 'vitest';
import {
  eventSelectionOf,
  userSelectionOf,
  withEventSelection,
  withUserSelection,
} from './toolbar-selection.ts';

const event = (value: string) => ({ key: 'event' as const, value });
const category = (value: string) => ({ key: 'category' as const, value });

describe('the toolbar shows what the view selects', () => {
  it('reads the search’s user and events when the view has no filter of its own', () => {
    expect(userSelectionOf({ q: 'user:hbrown deploy' })).toEqual({
      values: [{ key: 'user', value: 'hbrown' }],
      exact: true,
    });
    expect(eventSelectionOf({ q: 'event:team-created OR category:teams' })).toEqual({
      values: [event('team-created'), category('teams')],
      exact: true,
    });
  });

  it('says when the filter and the search both narrow events', () => {
    expect(eventSelectionOf({ event: 'team-created', q: 'event:team-updated' }).exact).toBe(false);
    expect(eventSelectionOf({ event: 'team-created', q: 'deploy' })).toEqual({
      values: [event('team-created')],
      exact: true,
    });
  });
});

describe('the pickers write the view', () => {
  it('keeps one event type on the API’s filter and takes it out of the search', () => {
    expect(withEventSelection({ q: 'deploy event:team-updated' }, [event('team-created')])).toEqual(
      { event: 'team-created', q: 'deploy' },
    );
  });

  it('puts several types or a category in the search, as either', () => {
    expect(
      withEventSelection({ q: 'deploy' }, [event('team-created'), event('team-updated')]),
    ).toEqual({ event: undefined, q: 'deploy (event:team-created OR event:team-updated)' });
    expect(withEventSelection({}, [category('teams')])).toEqual({
      event: undefined,
      q: 'category:teams',
    });
  });

  it('clears both for all events', () => {
    expect(withEventSelection({ q: 'event:a-b OR event:c-d' }, [])).toEqual({
      event: undefined,
      q: undefined,
    });
  });

  it('replaces the search’s users with the picked one', () => {
    expect(withUserSelection({ q: 'user:hbrown failed:true' }, 'kim')).toEqual({
      user: 'kim',
      q: 'failed:true',
    });
  });
});
