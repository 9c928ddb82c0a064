/**
 * An optional per-token rate limit for `/api/*` (`RATE_LIMIT`), so tests and benchmarks meet
 * Pulumi Cloud's 429s on one machine. A token bucket per credential: `rate` requests fill it
 * each second and it holds at most one second's worth, so a burst never exceeds `rate`.
 * Beyond it: 429, `Retry-After` in whole seconds, and Pulumi's `{code, message}` body.
 */
import type { MiddlewareHandler } from 'hono';
import { effectiveAuthorization } from './auth/credentials.ts';
import { hashToken } from './auth/hash-token.ts';
import type { AppEnv } from './http/app-env.ts';
import { pulumiError } from './http/pulumi-error.ts';
import { createTokenBuckets } from '../common/pulumi/token-buckets.ts';

export const RATE_LIMITED_MESSAGE = 'Too Many Requests: the rate limit for this token was reached.';

/** The middleware, mounted on `/api/*` after the session has supplied the credentials. */
export function rateLimit(rate: number, now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const buckets = createTokenBuckets(rate);
  return async (c, next) => {
    // Keyed by a digest, so the limiter holds no token in memory longer than a request.
    const key = hashToken(effectiveAuthorization(c) ?? '');
    const waitSeconds = buckets.take(key, now());
    if (waitSeconds > 0) {
      c.header('Retry-After', String(waitSeconds));
      return pulumiError(c, 429, RATE_LIMITED_MESSAGE);
    }
    await next();
  };
}
