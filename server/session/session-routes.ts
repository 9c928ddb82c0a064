/**
 * `POST /console/session` (sign in with a token) and `DELETE /console/session` (sign out).
 * Same-origin only: with SameSite=Strict cookies, the Origin check and the JSON-only body stand
 * in for CSRF tokens (decision 002).
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_ACCESS_TOKEN_LENGTH } from '../../common/pulumi/api-limits.ts';
import type { UserLookup } from '../auth/user-lookup.ts';
import type { AppEnv } from '../http/app-env.ts';
import { HttpError, pulumiError } from '../http/pulumi-error.ts';
import { requestOrigin } from '../http/request-origin.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { revokeSessionCookie, writeSessionCookie, type SessionOptions } from './session-cookie.ts';

const MAX_BODY_BYTES = 4096;

/** The peer's address; requests made in-process (`app.request`) share one. */
const clientAddress = (c: Context<AppEnv>) => c.env?.incoming?.socket.remoteAddress ?? 'in-process';

function assertSameOrigin(c: Context<AppEnv>): void {
  if (c.req.header('origin') !== requestOrigin(c)) {
    throw new HttpError(403, 'Forbidden: sessions can only be managed from this console.');
  }
}

async function readToken(c: Context): Promise<string> {
  const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new HttpError(403, 'Forbidden: the session request must be application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpError(400, 'invalid body: not JSON');
  }
  const token = (body as { token?: unknown } | null)?.token;
  const trimmed = typeof token === 'string' ? token.trim() : '';
  if (!trimmed || trimmed.length > MAX_ACCESS_TOKEN_LENGTH) {
    throw new HttpError(
      400,
      `invalid token: must be a non-empty string of at most ${MAX_ACCESS_TOKEN_LENGTH} characters`,
    );
  }
  return trimmed;
}

/** Routes mounted at `/console`. */
export function createSessionRoutes(
  options: SessionOptions & { lookupUser: UserLookup },
): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => pulumiError(c, 413, 'invalid body: too large'),
  });
  const throttle = createSignInThrottle();
  routes.post('/session', limit, async (c) => {
    assertSameOrigin(c);
    const token = await readToken(c);
    const address = clientAddress(c);
    const wait = throttle.retryAfter(address, token, options.now());
    if (wait > 0) {
      throw new HttpError(429, 'Too Many Requests: too many failed sign-ins; try again later.', {
        'Retry-After': String(wait),
      });
    }
    const result = await options.lookupUser(token, requestOrigin(c));
    if (!result.ok) {
      // An upstream that fails (a 502) costs as much as a refused token: otherwise any string
      // would make Pulumi Cloud, or a hostile stand-in for it, answer without limit.
      throttle.recordFailure(address, token, options.now());
      return c.json(result.error, result.status);
    }
    const now = options.now();
    const id = randomBytes(16).toString('base64url');
    writeSessionCookie(c, options, { id, token, issuedAt: now, lastSeen: now });
    c.header('Cache-Control', 'no-store');
    return c.json(result.user);
  });
  routes.delete('/session', (c) => {
    assertSameOrigin(c);
    revokeSessionCookie(c, options);
    return c.body(null, 204);
  });
  return routes;
}
