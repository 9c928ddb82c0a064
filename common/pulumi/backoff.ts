/**
 * Exponential backoff with "equal jitter": the wait doubles per attempt up to a cap, and half of
 * it is random so many clients failing together do not retry in lockstep.
 */

export interface BackoffOptions {
  /** The first wait before jitter, in milliseconds. */
  baseMs: number;
  /** No wait is longer than this, in milliseconds. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 16_000 };

/**
 * The wait before retry number `attempt` (0-based), in `[d/2, d]` for `d = min(cap, base·2^attempt)`:
 * `backoffDelayMs(0, () => 1, {baseMs: 500, capMs: 16000}) === 500`.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
