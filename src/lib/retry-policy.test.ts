import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-client.ts';
import { backoffDelayMs } from './backoff.ts';
import { classifyFailure, isRetryable, retryDelayMs, shouldRetry } from './retry-policy.ts';
import { AuditLogPageError } from '../../common/pulumi/audit-log-page.ts';
import { InvalidAnswerError } from '../../common/pulumi/invalid-answer.ts';

describe('classifyFailure', () => {
  it.each([
    [new ApiError(429, 'x'), 'rate-limited', true],
    [new ApiError(500, 'x'), 'server', true],
    [new ApiError(504, 'x'), 'server', true],
    [new ApiError(408, 'x'), 'server', true],
    [new NetworkError(), 'network', true],
    [new TypeError('x is undefined'), 'invalid-response', false],
    [new InvalidAnswerError('x'), 'invalid-response', false],
    [new ApiError(401, 'x'), 'unauthorized', false],
    [new ApiError(403, 'x'), 'refused', false],
    [new ApiError(404, 'x'), 'refused', false],
    [new AuditLogPageError('x'), 'invalid-response', false],
    [new ApiError(400, 'x'), 'refused', false],
    [new DOMException('x', 'AbortError'), 'aborted', false],
  ])('%s → %s', (error, kind, retryable) => {
    expect(classifyFailure(error)).toBe(kind);
    expect(isRetryable(classifyFailure(error))).toBe(retryable);
  });
});

describe('retry delays', () => {
  it('doubles up to the cap and jitters within [d/2, d]', () => {
    const options = { baseMs: 100, capMs: 1000 };
    expect([0, 1, 2, 3, 4, 9].map((n) => backoffDelayMs(n, () => 0, options))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([0, 1, 2, 3, 4, 9].map((n) => backoffDelayMs(n, () => 1, options))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('uses Retry-After for a 429 that has one, backoff otherwise', () => {
    expect(retryDelayMs(new ApiError(429, 'x', 0), 3, () => 1)).toBe(0);
    expect(retryDelayMs(new ApiError(429, 'x', 61), 0, () => 1)).toBe(60_000);
    expect(retryDelayMs(new ApiError(429, 'x'), 0, () => 1)).toBe(500);
    expect(retryDelayMs(new NetworkError(), 2, () => 0)).toBe(1000);
  });
});

describe('shouldRetry', () => {
  it.each([408, 429, 500, 502, 503])("retries %i up to the caller's count", (status) => {
    const error = new ApiError(status, 'later');
    expect(shouldRetry(0, error, 3)).toBe(true);
    expect(shouldRetry(2, error, 3)).toBe(true);
    expect(shouldRetry(3, error, 3)).toBe(false);
  });

  it.each([400, 401, 403, 404, 405, 409, 422])('never retries %i', (status) => {
    expect(shouldRetry(0, new ApiError(status, 'no'), 3)).toBe(false);
  });
});
