import { describe, expect, it } from 'vitest';
import { AuditLogPageError, checkAuditLogPage } from './audit-log-page-schema.ts';

const MINIMAL = { timestamp: 1, event: 'user-login', user: { githubLogin: 'kim' } };

describe('checkAuditLogPage', () => {
  it('fills in what Pulumi omits and leaves out what the console does not read', () => {
    const page = checkAuditLogPage({
      auditLogEvents: [{ ...MINIMAL, extra: 'x', user: { ...MINIMAL.user, extra: 1 } }],
      continuationToken: 'next',
    });
    expect(page).toEqual({
      auditLogEvents: [
        {
          timestamp: 1,
          sourceIP: '',
          event: 'user-login',
          description: '',
          user: { name: '', githubLogin: 'kim', avatarUrl: '' },
          reqOrgAdmin: false,
          reqStackAdmin: false,
          authFailure: false,
        },
      ],
      continuationToken: 'next',
    });
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
    [{}, []],
    [{ auditLogEvents: null, continuationToken: null }, []],
    [{ auditLogEvents: [], continuationToken: '' }, []],
  ])('reads %j as the last, empty page', (body, events) => {
    expect(checkAuditLogPage(body)).toEqual({
      auditLogEvents: events,
      continuationToken: undefined,
    });
  });

  it.each([
    ['not an object', '<html>'],
    ['events not a list', { auditLogEvents: {} }],
    ['a token that is not a string', { auditLogEvents: [], continuationToken: 5 }],
    ['no timestamp', { auditLogEvents: [{ ...MINIMAL, timestamp: undefined }] }],
    ['a timestamp as text', { auditLogEvents: [{ ...MINIMAL, timestamp: '1' }] }],
    ['no event', { auditLogEvents: [{ ...MINIMAL, event: undefined }] }],
    ['no user', { auditLogEvents: [{ ...MINIMAL, user: null }] }],
    ['no login', { auditLogEvents: [{ ...MINIMAL, user: { name: 'Kim' } }] }],
    ['a flag as text', { auditLogEvents: [{ ...MINIMAL, authFailure: 'yes' }] }],
    ['a token id as a number', { auditLogEvents: [{ ...MINIMAL, tokenID: 7 }] }],
  ])('refuses %s', (_name, body) => {
    expect(() => checkAuditLogPage(body)).toThrow(AuditLogPageError);
  });
});
