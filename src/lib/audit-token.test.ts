import { describe, expect, it } from 'vitest';
import { shortTokenId, tokenLabels, tokenPivot } from './audit-token.ts';

const A = 'aaaa1111-0000-4000-8000-000000000001';
const B = 'bbbb2222-0000-4000-8000-000000000002';

describe('audit tokens', () => {
  it('pivot to a token by its id, or by its name when it has no id', () => {
    expect(tokenPivot({ id: A, name: 'pulumi-cli' })).toBe(A);
    expect(tokenPivot({ id: '', name: 'pulumi-cli' })).toBe('pulumi-cli');
    expect(shortTokenId(A)).toBe('aaaa1111');
  });

  it('label tokens by name, adding the start of the id where a name is shared', () => {
    expect(
      tokenLabels([
        { id: A, name: 'pulumi-cli' },
        { id: B, name: 'Pulumi-CLI' },
        { id: 'c', name: 'deploy' },
        { id: 'd', name: '' },
        { id: '', name: 'pulumi-cli' },
      ]),
    ).toEqual(['pulumi-cli · aaaa1111', 'Pulumi-CLI · bbbb2222', 'deploy', 'd', 'pulumi-cli']);
  });

  it('count a renamed token once, so its name is not shared with itself', () => {
    expect(
      tokenLabels([
        { id: A, name: 'cli' },
        { id: A, name: 'cli' },
        { id: A, name: 'laptop' },
      ]),
    ).toEqual(['cli', 'cli', 'laptop']);
  });

  it('show the whole id where the starts of two ids of one name are equal', () => {
    const twin = 'aaaa1111-ffff-4000-8000-000000000009';
    expect(
      tokenLabels([
        { id: A, name: 'cli' },
        { id: twin, name: 'cli' },
        { id: B, name: 'cli' },
      ]),
    ).toEqual([`cli · ${A}`, `cli · ${twin}`, 'cli · bbbb2222']);
  });
});
