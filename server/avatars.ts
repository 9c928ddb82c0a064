/**
 * `GET /avatars/{login}.svg`: the generated avatar of a user or organization of the demo data.
 * Needs a session (the cookie, which `<img>` requests of the page carry) or an Authorization header.
 * The renderer is passed in (main.ts gives server/seed/avatar-svg.ts's) so the app does not
 * depend on the seed module.
 */
import type { Hono } from 'hono';
import type { AppEnv } from './http/app-env.ts';
import { requireCredentials, requireUser } from './auth/authenticate.ts';
import { pulumiError } from './http/pulumi-error.ts';
import type { AuditStore } from './store/audit-store.ts';

/**
 * Generated from the name, so they change only if the name does: a day of caching is safe, in
 * the browser only, since answering needs a session (a shared cache would let logins be probed).
 */
const AVATAR_CACHE_CONTROL = 'private, max-age=86400';

export type RenderAvatar = (login: string, name: string) => string;

export function registerAvatarRoute(
  app: Hono<AppEnv>,
  store: AuditStore | undefined,
  render: RenderAvatar,
): void {
  // Only signed-in callers: otherwise anyone could test which logins exist.
  app.get('/avatars/:file', store ? requireUser(store) : requireCredentials, (c) => {
    const file = c.req.param('file');
    const login = file.endsWith('.svg') ? file.slice(0, -'.svg'.length) : '';
    const name =
      login && (store?.findUser(login)?.name ?? store?.findOrganization(login)?.displayName);
    if (!name) return pulumiError(c, 404, 'avatar not found');
    c.header('Cache-Control', AVATAR_CACHE_CONTROL);
    return c.body(render(login, name), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });
}
