import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { EventDetailsDialog } from './event-details-dialog.tsx';

const EVENT: AuditLogEvent = {
  timestamp: 1_793_491_200,
  sourceIP: '203.0.113.7',
  event: 'user-login',
  description: 'Logged in',
  user: { name: 'Kim Lee', githubLogin: 'kim', avatarUrl: '' },
};

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods; the browser tests cover the real ones.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

/** A row-like opener and the panel it opens, as the results render them. */
function Harness({ onFilterUser = () => {} }: { onFilterUser?: (login: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Row
      </button>
      {open ? (
        <EventDetailsDialog
          event={EVENT}
          onClose={() => setOpen(false)}
          onFilterUser={onFilterUser}
        />
      ) : null}
    </>
  );
}

describe('EventDetailsDialog', () => {
  it('is named after the event and closes on Escape, giving focus back', async () => {
    render(<Harness />);
    const row = screen.getByRole('button', { name: 'Row' });
    await userEvent.click(row);
    const dialog = screen.getByRole('dialog', { name: 'User Login' });
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(row).toHaveFocus();
  });

  it('closes with its Close button', async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole('button', { name: 'Row' }));
    await userEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('copies the event as JSON', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Row' }));
    await user.click(screen.getByRole('button', { name: 'Copy as JSON' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(EVENT);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('hands a user filter to the page', async () => {
    const onFilterUser = vi.fn();
    render(<Harness onFilterUser={onFilterUser} />);
    await userEvent.click(screen.getByRole('button', { name: 'Row' }));
    await userEvent.click(screen.getByRole('button', { name: 'Show only events by kim' }));
    expect(onFilterUser).toHaveBeenCalledWith('kim');
  });
});

describe('EventDetailsDialog focus', () => {
  it('keeps Tab inside the panel, wrapping both ways', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Row' }));
    const close = screen.getByRole('button', { name: 'Close details' });
    const copy = screen.getByRole('button', { name: 'Copy as JSON' });
    copy.focus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(copy).toHaveFocus();
  });
});
