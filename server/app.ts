/**
 * The HTTP application: security headers and request log around everything, the console session
 * routes, `/api/*` (embedded service or upstream proxy), avatars, and the built console.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { EVENT_TYPES } from '../common/pulumi/event-catalog.ts';
import { createAlertRoutes, type AlertRoutesDeps } from './alerts/alert-routes.ts';
import {
  registerUpstreamAlerts,
  type UpstreamAlertsDeps,
} from './alerts/upstream/upstream-alert-routes.ts';
import { requireCredentials, requireUser } from './auth/authenticate.ts';
import { requireAuditLogAccess } from './api/org-access.ts';
import { createApiRoutes, type ApiDeps } from './api/audit-log-routes.ts';
import { createCursorCodec } from './api/continuation-token.ts';
import { localUserLookup } from './api/current-user.ts';
import { registerAvatarRoute, type RenderAvatar } from './avatars.ts';
import { faultInjection, type FaultPlan } from './faults.ts';
import type { AppEnv } from './http/app-env.ts';
import { createErrorHandler, MESSAGES, pulumiError } from './http/pulumi-error.ts';
import { hostCheck } from './http/request-origin.ts';
import { rateLimit } from './rate-limit.ts';
import type { LogLine } from './log-line.ts';
import { requestLog } from './request-log.ts';
import { countArrival } from './export/export-pace.ts';
import { sessionCredentials } from './session/session-cookie.ts';
import { memoryRevocations, storeRevocations } from './session/session-revocations.ts';
import { createSessionRoutes } from './session/session-routes.ts';
import { registerStaticHosting, securityHeaders } from './static-hosting.ts';
import type { AuditStore } from './store/audit-store.ts';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, upstreamProxy } from './upstream-proxy.ts';
import { upstreamUserLookup } from './upstream-user-lookup.ts';

export type Backend =
  | {
      kind: 'local';
      store: AuditStore;
      cursorKey: Buffer;
      automatedExport?: ApiDeps['automatedExport'];
      /** The console's alerts (server/alerts/); absent: its API answers 404. */
      alerts?: Omit<AlertRoutesDeps, 'access' | 'startCursor' | 'describeEvaluation'>;
    }
  | {
      kind: 'proxy';
      upstreamUrl: URL;
      timeoutMs?: number;
      /** The console's alerts, reading Pulumi Cloud (server/alerts/upstream/); absent: 404. */
      alerts?: UpstreamAlertsDeps;
    };

export interface AppDeps {
  backend: Backend;
  /** 32 bytes (see server/secrets.ts). */
  sessionKey: Buffer;
  /** Draws `/avatars/{login}.svg` (server/seed/avatar-svg.ts's `renderAvatarSvg` in main.ts). */
  renderAvatar: RenderAvatar;
  faults?: FaultPlan;
  /** The largest list page (`MAX_PAGE_SIZE`); defaults to the API's own maximum. */
  maxPageSize?: number;
  /** Requests per second per token (`RATE_LIMIT`); unset: no limit. */
  rateLimit?: number;
  /** The built console; defaults to the repository's `dist/`. */
  distDir?: string;
  log?: LogLine;
  /** PUBLIC_URL's origin (`https://audit.example.com`): used instead of the Host header. */
  publicOrigin?: string;
  /** Milliseconds; injectable so tests can move session time. */
  now?: () => number;
}

const upstreamOptions = (backend: Extract<Backend, { kind: 'proxy' }>) => ({
  base: backend.upstreamUrl,
  timeoutMs: backend.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
});

function registerApi(app: Hono<AppEnv>, backend: Backend, maxPageSize?: number): void {
  if (backend.kind === 'local') {
    const codec = createCursorCodec(backend.cursorKey);
    const { store, automatedExport } = backend;
    if (backend.alerts) {
      const alerts = createAlertRoutes({
        ...backend.alerts,
        access: [requireUser(store), requireAuditLogAccess(store)],
        startCursor: () => store.lastEventId(),
        describeEvaluation: () => ({ evaluation: 'embedded' }),
      });
      app.route('/api', alerts);
    }
    app.route('/api', createApiRoutes({ store, codec, maxPageSize, automatedExport }));
    return;
  }
  // Pulumi Cloud has no catalog endpoint; the console's own catalog answers in proxy mode.
  app.get('/api/orgs/:org/auditlogs/event-types', (c) => c.json({ eventTypes: EVENT_TYPES }));
  if (backend.alerts) registerUpstreamAlerts(app, upstreamOptions(backend), backend.alerts);
  // The console's own paths are never forwarded: Pulumi Cloud has none, and a token must not
  // travel to it with a request it did not ask for.
  app.all('/api/orgs/:org/console/*', requireCredentials, (c) =>
    pulumiError(c, 404, MESSAGES.notFound),
  );
  app.all('/api/*', upstreamProxy(upstreamOptions(backend)));
}

/** Answers about the audit log (and errors about it) must not stay in a browser or proxy cache. */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** Builds the app: `createApp({backend: {kind: 'local', store, cursorKey}, sessionKey, renderAvatar})`. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const log: LogLine = deps.log ?? ((line) => console.info(line));
  const { backend } = deps;
  const session = {
    key: deps.sessionKey,
    now: deps.now ?? Date.now,
    revocations: backend.kind === 'local' ? storeRevocations(backend.store) : memoryRevocations(),
  };
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(log));
  app.notFound((c) => pulumiError(c, 404, MESSAGES.notFound));
  app.use('*', securityHeaders());
  app.use('*', requestLog(log));
  // Every request, static files and avatars too, makes exports rest (export-pace.ts).
  app.use('*', countArrival);
  app.use('*', hostCheck(deps.publicOrigin));
  app.get('/healthz', (c) => c.text('ok'));
  const lookupUser =
    backend.kind === 'local'
      ? localUserLookup(backend.store)
      : upstreamUserLookup(upstreamOptions(backend));
  // Which service answers /api, so the console can be polite to Pulumi Cloud's rate limit
  // (docs/decisions/013-search-and-insights.md). Says nothing a signed-out visitor could use.
  const service = backend.kind === 'local' ? 'embedded' : 'pulumi-cloud';
  app.get('/console/config', (c) => c.json({ service }));
  app.route('/console', createSessionRoutes({ ...session, lookupUser }));
  app.use('/api/*', noStore);
  if (deps.faults) app.use('/api/*', faultInjection(deps.faults));
  app.use('/api/*', sessionCredentials(session));
  app.use('/avatars/*', sessionCredentials(session));
  if (deps.rateLimit) app.use('/api/*', rateLimit(deps.rateLimit));
  registerApi(app, backend, deps.maxPageSize);
  registerAvatarRoute(app, backend.kind === 'local' ? backend.store : undefined, deps.renderAvatar);
  registerStaticHosting(app, deps.distDir);
  return app;
}
