/**
 * What the log page says for each failure. 401 never gets here: the query client sends the user
 * to sign-in.
 */
import { ApiError, NetworkError } from '../../../lib/api-client.ts';

export type AuditLogErrorKind =
  | 'forbidden'
  | 'not-enterprise'
  | 'unknown-user'
  | 'unknown-org'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'unexpected';

export interface AuditLogErrorText {
  kind: AuditLogErrorKind;
  title: string;
  message: string;
  /** Whether trying again can help. */
  retryable: boolean;
}

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

function describeApiError(error: ApiError, org: string, user?: string): AuditLogErrorText {
  const { status, message } = error;
  if (status === 403) {
    const text = `Only organization admins can read the audit log. Your account is not an admin of ${org}.`;
    return { kind: 'forbidden', title: 'Admins only', message: text, retryable: false };
  }
  if (status === 400 && ENTERPRISE.test(message)) {
    const text = `Audit logs need the Enterprise edition of Pulumi Cloud. ${org} is not on an Enterprise subscription.`;
    return {
      kind: 'not-enterprise',
      title: 'Enterprise edition required',
      message: text,
      retryable: false,
    };
  }
  if (status === 404 && user && /user/i.test(message)) {
    const text = `There is no user with the login “${user}”. Check the spelling or clear the user filter.`;
    return { kind: 'unknown-user', title: 'Unknown user', message: text, retryable: false };
  }
  if (status === 404) {
    const text = `The organization “${org}” was not found, or your token cannot see it.`;
    return {
      kind: 'unknown-org',
      title: 'Organization not found',
      message: text,
      retryable: false,
    };
  }
  if (status === 400) {
    return {
      kind: 'bad-request',
      title: 'The filters were not accepted',
      message,
      retryable: false,
    };
  }
  if (status === 429) {
    const wait = error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : '';
    const text = `The server is receiving too many requests.${wait}`;
    return { kind: 'rate-limited', title: 'Too many requests', message: text, retryable: true };
  }
  const text = `The server answered with an error (${status}). This is usually temporary.`;
  return { kind: 'server', title: 'Could not load the audit log', message: text, retryable: true };
}

/** `describeAuditLogError(new ApiError(403, '…'), 'acme').kind === 'forbidden'`. */
export function describeAuditLogError(
  error: unknown,
  org: string,
  user?: string,
): AuditLogErrorText {
  if (error instanceof ApiError) return describeApiError(error, org, user);
  if (error instanceof NetworkError) {
    const text = 'The server could not be reached. Check your connection and try again.';
    return { kind: 'network', title: 'You seem to be offline', message: text, retryable: true };
  }
  const text = 'The answer from the server could not be read.';
  return { kind: 'unexpected', title: 'Something went wrong', message: text, retryable: true };
}
