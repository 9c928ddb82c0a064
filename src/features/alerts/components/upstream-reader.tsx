/**
 * Upstream mode: the token this console's server reads Pulumi Cloud's audit log with for the
 * rules. Write-only like the webhook secrets: typed here, checked against Pulumi Cloud and sealed
 * by the server, never shown again; the page shows only whether one is set and how reading goes.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { InputField } from '../../../components/form-field.tsx';
import { Notice } from '../../../components/notice.tsx';
import { formatDateTime } from '../../../lib/time-format.ts';
import {
  alertsQueries,
  removeReaderToken,
  setReaderToken,
  type UpstreamReader,
} from '../api/alerts-api.ts';

export function UpstreamReaderSettings({ org, reader }: { org: string; reader: UpstreamReader }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [token, setToken] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: alertsQueries.all(org) });
  const save = useMutation({
    mutationFn: () => setReaderToken(org, token),
    onSuccess: () => {
      setToken('');
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => removeReaderToken(org), onSuccess: refresh });
  // Each action's outcome replaces the other's: no "kept" beside "No token", no stale error.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    save.mutate();
  };
  const removeToken = () => {
    save.reset();
    remove.mutate();
  };
  return (
    <form className="alert-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="alerts__heading alert-form__wide">
        Reading Pulumi Cloud
      </h2>
      <p className="alerts__muted alert-form__wide">
        Against Pulumi Cloud, this console’s server reads the organization’s audit log for the
        rules, every few seconds, with an access token given here (an admin’s, or a team or
        organization token that may read the audit log). It is kept sealed on the server and never
        shown again.
      </p>
      {reader.configured ? (
        <p className="alerts__muted alert-form__wide" role="status">
          A token is set.{' '}
          {reader.lastReadAt
            ? `Last read ${formatDateTime(Math.floor(reader.lastReadAt / 1000))}.`
            : 'Not read yet.'}
        </p>
      ) : (
        <Notice tone="warning" title="No token: rules do not run yet">
          Give a token that can read {org}’s audit log to turn the rules on.
        </Notice>
      )}
      {reader.lastError ? (
        <Notice tone="error" title="The last read failed">
          {reader.lastError}
        </Notice>
      ) : null}
      <InputField
        id={`${id}-token`}
        label={reader.configured ? 'Replace the access token' : 'Access token for reading'}
        className="alert-form__wide"
        hint="Checked against Pulumi Cloud before it is kept."
        type="password"
        autoComplete="off"
        required
        maxLength={512}
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <div className="alert-form__actions alert-form__wide">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Checking…' : 'Save token'}
        </Button>
        {reader.configured ? (
          <Button onClick={removeToken} disabled={remove.isPending}>
            Remove token
          </Button>
        ) : null}
        {save.isError || remove.isError ? (
          <p className="field-error" role="alert">
            {(save.error ?? remove.error)?.message}
          </p>
        ) : null}
        {save.isSuccess ? (
          <p className="field-hint" role="status">
            Token checked and kept.
          </p>
        ) : null}
      </div>
    </form>
  );
}
