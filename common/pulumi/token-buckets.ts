/**
 * The rate limit's arithmetic, shared by the embedded service's `RATE_LIMIT` (server/rate-limit.ts)
 * and the range reader's virtual-time tests, which must meet exactly the limit the service sets.
 */

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
