import { describe, expect, it } from 'vitest';
import { buildOrgProfile } from './org-profiles.ts';

describe('demo organization tokens', () => {
  it('share names between people, as real personal tokens do, and never an id', () => {
    const { people, machines } = buildOrgProfile('acme');
    const tokens = [...people, ...machines].map((actor) => actor.token);
    const named = (name: string) => tokens.filter((token) => token.name === name);
    // The browser tests of token pivots need one name that several tokens share.
    expect(named('pulumi-cli')).toHaveLength(6);
    expect(new Set(tokens.map((token) => token.id)).size).toBe(tokens.length);
  });
});
