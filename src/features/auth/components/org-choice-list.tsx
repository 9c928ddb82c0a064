import { Link } from 'react-router';
import { Avatar } from '../../../components/avatar.tsx';
import type { CurrentUser } from '../../../../common/pulumi/wire-types.ts';
import { ROLE_LABELS } from '../org-roles.ts';

interface OrgChoiceListProps {
  user: CurrentUser;
  orgPath: (org: string) => string;
}

/** Every organization of the token with its role; only admins can open the audit log. */
export function OrgChoiceList({ user, orgPath }: OrgChoiceListProps) {
  if (user.organizations.length === 0) {
    return <p className="muted">This token belongs to no organization.</p>;
  }
  return (
    <ul className="org-choices" aria-label="Organizations">
      {user.organizations.map((org) => {
        const admin = org.role === 'admin';
        const name = org.githubLogin || org.name;
        return (
          <li key={name} className={`org-choice${admin ? '' : ' org-choice--disabled'}`}>
            <Avatar src={org.avatarUrl} name={org.name || name} login={org.githubLogin} size={32} />
            <div className="org-choice__text">
              <span className="org-choice__name">{name}</span>
              <span className="org-choice__role">
                {ROLE_LABELS[org.role] ?? org.role}
                {admin ? null : ' · only organization admins can read the audit log'}
              </span>
            </div>
            {admin ? (
              <Link className="btn btn--primary btn--sm" to={orgPath(name)}>
                Open audit log<span className="sr-only"> of {name}</span>
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
