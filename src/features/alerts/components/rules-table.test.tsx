import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertRule } from '../api/alerts-api.ts';
import { RulesTable } from './rules-table.tsx';

const RULE: AlertRule = {
  id: 'r1',
  org: 'acme',
  name: 'Failures from one address',
  query: 'failed:true',
  threshold: 6,
  windowSeconds: 900,
  groupBy: 'ip',
  enabled: true,
  webhookFormat: 'json',
  webhookOrigin: 'https://203.0.113.10',
  hasSecret: false,
  createdAt: 1_700_000_000,
};

/** The PATCH answers only when the test says so; every list read answers `rules`. */
function serve(rules: () => AlertRule[]) {
  let answer!: (response: Response) => void;
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init?: RequestInit) =>
      init?.method === 'PATCH'
        ? new Promise<Response>((resolve) => (answer = resolve))
        : Promise.resolve(Response.json({ rules: rules(), readyMade: [] })),
    ),
  );
  return async (response: Response) => {
    await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
    answer(response);
  };
}

const toggle = () => screen.getByRole('checkbox', { name: /for Failures from one address/ });

describe('RulesTable', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows a rule off as soon as it is clicked, before the service answers', () => {
    serve(() => [RULE]);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RulesTable org="acme" rules={[RULE]} />
      </QueryClientProvider>,
    );
    fireEvent.click(toggle());
    // No waiting: a checkbox that springs back until the answer reads as a click that missed.
    expect(toggle()).not.toBeChecked();
    expect(toggle()).toBeDisabled();
  });

  it('goes back to the rule’s state and says why when the change is refused', async () => {
    const answer = serve(() => [RULE]);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RulesTable org="acme" rules={[RULE]} />
      </QueryClientProvider>,
    );
    fireEvent.click(toggle());
    await answer(
      Response.json({ code: 409, message: 'The rule changed elsewhere.' }, { status: 409 }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The rule changed elsewhere.');
    expect(toggle()).toBeChecked();
    expect(toggle()).toBeEnabled();
  });
});
