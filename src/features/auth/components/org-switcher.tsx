import { Avatar } from '../../../components/avatar.tsx';
import type { CurrentUser } from '../../../../common/pulumi/wire-types.ts';
import { adminOrganizations } from '../org-roles.ts';

interface OrgSwitcherProps {
  user: CurrentUser;
  org: string;
  /** Opens another organization's log (the app decides what of the view goes along). */
  onSwitch: (org: string) => void;
  /** A switch is being prepared: the choice is held until it is done. */
  switching?: boolean;
}

/** The open organization; a switcher when the user administers more than one. */
export function OrgSwitcher({ user, org, onSwitch, switching = false }: OrgSwitcherProps) {
  const current = user.organizations.find((o) => o.githubLogin === org);
  const admins = adminOrganizations(user);
  const avatar = (
    <Avatar src={current?.avatarUrl} name={current?.name || org} login={org} size={24} />
  );
  if (admins.length <= 1 || !admins.some((o) => o.githubLogin === org)) {
    return (
      <div className="org-switcher">
        {avatar}
        <span className="org-switcher__name">{org}</span>
      </div>
    );
  }
  return (
    <div className="org-switcher">
      {avatar}
      <select
        className="org-switcher__select"
        aria-label="Organization"
        value={org}
        disabled={switching}
        aria-busy={switching}
        onChange={(event) => onSwitch(event.target.value)}
      >
        {admins.map((o) => (
          <option key={o.githubLogin} value={o.githubLogin}>
            {o.githubLogin}
          </option>
        ))}
      </select>
    </div>
  );
}
