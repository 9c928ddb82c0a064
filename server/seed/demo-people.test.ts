import { describe, expect, it } from 'vitest';
import { avatarPathOf, DEMO_ADMIN_LOGIN, DEMO_MEMBER_LOGIN, DEMO_PEOPLE } from './demo-people.ts';
import { buildOrgProfile, membersOf } from './org-profiles.ts';
import { sourceIPsFor } from './source-ips.ts';

describe('demo people', () => {
  it('are about forty with unique logins', () => {
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(38);
    expect(new Set(DEMO_PEOPLE.map((person) => person.login)).size).toBe(DEMO_PEOPLE.length);
  });

  it.each([
    ['accents', /[À-ÿĀ-ž]/u],
    ['CJK', /\p{Script=Han}/u],
    ['Hangul', /\p{Script=Hangul}/u],
    ['Arabic', /\p{Script=Arabic}/u],
    ['Cyrillic', /\p{Script=Cyrillic}/u],
    ['an emoji', /\p{Extended_Pictographic}/u],
    ['an apostrophe', /'/],
  ])('have names with %s', (_, pattern) => {
    expect(DEMO_PEOPLE.some((person) => pattern.test(person.name))).toBe(true);
  });

  it('make the demo admin admin of both orgs and the demo member a member of acme only', () => {
    const admin = DEMO_PEOPLE.find((person) => person.login === DEMO_ADMIN_LOGIN);
    const member = DEMO_PEOPLE.find((person) => person.login === DEMO_MEMBER_LOGIN);
    expect(admin).toMatchObject({ acme: 'admin', hobby: 'admin' });
    expect(member).toMatchObject({ acme: 'member' });
    expect(member?.hobby).toBeUndefined();
  });

  it('have a few admins and mostly members', () => {
    const roles = membersOf('acme').map((person) => person.acme);
    const admins = roles.filter((role) => role === 'admin').length;
    expect(admins).toBeGreaterThanOrEqual(3);
    expect(admins).toBeLessThan(roles.length / 4);
  });

  it('use generated avatars, and GitHub URLs for two or three people', () => {
    const paths = DEMO_PEOPLE.map(avatarPathOf);
    const https = paths.filter((p) => p.startsWith('https://avatars.githubusercontent.com/u/'));
    expect(https.length).toBeGreaterThanOrEqual(2);
    expect(https.length).toBeLessThanOrEqual(3);
    expect(
      paths
        .filter((p) => !p.startsWith('https://'))
        .every((p) => /^\/avatars\/[a-z0-9-]+\.svg$/.test(p)),
    ).toBe(true);
  });

  it('have two or three stable source addresses each, IPv4 and IPv6', () => {
    for (const person of DEMO_PEOPLE) {
      const ips = sourceIPsFor(person.login);
      expect(ips.length).toBeGreaterThanOrEqual(2);
      expect(ips.length).toBeLessThanOrEqual(3);
      expect(ips.some((ip) => ip.includes(':'))).toBe(true);
      expect(ips.some((ip) => /^\d+\.\d+\.\d+\.\d+$/.test(ip))).toBe(true);
      expect(sourceIPsFor(person.login)).toEqual(ips);
    }
  });

  it('include machine actors only in their own org', () => {
    expect(
      buildOrgProfile('acme').machines.every((machine) => machine.machine?.urn.includes(':acme')),
    ).toBe(true);
    expect(buildOrgProfile('hobby').people.map((person) => person.login)).toContain(
      DEMO_ADMIN_LOGIN,
    );
  });
});
