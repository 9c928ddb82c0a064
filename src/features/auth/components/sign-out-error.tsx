/** Says a sign-out failed (the session is still there), where the button was pressed. */
export function SignOutError({ state }: { state: 'idle' | 'pending' | 'failed' }) {
  if (state !== 'failed') return null;
  return (
    <p className="field-error" role="alert">
      Signing out failed; try again.
    </p>
  );
}
