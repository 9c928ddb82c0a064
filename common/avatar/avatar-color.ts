/**
 * The background colour of an avatar without a picture, chosen by the login so a person keeps
 * their colour everywhere (the server's generated SVGs and the console's initials alike).
 */
import { hashString } from '../text/hash-string.ts';

/** Saturated mid-tones: white text on each passes WCAG AA (contrast ≥ 4.5:1). */
export const AVATAR_PALETTE = [
  '#1d4ed8',
  '#6d28d9',
  '#a21caf',
  '#be185d',
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#15803d',
  '#0f766e',
  '#0369a1',
  '#4338ca',
  '#475569',
] as const;

/** The colour for a login: `avatarColor('kim')` → `'#0f766e'`, the same on every call. */
export function avatarColor(login: string): string {
  return AVATAR_PALETTE[hashString(login) % AVATAR_PALETTE.length] as string;
}
