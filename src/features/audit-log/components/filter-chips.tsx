import { Avatar } from '../../../components/avatar.tsx';
import { Chip } from '../../../components/chip.tsx';
import type { EventType, UserInfo } from '../../../../common/pulumi/wire-types.ts';
import { showBidiControls } from '../../../lib/visible-text.ts';
import { activeFilters } from '../view/active-filters.ts';
import { displayOf, type AuditLogView } from '../view/view-schema.ts';

interface FilterChipsProps {
  view: AuditLogView;
  eventTypes: readonly EventType[];
  /** The filtered user's name and picture, when an event of theirs has been read. */
  user?: UserInfo;
  onChange: (view: AuditLogView) => void;
}

function UserValue({ login, user }: { login: string; user: UserInfo | undefined }) {
  const name = user?.name;
  return (
    <span className="chip__user">
      <Avatar src={user?.avatarUrl} name={name || login} login={login} size={18} />
      {name && name !== login ? (
        <>
          <span>{showBidiControls(name)}</span>
          <span className="chip__login">{login}</span>
        </>
      ) : (
        <span>{login}</span>
      )}
    </span>
  );
}

/** The active filters, each removable on its own; "Clear all" when there are several. */
export function FilterChips({ view, eventTypes, user, onChange }: FilterChipsProps) {
  const filters = activeFilters(view, eventTypes);
  if (filters.length === 0) return null;
  return (
    <div className="filter-chips" aria-label="Active filters" role="group">
      {filters.map((filter) => (
        <Chip
          key={filter.key}
          label={filter.label}
          value={filter.value}
          onRemove={() => onChange(filter.without)}
        >
          {filter.key === 'user' ? <UserValue login={filter.value} user={user} /> : undefined}
        </Chip>
      ))}
      {filters.length > 1 ? (
        <button type="button" className="link-btn" onClick={() => onChange(displayOf(view))}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}
