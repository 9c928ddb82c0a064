/**
 * Who may read an organization's audit log. Order: the org must exist (404), the caller must be
 * an admin (403), and only then is the subscription checked (400), so non-members learn nothing
 * about an organization's plan.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { HttpError, MESSAGES } from '../http/pulumi-error.ts';
import type { AuditStore } from '../store/audit-store.ts';

/** Runs after `requireUser`; reads the `:org` route parameter. */
export function requireAuditLogAccess(store: AuditStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const name = c.req.param('org') ?? '';
    const org = store.findOrganization(name);
    if (!org) throw new HttpError(404, `Organization '${name}' not found`);
    if (store.findRole(org.name, c.get('login') ?? '') !== 'admin') {
      throw new HttpError(403, MESSAGES.forbidden);
    }
    if (!org.enterprise) throw new HttpError(400, MESSAGES.notEnterprise);
    await next();
  };
}
