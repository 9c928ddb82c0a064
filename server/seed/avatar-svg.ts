/**
 * Generated avatars for the demo users (`GET /avatars/{login}.svg`): initials on a colour
 * chosen by the login, so a person keeps their colour and neighbours in a list rarely share one.
 */
import { initialsOf } from './avatar-initials.ts';
import { hashString } from './prng.ts';

/** Saturated mid-tones: white text on each passes WCAG AA (contrast ≥ 4.5:1). */
const PALETTE = [
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

const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif";

/** Escapes text for XML content and attributes: `escapeXml('<a & "b">') === '&lt;a &amp; &quot;b&quot;&gt;'`. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** The avatar's background colour for a login: `avatarColor('kim')` → `'#0f766e'`. */
export function avatarColor(login: string): string {
  return PALETTE[hashString(login) % PALETTE.length] as string;
}

/**
 * A 64×64 SVG avatar with the name's initials:
 * `renderAvatarSvg('jnunez', 'José Núñez')` → `<svg …><title>José Núñez</title>…JN</text></svg>`.
 */
export function renderAvatarSvg(login: string, name: string): string {
  const initials = initialsOf(name, login);
  const fontSize = [...initials].length > 1 ? 26 : 30;
  const label = escapeXml(name || login);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<rect width="64" height="64" fill="${avatarColor(login)}"/>`,
    `<text x="32" y="33" fill="#ffffff" font-family="${escapeXml(FONT_STACK)}" font-size="${fontSize}" font-weight="600" text-anchor="middle" dominant-baseline="central">${escapeXml(initials)}</text>`,
    '</svg>',
  ].join('');
}
