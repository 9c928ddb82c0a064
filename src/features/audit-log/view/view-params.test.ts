import { describe, expect, it } from 'vitest';
import { parseViewParams, serializeViewParams } from './view-params.ts';
import { displayOf, type AuditLogView } from './view-schema.ts';

const NOV_1 = Date.UTC(2026, 10, 1) / 1000;
const NOV_8 = Date.UTC(2026, 10, 8) / 1000;

const parse = (search: string) => parseViewParams(new URLSearchParams(search));

describe('view URL round trips', () => {
  it.each<[string, AuditLogView]>([
    ['', { tz: 'local' }],
    ['user=kim', { tz: 'local', user: 'kim' }],
    ['event=stack-deleted', { tz: 'local', event: 'stack-deleted' }],
    ['range=7d', { tz: 'local', range: '7d' }],
    ['tz=utc', { tz: 'utc' }],
    [
      'user=kim&event=stack-deleted&from=2026-11-01T00%3A00%3A00Z&to=2026-11-08T00%3A00%3A00Z&tz=utc',
      { tz: 'utc', user: 'kim', event: 'stack-deleted', from: NOV_1, to: NOV_8 },
    ],
    ['from=2026-11-01T00%3A00%3A00Z', { tz: 'local', from: NOV_1 }],
    ['to=2026-11-08T00%3A00%3A00Z', { tz: 'local', to: NOV_8 }],
    ['user=ci-bot_2.x&range=90d', { tz: 'local', user: 'ci-bot_2.x', range: '90d' }],
    ['density=compact', { tz: 'local', density: 'compact' }],
    ['wrap=on', { tz: 'local', wrap: true }],
    ['cols=time%2Cuser%2Cevent%2Cip', { tz: 'local', cols: ['time', 'user', 'event', 'ip'] }],
    ['cols=ip%2Ctime', { tz: 'local', cols: ['ip', 'time'] }],
    ['group=category', { tz: 'local', group: 'category' }],
    ['range=7d&group=user', { tz: 'local', range: '7d', group: 'user' }],
    [
      'user=kim&tz=utc&density=compact&wrap=on&cols=event%2Cdescription',
      { tz: 'utc', user: 'kim', density: 'compact', wrap: true, cols: ['event', 'description'] },
    ],
  ])('%j ⇄ %j', (search, view) => {
    expect(parse(search)).toEqual({ view, ignored: [] });
    expect(serializeViewParams(view).toString()).toBe(search);
  });

  it.each<[string, AuditLogView]>([
    ['from=2026-11-01', { tz: 'local', from: NOV_1 }],
    ['from=2026-11-01T01:00:00%2B01:00', { tz: 'local', from: NOV_1 }],
    ['from=2026-10-31T19:00:00-05:00', { tz: 'local', from: NOV_1 }],
    ['from=2026-11-01T00:00Z', { tz: 'local', from: NOV_1 }],
    ['from=2026-11-01T00:00:00.999Z', { tz: 'local', from: NOV_1 }],
    ['tz=local', { tz: 'local' }],
    ['range=all', { tz: 'local' }],
    ['density=comfortable', { tz: 'local' }],
    ['wrap=off', { tz: 'local' }],
    ['group=failed', { tz: 'local' }],
    ['cols=time,user,event,description,ip,token,flags', { tz: 'local' }],
  ])('reads the equivalent form %j', (search, view) => {
    expect(parse(search)).toEqual({ view, ignored: [] });
  });

  it('writes parameters in a fixed order, whatever the order read', () => {
    const { view } = parse('tz=utc&range=24h&user=kim');
    expect(serializeViewParams(view).toString()).toBe('user=kim&range=24h&tz=utc');
  });
});

describe('bad values are dropped with a reason', () => {
  it.each<[string, AuditLogView, string[]]>([
    ['from=yesterday', { tz: 'local' }, ['from']],
    ['from=2026-02-30', { tz: 'local' }, ['from']],
    ['from=2026-11-01T25:00:00Z', { tz: 'local' }, ['from']],
    ['from=2026-11-01T10:00:00', { tz: 'local' }, ['from']],
    ['to=1793491200', { tz: 'local' }, ['to']],
    ['to=', { tz: 'local' }, ['to']],
    ['from=1969-12-31T23:59:59Z', { tz: 'local' }, ['from']],
    ['event=no-such-event', { tz: 'local' }, ['event']],
    ['event=Stack%20Deleted', { tz: 'local' }, ['event']],
    ['user=', { tz: 'local' }, ['user']],
    ['user=kim%20lee', { tz: 'local' }, ['user']],
    ['user=%3Cscript%3E', { tz: 'local' }, ['user']],
    ['range=2w', { tz: 'local' }, ['range']],
    ['tz=Europe%2FParis', { tz: 'local' }, ['tz']],
    ['token=pul-abc', { tz: 'local' }, ['token']],
    ['page=2&user=kim', { tz: 'local', user: 'kim' }, ['page']],
    ['user=kim&user=lee', { tz: 'local', user: 'kim' }, ['user']],
    ['from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z', { tz: 'local' }, ['from', 'to']],
    ['from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z', { tz: 'local' }, ['from', 'to']],
    ['range=7d&from=2026-11-01', { tz: 'local', from: NOV_1 }, ['range']],
    ['range=bad&from=nope&tz=utc', { tz: 'utc' }, ['range', 'from']],
    ['density=tiny', { tz: 'local' }, ['density']],
    ['wrap=yes', { tz: 'local' }, ['wrap']],
    ['cols=', { tz: 'local' }, ['cols']],
    ['cols=time,sourceIP', { tz: 'local' }, ['cols']],
    ['cols=time,time', { tz: 'local' }, ['cols']],
    ['tz=local&tz=utc', { tz: 'local' }, ['tz']],
    ['group=team&range=7d', { tz: 'local', range: '7d' }, ['group']],
    ['group=', { tz: 'local' }, ['group']],
  ])('%j → %j, ignoring %j', (search, view, params) => {
    const parsed = parse(search);
    expect(parsed.view).toEqual(view);
    expect(parsed.ignored.map((item) => item.param)).toEqual(params);
    for (const item of parsed.ignored) expect(item.reason).not.toBe('');
  });

  it('names the unknown columns and the known ones', () => {
    expect(parse('cols=time,owner,ip,stack').ignored).toEqual([
      {
        param: 'cols',
        value: 'time,owner,ip,stack',
        reason:
          'unknown column "owner", "stack" (columns: time, user, event, description, ip, token, flags)',
      },
    ]);
  });

  it('names the chart groupings it knows', () => {
    expect(parse('group=stack').ignored).toEqual([
      { param: 'group', value: 'stack', reason: 'not a chart grouping (failed, category, user)' },
    ]);
  });

  it('keeps the dropped value to show it', () => {
    expect(parse('from=yesterday').ignored).toEqual([
      { param: 'from', value: 'yesterday', reason: 'not a date and time (ISO 8601)' },
    ]);
  });

  it('serialises a cleaned view without what was dropped', () => {
    const { view } = parse('user=kim&bogus=1&from=nope&tz=utc');
    expect(serializeViewParams(view).toString()).toBe('user=kim&tz=utc');
  });
});

describe('display settings', () => {
  it('outlive clearing every filter', () => {
    const { view } = parse(
      'user=kim&range=7d&tz=utc&density=compact&wrap=on&cols=time%2Cevent&group=user',
    );
    expect(serializeViewParams(displayOf(view)).toString()).toBe(
      'tz=utc&density=compact&wrap=on&cols=time%2Cevent&group=user',
    );
  });
});
