/**
 * Proxy mode's "who is this token?": asks Pulumi Cloud's `GET /api/user`. Any answer that is not
 * a user (an error, a redirect, a body too large or too slow to read) is a 502.
 */
import type { ApiUser } from './api/current-user.ts';
import type { UserLookup } from './auth/user-lookup.ts';
import { errorBody, MESSAGES } from './http/pulumi-error.ts';
import { upstreamTarget, type UpstreamOptions } from './upstream-proxy.ts';
import { readUpstreamJson } from './upstream-json.ts';
import { UPSTREAM_MESSAGES } from './upstream-response.ts';
import { PULUMI_ACCEPT } from '../common/pulumi/api-limits.ts';

function looksLikeUser(value: unknown): value is ApiUser {
  const user = value as Partial<ApiUser> | null;
  return typeof user === 'object' && user !== null && typeof user.githubLogin === 'string';
}

export function upstreamUserLookup({ base, timeoutMs }: UpstreamOptions): UserLookup {
  const unreachable = {
    ok: false,
    status: 502,
    error: errorBody(502, UPSTREAM_MESSAGES.unreachable),
  } as const;
  return async (token) => {
    let response: Response;
    try {
      response = await fetch(upstreamTarget(base, 'http://local/api/user'), {
        headers: { authorization: `token ${token}`, accept: PULUMI_ACCEPT },
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect is an answer we cannot trust with a token: never follow it elsewhere.
        redirect: 'manual',
      });
    } catch {
      return unreachable;
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return { ok: false, status: 401, error: errorBody(401, MESSAGES.unauthorized) };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return unreachable;
    }
    const body = await readUpstreamJson(response).catch(() => undefined);
    return looksLikeUser(body) ? { ok: true, user: body } : unreachable;
  };
}
