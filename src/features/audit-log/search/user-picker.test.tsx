import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FacetEntry } from '../../../lib/range-index/facets.ts';
import { UserPicker } from './user-picker.tsx';

const RLO = '\u202E';

function renderPicker(users: FacetEntry[], valueLabel?: string) {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <UserPicker
        value={valueLabel ? users[0]?.value : undefined}
        valueLabel={valueLabel}
        onChange={vi.fn()}
        suggest={() => Promise.resolve(users)}
        suggestScope="scope"
      />
    </QueryClientProvider>,
  );
}

describe('UserPicker', () => {
  it('shows bidi controls in names as marks, in the list and on the button', async () => {
    renderPicker([{ value: 'mallory', label: `Report${RLO}gnp.exe`, count: 2 }], `Eve${RLO}xe`);
    const trigger = screen.getByRole('button', { name: /^User:/ });
    expect(trigger).toHaveTextContent('Eve⟨RLO⟩xe');
    expect(trigger.textContent).not.toContain(RLO);
    await userEvent.click(trigger);
    const option = await screen.findByRole('option', { name: /Report/ });
    expect(option).toHaveTextContent('Report⟨RLO⟩gnp.exe');
    expect(screen.getByRole('listbox').textContent).not.toContain(RLO);
  });
});
