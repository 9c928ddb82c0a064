import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../common/pulumi/event-catalog.ts';
import type { NewAuditEvent } from '../store/audit-store.ts';
import { localDayAndHour } from './activity-clock.ts';
import { DEMO_PEOPLE } from './demo-people.ts';
import { generateAuditEvents, type GenerateOptions } from './event-generator.ts';
import { buildOrgProfile } from './org-profiles.ts';

const END = 1_767_225_600; // 2026-01-01T00:00:00Z
const START = END - 180 * 86_400 + 1;
const MIDPOINT = START + Math.floor((END - START + 1) / 2);
const acme = buildOrgProfile('acme');

function generate(overrides: Partial<GenerateOptions> = {}): NewAuditEvent[] {
  return [
    ...generateAuditEvents(acme, { count: 20_000, seed: 1, start: START, end: END, ...overrides }),
  ];
}

const sample = generate();

describe('generateAuditEvents', () => {
  it('is deterministic: same seed, same events; another seed, other events', () => {
    expect(generate()).toEqual(sample);
    const other = generate({ seed: 2 });
    expect(other).toHaveLength(sample.length);
    expect(other).not.toEqual(sample);
  });

  it.each([0, 1, 7, 999, 1000, 5000, 12_345])('yields exactly %i events', (count) => {
    expect(generate({ count })).toHaveLength(count);
  });

  it('keeps timestamps whole seconds inside the range, nearly in time order', () => {
    const outside = sample.filter(
      (e) => !Number.isInteger(e.timestamp) || e.timestamp < START || e.timestamp > END,
    );
    expect(outside).toEqual([]);
    // Episodes spill a little into the next hour; nothing goes back more than a couple of hours.
    let latest = 0;
    const backwards = sample.filter((event) => {
      const late = event.timestamp < latest - 3 * 3600;
      latest = Math.max(latest, event.timestamp);
      return late;
    });
    expect(backwards).toEqual([]);
  });

  it.each([5000, 20_000])('covers all 169 catalog types at %i events', (count) => {
    const seen = new Set(generate({ count, seed: 7 }).map((event) => event.event));
    expect(EVENT_TYPES).toHaveLength(169);
    expect(EVENT_TYPES.filter((type) => !seen.has(type.event)).map((type) => type.event)).toEqual(
      [],
    );
  });

  it('uses deprecated types only before the middle of the range and their replacements after', () => {
    const deprecated = new Set(
      EVENT_TYPES.filter((type) => type.deprecated).map((type) => type.event),
    );
    const replacements = new Set(EVENT_TYPES.map((type) => type.replacedBy).filter(Boolean));
    expect(deprecated.size).toBe(11);
    const misplaced = sample.filter(
      (event) =>
        (deprecated.has(event.event) && event.timestamp >= MIDPOINT) ||
        (replacements.has(event.event) && event.timestamp < MIDPOINT),
    );
    expect(misplaced).toEqual([]);
    expect(sample.some((event) => deprecated.has(event.event))).toBe(true);
  });

  it('takes reqOrgAdmin, reqStackAdmin and authFailure from the catalog', () => {
    const byId = new Map(EVENT_TYPES.map((type) => [type.event, type]));
    const wrong = sample.filter((event) => {
      const type = byId.get(event.event);
      return (
        !type ||
        (event.reqOrgAdmin === true) !== type.requiresOrgAdmin ||
        (event.reqStackAdmin === true) !== type.requiresStackAdmin ||
        (event.authFailure === true) !== type.authenticationFailure
      );
    });
    expect(wrong).toEqual([]);
    expect(sample.filter((event) => event.authFailure).length).toBeGreaterThan(20);
  });

  it('lets stack updates dominate, many events sharing a second', () => {
    const updates = sample.filter((event) => event.event.startsWith('stack-update-')).length;
    expect(updates / sample.length).toBeGreaterThan(0.3);
    const perSecond = new Map<number, number>();
    for (const event of sample)
      perSecond.set(event.timestamp, (perSecond.get(event.timestamp) ?? 0) + 1);
    expect([...perSecond.values()].filter((n) => n >= 5).length).toBeGreaterThan(100);
  });

  it('gives machine events the org service user, token and actor, and no "User" sentence', () => {
    const machine = sample.filter((event) => event.actorUrn);
    expect(machine.length).toBeGreaterThan(sample.length / 3);
    const wrong = machine.filter(
      (event) =>
        event.userLogin !== 'acme' ||
        !event.tokenID ||
        !event.tokenName ||
        !event.actorName ||
        !/^urn:pulumi:(team|org|deployments):acme/.test(event.actorUrn ?? '') ||
        event.description.includes('User "acme"'),
    );
    expect(wrong).toEqual([]);
    const tokenNames = new Set(machine.map((event) => event.tokenName));
    expect(tokenNames).toContain('github-actions-deploy');
  });

  it('logs people in mostly on weekdays during their local working hours', () => {
    const offsets = new Map(
      DEMO_PEOPLE.map((person) => [person.login, person.utcOffsetMinutes * 60]),
    );
    const logins = sample.filter((event) => event.event === 'user-login');
    const atWork = logins.filter((event) => {
      const { dayOfWeek, hour } = localDayAndHour(
        event.timestamp,
        offsets.get(event.userLogin) ?? 0,
      );
      return dayOfWeek >= 1 && dayOfWeek <= 5 && hour >= 9 && hour < 18;
    });
    const weekend = logins.filter((event) => {
      const { dayOfWeek } = localDayAndHour(event.timestamp, offsets.get(event.userLogin) ?? 0);
      return dayOfWeek === 0 || dayOfWeek === 6;
    });
    expect(logins.length).toBeGreaterThan(500);
    // 45 of 168 hours a week are weekday office hours (27%); people log in then far more often.
    expect(atWork.length / logins.length).toBeGreaterThan(0.6);
    expect(weekend.length / logins.length).toBeLessThan(0.08);
  });

  it('draws source addresses from the documentation ranges, IPv4 and IPv6', () => {
    const ips = new Set(sample.map((event) => event.sourceIP));
    const documentation = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$|^2001:db8:/;
    expect([...ips].filter((ip) => !documentation.test(ip))).toEqual([]);
    expect([...ips].some((ip) => ip.includes(':'))).toBe(true);
    expect([...ips].some((ip) => ip.includes('.'))).toBe(true);
  });
});
