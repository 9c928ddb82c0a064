import { useSearchParams } from 'react-router';
import { SignInPage } from '../../features/auth/components/sign-in-page.tsx';
import { orgOfPath, safeReturnTo } from '../../features/auth/return-to.ts';
import { orgAuditLogPath } from '../paths.ts';

export function SignInRoute() {
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  return (
    <SignInPage
      returnTo={returnTo}
      initialOrg={orgOfPath(returnTo) ?? searchParams.get('org') ?? undefined}
      orgPath={orgAuditLogPath}
    />
  );
}
