import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../lib/api-client.ts';
import { createQueryClient, MAX_RETRIES, retryDelay, shouldRetry } from './query-client.ts';

describe('shouldRetry', () => {
  it.each([400, 401, 403, 404])('never retries %i', (status) => {
    expect(shouldRetry(0, new ApiError(status, 'no'))).toBe(false);
  });

  it.each([408, 429, 500, 502, 503])('retries %i a few times', (status) => {
    const error = new ApiError(status, 'later');
    expect(shouldRetry(0, error)).toBe(true);
    expect(shouldRetry(MAX_RETRIES - 1, error)).toBe(true);
    expect(shouldRetry(MAX_RETRIES, error)).toBe(false);
  });

  it('retries a network failure', () => {
    expect(shouldRetry(0, new NetworkError())).toBe(true);
  });

  it.each([405, 409, 422])('does not retry other client errors (%i)', (status) => {
    expect(shouldRetry(0, new ApiError(status, 'no'))).toBe(false);
  });

  it('does not retry a bug of ours (a response that failed validation)', () => {
    expect(shouldRetry(0, new TypeError('bad shape'))).toBe(false);
  });
});

describe('retryDelay', () => {
  it('waits what Retry-After asks, up to 30 s', () => {
    expect(retryDelay(0, new ApiError(429, 'slow down', 5))).toBe(5000);
    expect(retryDelay(0, new ApiError(429, 'slow down', 600))).toBe(30_000);
  });
  it('backs off exponentially otherwise', () => {
    expect([0, 1, 2].map((n) => retryDelay(n, new NetworkError()))).toEqual([1000, 2000, 4000]);
  });
});

describe('createQueryClient', () => {
  async function runFailingQuery(client: QueryClient, error: Error) {
    const queryFn = vi.fn(async () => {
      throw error;
    });
    await client.fetchQuery({ queryKey: ['q'], queryFn, retryDelay: 0 }).catch(() => undefined);
    return queryFn.mock.calls.length;
  }

  it.each([400, 401, 403, 404])('asks once for a %i', async (status) => {
    const client = createQueryClient({ onUnauthorized: () => {} });
    expect(await runFailingQuery(client, new ApiError(status, 'x'))).toBe(1);
  });

  it('asks again after a 503', async () => {
    const client = createQueryClient({ onUnauthorized: () => {} });
    expect(await runFailingQuery(client, new ApiError(503, 'x'))).toBe(MAX_RETRIES + 1);
  });

  it('reports a 401 so the app can go to sign-in, and nothing else', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    await runFailingQuery(client, new ApiError(403, 'x'));
    expect(onUnauthorized).not.toHaveBeenCalled();
    await runFailingQuery(client, new ApiError(401, 'x'));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
