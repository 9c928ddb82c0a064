import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FacetEntry } from '../../../lib/range-index/facets.ts';
import { SEARCH_KEY_DOCS } from '../../../lib/search-query/search-keys.ts';
import { MAX_SEARCH_LENGTH } from '../view/view-schema.ts';
import { SearchBox } from './search-box.tsx';

function setup(value = '', entries: FacetEntry[] = []) {
  const onSearch = vi.fn();
  const suggest = vi.fn(async () => entries);
  const client = new QueryClient();
  const view = render(
    <QueryClientProvider client={client}>
      <SearchBox value={value} onSearch={onSearch} suggest={suggest} suggestScope="t" />
    </QueryClientProvider>,
  );
  const box = screen.getByRole('searchbox', { name: 'Search' });
  return { onSearch, suggest, box, view, client };
}

describe('SearchBox', () => {
  it('applies the search on Enter, not on every key', async () => {
    const { onSearch, box } = setup();
    await userEvent.type(box, 'deploy prod');
    expect(onSearch).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}{Enter}');
    expect(onSearch).toHaveBeenCalledWith('deploy prod');
  });

  it('applies the search on Enter even while a suggestion is showing', async () => {
    const { onSearch, box } = setup();
    await userEvent.type(box, 'fa');
    expect(screen.getByRole('option', { name: /failed:true/ })).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(onSearch).toHaveBeenCalledWith('fa');
  });

  it('lists every key with what it matches and an example when the empty box is focused', async () => {
    const { box } = setup();
    await userEvent.click(box);
    const list = screen.getByRole('listbox', { name: 'Search keys' });
    const options = within(list).getAllByRole('option');
    expect(options).toHaveLength(SEARCH_KEY_DOCS.length);
    for (const [i, doc] of SEARCH_KEY_DOCS.entries()) {
      expect(options[i]).toHaveTextContent(doc.summary);
      expect(options[i]).toHaveTextContent(doc.example);
    }
    expect(box.getAttribute('placeholder')).toMatch(/^Search: user:, event:, failed:true/);
    await userEvent.keyboard('{Tab}');
    expect(box).toHaveValue('user:');
  });

  it('marks typed text that is not the applied search until Enter', async () => {
    const { box, view, client, onSearch } = setup('user:kim');
    expect(screen.queryByText(/not searched yet/)).toBeNull();
    await userEvent.type(box, ' deploy');
    expect(screen.getByText(/not searched yet/)).toBeInTheDocument();
    expect(box.getAttribute('aria-describedby')).toContain(screen.getByText(/not searched yet/).id);
    await userEvent.keyboard('{Enter}');
    view.rerender(
      <QueryClientProvider client={client}>
        <SearchBox value="user:kim deploy" onSearch={onSearch} suggestScope="t" />
      </QueryClientProvider>,
    );
    expect(screen.queryByText(/not searched yet/)).toBeNull();
  });

  it('completes a key, then a value seen in the range, from the keyboard', async () => {
    const { onSearch, suggest, box } = setup('', [{ value: 'ci bot', label: 'ci bot', count: 12 }]);
    await userEvent.type(box, 'tok');
    expect(screen.getByRole('option', { name: /token:/ })).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant');
    await userEvent.keyboard('{Tab}');
    expect(box).toHaveValue('token:');
    await waitFor(() => expect(suggest).toHaveBeenCalledWith('token', '', 8));
    await userEvent.click(await screen.findByRole('option', { name: /ci bot/ }));
    expect(box).toHaveValue('token:"ci bot" ');
    await userEvent.keyboard('{Escape}{Enter}');
    expect(onSearch).toHaveBeenCalledWith('token:"ci bot"');
  });

  it('keeps a huge paste to what the URL holds, says so, and searches what it kept', async () => {
    const { onSearch, box } = setup();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('');
    await userEvent.click(box);
    await userEvent.paste('deploy '.repeat(20_000));
    expect((box as HTMLInputElement).value).toHaveLength(MAX_SEARCH_LENGTH);
    expect(status).toHaveTextContent(
      `${MAX_SEARCH_LENGTH.toLocaleString('en-US')} characters at most`,
    );
    await userEvent.keyboard('{Escape}{Enter}');
    const [searched] = onSearch.mock.lastCall as [string];
    expect(searched.length).toBeGreaterThan(MAX_SEARCH_LENGTH - 10);
    expect(searched.length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
    await userEvent.keyboard('{Backspace}');
    expect(status).toHaveTextContent('');
  });

  it('shows a search changed elsewhere (Back, a facet), and clears with one click', async () => {
    const { box, view, client, onSearch } = setup('failed:true');
    expect(box).toHaveValue('failed:true');
    view.rerender(
      <QueryClientProvider client={client}>
        <SearchBox value="user:kim" onSearch={onSearch} suggestScope="t" />
      </QueryClientProvider>,
    );
    expect(box).toHaveValue('user:kim');
    await userEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(onSearch).toHaveBeenCalledWith('');
    expect(box).toHaveValue('');
    expect(box).toHaveFocus();
  });
});
