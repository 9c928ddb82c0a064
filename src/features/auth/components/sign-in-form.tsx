/**
 * Organization and token. The token field is uncontrolled and cleared on success, so the token
 * lives only in the input and the one request that hands it to the server.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { InputField } from '../../../components/form-field.tsx';
import { Spinner } from '../../../components/spinner.tsx';
import type { CurrentUser } from '../../../../common/pulumi/wire-types.ts';
import { createSession } from '../api/session.ts';
import { describeSignInError } from '../describe-sign-in-error.ts';

interface SignInFormProps {
  initialOrg?: string;
  /** Focus the token field (the page asked for another token). */
  focusToken?: boolean;
  onSignedIn: (user: CurrentUser, org: string | undefined) => void;
}

export function SignInForm({ initialOrg, focusToken, onSignedIn }: SignInFormProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const tokenInput = form.elements.namedItem('token') as HTMLInputElement;
    const org = (form.elements.namedItem('org') as HTMLInputElement).value.trim() || undefined;
    setPending(true);
    setError(undefined);
    try {
      const user = await createSession(tokenInput.value.trim());
      tokenInput.value = '';
      onSignedIn(user, org);
    } catch (failure) {
      setError(describeSignInError(failure));
      setPending(false);
    }
  };

  return (
    <form
      className="sign-in-form"
      onSubmit={(e) => void submit(e)}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <InputField
        id={`${id}-org`}
        label="Organization"
        name="org"
        defaultValue={initialOrg}
        autoComplete="off"
        spellCheck={false}
        placeholder="acme"
        hint="Optional: leave empty to pick one after the token is checked."
      />
      <InputField
        id={`${id}-token`}
        label="Access token"
        name="token"
        inputClassName="mono"
        type="password"
        required
        autoComplete="off"
        spellCheck={false}
        placeholder="pul-…"
        // After "Use another token" the token is what is asked for next.
        autoFocus={focusToken}
        hint="Kept by the console’s server in an HttpOnly session cookie; never stored in this browser."
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={pending} className="sign-in-form__submit">
        {pending ? <Spinner size={14} /> : null}
        {pending ? 'Checking token…' : 'Sign in'}
      </Button>
    </form>
  );
}
