/**
 * Every field of one event, untruncated. Values are rendered as text, never as HTML: a
 * description is whatever the API sent, newlines kept.
 */
import type { ReactNode } from 'react';
import { Avatar } from '../../../components/avatar.tsx';
import { Icon } from '../../../components/icon.tsx';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { findEventType } from '../../../../common/pulumi/event-catalog.ts';
import { categoryLabel } from '../format/category-label.ts';
import { describeFlags } from '../format/describe-flags.ts';
import { formatInstantWithOffset } from '../../../lib/time-format.ts';
import { shortTokenId, tokenPivot } from '../../../lib/audit-token.ts';
import { showBidiControls } from '../../../lib/visible-text.ts';

interface EventDetailsProps {
  event: AuditLogEvent;
  onFilterUser: (login: string) => void;
  /**
   * Shows only the events made with a token: its id, since people's tokens often share a name
   * (its name when it has no id).
   */
  onFilterToken?: (token: string) => void;
  /** The browser's zone by default; tests pass one. */
  localTimeZone?: string;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const NONE = <span className="muted">None</span>;

/** What the catalog says of an event type, in words. */
function aboutEventType(type: NonNullable<ReturnType<typeof findEventType>>): string {
  const parts = [`One of the ${categoryLabel(type.category).toLowerCase()} events.`];
  if (type.requiresOrgAdmin) parts.push('Only organization admins can do this.');
  else if (type.requiresStackAdmin) parts.push('Only stack admins can do this.');
  if (type.authenticationFailure) parts.push('Recorded when authentication fails.');
  if (type.deprecated) {
    parts.push(
      type.replacedBy ? `No longer recorded; see ${type.replacedBy}.` : 'No longer recorded.',
    );
  }
  return parts.join(' ');
}

/** The token's name and the start of its id, as the Tokens facet tells same-named ones apart. */
function TokenName({ event: { tokenID, tokenName } }: { event: AuditLogEvent }) {
  if (!tokenID) return tokenName || NONE;
  return (
    <>
      {tokenName ? `${tokenName} ` : null}
      <span className="mono muted">{shortTokenId(tokenID)}</span>
    </>
  );
}

export function EventDetails({
  event,
  onFilterUser,
  onFilterToken,
  localTimeZone,
}: EventDetailsProps) {
  const { user, timestamp } = event;
  const type = findEventType(event.event);
  const flags = describeFlags(event);
  const zone = localTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const token = tokenPivot({ id: event.tokenID ?? '', name: event.tokenName ?? '' });
  return (
    <div className="details">
      <div className="details__user">
        <Avatar
          src={user.avatarUrl}
          name={user.name || user.githubLogin}
          login={user.githubLogin}
          size={40}
        />
        <div className="cell-stack">
          <span className="details__name">{showBidiControls(user.name || user.githubLogin)}</span>
          <span className="muted">{user.githubLogin}</span>
          {user.email ? <span className="muted">{user.email}</span> : null}
        </div>
        <button type="button" className="link-btn" onClick={() => onFilterUser(user.githubLogin)}>
          <Icon name="filter" size={12} />
          Show only events by {user.githubLogin}
        </button>
      </div>
      <dl className="details__fields">
        <Field label="Time (local)">
          <span className="mono">{formatInstantWithOffset(timestamp, zone)}</span>{' '}
          <span className="muted">{zone}</span>
        </Field>
        <Field label="Time (UTC)">
          <span className="mono">{formatInstantWithOffset(timestamp, 'UTC')}</span>
        </Field>
        <Field label="Unix time">
          <span className="mono">{timestamp}</span>
        </Field>
        <Field label="Event">{type?.displayName ?? event.event}</Field>
        <Field label="Event ID">
          <span className="mono">{event.event}</span>
        </Field>
        <Field label="Category">
          {type ? categoryLabel(type.category) : 'Unknown (newer than this console’s catalog)'}
        </Field>
        {type ? <Field label="About this event type">{aboutEventType(type)}</Field> : null}
        <Field label="Description">
          {event.description ? (
            <p className="details__description">{showBidiControls(event.description)}</p>
          ) : (
            NONE
          )}
        </Field>
        <Field label="Source IP">
          {event.sourceIP ? <span className="mono">{event.sourceIP}</span> : NONE}
        </Field>
        <Field label="Token">
          <TokenName event={event} />
          {onFilterToken && token ? (
            <button
              type="button"
              className="link-btn details__token-filter"
              onClick={() => onFilterToken(token)}
            >
              <Icon name="filter" size={12} />
              Filter by this token
            </button>
          ) : null}
        </Field>
        <Field label="Token ID">
          {event.tokenID ? <span className="mono">{event.tokenID}</span> : NONE}
        </Field>
        <Field label="Actor">{event.actorName || NONE}</Field>
        <Field label="Actor URN">
          {event.actorUrn ? <span className="mono">{event.actorUrn}</span> : NONE}
        </Field>
        <Field label="Flags">{flags.length > 0 ? flags.join(', ') : NONE}</Field>
      </dl>
    </div>
  );
}
