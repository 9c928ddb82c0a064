import { describe, expect, it } from 'vitest';
import { carryView, usersNamedBy } from './carry-view.ts';
import type { AuditLogView } from './view-schema.ts';

const options = (absent: string[] = []) => ({
  fromOrg: 'acme',
  toOrg: 'hobby',
  absentUsers: new Set(absent),
});

describe('carryView', () => {
  it('keeps the time range, zone, table settings, event type and event-shaped search terms', () => {
    const view: AuditLogView = {
      tz: 'utc',
      range: '7d',
      event: 'stack-deleted',
      density: 'compact',
      wrap: true,
      live: true,
      q: 'deploy ip:203.0.113.0/24 failed:true -burst:true category:authentication event:user-login',
    };
    expect(carryView(view, options())).toEqual({ view, dropped: [] });
  });

  it('drops token and actor terms, naming each, and closes the open event silently', () => {
    const view: AuditLogView = {
      tz: 'local',
      from: 100,
      to: 200,
      details: '150-abc',
      q: 'token:gitlab-ci deploy -actor:platform',
    };
    const { view: carried, dropped } = carryView(view, options());
    expect(carried).toEqual({ tz: 'local', from: 100, to: 200, q: 'deploy' });
    expect(dropped.map((d) => `${d.param}=${d.value}`)).toEqual([
      'q=token:gitlab-ci',
      'q=-actor:platform',
    ]);
    expect(dropped[0]?.reason).toMatch(/tokens belong to one organization.*acme/);
  });

  it('drops a user filter and user terms only for users with no events there, in any case', () => {
    const view: AuditLogView = { tz: 'utc', user: 'JDoe', q: 'user:kim -user:jdoe' };
    expect(usersNamedBy(view)).toEqual(['jdoe', 'kim']);
    const { view: carried, dropped } = carryView(view, options(['jdoe']));
    expect(carried).toEqual({ tz: 'utc', q: 'user:kim' });
    expect(dropped).toEqual([
      { param: 'user', value: 'JDoe', reason: 'no events by this user in hobby' },
      { param: 'q', value: '-user:jdoe', reason: 'no events by this user in hobby' },
    ]);
  });

  it('leaves no empty search behind', () => {
    const { view } = carryView({ tz: 'utc', q: 'token:x' }, options());
    expect(view).toEqual({ tz: 'utc' });
  });
});
