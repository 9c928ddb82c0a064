import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FacetEntry, Facets } from '../../../lib/range-index/facets.ts';
import { FacetsPanel, nextEntry } from './facets-panel.tsx';

const entries = (n: number): FacetEntry[] =>
  Array.from({ length: n }, (_, i) => ({ value: `u${i}`, label: `User ${i}`, count: 100 - i }));
const facetsOf = (users: FacetEntry[]): Facets => ({ users, events: [], ips: [], tokens: [] });

function setup(all?: Facets) {
  const onWantAll = vi.fn();
  const onActors = vi.fn();
  render(
    <FacetsPanel
      facets={facetsOf(entries(12).slice(0, 8))}
      distinct={{ users: 12, events: 0, ips: 0, tokens: 0 }}
      allFacets={all}
      onWantAll={onWantAll}
      onTerm={vi.fn()}
      actors="all"
      onActors={onActors}
    />,
  );
  const users = screen.getByRole('region', { name: /^Users$/ });
  return { onWantAll, onActors, users };
}

describe('FacetsPanel', () => {
  it('says how many distinct values a facet has, and asks for all of them to show the least common', async () => {
    const { users, onWantAll } = setup();
    expect(users).toHaveTextContent('12 users');
    await userEvent.click(within(users).getByRole('button', { name: 'Least common first' }));
    expect(onWantAll).toHaveBeenCalled();
  });

  it('lists the least common first from every value, and filters them', async () => {
    const { users } = setup(facetsOf(entries(12)));
    await userEvent.click(within(users).getByRole('button', { name: 'Least common first' }));
    expect(users.querySelector('.facet__label')).toHaveTextContent('User 11');
    await userEvent.click(within(users).getByRole('button', { name: 'Show all 12' }));
    await userEvent.type(within(users).getByRole('searchbox', { name: 'Filter users' }), 'User 1');
    const labels = [...users.querySelectorAll('.facet__label')].map((l) => l.textContent);
    // jsdom has no layout, so the virtualizer may render none; what it renders is filtered.
    expect(labels.every((l) => l?.startsWith('User 1'))).toBe(true);
  });

  it('switches between everyone, people and machines', async () => {
    const { users, onActors } = setup();
    await userEvent.click(within(users).getByRole('button', { name: 'People' }));
    expect(onActors).toHaveBeenCalledWith('people');
  });

  it('shows bidi controls in a label as marks, so a name cannot read backwards', () => {
    const spoofed = { value: 'mallory', label: 'Report\u202Egnp.exe', count: 3 };
    render(
      <FacetsPanel
        facets={{ users: [spoofed], events: [], ips: [], tokens: [spoofed] }}
        distinct={{ users: 1, events: 0, ips: 0, tokens: 1 }}
        allFacets={undefined}
        onWantAll={vi.fn()}
        onTerm={vi.fn()}
        actors="all"
        onActors={vi.fn()}
      />,
    );
    for (const group of [/^Users$/, /^Tokens$/]) {
      const region = screen.getByRole('region', { name: group });
      expect(region.querySelector('.facet__label')).toHaveTextContent('Report⟨RLO⟩gnp.exe');
      expect(region.textContent).not.toContain('\u202E');
      const exclude = within(region).getByRole('button', { name: /^Exclude/ });
      expect(exclude).toHaveAccessibleName('Exclude Report⟨RLO⟩gnp.exe (mallory)');
    }
  });
});

describe('nextEntry', () => {
  it.each([
    ['ArrowDown', 0, 1],
    ['ArrowDown', 41, 41],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['Home', 17, 0],
    ['End', 3, 41],
    ['ArrowDown', -1, 0],
    ['a', 3, undefined],
  ])('%s from %i of 42 goes to %s', (key, at, next) => {
    expect(nextEntry(key, at, 42)).toBe(next);
  });

  it('goes nowhere in an empty list', () => {
    expect(nextEntry('Home', 0, 0)).toBeUndefined();
  });
});
