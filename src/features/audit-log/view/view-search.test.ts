import { describe, expect, it } from 'vitest';
import { searchOfView } from './view-search.ts';

describe('searchOfView', () => {
  it('leaves a search of one user and one event to the API', () => {
    expect(searchOfView({ q: 'user:kim event:stack-deleted' })).toMatchObject({
      api: { user: 'kim', event: 'stack-deleted' },
      needsIndex: false,
    });
    expect(searchOfView({ user: 'kim' })).toMatchObject({
      api: { user: 'kim' },
      needsIndex: false,
    });
  });

  it('asks the index the whole question when the API cannot answer it alone', () => {
    const search = searchOfView({ user: 'kim', q: 'failed:true -ip:10.0.0.0/8' });
    expect(search).toMatchObject({ api: { user: 'kim' }, needsIndex: true });
    expect(search).toMatchObject({
      indexQuery: 'failed:true -ip:10.0.0.0/8',
      indexFilter: 'user:kim',
    });
  });

  it('asks the index any search with OR, keeping the API to the view’s own filters', () => {
    const search = searchOfView({ q: 'event:team-created OR user:kim', event: 'team-updated' });
    expect(search).toMatchObject({ api: { event: 'team-updated' }, needsIndex: true });
    expect(search).toMatchObject({
      indexQuery: 'event:team-created OR user:kim',
      indexFilter: 'event:team-updated',
    });
    expect(searchOfView({ q: '(user:kim OR user:lee)' })).toMatchObject({
      api: {},
      needsIndex: true,
    });
  });

  it('does not let a search user replace the filtered user', () => {
    const search = searchOfView({ user: 'kim', q: 'user:lee' });
    expect(search).toMatchObject({ api: { user: 'kim' }, needsIndex: true });
    expect(search).toMatchObject({ indexQuery: 'user:lee', indexFilter: 'user:kim' });
  });

  it('names the terms it cannot read and answers the rest', () => {
    const search = searchOfView({ q: 'colour:red user:kim' });
    expect(search.errors.map((e) => e.term)).toEqual(['colour:red']);
    expect(search).toMatchObject({ api: { user: 'kim' }, needsIndex: false });
  });
});
