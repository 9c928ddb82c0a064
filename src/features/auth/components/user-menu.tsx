import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';
import type { CurrentUser } from '../../../../common/pulumi/wire-types.ts';
import { useSignOut } from '../use-sign-out.ts';

/** The signed-in user and the way out. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const { signOut, state } = useSignOut();
  const name = user.name || user.githubLogin;
  return (
    <div className="user-menu">
      <Avatar src={user.avatarUrl} name={name} login={user.githubLogin} size={28} />
      <div className="user-menu__text">
        <span className="user-menu__name">{name}</span>
        <span className="user-menu__login">{user.githubLogin}</span>
      </div>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => void signOut()}
        disabled={state === 'pending'}
      >
        <Icon name="logOut" size={14} />
        Sign out
      </Button>
      {state === 'failed' ? (
        <span className="field-error" role="alert">
          Sign-out failed; try again.
        </span>
      ) : null}
    </div>
  );
}
