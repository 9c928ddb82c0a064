/**
 * Sign-in throttling: every failed sign-in takes one from two buckets, one for the client's
 * address and one for the token's first characters, and a sign-in is refused with 429 while
 * either is empty. Checked before the token is looked up, so in upstream mode a flood of guesses
 * never reaches Pulumi Cloud. Successful sign-ins cost nothing, so a team behind one address is
 * only slowed by its own typos.
 */

export interface ThrottleOptions {
  /** Failures allowed in a burst. */
  burst: number;
  /** One failure is forgiven this often (milliseconds). */
  refillMs: number;
  /** Keys remembered at most; the oldest are dropped first, so memory stays bounded. */
  maxKeys: number;
}

export const SIGN_IN_THROTTLE: ThrottleOptions = { burst: 10, refillMs: 6000, maxKeys: 10_000 };
/** Enough to tell tokens apart, far too little to be worth anything. */
const TOKEN_PREFIX_LENGTH = 12;

interface Bucket {
  tokens: number;
  at: number;
}

export interface SignInThrottle {
  /** Seconds to wait before trying again, or 0 when a sign-in may proceed. */
  retryAfter(address: string, token: string, now: number): number;
  recordFailure(address: string, token: string, now: number): void;
}

/** `createSignInThrottle().retryAfter('203.0.113.5', 'pul-…', Date.now()) === 0` at first. */
export function createSignInThrottle(options = SIGN_IN_THROTTLE): SignInThrottle {
  const buckets = new Map<string, Bucket>();
  const keys = (address: string, token: string) => [
    `address ${address}`,
    `token ${token.slice(0, TOKEN_PREFIX_LENGTH)}`,
  ];
  const level = (key: string, now: number): Bucket => {
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: options.burst, at: now };
    const refilled = Math.floor((now - bucket.at) / options.refillMs);
    if (refilled <= 0) return bucket;
    const tokens = Math.min(options.burst, bucket.tokens + refilled);
    return { tokens, at: tokens === options.burst ? now : bucket.at + refilled * options.refillMs };
  };
  return {
    retryAfter(address, token, now) {
      let waitMs = 0;
      for (const key of keys(address, token)) {
        const bucket = level(key, now);
        if (bucket.tokens < 1) waitMs = Math.max(waitMs, bucket.at + options.refillMs - now);
      }
      return Math.ceil(waitMs / 1000);
    },
    recordFailure(address, token, now) {
      for (const key of keys(address, token)) {
        const bucket = level(key, now);
        buckets.delete(key);
        buckets.set(key, { tokens: Math.max(0, bucket.tokens - 1), at: bucket.at });
        if (buckets.size > options.maxKeys) buckets.delete(buckets.keys().next().value ?? '');
      }
    },
  };
}
