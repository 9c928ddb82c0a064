import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../../lib/api-client.ts';
import { describeAuditLogError } from './describe-audit-log-error.ts';

const ENTERPRISE = 'Audit Logs is available only to organizations with an Enterprise subscription.';

describe('describeAuditLogError', () => {
  it.each([
    [new ApiError(403, 'You do not have permission'), undefined, 'forbidden', false],
    [new ApiError(400, ENTERPRISE), undefined, 'not-enterprise', false],
    [new ApiError(400, 'invalid startTime'), undefined, 'bad-request', false],
    [new ApiError(404, 'user not found'), 'kim', 'unknown-user', false],
    [new ApiError(404, "Organization 'x' not found"), undefined, 'unknown-org', false],
    [new ApiError(429, 'slow down', 3), undefined, 'rate-limited', true],
    [new ApiError(502, 'Bad Gateway'), undefined, 'server', true],
    [new NetworkError(), undefined, 'network', true],
    [new TypeError('oops'), undefined, 'unexpected', true],
  ])('%s → %s', (error, user, kind, retryable) => {
    const text = describeAuditLogError(error, 'acme', user);
    expect(text.kind).toBe(kind);
    expect(text.retryable).toBe(retryable);
    expect(text.message).not.toBe('');
  });

  it('says only admins can read the log', () => {
    expect(describeAuditLogError(new ApiError(403, 'x'), 'acme').message).toMatch(
      /only organization admins can read the audit log/i,
    );
  });

  it('says the Enterprise edition is needed', () => {
    expect(describeAuditLogError(new ApiError(400, ENTERPRISE), 'hobby').message).toMatch(
      /Enterprise edition/,
    );
  });

  it('says how long to wait after a 429', () => {
    expect(describeAuditLogError(new ApiError(429, 'x', 7), 'acme').message).toMatch(/7 s/);
  });
});
