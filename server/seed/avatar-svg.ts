/**
 * Generated avatars for the demo users (`GET /avatars/{login}.svg`): initials on a colour
 * chosen by the login, so a person keeps their colour and neighbours in a list rarely share one.
 */
import { avatarColor } from '../../common/avatar/avatar-color.ts';
import { initialsOf } from '../../common/avatar/avatar-initials.ts';

const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif";

/** Escapes text for XML content and attributes: `escapeXml('<a & "b">') === '&lt;a &amp; &quot;b&quot;&gt;'`. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
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
