import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../common/pulumi/event-catalog.ts';
import { createDescriber, DESCRIPTION_TEMPLATES } from './describe-event.ts';
import { generateAuditEvents } from './event-generator.ts';
import { ACME_POOLS } from './object-names.ts';
import { buildOrgProfile } from './org-profiles.ts';
import { mulberry32 } from './prng.ts';

const END = 1_767_225_600;
const events = [
  ...generateAuditEvents(buildOrgProfile('acme'), {
    count: 5000,
    seed: 3,
    start: END - 180 * 86_400,
    end: END,
  }),
];
const descriptions = events.map((event) => event.description);

describe('event descriptions', () => {
  it('have templates for exactly the catalog types', () => {
    expect(Object.keys(DESCRIPTION_TEMPLATES).sort()).toEqual(
      EVENT_TYPES.map((type) => type.event).sort(),
    );
  });

  it('compile for both demo orgs (every slot names a pool)', () => {
    expect(() => buildOrgProfile('acme')).not.toThrow();
    expect(() => buildOrgProfile('hobby')).not.toThrow();
    expect(() => createDescriber({ org: 'x', pools: {}, memberLogins: ['a'] })).toThrow(
      /unknown slot/,
    );
  });

  it('fill every slot and name the actor and org', () => {
    const describeEvent = createDescriber({
      org: 'acme',
      pools: ACME_POOLS,
      memberLogins: ['kim', 'jdoe'],
    });
    const uniform = mulberry32(1);
    expect(describeEvent('team-created', 'kim', uniform)).toMatch(
      /^User "kim" created the team ".+"\.$/,
    );
    expect(describeEvent('member-removed', 'kim', uniform)).toMatch(
      /^User "kim" removed "jdoe" from the organization "acme"\.$/,
    );
    expect(describeEvent('stack-update-started', 'kim', uniform, 'acme/web/prod')).toBe(
      'Stack "acme/web/prod" update started.',
    );
    expect(descriptions.filter((text) => /\{\w+\}/.test(text))).toEqual([]);
  });

  it.each([
    ['a comma', ','],
    ['a double quote', '"'],
    ['a line break', '\n'],
  ])('include some with %s', (_, char) => {
    const share = descriptions.filter((text) => text.includes(char)).length / descriptions.length;
    expect(share).toBeGreaterThan(0);
    if (char === '\n') expect(share).toBeLessThan(0.05);
  });

  it.each(['=', '+', '-', '@'])(
    'include a few starting with %s (spreadsheet formula guard)',
    (lead) => {
      const count = descriptions.filter((text) => text.startsWith(lead)).length;
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(descriptions.length / 100);
    },
  );
});
