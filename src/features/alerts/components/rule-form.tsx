/**
 * The new-rule form: a search (prefilled from the log's current search), when it fires, and the
 * webhook. The URL and the secret are write-only: typed here, sealed by the server, never shown.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { InputField, SelectField, type Choice } from '../../../components/form-field.tsx';
import {
  alertsQueries,
  createRule,
  type GroupBy,
  type ReadyMadeRule,
  type WebhookFormat,
} from '../api/alerts-api.ts';

export const WINDOW_CHOICES: readonly Choice<number>[] = [
  { value: 0, label: 'Every match, on its own' },
  { value: 300, label: 'Within 5 minutes' },
  { value: 900, label: 'Within 15 minutes' },
  { value: 3600, label: 'Within 1 hour' },
  { value: 86_400, label: 'Within 24 hours' },
];

const GROUP_CHOICES: readonly Choice<GroupBy>[] = [
  { value: 'ip', label: 'Source IP' },
  { value: 'user', label: 'User' },
  { value: 'none', label: 'All events together' },
];

const FORMAT_CHOICES: readonly Choice<WebhookFormat>[] = [
  { value: 'json', label: 'JSON (signed)' },
  { value: 'slack', label: 'Slack {text}' },
];

interface Draft {
  name: string;
  query: string;
  threshold: number;
  windowSeconds: number;
  groupBy: GroupBy;
  webhookUrl: string;
  webhookFormat: WebhookFormat;
  secret: string;
}

const emptyDraft = (query: string): Draft => ({
  name: '',
  query,
  threshold: 1,
  windowSeconds: 0,
  groupBy: 'none',
  webhookUrl: '',
  webhookFormat: 'json',
  secret: '',
});

interface RuleFormProps {
  org: string;
  initialQuery: string;
  /** A ready-made rule to start from; changes when the admin picks another. */
  template?: ReadyMadeRule;
}

export function RuleForm({ org, initialQuery, template }: RuleFormProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(initialQuery));
  const [appliedTemplate, setAppliedTemplate] = useState<ReadyMadeRule | undefined>();
  if (template !== appliedTemplate) {
    // Adjusting state to a new prop while rendering, as React recommends over an effect.
    setAppliedTemplate(template);
    if (template) {
      const { name, query, threshold, windowSeconds, groupBy } = template;
      setDraft((d) => ({ ...d, name, query, threshold, windowSeconds, groupBy }));
    }
  }
  const create = useMutation({
    mutationFn: () =>
      createRule(org, {
        ...draft,
        threshold: draft.windowSeconds === 0 ? 1 : draft.threshold,
        enabled: true,
        secret: draft.secret === '' ? undefined : draft.secret,
      }),
    onSuccess: () => {
      setDraft(emptyDraft(''));
      void queryClient.invalidateQueries({ queryKey: alertsQueries.all(org) });
    },
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="alert-form" onSubmit={submit} aria-labelledby={field('title')}>
      <h2 id={field('title')} className="alerts__heading">
        New rule
      </h2>
      <InputField
        id={field('name')}
        label="Name"
        className="alert-form__wide"
        required
        maxLength={200}
        value={draft.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <InputField
        id={field('query')}
        label="Search"
        className="alert-form__wide"
        hint={
          <>
            The log page’s search language, e.g. <code>failed:true</code> or{' '}
            <code>event:stack-deleted</code>. Empty matches every event.
          </>
        }
        inputClassName="alert-form__mono"
        maxLength={1000}
        value={draft.query}
        onChange={(e) => set('query', e.target.value)}
      />
      <SelectField
        id={field('window')}
        label="When"
        value={draft.windowSeconds}
        choices={WINDOW_CHOICES}
        onChange={(value) => set('windowSeconds', value)}
      />
      <InputField
        id={field('threshold')}
        label="Matches needed"
        type="number"
        min={1}
        max={10_000}
        required
        disabled={draft.windowSeconds === 0}
        value={draft.windowSeconds === 0 ? 1 : draft.threshold}
        onChange={(e) => set('threshold', Number(e.target.value))}
      />
      <SelectField
        id={field('group')}
        label="Counted per"
        value={draft.groupBy}
        choices={GROUP_CHOICES}
        onChange={(value) => set('groupBy', value)}
      />
      <InputField
        id={field('url')}
        label="Webhook URL"
        className="alert-form__wide"
        hint="Kept sealed on the server; only its origin is shown again."
        type="url"
        required
        autoComplete="off"
        placeholder="https://hooks.example.com/…"
        value={draft.webhookUrl}
        onChange={(e) => set('webhookUrl', e.target.value)}
      />
      <SelectField
        id={field('format')}
        label="Body"
        value={draft.webhookFormat}
        choices={FORMAT_CHOICES}
        onChange={(value) => set('webhookFormat', value)}
      />
      <InputField
        id={field('secret')}
        label="Signing secret (optional)"
        className="alert-form__secret"
        hint="16 or more characters; signs each delivery (see the README). Never shown again."
        type="password"
        autoComplete="new-password"
        minLength={16}
        maxLength={256}
        value={draft.secret}
        onChange={(e) => set('secret', e.target.value)}
      />
      <div className="alert-form__actions alert-form__wide">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create rule'}
        </Button>
        {create.isError ? (
          <p className="field-error" role="alert">
            {create.error.message}
          </p>
        ) : null}
        {create.isSuccess ? (
          <p className="field-hint" role="status">
            Rule “{create.data.name}” created and on.
          </p>
        ) : null}
      </div>
    </form>
  );
}
