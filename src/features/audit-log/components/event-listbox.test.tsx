import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import type { SelectedValue } from '../../../lib/search-query/search-selection.ts';
import { EventListbox } from './event-listbox.tsx';

function setup(value: SelectedValue[] = []) {
  const onSelect = vi.fn();
  render(<EventListbox eventTypes={EVENT_TYPES} value={value} onSelect={onSelect} />);
  return { onSelect, box: screen.getByRole('combobox', { name: 'Search event types' }) };
}

describe('EventListbox', () => {
  it('groups options by category', () => {
    setup();
    expect(screen.getByRole('group', { name: 'Stacks' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'All events' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('picks the best match of a search with Enter', async () => {
    const { onSelect, box } = setup();
    await userEvent.type(box, 'stack deleted{Enter}');
    expect(onSelect).toHaveBeenCalledWith([{ key: 'event', value: 'stack-deleted' }]);
  });

  it('moves with the arrows and points the combobox at the active option', async () => {
    const { onSelect, box } = setup();
    await userEvent.type(box, '{ArrowDown}');
    const active = box.getAttribute('aria-activedescendant')!;
    expect(document.getElementById(active)).toHaveRole('option');
    expect(document.getElementById(active)).not.toHaveTextContent('All events');
    await userEvent.type(box, '{ArrowUp}{Enter}');
    expect(onSelect).toHaveBeenCalledWith([]);
  });

  it('takes several types and a whole category, and applies them together', async () => {
    const { onSelect } = setup();
    await userEvent.click(screen.getByRole('checkbox', { name: /Choose several/ }));
    const list = screen.getByRole('listbox', { name: 'Event types' });
    expect(list).toHaveAttribute('aria-multiselectable', 'true');
    // Text queries: role queries over 180 options are slow in jsdom.
    await userEvent.click(screen.getByText('Team Created'));
    await userEvent.click(screen.getByText('Team Updated'));
    await userEvent.click(screen.getByText('Every Access tokens event'));
    expect(screen.getByText('Team Token Created')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText(/chosen: any of them/)).toHaveTextContent('3 chosen');
    expect(onSelect).not.toHaveBeenCalled();
    await userEvent.click(screen.getByText('Apply'));
    expect(onSelect).toHaveBeenCalledWith([
      { key: 'event', value: 'team-created' },
      { key: 'event', value: 'team-updated' },
      { key: 'category', value: 'access-tokens' },
    ]);
  }, 20_000);

  it('opens in several mode when several are selected, showing them chosen', () => {
    setup([
      { key: 'event', value: 'team-created' },
      { key: 'event', value: 'team-updated' },
    ]);
    expect(screen.getByRole('checkbox', { name: /Choose several/ })).toBeChecked();
    expect(screen.getByText('Team Created')).toHaveAttribute('aria-selected', 'true');
  });

  it('says when nothing matches', async () => {
    const { box } = setup();
    await userEvent.type(box, 'zzzz');
    expect(screen.getByText(/No event type matches/)).toBeInTheDocument();
  });
});
