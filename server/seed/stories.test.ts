import { describe, expect, it } from 'vitest';
import type { NewAuditEvent } from '../store/audit-store.ts';
import { generateAuditEvents } from './event-generator.ts';
import { buildOrgProfile } from './org-profiles.ts';
import {
  LEAKED_TOKEN_IP,
  LEAKED_TOKEN_NAME,
  OFFBOARDED_LOGIN,
  OFFBOARDED_STACKS,
  SECRET_READER,
  SELF_GRANTED_ROLE,
  SELF_GRANTING_ADMIN,
  storyTimes,
  STUFFED_LOGIN,
  STUFFING_IP,
} from './stories.ts';

const DAY = 86_400;
// A Wednesday at 10:17:42 UTC; the stories must not depend on now being a round number.
const NOW = Date.UTC(2026, 10, 25, 10, 17, 42) / 1000;
const START = NOW - 180 * DAY + 1;
const acme = buildOrgProfile('acme');

function generate(count = 20_000, stories = true, seed = 1): NewAuditEvent[] {
  return [...generateAuditEvents(acme, { count, seed, start: START, end: NOW, stories })];
}

const log = generate();
const hourOf = (t: number) => new Date(t * 1000).getUTCHours();
/**
 * Same rule as the console's `burst:true` (src/lib/range-index/markers.ts): 5 failed logins or
 * authentication failures from one address in 5 minutes.
 */
function burstIps(events: readonly NewAuditEvent[]): Set<string> {
  const failures = new Map<string, number[]>();
  const failed = (e: NewAuditEvent) => e.authFailure || e.event === 'user-login-failed';
  for (const e of events.filter(failed)) {
    failures.set(e.sourceIP, [...(failures.get(e.sourceIP) ?? []), e.timestamp]);
  }
  const ips = new Set<string>();
  for (const [ip, times] of failures) {
    times.sort((a, b) => a - b);
    for (let i = 4; i < times.length; i++) {
      if ((times[i] as number) - (times[i - 4] as number) < 300) ips.add(ip);
    }
  }
  return ips;
}
const secretRead = (e: NewAuditEvent) =>
  ['secret-decrypted', 'secrets-batch-decrypted', 'environment-read-open'].includes(e.event);

describe('the demo stories', () => {
  it('keep the count exact, are deterministic, and all happen in the last seven days', () => {
    expect(log).toHaveLength(20_000);
    expect(generate()).toEqual(log);
    const times = Object.values(storyTimes(NOW));
    for (const t of times) {
      expect(t).toBeLessThan(NOW);
      expect(t).toBeGreaterThan(NOW - 7 * DAY);
    }
    // Same hours of day whatever the second of seeding.
    expect(Object.values(storyTimes(NOW + 3 * 3600)).map(hourOf)).toEqual(times.map(hourOf));
  });

  it('credential stuffing: dozens of failed logins for many people from one address in minutes, then one gets in', () => {
    const failures = log.filter(
      (e) => e.sourceIP === STUFFING_IP && e.event === 'user-login-failed',
    );
    expect(failures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(failures.map((e) => e.userLogin)).size).toBeGreaterThanOrEqual(15);
    const first = failures[0]!.timestamp;
    const last = failures.at(-1)!.timestamp;
    expect(last - first).toBeLessThanOrEqual(10 * 60);
    // burst:true finds this address, and nothing else in the steady traffic.
    expect([...burstIps(log)]).toEqual([STUFFING_IP]);
    const success = log.filter((e) => e.sourceIP === STUFFING_IP && e.event === 'user-login');
    expect(success).toHaveLength(1);
    expect(success[0]).toMatchObject({ userLogin: STUFFED_LOGIN });
    expect(success[0]!.timestamp).toBeGreaterThan(last);
  });

  it('leaked CI token: used at night from an address no one used before, to read secrets', () => {
    const used = log.filter((e) => e.sourceIP === LEAKED_TOKEN_IP);
    expect(used.length).toBeGreaterThanOrEqual(8);
    for (const e of used) {
      expect(e).toMatchObject({ tokenName: LEAKED_TOKEN_NAME, userLogin: 'acme' });
      expect(hourOf(e.timestamp)).toBeLessThan(5);
    }
    expect(used.map((e) => e.event)).toEqual(
      expect.arrayContaining(['environment-open', 'secrets-batch-decrypted', 'stack-outputs-read']),
    );
    // first-ip:true marks it: the address appears nowhere before the story.
    const before = log.filter(
      (e) => e.sourceIP === LEAKED_TOKEN_IP && e.timestamp < used[0]!.timestamp,
    );
    expect(before).toEqual([]);
    const known = [...acme.people, ...acme.machines].flatMap((actor) => actor.sourceIPs);
    expect(known).not.toContain(LEAKED_TOKEN_IP);
    expect(known).not.toContain(STUFFING_IP);
  });

  it('offboarding: a teammate removed from the org and teams, then their stacks deleted; they act no more', () => {
    const removal = log.find(
      (e) => e.event === 'member-removed' && e.description.includes(`"${OFFBOARDED_LOGIN}"`),
    );
    expect(removal).toBeDefined();
    const after = log.filter((e) => e.timestamp >= removal!.timestamp);
    const deleted = after.filter(
      (e) =>
        e.event === 'stack-deleted' &&
        e.timestamp - removal!.timestamp < 3600 &&
        OFFBOARDED_STACKS.some((stack) => e.description.includes(`"${stack}"`)),
    );
    expect(deleted).toHaveLength(OFFBOARDED_STACKS.length);
    expect(after.filter((e) => e.userLogin === OFFBOARDED_LOGIN)).toEqual([]);
    expect(log.some((e) => e.userLogin === OFFBOARDED_LOGIN)).toBe(true);
  });

  it('secret reads: one member’s spike, the busiest quarter hour of secret reads in the log', () => {
    const reads = log.filter(secretRead);
    const perQuarter = new Map<number, NewAuditEvent[]>();
    for (const e of reads) {
      const key = Math.floor(e.timestamp / 900);
      perQuarter.set(key, [...(perQuarter.get(key) ?? []), e]);
    }
    const counts = [...perQuarter.values()].map((list) => list.length).sort((a, b) => b - a);
    const busiest = [...perQuarter.values()].find((list) => list.length === counts[0])!;
    expect(busiest.filter((e) => e.userLogin === SECRET_READER).length).toBeGreaterThanOrEqual(30);
    const spike = reads.filter(
      (e) =>
        e.userLogin === SECRET_READER && Math.abs(e.timestamp - storyTimes(NOW).secretReads) < 1800,
    );
    expect(spike.length).toBeGreaterThanOrEqual(60);
    expect(counts[0]! / (counts[2] ?? 1)).toBeGreaterThan(3);
  });

  it('self-granted role: an admin gives themselves a new custom role, the only such change', () => {
    const selfChanges = log.filter((e) => {
      const named = /^User "([^"]+)" changed the role of "([^"]+)"/.exec(e.description);
      return e.event === 'member-role-changed' && named && named[1] === named[2];
    });
    expect(selfChanges).toHaveLength(1);
    expect(selfChanges[0]).toMatchObject({ userLogin: SELF_GRANTING_ADMIN, reqOrgAdmin: true });
    expect(selfChanges[0]!.description).toContain(SELF_GRANTED_ROLE);
    const created = log.find(
      (e) => e.event === 'custom-role-created' && e.description.includes(SELF_GRANTED_ROLE),
    );
    expect(created!.timestamp).toBeLessThan(selfChanges[0]!.timestamp);
  });

  it('are left out when not asked for, when the range is short and for a small log', () => {
    const storyIps = (events: NewAuditEvent[]) =>
      events.filter((e) => e.sourceIP === STUFFING_IP || e.sourceIP === LEAKED_TOKEN_IP);
    expect(storyIps(generate(20_000, false))).toEqual([]);
    expect(storyIps(generate(999))).toEqual([]);
    const short = [
      ...generateAuditEvents(acme, {
        count: 5000,
        seed: 1,
        start: NOW - 3 * DAY,
        end: NOW,
        stories: true,
      }),
    ];
    expect(storyIps(short)).toEqual([]);
  });
});
