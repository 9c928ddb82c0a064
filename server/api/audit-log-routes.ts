/**
 * The embedded Pulumi API: current user, audit-log lists (V1, V2), exports and the event catalog.
 * Writes to any audit-log path are refused with 405: the log is append-only by design.
 */
import { Hono, type Context } from 'hono';
import { LARGEST_PAGE_SIZE } from '../../common/pulumi/api-limits.ts';
import type { AuditLogPage } from '../../common/pulumi/wire-types.ts';
import { EVENT_TYPES } from '../../common/pulumi/event-catalog.ts';
import { requireUser } from '../auth/authenticate.ts';
import {
  createExportConfigRoutes,
  type ExportConfigDeps,
} from '../automated-export/export-config-routes.ts';
import { exportHandler } from '../export/export-routes.ts';
import type { AppEnv } from '../http/app-env.ts';
import { HttpError, MESSAGES } from '../http/pulumi-error.ts';
import { requestOrigin } from '../http/request-origin.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { parseAuditLogParams, type ApiVersion } from './audit-log-params.ts';
import { resolveAuditLogQuery } from './resolve-page-query.ts';
import type { CursorCodec } from './continuation-token.ts';
import { buildCurrentUser } from './current-user.ts';
import { toAuditLogEvent } from './event-json.ts';
import { requireAuditLogAccess } from './org-access.ts';

export interface ApiDeps {
  store: AuditStore;
  codec: CursorCodec;
  /**
   * The largest page a list request gets, whatever its `pageSize` (Pulumi Cloud's is
   * `PULUMI_PAGE_EVENTS`).
   */
  maxPageSize?: number;
  /** Automated export's endpoints; absent: they answer 405 like other writes. */
  automatedExport?: Omit<ExportConfigDeps, 'store'>;
}

function listHandler(deps: ApiDeps, version: ApiVersion) {
  return (c: Context<AppEnv>) => {
    const params = parseAuditLogParams(c.req.query(), version, 'list');
    const { scope, page } = resolveAuditLogQuery(c, deps, params, version);
    const pageSize = Math.min(params.pageSize, deps.maxPageSize ?? LARGEST_PAGE_SIZE);
    // One extra row tells whether another page exists, so the last page carries no token.
    const rows = deps.store.listEvents({ ...page, limit: pageSize + 1 });
    const pageRows = rows.slice(0, pageSize);
    const origin = requestOrigin(c);
    const body: AuditLogPage = {
      auditLogEvents: pageRows.map((row) => toAuditLogEvent(row, origin)),
    };
    const last = pageRows.at(-1);
    if (rows.length > pageSize && last) {
      body.continuationToken = deps.codec.encode({ timestamp: last.timestamp, id: last.id }, scope);
    }
    return c.json(body);
  };
}

/** Routes mounted at `/api`. */
export function createApiRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const user = requireUser(deps.store);
  const access = requireAuditLogAccess(deps.store);
  // Before the refusal of writes below: these are the audit log's only writable paths.
  if (deps.automatedExport) {
    api.route('/', createExportConfigRoutes({ store: deps.store, ...deps.automatedExport }));
  }
  const refuseWrites = () => {
    throw new HttpError(405, 'Method Not Allowed: audit logs are read-only.', { Allow: 'GET' });
  };
  for (const path of ['/orgs/:org/auditlogs', '/orgs/:org/auditlogs/*']) {
    api.on(['PUT', 'PATCH', 'POST', 'DELETE'], path, refuseWrites);
  }
  api.get('/user', user, (c) => {
    const current = buildCurrentUser(deps.store, c.get('login') ?? '', requestOrigin(c));
    if (!current) throw new HttpError(401, MESSAGES.unauthorized);
    return c.json(current);
  });
  api.get('/orgs/:org/auditlogs', user, access, listHandler(deps, 'v1'));
  api.get('/orgs/:org/auditlogs/v2', user, access, listHandler(deps, 'v2'));
  api.get('/orgs/:org/auditlogs/export', user, access, exportHandler(deps, 'v1'));
  api.get('/orgs/:org/auditlogs/v2/export', user, access, exportHandler(deps, 'v2'));
  api.get('/orgs/:org/auditlogs/event-types', user, access, (c) =>
    c.json({ eventTypes: EVENT_TYPES }),
  );
  return api;
}
