import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../lib/api-client.ts';
import { createQueryClient, MAX_QUERY_RETRIES } from './query-client.ts';

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

  it.each([
    ['a 503', new ApiError(503, 'x')],
    ['a 408', new ApiError(408, 'x')],
    ['a connection reset mid-body', new NetworkError('dropped')],
  ])('asks again after %s, as the export does', async (_name, error) => {
    const client = createQueryClient({ onUnauthorized: () => {} });
    expect(await runFailingQuery(client, error)).toBe(MAX_QUERY_RETRIES + 1);
  });

  it('asks once when the answer is not what the API promises', async () => {
    const client = createQueryClient({ onUnauthorized: () => {} });
    expect(await runFailingQuery(client, new TypeError('bad shape'))).toBe(1);
  });

  it('reports a 401 so the app can go to sign-in, and nothing else', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    await runFailingQuery(client, new ApiError(403, 'x'));
    expect(onUnauthorized).not.toHaveBeenCalled();
    await runFailingQuery(client, new ApiError(401, 'x'));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('ends what a cached value holds when the cache lets it go (sign-out clears it)', async () => {
    const client = createQueryClient({ onUnauthorized: () => {} });
    const dispose = vi.fn();
    await client.fetchQuery({ queryKey: ['worker'], queryFn: () => ({ dispose }) });
    await client.fetchQuery({ queryKey: ['plain'], queryFn: () => ({ dispose: 'no' }) });
    expect(dispose).not.toHaveBeenCalled();
    client.clear();
    expect(dispose).toHaveBeenCalledTimes(1);
  });
});
