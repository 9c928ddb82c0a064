import { describe, expect, it } from 'vitest';
import { AuditLogPageError } from '../../../../common/pulumi/audit-log-page.ts';
import { InvalidAnswerError } from '../../../../common/pulumi/invalid-answer.ts';
import { ApiError, NetworkError } from '../../../lib/api-client.ts';
import { classifyFailure, isRetryable } from '../../../lib/retry-policy.ts';
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
    [new ApiError(409, 'conflict'), undefined, 'refused', false],
    [new InvalidAnswerError('not JSON'), undefined, 'unexpected', false],
    [new TypeError('oops'), undefined, 'unexpected', false],
  ])('%s → %s', (error, user, kind, retryable) => {
    const text = describeAuditLogError(error, 'acme', user);
    expect(text.kind).toBe(kind);
    expect(text.retryable).toBe(retryable);
    expect(text.message).not.toBe('');
  });

  it('offers a retry exactly when the classifier retries, for every kind of failure', () => {
    const failures: unknown[] = [
      ...[400, 401, 403, 404, 405, 408, 409, 410, 422, 429, 500, 502, 503, 504].map(
        (status) => new ApiError(status, 'x'),
      ),
      new NetworkError(),
      new NetworkError('reset mid-body'),
      new InvalidAnswerError('an HTML page'),
      new AuditLogPageError('no auditLogEvents'),
      new SyntaxError('Unexpected token <'),
      new DOMException('stopped', 'AbortError'),
      'a thrown string',
    ];
    for (const error of failures) {
      const retryable = isRetryable(classifyFailure(error));
      expect(describeAuditLogError(error, 'acme').retryable, String(error)).toBe(retryable);
    }
  });

  it('does not offer to retry an answer that could not be read', () => {
    const text = describeAuditLogError(new InvalidAnswerError('an HTML page'), 'acme');
    expect(text.retryable).toBe(false);
    expect(text.message).toMatch(/could not be read/);
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
