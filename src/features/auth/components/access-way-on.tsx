/**
 * The way on from a log this token cannot open: the organizations it can open instead, and
 * signing in with another token.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { currentUserQueries } from '../api/get-current-user.ts';
import { adminOrganizations } from '../org-roles.ts';
import { useSignOut } from '../use-sign-out.ts';
import { SignOutError } from './sign-out-error.tsx';

interface AccessWayOnProps {
  /** The organization that could not be opened, left out of the choices. */
  org: string;
  orgPath: (org: string) => string;
}

export function AccessWayOn({ org, orgPath }: AccessWayOnProps) {
  const me = useQuery(currentUserQueries.me());
  const { signOut, state } = useSignOut();
  const others = me.data
    ? adminOrganizations(me.data).filter(
        (candidate) => candidate.githubLogin.toLowerCase() !== org.toLowerCase(),
      )
    : [];
  return (
    <div className="way-on">
      {others.length > 0 ? (
        <>
          <p className="way-on__lead">This token can open the audit log of:</p>
          <ul className="way-on__orgs" aria-label="Organizations you can open">
            {others.map((candidate) => (
              <li key={candidate.githubLogin}>
                <Link className="way-on__org" to={orgPath(candidate.githubLogin)}>
                  <Avatar
                    src={candidate.avatarUrl}
                    name={candidate.name || candidate.githubLogin}
                    login={candidate.githubLogin}
                    size={24}
                  />
                  <span>{candidate.githubLogin}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="way-on__lead">This token is not an admin of any organization.</p>
      )}
      <Button onClick={() => void signOut()} disabled={state === 'pending'}>
        Use another token
      </Button>
      <SignOutError state={state} />
    </div>
  );
}
