/**
 * `GET /avatars/{login}.svg`: the generated avatar of a user or organization of the demo data.
 * The renderer is passed in (main.ts gives server/seed/avatar-svg.ts's) so the app does not
 * depend on the seed module.
 */
import type { Hono } from 'hono';
import type { AppEnv } from './http/app-env.ts';
import { pulumiError } from './http/pulumi-error.ts';
import type { AuditStore } from './store/audit-store.ts';

/** Generated from the name, so they change only if the name does: a day of caching is safe. */
const AVATAR_CACHE_CONTROL = 'public, max-age=86400';

export type RenderAvatar = (login: string, name: string) => string;

export function registerAvatarRoute(
  app: Hono<AppEnv>,
  store: AuditStore | undefined,
  render: RenderAvatar,
): void {
  app.get('/avatars/:file', (c) => {
    const file = c.req.param('file');
    const login = file.endsWith('.svg') ? file.slice(0, -'.svg'.length) : '';
    const name =
      login && (store?.findUser(login)?.name ?? store?.findOrganization(login)?.displayName);
    if (!name) return pulumiError(c, 404, 'avatar not found');
    c.header('Cache-Control', AVATAR_CACHE_CONTROL);
    return c.body(render(login, name), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });
}
