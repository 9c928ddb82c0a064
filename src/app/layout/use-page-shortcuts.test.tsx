import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePageShortcuts } from './use-page-shortcuts.ts';

function Page({ searchBox }: { searchBox?: 'explicit' | 'implicit' | 'disabled' }) {
  const { listOpen } = usePageShortcuts();
  return (
    <div>
      <button type="button">Row</button>
      {searchBox === 'explicit' ? <input role="searchbox" aria-label="Search" /> : null}
      {searchBox === 'implicit' ? <input type="search" aria-label="Search" /> : null}
      {searchBox === 'disabled' ? <input type="search" aria-label="Search" disabled /> : null}
      <input aria-label="Name" />
      {listOpen ? <p>Shortcuts open</p> : null}
    </div>
  );
}

/** Presses a key on an element; true when the shortcut took it (default prevented). */
function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  return !fireEvent.keyDown(target, { key, bubbles: true, cancelable: true, ...init });
}

describe('usePageShortcuts', () => {
  it.each(['explicit', 'implicit'] as const)('/ focuses a search box (%s role)', (kind) => {
    render(<Page searchBox={kind} />);
    const row = screen.getByRole('button', { name: 'Row' });
    row.focus();
    expect(press(row, '/')).toBe(true);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
  });

  it.each([undefined, 'disabled'] as const)('/ does nothing without a usable box (%s)', (kind) => {
    render(<Page searchBox={kind} />);
    const row = screen.getByRole('button', { name: 'Row' });
    row.focus();
    expect(press(row, '/')).toBe(false);
    expect(row).toHaveFocus();
  });

  it('leaves keys typed in a field and keys with modifiers alone', () => {
    render(<Page searchBox="explicit" />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    name.focus();
    expect(press(name, '/')).toBe(false);
    expect(press(name, '?')).toBe(false);
    expect(name).toHaveFocus();
    const row = screen.getByRole('button', { name: 'Row' });
    expect(press(row, '/', { ctrlKey: true })).toBe(false);
    expect(press(row, '?', { metaKey: true })).toBe(false);
    expect(screen.queryByText('Shortcuts open')).toBeNull();
  });

  it('? opens the list', () => {
    render(<Page />);
    expect(press(screen.getByRole('button', { name: 'Row' }), '?', { shiftKey: true })).toBe(true);
    expect(screen.getByText('Shortcuts open')).toBeInTheDocument();
  });
});
