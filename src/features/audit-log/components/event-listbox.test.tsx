import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';
import { EventListbox } from './event-listbox.tsx';

function setup(value?: string) {
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
    expect(onSelect).toHaveBeenCalledWith('stack-deleted');
  });

  it('moves with the arrows and points the combobox at the active option', async () => {
    const { onSelect, box } = setup();
    await userEvent.type(box, '{ArrowDown}');
    const active = box.getAttribute('aria-activedescendant')!;
    expect(document.getElementById(active)).toHaveRole('option');
    expect(document.getElementById(active)).not.toHaveTextContent('All events');
    await userEvent.type(box, '{ArrowUp}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(undefined);
  });

  it('says when nothing matches', async () => {
    const { box } = setup();
    await userEvent.type(box, 'zzzz');
    expect(screen.getByText(/No event type matches/)).toBeInTheDocument();
  });
});
