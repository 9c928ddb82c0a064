/**
 * The new-rule form: a search (prefilled from the log's current search), when it fires, and the
 * webhook. The URL and the secret are write-only: typed here, sealed by the server, never shown.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { FormField } from '../../../components/form-field.tsx';
import {
  alertsQueries,
  createRule,
  type GroupBy,
  type ReadyMadeRule,
  type WebhookFormat,
} from '../api/alerts-api.ts';

export const WINDOW_CHOICES = [
  { seconds: 0, label: 'Every match, on its own' },
  { seconds: 300, label: 'Within 5 minutes' },
  { seconds: 900, label: 'Within 15 minutes' },
  { seconds: 3600, label: 'Within 1 hour' },
  { seconds: 86_400, label: 'Within 24 hours' },
] as const;

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
      <FormField id={field('name')} label="Name" className="alert-form__wide">
        {(control) => (
          <input
            {...control}
            className="input"
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </FormField>
      <FormField
        id={field('query')}
        label="Search"
        className="alert-form__wide"
        hint={
          <>
            The log page’s search language, e.g. <code>failed:true</code> or{' '}
            <code>event:stack-deleted</code>. Empty matches every event.
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            className="input alert-form__mono"
            maxLength={1000}
            value={draft.query}
            onChange={(e) => set('query', e.target.value)}
          />
        )}
      </FormField>
      <FormField id={field('window')} label="When">
        {(control) => (
          <select
            {...control}
            className="input"
            value={draft.windowSeconds}
            onChange={(e) => set('windowSeconds', Number(e.target.value))}
          >
            {WINDOW_CHOICES.map((choice) => (
              <option key={choice.seconds} value={choice.seconds}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={field('threshold')} label="Matches needed">
        {(control) => (
          <input
            {...control}
            className="input"
            type="number"
            min={1}
            max={10_000}
            required
            disabled={draft.windowSeconds === 0}
            value={draft.windowSeconds === 0 ? 1 : draft.threshold}
            onChange={(e) => set('threshold', Number(e.target.value))}
          />
        )}
      </FormField>
      <FormField id={field('group')} label="Counted per">
        {(control) => (
          <select
            {...control}
            className="input"
            value={draft.groupBy}
            onChange={(e) => set('groupBy', e.target.value as GroupBy)}
          >
            <option value="ip">Source IP</option>
            <option value="user">User</option>
            <option value="none">All events together</option>
          </select>
        )}
      </FormField>
      <FormField
        id={field('url')}
        label="Webhook URL"
        className="alert-form__wide"
        hint="Kept sealed on the server; only its origin is shown again."
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="url"
            required
            autoComplete="off"
            placeholder="https://hooks.example.com/…"
            value={draft.webhookUrl}
            onChange={(e) => set('webhookUrl', e.target.value)}
          />
        )}
      </FormField>
      <FormField id={field('format')} label="Body">
        {(control) => (
          <select
            {...control}
            className="input"
            value={draft.webhookFormat}
            onChange={(e) => set('webhookFormat', e.target.value as WebhookFormat)}
          >
            <option value="json">JSON (signed)</option>
            <option value="slack">Slack {'{text}'}</option>
          </select>
        )}
      </FormField>
      <FormField
        id={field('secret')}
        label="Signing secret (optional)"
        className="alert-form__secret"
        hint="16 or more characters; signs each delivery (see the README). Never shown again."
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            autoComplete="new-password"
            minLength={16}
            maxLength={256}
            value={draft.secret}
            onChange={(e) => set('secret', e.target.value)}
          />
        )}
      </FormField>
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
