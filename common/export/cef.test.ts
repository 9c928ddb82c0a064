import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../pulumi/wire-types.ts';
import { CEF_LINE } from '../testing/cef-pattern.ts';
import { cefSyslogTime, escapeCefExtension, escapeCefHeader, eventToCefLine } from './cef.ts';

const event: AuditLogEvent = {
  timestamp: 1778766286,
  sourceIP: '203.0.113.42',
  event: 'stack-deleted',
  description: 'Deleted a|b = c\\d\r\nsecond line',
  user: { name: 'Ada', githubLogin: 'ada', avatarUrl: 'x' },
  reqOrgAdmin: true,
};

describe('CEF encoding', () => {
  it('escapes header and extension values as the CEF spec requires', () => {
    expect(escapeCefHeader('a|b\\c\nd')).toBe('a\\|b\\\\c d');
    expect(escapeCefExtension('a=b\\c\nd\re')).toBe('a\\=b\\\\c\\nd\\re');
  });

  it('formats the syslog prefix date in UTC with two-digit days', () => {
    expect(cefSyslogTime(0)).toBe('Jan 01 00:00:00');
    expect(cefSyslogTime(1778766286)).toBe('May 14 13:44:46');
  });

  it('writes one well-formed line with the documented keys', () => {
    const line = eventToCefLine(event, { org: 'acme', host: 'console.example' });
    expect(line).toMatch(CEF_LINE);
    expect(line).not.toMatch(/[\r\n]/);
    expect(
      line.startsWith(
        'May 14 13:44:46 console.example CEF:0|Pulumi|Pulumi Cloud|1.0|stack-deleted|',
      ),
    ).toBe(true);
    for (const key of [
      'dvchost',
      'rt',
      'src',
      'suser',
      'orgID',
      'userID',
      'requireOrgAdmin',
      'requireStackAdmin',
      'authenticationFailure',
    ]) {
      expect(line).toContain(` ${key}=`.trimStart());
    }
    expect(line).toContain('rt=1778766286000 src=203.0.113.42 suser=ada');
    expect(line).toContain('msg=Deleted a|b \\= c\\\\d\\nsecond line');
    expect(line).toContain(
      'requireOrgAdmin=true requireStackAdmin=false authenticationFailure=false',
    );
  });

  it('rates failed authentication above admin actions above the rest', () => {
    const severity = (e: AuditLogEvent) => eventToCefLine(e, { org: 'o', host: 'h' }).split('|')[6];
    expect(severity({ ...event, authFailure: true })).toBe('7');
    expect(severity(event)).toBe('5');
    expect(severity({ ...event, reqOrgAdmin: false })).toBe('3');
  });
});
