/**
 * Reads an organization's audit log from Pulumi Cloud for the alert rules (upstream mode):
 * `GET /api/orgs/{org}/auditlogs/v2` page by page with continuation tokens, each answer checked
 * by the console's own page check and chain check, each failure sorted by the one classifier
 * (common/pulumi/retry-policy.ts) and retried by the one retrying fetcher
 * (common/pulumi/retrying-fetcher.ts): a 429 waits its `Retry-After`, 5xx and dropped
 * connections back off and try the same page again, anything else stops the read.
 *
 * PULUMI_API_URL is the operator's setting, not an admin's, so these requests go where the
 * proxy's go, without the outbound guard (decision note 026). The token travels in the
 * Authorization header only: no message here ever holds it.
 */
import { ApiError, NetworkError, parseRetryAfter } from '../../../common/pulumi/api-errors.ts';
import { PULUMI_ACCEPT } from '../../../common/pulumi/api-limits.ts';
import {
  checkAuditLogPage,
  type CheckedAuditLogPage,
} from '../../../common/pulumi/audit-log-page.ts';
import { createChainCheck } from '../../../common/pulumi/chain-check.ts';
import { InvalidAnswerError } from '../../../common/pulumi/invalid-answer.ts';
import { classifyFailure, type FailureKind } from '../../../common/pulumi/retry-policy.ts';
import { PagerError, retryingFetcher } from '../../../common/pulumi/retrying-fetcher.ts';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { readUpstreamJson, UpstreamAnswerError } from '../../upstream-json.ts';
import { upstreamTarget } from '../../upstream-proxy.ts';

export interface UpstreamReadTarget {
  /** PULUMI_API_URL. */
  base: URL;
  /** Per request. */
  timeoutMs: number;
  org: string;
  token: string;
}

export interface UpstreamReadOptions extends UpstreamReadTarget {
  /** Unix seconds, inclusive. */
  startTime: number;
  /** Unix seconds, exclusive. */
  endTime: number;
  /** Aborts the read, a `Retry-After` wait included: the alert job's stop. */
  signal: AbortSignal;
  /** Consecutive failures of one page tolerated (as the console's long reads: 8). */
  maxRetries?: number;
  /** Tests: no real waiting (the default waits and wakes on the signal's abort). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** A page of 100 events is ~60 KB; far above that is not an audit-log page. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** The read stopped; the message is the admin's to read (no token, no upstream body). */
export class UpstreamReadError extends Error {
  readonly kind: FailureKind;
  constructor(kind: FailureKind, message: string) {
    super(message);
    this.name = 'UpstreamReadError';
    this.kind = kind;
  }
}

/** The admin's words for a read that stopped with `kind`. */
function failureMessage(kind: FailureKind, error: unknown): string {
  const status = error instanceof ApiError ? error.status : undefined;
  switch (kind) {
    case 'unauthorized':
      return 'Pulumi Cloud refused the token (401): give a new one';
    case 'refused':
      return `Pulumi Cloud answered ${status}: the token cannot read this organization’s audit log`;
    case 'rate-limited':
      return 'Pulumi Cloud kept answering 429 (rate limited); the next pass tries again';
    case 'server':
      return `Pulumi Cloud answered ${status}; the next pass tries again`;
    case 'network':
      return 'Pulumi Cloud could not be reached; the next pass tries again';
    case 'invalid-response':
    case 'aborted':
      return error instanceof InvalidAnswerError
        ? error.message
        : 'Pulumi Cloud’s answer could not be read';
  }
}

/** What went wrong, in our words: `describeReadFailure(new ApiError(401, 'x'))`. */
export function describeReadFailure(error: unknown): UpstreamReadError {
  const kind = classifyFailure(error);
  return new UpstreamReadError(kind, failureMessage(kind, error));
}

function pageUrl(options: UpstreamReadTarget, query: Record<string, string | undefined>): URL {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const path = `/api/orgs/${encodeURIComponent(options.org)}/auditlogs/v2?${params.toString()}`;
  return upstreamTarget(options.base, `http://local${path}`);
}

/**
 * One page, or an error the classifier sorts: `ApiError` for a non-2xx answer (a redirect too:
 * a token is never followed elsewhere), `NetworkError` for no whole answer, an
 * `InvalidAnswerError` for a 200 that is not a page.
 */
export async function fetchUpstreamPage(
  options: UpstreamReadTarget,
  query: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<CheckedAuditLogPage> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(pageUrl(options, query), {
      headers: { authorization: `token ${options.token}`, accept: PULUMI_ACCEPT },
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch {
    throw new NetworkError('Pulumi Cloud could not be reached.');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    throw new ApiError(response.status, `Pulumi Cloud answered ${response.status}`, retryAfter);
  }
  let body: unknown;
  try {
    body = await readUpstreamJson(response, MAX_PAGE_BYTES);
  } catch (error) {
    if (error instanceof UpstreamAnswerError && error.reason !== 'cut-off') {
      throw new InvalidAnswerError(error.message);
    }
    throw new NetworkError('cut off');
  }
  return checkAuditLogPage(body);
}

/**
 * Every event of `[startTime, endTime)`, newest first as the API sends them; throws
 * `UpstreamReadError`, or the signal's reason once it aborts (a stopping server does not sit out
 * a `Retry-After`). Each page is asked by the console's own retrying fetcher, which asks a failed
 * page again by its own token, so nothing is skipped or read twice; a token the chain already
 * followed, or a page back in time, stops the read.
 */
export async function readUpstreamEvents(options: UpstreamReadOptions): Promise<AuditLogEvent[]> {
  const { signal } = options;
  const range = { startTime: String(options.startTime), endTime: String(options.endTime) };
  const fetchOnce = retryingFetcher({
    fetchPage: (continuationToken, pageSignal) =>
      fetchUpstreamPage(options, { ...range, continuationToken }, pageSignal),
    signal,
    maxRetries: options.maxRetries,
    sleep: options.sleep,
    random: options.random,
  });
  const chainCheck = createChainCheck();
  const events: AuditLogEvent[] = [];
  let token: string | undefined;
  do {
    let page: CheckedAuditLogPage;
    try {
      page = await fetchOnce(token);
      chainCheck(token, page);
    } catch (error) {
      if (signal.aborted) throw error;
      throw describeReadFailure(error instanceof PagerError ? error.cause : error);
    }
    events.push(...page.auditLogEvents);
    token = page.continuationToken;
  } while (token !== undefined);
  return events;
}
