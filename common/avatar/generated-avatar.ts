/**
 * The embedded service's generated avatars: a user's initials on the colour of their login
 * (`avatarColor`, `initialsOf`), served as SVG at one path per login. The console draws the
 * same initials itself for an avatar it knows is one of these, instead of painting an SVG
 * image in every row that scrolls into view (text costs a fraction of it).
 */

/** The path of a login's generated avatar: `generatedAvatarPath('kim') === '/avatars/kim.svg'`. */
export function generatedAvatarPath(login: string): string {
  return `/avatars/${encodeURIComponent(login)}.svg`;
}

/**
 * Whether `url` is a generated avatar of the service at `origin`:
 * `isGeneratedAvatar('http://h:1/avatars/kim.svg', 'http://h:1') === true`; another host's
 * picture, or another path, is an image like any other.
 */
export function isGeneratedAvatar(url: string, origin: string): boolean {
  if (!url.startsWith(origin + '/avatars/')) return false;
  const path = url.slice(origin.length);
  return /^\/avatars\/[^/?#]+\.svg$/.test(path);
}
