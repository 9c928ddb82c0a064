import { describe, expect, it } from 'vitest';
import { orgOfPath, safeReturnTo, signInPath } from './return-to.ts';

describe('safeReturnTo', () => {
  it.each([
    ['/orgs/acme/audit-logs', '/orgs/acme/audit-logs'],
    ['/orgs/acme/audit-logs?user=kim&tz=utc', '/orgs/acme/audit-logs?user=kim&tz=utc'],
    ['/orgs/acme/audit-logs?x=1#frag', '/orgs/acme/audit-logs?x=1'],
    ['//evil.example/path', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example/', undefined],
    ['javascript:alert(1)', undefined],
    ['orgs/acme', undefined],
    ['/sign-in?returnTo=/x', undefined],
    ['/', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});

describe('signInPath', () => {
  it('carries a safe return address', () => {
    expect(signInPath('/orgs/acme/audit-logs?tz=utc')).toBe(
      '/sign-in?returnTo=%2Forgs%2Facme%2Faudit-logs%3Ftz%3Dutc',
    );
  });
  it.each([undefined, '/', '//evil.example'])('drops %j', (value) => {
    expect(signInPath(value)).toBe('/sign-in');
  });
});

describe('orgOfPath', () => {
  it.each([
    ['/orgs/acme/audit-logs?tz=utc', 'acme'],
    ['/orgs/my%20org/audit-logs', 'my org'],
    ['/orgs/%E0%A4%A/audit-logs', undefined],
    ['/elsewhere', undefined],
    [undefined, undefined],
  ])('%j → %j', (path, expected) => {
    expect(orgOfPath(path)).toBe(expected);
  });
});
