/**
 * How many requests the range reader keeps in flight: additive increase, multiplicative
 * decrease, as TCP does. It starts at a few; after each round (as many answers as the limit) it
 * adds one while the round's throughput grew over the one before, or while it is below where it
 * started; a 429 halves it and a server
 * or network failure takes a quarter off. One congestion event lowers it once: failures of
 * requests sent before the last decrease do not lower it again.
 */
import type { FailureKind } from '../retry-policy.ts';

export interface AdaptiveLimitOptions {
  initial?: number;
  max?: number;
  /** A round must beat the one before by this factor for the limit to grow. */
  growth?: number;
}

export const DEFAULT_CONCURRENCY = { initial: 4, max: 16 } as const;

export interface AdaptiveLimit {
  readonly limit: number;
  /** An answer of `events` events to a request sent at `sentAt`, now `at` (ms). */
  onSuccess(events: number, at: number): void;
  onFailure(kind: FailureKind, sentAt: number, at: number): void;
}

/**
 * `createAdaptiveLimit({initial: 4}).limit === 4`; grows while throughput grows, backs off on
 * failures, and never leaves `[1, max]`.
 */
export function createAdaptiveLimit(options: AdaptiveLimitOptions = {}, start = 0): AdaptiveLimit {
  const max = options.max ?? DEFAULT_CONCURRENCY.max;
  const growth = options.growth ?? 1.05;
  const initial = Math.min(max, Math.max(1, options.initial ?? DEFAULT_CONCURRENCY.initial));
  let limit = initial;
  let lastDecreaseAt = -Infinity;
  let previousRate = 0;
  let round = { startedAt: start, answers: 0, events: 0 };

  const newRound = (at: number) => (round = { startedAt: at, answers: 0, events: 0 });
  return {
    get limit() {
      return limit;
    },
    onSuccess(events, at) {
      round.answers += 1;
      round.events += events;
      if (round.answers < limit) return;
      const rate = round.events / Math.max(1, at - round.startedAt);
      // Below the starting point it climbs back every round: random faults (a 500, a reset) say
      // nothing about load, and must not leave the read at one request for good.
      if (rate > previousRate * growth || limit < initial) limit = Math.min(max, limit + 1);
      previousRate = rate;
      newRound(at);
    },
    onFailure(kind, sentAt, at) {
      const factor =
        kind === 'rate-limited' ? 0.5 : kind === 'server' || kind === 'network' ? 0.75 : 1;
      if (factor === 1 || sentAt <= lastDecreaseAt) return;
      limit = Math.max(1, Math.floor(limit * factor));
      lastDecreaseAt = at;
      // The next round starts from the lower limit, compared against its own pace.
      previousRate = 0;
      newRound(at);
    },
  };
}
