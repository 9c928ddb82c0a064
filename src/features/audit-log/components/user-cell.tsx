import { Avatar } from '../../../components/avatar.tsx';
import { iconMaskClass } from '../../../components/icon-mask.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { showBidiControls } from '../../../lib/visible-text.ts';

interface UserCellProps {
  event: AuditLogEvent;
  onFilterUser: (login: string) => void;
}

/**
 * Who did it: the avatar filters to that user (a filter mark shows on it when the row is pointed
 * at or focused); a machine actor is marked as one. The avatar is no Tab stop of its own (the
 * table is one, and `u` on a row filters by its user).
 */
export function UserCell({ event, onFilterUser }: UserCellProps) {
  const { user, actorName, actorUrn } = event;
  const name = showBidiControls(user.name || user.githubLogin);
  const label = `Show only events by ${user.githubLogin}`;
  return (
    <div className="cell-user">
      <button
        type="button"
        className="avatar-btn"
        aria-label={label}
        title={label}
        tabIndex={-1}
        onClick={() => onFilterUser(user.githubLogin)}
      >
        <Avatar src={user.avatarUrl} name={name} login={user.githubLogin} size={28} />
        <span className={`avatar-btn__filter icon-mask ${iconMaskClass('filter')}`} />
      </button>
      <div className="cell-stack">
        <span className="cell-primary" title={name}>
          {name}
        </span>
        {actorName ? (
          <span className="cell-secondary actor" title={showBidiControls(actorUrn ?? actorName)}>
            <span
              className={`badge badge--machine icon-mask ${iconMaskClass('robot')}`}
              role="img"
              aria-label="Machine actor"
              title="Machine actor"
            />
            <span className="truncate">
              {user.githubLogin} · via {showBidiControls(actorName)}
            </span>
          </span>
        ) : (
          <span className="cell-secondary" title={user.githubLogin}>
            {user.githubLogin}
          </span>
        )}
      </div>
    </div>
  );
}
