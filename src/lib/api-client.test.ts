import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidAnswerError } from '../../common/pulumi/invalid-answer.ts';
import { ApiError, apiGet, NetworkError, parseRetryAfter, withQuery } from './api-client.ts';

const asIs = (body: unknown) => body;

describe('withQuery', () => {
  it.each([
    [{}, '/p'],
    [{ a: 1 }, '/p?a=1'],
    [{ a: undefined, b: null, c: '' }, '/p'],
    [{ user: 'kim lee', event: 'a&b' }, '/p?user=kim+lee&event=a%26b'],
  ])('builds %j', (query, expected) => {
    expect(withQuery('/p', query)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it.each([
    [null, undefined],
    ['', undefined],
    ['2', 2],
    [' 10 ', 10],
    ['Wed, 25 Nov 2026 12:00:05 GMT', 5],
    ['Wed, 25 Nov 2026 11:59:00 GMT', 0],
    ['soon', undefined],
  ])('reads %j as %j seconds', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('apiGet', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns the JSON body and sends the Pulumi Accept header', async () => {
    const fetchMock = vi.fn(async () => Response.json({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiGet('/api/user', asIs, { query: { a: 1 } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/user?a=1');
    expect(new Headers(init.headers).get('Accept')).toMatch(/^application\/vnd\.pulumi\+\d+$/);
    expect(init.credentials).toBe('same-origin');
  });

  it("throws an ApiError with Pulumi's message and the Retry-After", async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json(
        { code: 429, message: 'Too many requests' },
        {
          status: 429,
          headers: { 'Retry-After': '3' },
        },
      ),
    );
    const error = await apiGet('/api/x', asIs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      message: 'Too many requests',
      retryAfterSeconds: 3,
    });
  });

  it('falls back to the status text when the error body is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(apiGet('/api/x', asIs)).rejects.toMatchObject({
      status: 502,
      message: 'Bad Gateway',
    });
  });

  it('turns a failed connection into a NetworkError but lets aborts through', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiGet('/api/x', asIs)).rejects.toBeInstanceOf(NetworkError);
    vi.stubGlobal('fetch', async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(apiGet('/api/x', asIs)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('checks the body with the parser it is given', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ n: 1 }));
    const parse = (body: unknown) => {
      if ((body as { n?: unknown }).n !== 2) throw new InvalidAnswerError('n is not 2');
      return body;
    };
    await expect(apiGet('/api/x', parse)).rejects.toBeInstanceOf(InvalidAnswerError);
  });

  it('reads a body that breaks mid-read as a network failure', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"auditLogEvents":[{"times'));
        controller.error(new TypeError('network error'));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(stream, { status: 200 }));
    await expect(apiGet('/api/x', asIs)).rejects.toBeInstanceOf(NetworkError);
  });

  it('reads JSON that ends early as a network failure, and HTML as an invalid answer', async () => {
    const json = { 'Content-Type': 'application/json' };
    vi.stubGlobal('fetch', async () => new Response('{"auditLogEvents":[', { headers: json }));
    await expect(apiGet('/api/x', asIs)).rejects.toBeInstanceOf(NetworkError);
    const html = { 'Content-Type': 'text/html' };
    vi.stubGlobal('fetch', async () => new Response('<html>sign in</html>', { headers: html }));
    await expect(apiGet('/api/x', asIs)).rejects.toBeInstanceOf(InvalidAnswerError);
  });
});
