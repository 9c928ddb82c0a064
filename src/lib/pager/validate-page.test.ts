import { describe, expect, it } from 'vitest';
import { testEvent } from './test-pages.ts';
import { assertAuditLogPage, nextPageToken, ResponseShapeError } from './validate-page.ts';

describe('assertAuditLogPage', () => {
  it('reads a null event list (an empty list from a Go service) as no events', () => {
    expect(assertAuditLogPage({ auditLogEvents: null }).auditLogEvents).toEqual([]);
  });

  it('accepts a page with optional fields present or absent', () => {
    const full = testEvent(1, {
      tokenID: 'i',
      tokenName: 'n',
      actorName: 'a',
      actorUrn: 'u',
      reqOrgAdmin: true,
      reqStackAdmin: false,
      authFailure: true,
    });
    const page = { auditLogEvents: [testEvent(2), full], continuationToken: 'x' };
    expect(assertAuditLogPage(page)).toBe(page);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['no events', { continuationToken: 'x' }],
    ['a numeric token', { auditLogEvents: [], continuationToken: 5 }],
    ['a string timestamp', { auditLogEvents: [{ ...testEvent(1), timestamp: '1' }] }],
    ['no user', { auditLogEvents: [{ ...testEvent(1), user: null }] }],
    ['a user without login', { auditLogEvents: [{ ...testEvent(1), user: { name: 'x' } }] }],
    ['a string flag', { auditLogEvents: [{ ...testEvent(1), reqOrgAdmin: 'true' }] }],
    ['a numeric token name', { auditLogEvents: [{ ...testEvent(1), tokenName: 3 }] }],
    ['a missing description', { auditLogEvents: [{ ...testEvent(1), description: undefined }] }],
  ])('refuses %s', (_name, value) => {
    expect(() => assertAuditLogPage(value)).toThrow(ResponseShapeError);
  });

  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['abc', 'abc'],
  ])('reads token %j as %j', (token, expected) => {
    expect(nextPageToken({ auditLogEvents: [], continuationToken: token })).toBe(expected);
  });
});
