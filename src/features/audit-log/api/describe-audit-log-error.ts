/**
 * What the log page says for each failure. The kind of failure and whether trying again can
 * help are the classifier's (`lib/retry-policy.ts`), the rules that already decided whether the
 * query retried by itself: this file adds words, and tells apart the refusals an admin can act
 * on. 401 never gets here: the query client sends the user to sign-in.
 */
import { ApiError } from '../../../lib/api-client.ts';
import { classifyFailure, isRetryable, type FailureKind } from '../../../lib/retry-policy.ts';

export type AuditLogErrorKind =
  | 'forbidden'
  | 'not-enterprise'
  | 'unknown-user'
  | 'unknown-org'
  | 'bad-request'
  | 'refused'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'unauthorized'
  | 'cancelled'
  | 'unexpected';

export interface AuditLogErrorText {
  kind: AuditLogErrorKind;
  title: string;
  message: string;
  /** Whether trying again can help: the classifier's answer, never decided here. */
  retryable: boolean;
}

type Words = Omit<AuditLogErrorText, 'retryable'>;

const ENTERPRISE = /enterprise/i;

const ACCESS_ERRORS: ReadonlySet<AuditLogErrorKind> = new Set([
  'forbidden',
  'not-enterprise',
  'unknown-org',
]);

/**
 * Failures where this token cannot read this organization's log at all, so no filter can
 * help: `isAccessError('forbidden') === true`.
 */
export function isAccessError(kind: AuditLogErrorKind): boolean {
  return ACCESS_ERRORS.has(kind);
}

/** Words for a request the server refused (a 4xx other than 401, 408 and 429). */
function describeRefusal(error: ApiError, org: string, user?: string): Words {
  const { status, message } = error;
  if (status === 403) {
    const text = `Only organization admins can read the audit log. Your account is not an admin of ${org}.`;
    return { kind: 'forbidden', title: 'Admins only', message: text };
  }
  if (status === 400 && ENTERPRISE.test(message)) {
    const text = `Audit logs need the Enterprise edition of Pulumi Cloud. ${org} is not on an Enterprise subscription.`;
    return { kind: 'not-enterprise', title: 'Enterprise edition required', message: text };
  }
  if (status === 404 && user && /user/i.test(message)) {
    const text = `There is no user with the login “${user}”. Check the spelling or clear the user filter.`;
    return { kind: 'unknown-user', title: 'Unknown user', message: text };
  }
  if (status === 404) {
    const text = `The organization “${org}” was not found, or your token cannot see it.`;
    return { kind: 'unknown-org', title: 'Organization not found', message: text };
  }
  if (status === 400) {
    return { kind: 'bad-request', title: 'The filters were not accepted', message };
  }
  const text = `The server refused the request (${status}): ${message}`;
  return { kind: 'refused', title: 'Could not load the audit log', message: text };
}

function describeFailure(failure: FailureKind, error: unknown, org: string, user?: string): Words {
  const status = error instanceof ApiError ? error.status : undefined;
  switch (failure) {
    case 'refused':
      // The classifier refuses only answers with a status, so this is an ApiError.
      return error instanceof ApiError
        ? describeRefusal(error, org, user)
        : { kind: 'refused', title: 'Could not load the audit log', message: String(error) };
    case 'rate-limited': {
      const after = error instanceof ApiError ? error.retryAfterSeconds : undefined;
      const wait = after ? ` Try again in ${after} s.` : '';
      const text = `The server is receiving too many requests.${wait}`;
      return { kind: 'rate-limited', title: 'Too many requests', message: text };
    }
    case 'server': {
      const text = `The server answered with an error (${status}). This is usually temporary.`;
      return { kind: 'server', title: 'Could not load the audit log', message: text };
    }
    case 'network': {
      const text = 'The server could not be reached. Check your connection and try again.';
      return { kind: 'network', title: 'You seem to be offline', message: text };
    }
    case 'unauthorized': {
      const text = 'Your session has expired. Sign in again to read the audit log.';
      return { kind: 'unauthorized', title: 'Signed out', message: text };
    }
    case 'aborted':
      return { kind: 'cancelled', title: 'Cancelled', message: 'The request was cancelled.' };
    case 'invalid-response': {
      const text = 'The answer from the server could not be read.';
      return { kind: 'unexpected', title: 'Something went wrong', message: text };
    }
  }
}

/** `describeAuditLogError(new ApiError(403, '…'), 'acme').kind === 'forbidden'`. */
export function describeAuditLogError(
  error: unknown,
  org: string,
  user?: string,
): AuditLogErrorText {
  const failure = classifyFailure(error);
  return { ...describeFailure(failure, error, org, user), retryable: isRetryable(failure) };
}
