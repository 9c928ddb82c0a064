import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { EventDetails } from './event-details.tsx';

const T = Date.UTC(2026, 10, 3, 14, 5, 9) / 1000;

const EVENT: AuditLogEvent = {
  timestamp: T,
  sourceIP: '203.0.113.7',
  event: 'stack-deleted',
  description: 'Deleted stack "prod"\nreason: <b>cleanup</b>',
  user: { name: 'Kim Lee', githubLogin: 'kim', avatarUrl: '', email: 'kim@example.com' },
  tokenID: 'tok-123',
  tokenName: 'ci token',
  reqOrgAdmin: true,
  reqStackAdmin: false,
  authFailure: true,
  actorName: 'deploy-bot',
  actorUrn: 'urn:pulumi:actor:deploy-bot',
};

function fieldOf(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

function renderDetails(event: AuditLogEvent = EVENT, onFilterUser = vi.fn()) {
  render(<EventDetails event={event} onFilterUser={onFilterUser} localTimeZone="Europe/Paris" />);
  return onFilterUser;
}

describe('EventDetails', () => {
  it('shows the time in local time and UTC, exact with offset, and as Unix seconds', () => {
    renderDetails();
    expect(fieldOf('Time (local)')).toHaveTextContent('2026-11-03T15:05:09+01:00 Europe/Paris');
    expect(fieldOf('Time (UTC)')).toHaveTextContent('2026-11-03T14:05:09Z');
    expect(fieldOf('Unix time')).toHaveTextContent(String(T));
  });

  it('shows the description in full, newlines kept, as text and never as HTML', () => {
    renderDetails();
    const description = fieldOf('Description').querySelector('p')!;
    expect(description.textContent).toBe(EVENT.description);
    expect(description.querySelector('b')).toBeNull();
  });

  it('shows bidirectional controls in the name and description instead of obeying them', () => {
    renderDetails({
      ...EVENT,
      user: { ...EVENT.user, name: 'Report\u202egnp.exe' },
      description: 'Uploaded \u2067invoice\u2069 \u200f',
    });
    expect(screen.getByText('Report⟨RLO⟩gnp.exe')).toBeInTheDocument();
    const description = fieldOf('Description').querySelector('p')!;
    expect(description.textContent).toBe('Uploaded ⟨RLI⟩invoice⟨PDI⟩ ⟨RLM⟩');
    expect(document.body.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });

  it('shows every other field', () => {
    renderDetails();
    expect(fieldOf('Event')).toHaveTextContent('Stack Deleted');
    expect(fieldOf('Event ID')).toHaveTextContent('stack-deleted');
    expect(fieldOf('Category')).toHaveTextContent('Stacks');
    expect(fieldOf('Source IP')).toHaveTextContent('203.0.113.7');
    expect(fieldOf('Token')).toHaveTextContent('ci token');
    expect(fieldOf('Token ID')).toHaveTextContent('tok-123');
    expect(fieldOf('Actor')).toHaveTextContent('deploy-bot');
    expect(fieldOf('Actor URN')).toHaveTextContent('urn:pulumi:actor:deploy-bot');
    expect(fieldOf('Flags')).toHaveTextContent(
      'Authentication failure, Required organization admin',
    );
    expect(screen.getByText('Kim Lee')).toBeInTheDocument();
    expect(screen.getByText('kim@example.com')).toBeInTheDocument();
  });

  it('says None for what the event does not have, and names unknown events', () => {
    renderDetails({
      timestamp: T,
      sourceIP: '',
      event: 'from-the-future',
      description: '',
      user: { name: '', githubLogin: 'kim', avatarUrl: '' },
    });
    for (const label of ['Description', 'Source IP', 'Token', 'Token ID', 'Actor', 'Flags'])
      expect(fieldOf(label)).toHaveTextContent('None');
    expect(fieldOf('Event')).toHaveTextContent('from-the-future');
    expect(fieldOf('Category')).toHaveTextContent(/Unknown/);
  });

  it('names the token with the start of its id, and filters by the id', async () => {
    const onFilterToken = vi.fn();
    const tokenID = '9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e';
    render(
      <EventDetails
        event={{ ...EVENT, tokenID, tokenName: 'pulumi-cli' }}
        onFilterUser={vi.fn()}
        onFilterToken={onFilterToken}
        localTimeZone="UTC"
      />,
    );
    expect(fieldOf('Token')).toHaveTextContent(/^pulumi-cli 9b1c2d3e/);
    expect(fieldOf('Token ID')).toHaveTextContent(tokenID);
    await userEvent.click(screen.getByRole('button', { name: 'Filter by this token' }));
    expect(onFilterToken).toHaveBeenCalledWith(tokenID);
  });

  it('filters by the name of a token the event gives no id for', async () => {
    const onFilterToken = vi.fn();
    const { tokenID: _, ...withoutId } = EVENT;
    render(
      <EventDetails
        event={withoutId}
        onFilterUser={vi.fn()}
        onFilterToken={onFilterToken}
        localTimeZone="UTC"
      />,
    );
    expect(fieldOf('Token')).toHaveTextContent(/^ci token/);
    await userEvent.click(screen.getByRole('button', { name: 'Filter by this token' }));
    expect(onFilterToken).toHaveBeenCalledWith('ci token');
  });

  it('filters to the user', async () => {
    const onFilterUser = renderDetails();
    await userEvent.click(screen.getByRole('button', { name: 'Show only events by kim' }));
    expect(onFilterUser).toHaveBeenCalledWith('kim');
  });
});
