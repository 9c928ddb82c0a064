/**
 * Pulumi's automated-export endpoints on the embedded service:
 * `GET|POST|DELETE /api/orgs/{org}/auditlogs/export/config`, `POST …/config/force?timestamp=`
 * and `POST …/config/test`, for admins of an organization whose plan is Business Critical
 * (DELETE skips the plan check, as Pulumi's does, so removal works after a downgrade).
 *
 * Secrets are write-only: sealed with the server's secret before they are stored, never in an
 * answer, a message or the log. Destinations pass the outbound guard before they are saved or
 * tested, so a refused address is a 400 naming why, with no connection made.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireUser } from '../auth/authenticate.ts';
import { requireAuditLogAccess } from '../api/org-access.ts';
import type { AppEnv } from '../http/app-env.ts';
import { HttpError, pulumiError } from '../http/pulumi-error.ts';
import type { OutboundGuard } from '../outbound/outbound-guard.ts';
import { isOutboundRefusal } from '../outbound/outbound-policy.ts';
import { openSealedText, sealText } from '../session/session-seal.ts';
import type { AuditStore, ExportDestination } from '../store/audit-store.ts';
import { HOUR } from '../store/export-queries.ts';
import {
  mayKeepSecret,
  parseDestination,
  parseUpdateRequest,
  toSettings,
} from './export-config-body.ts';
import { secretContext, type Exporter } from './exporter.ts';
import { hourStart } from './hour-object.ts';

export const EXPORT_MESSAGES = {
  notAvailable: 'Audit log export is not available for this organization.',
  notConfigured: 'Organization has not configured audit log export.',
} as const;

export interface ExportConfigDeps {
  store: AuditStore;
  guard: OutboundGuard;
  exporter: Exporter;
  sealKey: Buffer;
  /** Unix seconds. */
  now?: () => number;
}

const MAX_BODY_BYTES = 16 * 1024;

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'the body must be application/json');
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new HttpError(400, 'invalid body: not JSON');
  }
}

/** Refusals by the outbound guard are the admin's to read; nothing else is said. */
async function checkDestination(guard: OutboundGuard, destination: ExportDestination) {
  if (destination.kind !== 's3-compatible') return;
  try {
    await guard.check(destination.endpoint, { allowHttp: false });
  } catch (error) {
    if (isOutboundRefusal(error)) throw new HttpError(400, (error as Error).message);
    // A name that does not resolve now may later; the delivery will say so.
  }
}

export function createExportConfigRoutes(deps: ExportConfigDeps): Hono<AppEnv> {
  const { store, guard } = deps;
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const routes = new Hono<AppEnv>();
  const user = requireUser(store);
  const access = requireAuditLogAccess(store);
  const plan: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (store.readPlan(c.req.param('org') ?? '') !== 'business-critical') {
      throw new HttpError(400, EXPORT_MESSAGES.notAvailable);
    }
    await next();
  };
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => pulumiError(c, 413, 'invalid body: too large'),
  });
  const path = '/orgs/:org/auditlogs/export/config';
  const orgOf = (c: Context<AppEnv>) => c.req.param('org') ?? '';

  routes.get(path, user, access, plan, (c) => {
    const config = store.readExportConfig(orgOf(c));
    if (!config) throw new HttpError(404, EXPORT_MESSAGES.notConfigured);
    return c.json(toSettings(config));
  });

  routes.post(path, user, access, plan, limit, async (c) => {
    const org = orgOf(c);
    const request = parseUpdateRequest(await readJson(c));
    const stored = store.readExportConfig(org);
    let sealedSecret: string | null = null;
    if (request.destination.kind === 's3-compatible') {
      if (request.secret !== undefined) {
        sealedSecret = sealText(deps.sealKey, request.secret, secretContext(org));
      } else if (mayKeepSecret(stored, request.destination)) {
        sealedSecret = stored?.sealedSecret ?? null;
      } else {
        throw new HttpError(400, 'secretAccessKey is required for a new endpoint or access key');
      }
    }
    await checkDestination(guard, request.destination);
    store.saveExportConfig(
      org,
      { enabled: request.enabled, destination: request.destination, sealedSecret },
      now(),
    );
    return c.body(null, 204);
  });

  // No plan check: an organization that lost the plan can still remove its configuration.
  routes.delete(path, user, access, (c) => {
    if (!store.deleteExportConfig(orgOf(c))) {
      throw new HttpError(400, EXPORT_MESSAGES.notConfigured);
    }
    return c.body(null, 204);
  });

  routes.post(`${path}/force`, user, access, plan, async (c) => {
    const org = orgOf(c);
    const raw = c.req.query('timestamp') ?? '';
    if (!/^\d{1,12}$/.test(raw)) {
      throw new HttpError(400, 'timestamp must be a unix time in seconds');
    }
    const hour = hourStart(Number(raw));
    if (hour + HOUR > now()) throw new HttpError(400, 'that hour has not ended yet');
    if (!store.readExportConfig(org)) throw new HttpError(404, EXPORT_MESSAGES.notConfigured);
    return c.json(await deps.exporter.force(org, hour));
  });

  routes.post(`${path}/test`, user, access, plan, limit, async (c) => {
    const org = orgOf(c);
    const { destination, secret } = parseDestination(await readJson(c), 'the request body');
    const stored = store.readExportConfig(org);
    let usable = secret;
    if (destination.kind === 's3-compatible' && usable === undefined) {
      if (!mayKeepSecret(stored, destination) || !stored?.sealedSecret) {
        throw new HttpError(
          400,
          'secretAccessKey is required to test a new endpoint or access key',
        );
      }
      usable = openSealedText(deps.sealKey, stored.sealedSecret, secretContext(org), 4096);
    }
    await checkDestination(guard, destination);
    return c.json(await deps.exporter.test(org, destination, usable));
  });

  return routes;
}
