/**
 * The console's alerts API in upstream mode (PULUMI_API_URL set): the same rules and history as
 * the embedded service, kept in this server's `alerts.db`, never forwarded to Pulumi Cloud, which
 * has no such API. Who may use it is Pulumi's answer: the caller's own credentials must read the
 * organization's audit log. One more resource, `…/console/alerts/reader`, takes the token the
 * rules read Pulumi Cloud with: checked against Pulumi, sealed, never answered or logged.
 */
import { createHash } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../../../common/pulumi/api-errors.ts';
import { MAX_ACCESS_TOKEN_LENGTH } from '../../../common/pulumi/api-limits.ts';
import { effectiveAuthorization, parseAuthorizationHeader } from '../../auth/credentials.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { HttpError, MESSAGES } from '../../http/pulumi-error.ts';
import { sealText } from '../../session/session-seal.ts';
import type { UpstreamOptions } from '../../upstream-proxy.ts';
import { UPSTREAM_MESSAGES } from '../../upstream-response.ts';
import { ALERTS_PATH, createAlertRoutes, type AlertRoutesDeps } from '../alert-routes.ts';
import { readerContext } from './read-new-upstream-events.ts';
import { fetchUpstreamPage } from './upstream-page-reader.ts';
import type { UpstreamReader } from './upstream-events-store.ts';

export type UpstreamAlertsDeps = Omit<
  AlertRoutesDeps,
  'access' | 'startCursor' | 'describeEvaluation'
>;

/**
 * Asks Pulumi for one second of the org's log with `token`: undefined when it answers, else
 * the status it refused with (502 for no usable answer).
 */
async function probe(upstream: UpstreamOptions, org: string, token: string, nowMs: number) {
  const now = Math.floor(nowMs / 1000);
  try {
    await fetchUpstreamPage(
      { base: upstream.base, timeoutMs: upstream.timeoutMs, org, token },
      { startTime: String(now), endTime: String(now + 1) },
    );
    return undefined;
  } catch (error) {
    return error instanceof ApiError && error.status < 500 ? error.status : 502;
  }
}

const RATE_LIMITED = 'Pulumi Cloud is limiting this token’s requests; try again in a minute';

/**
 * How long Pulumi's yes to a caller's credentials for an org stands. The Alerts page asks
 * several times a minute, and each probe would spend a request of the caller's rate limit; a
 * token revoked in Pulumi Cloud keeps its org's alerts at most this long.
 */
export const ACCESS_KEPT_MS = 60_000;
/** Credentials remembered at once; the oldest go first. */
const ACCESS_KEPT_MAX = 1_000;

/** The (token, org) pairs Pulumi said yes to lately, by a hash: no token is kept in memory. */
function accessGrants(now: () => number) {
  const until = new Map<string, number>();
  const keyOf = (token: string, org: string) =>
    createHash('sha256').update(org).update('\0').update(token).digest('base64');
  return {
    has(token: string, org: string) {
      const key = keyOf(token, org);
      const ends = until.get(key);
      if (ends !== undefined && ends > now()) return true;
      until.delete(key);
      return false;
    },
    add(token: string, org: string) {
      if (until.size >= ACCESS_KEPT_MAX) until.delete(until.keys().next().value as string);
      until.set(keyOf(token, org), now() + ACCESS_KEPT_MS);
    },
  };
}

/** The caller may use the alerts of `:org` when its credentials read that org's audit log. */
function requireUpstreamAccess(
  upstream: UpstreamOptions,
  now: () => number,
): MiddlewareHandler<AppEnv> {
  const grants = accessGrants(now);
  return async (c, next) => {
    const token = parseAuthorizationHeader(effectiveAuthorization(c));
    if (token === undefined) throw new HttpError(401, MESSAGES.unauthorized);
    const org = c.req.param('org') ?? '';
    if (!grants.has(token, org)) {
      const refused = await probe(upstream, org, token, now());
      if (refused === 401) throw new HttpError(401, MESSAGES.unauthorized);
      if (refused === 403) throw new HttpError(403, MESSAGES.forbidden);
      if (refused === 404) throw new HttpError(404, `Organization '${org}' not found`);
      if (refused === 429) throw new HttpError(429, RATE_LIMITED);
      if (refused === 502) throw new HttpError(502, UPSTREAM_MESSAGES.unreachable);
      if (refused !== undefined) {
        throw new HttpError(400, `Pulumi Cloud refused to read this organization’s audit log`);
      }
      grants.add(token, org);
    }
    await next();
  };
}

/** What the Alerts page shows of a reader: never the token. */
export function publicReader(reader: UpstreamReader | undefined) {
  return reader
    ? {
        configured: true,
        readThrough: reader.readThrough,
        lastReadAt: reader.lastReadAt,
        lastError: reader.lastError,
      }
    : { configured: false };
}

async function readToken(body: Promise<unknown>): Promise<string> {
  const json = await body.catch(() => {
    throw new HttpError(400, 'the body must be JSON');
  });
  const token = (json as { token?: unknown } | null)?.token;
  if (
    typeof token !== 'string' ||
    token.length === 0 ||
    token.length > MAX_ACCESS_TOKEN_LENGTH ||
    /\s/.test(token)
  ) {
    throw new HttpError(
      400,
      `token: an access token of 1 to ${MAX_ACCESS_TOKEN_LENGTH} characters`,
    );
  }
  return token;
}

/** Registers the console's alerts paths in upstream mode, before the proxy's catch-all. */
export function registerUpstreamAlerts(
  app: Hono<AppEnv>,
  upstream: UpstreamOptions,
  deps: UpstreamAlertsDeps,
): void {
  const now = deps.now ?? Date.now;
  const store = deps.alerts.upstream;
  const access = [requireUpstreamAccess(upstream, now)];
  const readerPath = `/api${ALERTS_PATH}/reader`;
  const small = bodyLimit({
    maxSize: 4096,
    onError: () => {
      throw new HttpError(413, 'the body is larger than 4096 bytes');
    },
  });
  app.use(readerPath, ...access);
  app.put(readerPath, small, async (c) => {
    const org = c.req.param('org');
    const token = await readToken(c.req.json());
    const refused = await probe(upstream, org, token, now());
    if (refused === 401) throw new HttpError(400, 'token: Pulumi Cloud refused this token');
    if (refused === 429) throw new HttpError(429, RATE_LIMITED);
    if (refused === 502) throw new HttpError(502, UPSTREAM_MESSAGES.unreachable);
    if (refused !== undefined) {
      throw new HttpError(400, `token: this token cannot read ${org}’s audit log (${refused})`);
    }
    const sealed = sealText(deps.secretKey, token, readerContext(org));
    store.setToken(org, sealed, Math.floor(now() / 1000));
    return c.json(publicReader(store.reader(org)));
  });
  app.delete(readerPath, (c) => {
    store.removeReader(c.req.param('org'));
    return c.body(null, 204);
  });
  app.route(
    '/api',
    createAlertRoutes({
      ...deps,
      access,
      startCursor: store.lastSeq,
      describeEvaluation: (org) => ({
        evaluation: 'upstream',
        reader: publicReader(store.reader(org)),
      }),
    }),
  );
}
