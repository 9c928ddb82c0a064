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

export const RATE_LIMITED_MESSAGE = 'Too Many Requests: the rate limit for this token was reached.';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Buckets kept before idle, full ones are dropped; keeps memory flat under many tokens. */
const PRUNE_AT = 1000;

/**
 * A limiter of `rate` requests per second per key: `take(key, nowMs)` is 0 when the request may
 * pass, else the whole seconds to wait: `createTokenBuckets(1).take('a', 0) === 0`.
 */
export function createTokenBuckets(rate: number) {
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, nowMs: number) => {
    const elapsed = Math.max(0, nowMs - bucket.updatedMs) / 1000;
    bucket.tokens = Math.min(rate, bucket.tokens + elapsed * rate);
    bucket.updatedMs = nowMs;
  };
  const prune = (nowMs: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, nowMs);
      if (bucket.tokens >= rate) buckets.delete(key);
    }
  };
  return {
    take(key: string, nowMs: number): number {
      if (buckets.size >= PRUNE_AT) prune(nowMs);
      const bucket = buckets.get(key) ?? { tokens: rate, updatedMs: nowMs };
      buckets.set(key, bucket);
      refill(bucket, nowMs);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
    },
  };
}

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
