import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ViewOptions } from './view-options.tsx';

describe('ViewOptions', () => {
  it('edits the list the last press made, before the URL catches up', () => {
    const onChange = vi.fn();
    render(<ViewOptions view={{ tz: 'local' }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /^Table view/ }));
    const moveUp = screen.getByRole('button', { name: 'Move Source IP up' });
    fireEvent.click(moveUp);
    fireEvent.click(moveUp);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Token' }));
    expect(onChange.mock.calls.map(([patch]) => patch.cols.join(','))).toEqual([
      'time,user,event,ip,description,token,flags',
      'time,user,ip,event,description,token,flags',
      'time,user,ip,event,description,flags',
    ]);
  });

  it('keeps the last column shown', () => {
    render(<ViewOptions view={{ tz: 'local', cols: ['event'] }} onChange={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /^Table view/ }));
    expect(screen.getByRole('checkbox', { name: 'Event' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Event up' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});
