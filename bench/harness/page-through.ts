/**
 * The single-chain reader the export benchmark compares the range reader against: every page of
 * a view in order by continuation token, one request at a time with the next one asked while
 * the caller works on the current one. Not part of the console, which reads every range with
 * the range reader; its retries are the console's own (`retryingFetcher`).
 */
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { createChainCheck } from '../../src/lib/pager/chain-check.ts';
import { retryingFetcher, type PagerOptions } from '../../common/pulumi/retrying-fetcher.ts';

export interface PagerPage {
  events: AuditLogEvent[];
  /** 0-based position of the page in this run. */
  index: number;
  /** The token that reads the page after this one; undefined after the last page. */
  nextToken: string | undefined;
}

/**
 * Yields every page of the view in order; throws `PagerError` when it must stop, or the abort
 * reason when `signal` aborts: `for await (const page of pageThrough({fetchPage, signal})) …`.
 */
export async function* pageThrough(options: PagerOptions): AsyncGenerator<PagerPage> {
  const check = createChainCheck();
  const fetchOnce = retryingFetcher({
    ...options,
    fetchPage: async (token, signal) => {
      const page = await options.fetchPage(token, signal);
      check(token, page);
      return page;
    },
  });
  let pending = fetchOnce(options.startToken);
  for (let index = 0; ; index++) {
    const page = await pending;
    const nextToken = page.continuationToken;
    if (nextToken) {
      pending = fetchOnce(nextToken);
      // Handled when awaited on the next turn; this keeps an early exit from reporting it as unhandled.
      pending.catch(() => undefined);
    }
    yield { events: page.auditLogEvents, index, nextToken };
    if (!nextToken) return;
  }
}
