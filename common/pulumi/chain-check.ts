/**
 * What every page of one continuation chain must do: move on. An answer that hands back a token
 * this chain has already followed, or events newer than the previous page's oldest, would have a
 * reader loop or read events twice without end; it is refused as an invalid answer, which the
 * failure classifier never retries.
 */
import type { CheckedAuditLogPage } from './audit-log-page.ts';
import { InvalidAnswerError } from './invalid-answer.ts';

/** Checks one answer of the chain: the token that asked for it, and the page. */
export type ChainCheck = (sentToken: string | undefined, page: CheckedAuditLogPage) => void;

/**
 * A check for one chain, to call on each page in the chain's order; throws `InvalidAnswerError`:
 * `const check = createChainCheck(); check(undefined, first); check(first.continuationToken, next)`.
 */
export function createChainCheck(): ChainCheck {
  const followed = new Set<string>();
  let previousOldest: number | undefined;
  return (sentToken, page) => {
    if (sentToken !== undefined) followed.add(sentToken);
    const next = page.continuationToken;
    if (next !== undefined && followed.has(next)) {
      throw new InvalidAnswerError(
        'the continuation token repeats one already followed, so the read would never end',
      );
    }
    // Min and max rather than first and last: only the order between pages is checked here.
    let newest = -Infinity;
    let oldest = Infinity;
    for (const { timestamp } of page.auditLogEvents) {
      newest = Math.max(newest, timestamp);
      oldest = Math.min(oldest, timestamp);
    }
    if (previousOldest !== undefined && newest > previousOldest) {
      throw new InvalidAnswerError(
        `the next page went back in time (an event at ${newest} after one at ${previousOldest})`,
      );
    }
    if (page.auditLogEvents.length > 0) previousOldest = oldest;
  };
}
