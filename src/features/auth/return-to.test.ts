import fc from 'fast-check';
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

  it.each([
    '/.//evil.example/x',
    '/..//evil.example/x',
    '/%2e%2e//evil.example/x',
    '/%2E%2E//evil.example/x',
    '/.%2e//evil.example/x',
    '/a/../..//evil.example/x',
    '/a/b/../../..//evil.example/x',
    '/././/evil.example',
    '/\t/evil.example/x'.replace('\\t', '\t'),
    '/\n/evil.example/x'.replace('\\n', '\n'),
    '/\r\n/evil.example'.replace('\\r\\n', '\r\n'),
    '/.\\evil.example',
    '/%5c/evil.example',
    '/.//\\evil.example',
    '/;/..//evil.example',
  ])('never turns %j into an address on another host', (attack) => {
    const result = safeReturnTo(attack);
    if (result !== undefined) {
      expect(result).toMatch(/^\/(?![/\\])/);
      expect(new URL(result, 'https://console.example').origin).toBe('https://console.example');
    }
  });

  it('returns only same-origin paths that it would accept again unchanged, for any input', () => {
    const fragment = fc.constantFrom(
      '/',
      '//',
      '.',
      '..',
      '%2e',
      '%2E',
      '%2f',
      '\\',
      '\t',
      '\n',
      ';',
      '?',
      '#',
      'evil.example',
      'orgs',
      'x',
      ':',
      '@',
    );
    const attack = fc.oneof(
      fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(attack, (value) => {
        const result = safeReturnTo(value);
        if (result === undefined) return;
        expect(result).toMatch(/^\/(?![/\\])/);
        expect(new URL(result, 'https://console.example').origin).toBe('https://console.example');
        expect(safeReturnTo(result)).toBe(result);
      }),
      { numRuns: 3000 },
    );
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
