import { describe, expect, it } from 'vitest';
import { avatarColor, AVATAR_PALETTE } from './avatar-color.ts';
import { initialsOf } from './avatar-initials.ts';

describe('initialsOf', () => {
  it.each([
    ['José Núñez', 'JN'],
    ['Zoë Ångström', 'ZÅ'],
    ['Priya 🚀 Patel', 'PP'],
    ['山田 太郎', '山'],
    ['李伟', '李'],
    ['김하늘', '김'],
    ['نور عبدالله', 'ن'],
    ['Ольга Иванова', 'ОИ'],
    ["Aoife O'Connor", 'AO'],
    ['Maximilian Alexander von Hohenzollern-Sigmaringen', 'MH'],
    ['Nikolai', 'N'],
    ['🚀', '🚀'],
    ['Jose\u0301 Nun\u0303ez', 'JN'],
    ['e\u0301lodie', 'E\u0301'],
    ['Alex Rivera', 'AR'],
    ['Dana Maria Okonkwo', 'DO'],
    ['ci-deploy', 'CD'],
    ['jane.doe', 'JD'],
    ['élodie durand', 'ÉD'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name, 'login')).toBe(initials);
  });

  it('falls back to the login for an empty name', () => {
    expect(initialsOf('  ', 'kim')).toBe('K');
  });
});

describe('avatarColor', () => {
  it('gives one login one colour from the palette', () => {
    expect(avatarColor('kim')).toBe(avatarColor('kim'));
    expect(AVATAR_PALETTE).toContain(avatarColor('kim'));
  });
});
