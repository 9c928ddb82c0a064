import { describe, expect, it } from 'vitest';
import { generatedAvatarPath, isGeneratedAvatar } from './generated-avatar.ts';

describe('isGeneratedAvatar', () => {
  const origin = 'http://127.0.0.1:8080';
  it.each([
    [`${origin}${generatedAvatarPath('kim')}`, true],
    [`${origin}${generatedAvatarPath('josé.núñez')}`, true],
    ['http://127.0.0.1:8081/avatars/kim.svg', false],
    [`${origin}.evil.example/avatars/kim.svg`, false],
    [`${origin}/avatars/kim.svg?x=1`, false],
    [`${origin}/avatars/a/b.svg`, false],
    [`${origin}/other/kim.svg`, false],
    ['https://avatars.githubusercontent.com/u/1?v=4', false],
  ])('%s → %s', (url, expected) => {
    expect(isGeneratedAvatar(url, origin)).toBe(expected);
  });
});
