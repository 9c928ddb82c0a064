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

  it('edits the latest list while the URL catches up one change at a time', () => {
    const onChange = vi.fn();
    const { rerender } = render(<ViewOptions view={{ tz: 'local' }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /^Table view/ }));
    const moveUp = () => fireEvent.click(screen.getByRole('button', { name: 'Move Source IP up' }));
    moveUp();
    moveUp();
    // The URL reaches the first change only, then the third press comes.
    rerender(
      <ViewOptions
        view={{ tz: 'local', cols: onChange.mock.calls[0]![0].cols }}
        onChange={onChange}
      />,
    );
    moveUp();
    expect(onChange.mock.calls.at(-1)![0].cols.join(',')).toBe(
      'time,ip,user,event,description,token,flags',
    );
    // A list from elsewhere (Back, a link) is the one the next press edits.
    rerender(<ViewOptions view={{ tz: 'local', cols: ['ip', 'time'] }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move Time up' }));
    expect(onChange.mock.calls.at(-1)![0].cols.join(',')).toBe('time,ip');
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
