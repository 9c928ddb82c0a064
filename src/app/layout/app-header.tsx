import { Link } from 'react-router';
import { Icon } from '../../components/icon.tsx';
import { ThemeToggle } from '../../components/theme-toggle.tsx';
import { OrgSwitcher } from '../../features/auth/components/org-switcher.tsx';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import type { CurrentUser } from '../../../common/pulumi/wire-types.ts';
import { AlertsLink } from './alerts-link.tsx';
import { useSwitchOrganization } from './use-switch-organization.ts';

interface AppHeaderProps {
  user: CurrentUser;
  org: string;
  onShowShortcuts: () => void;
}

export function AppHeader({ user, org, onShowShortcuts }: AppHeaderProps) {
  const { switchTo, pending } = useSwitchOrganization(org);
  return (
    <header className="app-header">
      <Link
        // Home picks an organization this token can open, so the brand is a way out of an org
        // whose log cannot be opened.
        to="/"
        className="app-header__brand"
        aria-label="Audit Log Console home"
      >
        <span className="brand-mark" aria-hidden="true">
          <Icon name="log" size={16} />
        </span>
        <span className="app-header__product">Audit Log Console</span>
      </Link>
      <span className="app-header__sep" aria-hidden="true">
        /
      </span>
      <OrgSwitcher
        user={user}
        org={org}
        onSwitch={(next) => void switchTo(next)}
        switching={pending}
      />
      <AlertsLink org={org} />
      <div className="app-header__spacer" />
      <button
        type="button"
        className="icon-btn app-header__shortcuts"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={onShowShortcuts}
      >
        <Icon name="keyboard" />
      </button>
      <ThemeToggle />
      <UserMenu user={user} />
    </header>
  );
}
