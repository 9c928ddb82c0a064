/**
 * Sign-in: check the token, then go back where the user was headed, or to the organization
 * they named, or let them pick one.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';
import { Notice } from '../../../components/notice.tsx';
import type { CurrentUser } from '../../../../common/pulumi/wire-types.ts';
import { currentUserQueries } from '../api/get-current-user.ts';
import { adminOrganizations, findOrganization } from '../org-roles.ts';
import { useSignOut } from '../use-sign-out.ts';
import { SignOutError } from './sign-out-error.tsx';
import { OrgChoiceList } from './org-choice-list.tsx';
import { SignInForm } from './sign-in-form.tsx';

interface SignInPageProps {
  /** A safe path+query to return to (see return-to.ts). */
  returnTo?: string;
  initialOrg?: string;
  orgPath: (org: string) => string;
}

interface Checked {
  user: CurrentUser;
  note?: string;
}

export function SignInPage({ returnTo, initialOrg, orgPath }: SignInPageProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [checked, setChecked] = useState<Checked>();
  /** How the chooser was left: the form then asks for a token, or says it signed out. */
  const [left, setLeft] = useState<'another-token' | 'signed-out'>();
  const { signOut, state: signOutState } = useSignOut();
  const leave = async (how: 'another-token' | 'signed-out') => {
    if (!(await signOut())) return;
    setChecked(undefined);
    setLeft(how);
  };

  const onSignedIn = (user: CurrentUser, orgName: string | undefined) => {
    // Another token may belong to another user: nothing cached may outlive the session change.
    queryClient.clear();
    queryClient.setQueryData(currentUserQueries.me().queryKey, user);
    const org = orgName ? findOrganization(user, orgName) : undefined;
    if (returnTo) return void navigate(returnTo, { replace: true });
    if (org?.role === 'admin') return void navigate(orgPath(org.githubLogin), { replace: true });
    const note = !orgName
      ? undefined
      : org
        ? `You are not an admin of ${org.githubLogin}, so you cannot read its audit log.`
        : `This token has no access to an organization named “${orgName}”.`;
    setChecked({ user, note });
  };

  const noAdminOrg = checked ? adminOrganizations(checked.user).length === 0 : false;
  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <div className="sign-in__brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="log" size={18} />
          </span>
          <span>Audit Log Console</span>
        </div>
        {checked ? (
          <>
            <h1 className="sign-in__title">Choose an organization</h1>
            <p className="muted">Signed in as {checked.user.name || checked.user.githubLogin}.</p>
            {checked.note ? <Notice tone="warning">{checked.note}</Notice> : null}
            {noAdminOrg ? (
              <p className="sign-in__lead">
                This token can open no audit log: only organization admins can read it. Sign in with
                an admin’s token, or ask an admin of your organization for access.
              </p>
            ) : null}
            <OrgChoiceList user={checked.user} orgPath={orgPath} />
            <div className="sign-in__way-on">
              <Button
                // The way on when no organization can be opened; beside "Open audit log" a quiet one.
                variant={noAdminOrg ? 'primary' : 'secondary'}
                onClick={() => void leave('another-token')}
                disabled={signOutState === 'pending'}
              >
                Use another token
              </Button>
              <Button
                variant="ghost"
                onClick={() => void leave('signed-out')}
                disabled={signOutState === 'pending'}
              >
                Sign out
              </Button>
            </div>
            <SignOutError state={signOutState} />
          </>
        ) : (
          <>
            <h1 className="sign-in__title">Sign in</h1>
            {left === 'signed-out' ? <Notice tone="info">Signed out.</Notice> : null}
            <p className="muted">
              Read your organization’s Pulumi Cloud audit log with an access token of an
              organization admin.
            </p>
            <SignInForm
              initialOrg={initialOrg}
              focusToken={left === 'another-token'}
              onSignedIn={onSignedIn}
            />
          </>
        )}
      </div>
    </main>
  );
}
