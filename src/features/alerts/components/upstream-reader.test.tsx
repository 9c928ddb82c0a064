import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpstreamReader } from '../api/alerts-api.ts';
import { UpstreamReaderSettings } from './upstream-reader.tsx';

const fail = (status: number, message: string) =>
  Response.json({ code: status, message }, { status });

/** Answers each request with the next response of `answers`, by method. */
function serve(answers: Record<string, Response[]>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      const next = answers[init?.method ?? 'GET']?.shift();
      return next ?? Response.json({ rules: [], readyMade: [] });
    }),
  );
}

function renderReader(reader: UpstreamReader) {
  const client = new QueryClient();
  const view = (r: UpstreamReader) => (
    <QueryClientProvider client={client}>
      <UpstreamReaderSettings org="acme" reader={r} />
    </QueryClientProvider>
  );
  const { rerender } = render(view(reader));
  return (next: UpstreamReader) => rerender(view(next));
}

async function saveToken() {
  await userEvent.type(screen.getByLabelText(/access token/i), 'pul-token');
  await userEvent.click(screen.getByRole('button', { name: 'Save token' }));
}

describe('UpstreamReaderSettings', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('forgets that a token was kept once it is removed', async () => {
    serve({
      PUT: [Response.json({ configured: true })],
      DELETE: [new Response(null, { status: 204 })],
    });
    const show = renderReader({ configured: false });
    await saveToken();
    expect(await screen.findByText('Token checked and kept.')).toBeVisible();
    show({ configured: true });
    await userEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    show({ configured: false });
    expect(await screen.findByText(/^No token/)).toBeVisible();
    expect(screen.queryByText('Token checked and kept.')).toBeNull();
  });

  it('shows why removing failed, not an earlier saving error', async () => {
    serve({ PUT: [fail(400, 'token: refused')], DELETE: [fail(500, 'could not remove')] });
    renderReader({ configured: true });
    await saveToken();
    expect(await screen.findByRole('alert')).toHaveTextContent('token: refused');
    await userEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not remove');
  });

  it('shows why saving failed, not an earlier removing error', async () => {
    serve({ DELETE: [fail(500, 'could not remove')], PUT: [fail(400, 'token: refused')] });
    renderReader({ configured: true });
    await userEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not remove');
    await saveToken();
    expect(await screen.findByRole('alert')).toHaveTextContent('token: refused');
  });
});
