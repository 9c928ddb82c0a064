import { describe, expect, it } from 'vitest';
import { AuditLogPageError, checkAuditLogPage } from './audit-log-page.ts';

const MINIMAL = { timestamp: 1, event: 'user-login', user: { githubLogin: 'kim' } };

describe('checkAuditLogPage', () => {
  it('accepts an event with only what Pulumi always sends, as it was sent', () => {
    const event = { ...MINIMAL, extra: 'x' };
    const page = checkAuditLogPage({ auditLogEvents: [event], continuationToken: 'next' });
    expect(page.auditLogEvents[0]).toBe(event);
    expect(page.continuationToken).toBe('next');
  });

  it('accepts an event without a source address, description or user name', () => {
    const upstream = {
      timestamp: 5,
      event: 'user-login',
      user: { githubLogin: 'kim', avatarUrl: '' },
    };
    expect(checkAuditLogPage({ auditLogEvents: [upstream] }).auditLogEvents).toEqual([upstream]);
  });

  it('keeps every field the API sends', () => {
    const full = {
      timestamp: 1,
      sourceIP: '203.0.113.7',
      event: 'stack-deleted',
      description: 'a\nb',
      user: { name: 'Kim', githubLogin: 'kim', avatarUrl: 'https://a/k.png', email: 'k@x' },
      tokenID: 't1',
      tokenName: 'ci',
      reqOrgAdmin: true,
      reqStackAdmin: false,
      authFailure: true,
      actorName: 'bot',
      actorUrn: 'urn:bot',
    };
    expect(checkAuditLogPage({ auditLogEvents: [full] }).auditLogEvents).toEqual([full]);
  });

  it.each([
    [{ auditLogEvents: null, continuationToken: null }],
    [{ auditLogEvents: [], continuationToken: '' }],
    [{ auditLogEvents: [] }],
  ])('reads %j as the last, empty page', (body) => {
    expect(checkAuditLogPage(body)).toEqual({ auditLogEvents: [], continuationToken: undefined });
  });

  it.each([
    ['not an object', '<html>'],
    ['null', null],
    ['an array', []],
    ['a body without events', {}],
    ['a body with only a token', { continuationToken: 'x' }],
    ['events not a list', { auditLogEvents: {} }],
    ['a token that is not a string', { auditLogEvents: [], continuationToken: 5 }],
    ['no timestamp', { auditLogEvents: [{ ...MINIMAL, timestamp: undefined }] }],
    ['a timestamp as text', { auditLogEvents: [{ ...MINIMAL, timestamp: '1' }] }],
    ['an infinite timestamp', { auditLogEvents: [{ ...MINIMAL, timestamp: Infinity }] }],
    ['no event', { auditLogEvents: [{ ...MINIMAL, event: undefined }] }],
    ['no user', { auditLogEvents: [{ ...MINIMAL, user: null }] }],
    ['no login', { auditLogEvents: [{ ...MINIMAL, user: { name: 'Kim' } }] }],
    [
      'a user name as a number',
      { auditLogEvents: [{ ...MINIMAL, user: { githubLogin: 'k', name: 1 } }] },
    ],
    ['a flag as text', { auditLogEvents: [{ ...MINIMAL, authFailure: 'yes' }] }],
    ['a token id as a number', { auditLogEvents: [{ ...MINIMAL, tokenID: 7 }] }],
    ['a source address as a list', { auditLogEvents: [{ ...MINIMAL, sourceIP: ['a'] }] }],
  ])('refuses %s', (_name, body) => {
    expect(() => checkAuditLogPage(body)).toThrow(AuditLogPageError);
  });

  it('names the event and the field that is wrong', () => {
    const body = { auditLogEvents: [MINIMAL, { ...MINIMAL, reqOrgAdmin: 1 }] };
    expect(() => checkAuditLogPage(body)).toThrow('event 1: bad reqOrgAdmin');
  });
});
