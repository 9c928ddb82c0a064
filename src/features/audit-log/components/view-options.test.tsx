import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogView } from '../view/view-schema.ts';
import { LogColumnsProvider } from './log-column-table.tsx';
import { ViewOptions } from './view-options.tsx';

/** The menu with the page's column table around it, both given the same view. */
function Menu({ view, onChange }: { view: AuditLogView; onChange: (patch: object) => void }) {
  return (
    <LogColumnsProvider view={view} onChange={onChange}>
      <ViewOptions view={view} onChange={onChange} />
    </LogColumnsProvider>
  );
}

describe('ViewOptions', () => {
  it('edits the list the last press made, before the URL catches up', () => {
    const onChange = vi.fn();
    render(<Menu view={{ tz: 'local' }} onChange={onChange} />);
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
    const { rerender } = render(<Menu view={{ tz: 'local' }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /^Table view/ }));
    const moveUp = () => fireEvent.click(screen.getByRole('button', { name: 'Move Source IP up' }));
    moveUp();
    moveUp();
    // The URL reaches the first change only, then the third press comes.
    rerender(
      <Menu view={{ tz: 'local', cols: onChange.mock.calls[0]![0].cols }} onChange={onChange} />,
    );
    moveUp();
    expect(onChange.mock.calls.at(-1)![0].cols.join(',')).toBe(
      'time,ip,user,event,description,token,flags',
    );
    // A list from elsewhere (Back, a link) is the one the next press edits.
    rerender(<Menu view={{ tz: 'local', cols: ['ip', 'time'] }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move Time up' }));
    expect(onChange.mock.calls.at(-1)![0].cols.join(',')).toBe('time,ip');
  });

  it('keeps the last column shown', () => {
    render(<Menu view={{ tz: 'local', cols: ['event'] }} onChange={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /^Table view/ }));
    expect(screen.getByRole('checkbox', { name: 'Event' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Event up' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('resets resized columns through the table, and only when some are', () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      const { rerender } = render(<Menu view={{ tz: 'local' }} onChange={onChange} />);
      fireEvent.click(screen.getByRole('button', { name: /^Table view/ }));
      expect(screen.getByRole('button', { name: 'Reset column widths' })).toBeDisabled();
      rerender(<Menu view={{ tz: 'local', w: { ip: 300 } }} onChange={onChange} />);
      fireEvent.click(screen.getByRole('button', { name: 'Reset column widths' }));
      act(() => void vi.advanceTimersByTime(1000));
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange.mock.calls[0]![0]).toMatchObject({ w: {} });
    } finally {
      vi.useRealTimers();
    }
  });
});
