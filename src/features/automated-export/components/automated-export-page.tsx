import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import type {
  AuditLogExportResult,
  OrganizationAuditLogExportSettings,
} from '../../../../common/pulumi/export-config-types.ts';
import { Button } from '../../../components/button.tsx';
import { InputField } from '../../../components/form-field.tsx';
import { Notice } from '../../../components/notice.tsx';
import { formatDateTime } from '../../../lib/time-format.ts';
import {
  deleteExportSettings,
  forceExportHour,
  getExportSettings,
  saveExportSettings,
  testExportDestination,
} from '../api/export-config-api.ts';
import { destinationOf, formOf, updateOf, type ExportForm } from '../export-form-state.ts';

interface AutomatedExportPageProps {
  org: string;
  /** A link back to the log, given by the app. */
  backLink?: ReactNode;
}

type Outcome = { tone: 'info' | 'error'; text: string };

const utc = (seconds: number) => `${formatDateTime(seconds, 'UTC')} UTC`;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function resultOutcome(what: string, result: AuditLogExportResult): Outcome {
  return result.message
    ? { tone: 'error', text: `${what} failed: ${result.message}` }
    : { tone: 'info', text: `${what} worked (${utc(result.timestamp)}).` };
}

/** `2026-01-01T05:00` (a datetime-local value read as UTC) → unix seconds, or undefined. */
function parseUtcHour(value: string): number | undefined {
  const ms = Date.parse(`${value}:00Z`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * Automated export: where the organization's log lands every hour (Pulumi's export-config API),
 * its Test, Save, Pause, Delete and Backfill, and the last delivery with its message. The secret
 * access key is write-only: never shown, kept by the server when left empty.
 */
export function AutomatedExportPage({ org, backLink }: AutomatedExportPageProps) {
  const settings = useQuery({
    queryKey: ['automated-export', org],
    queryFn: ({ signal }) => getExportSettings(org, signal),
  });
  const [outcome, setOutcome] = useState<Outcome>();
  if (settings.isPending) return <p className="export-settings">Loading the configuration…</p>;
  if (settings.isError) {
    return (
      <div className="export-settings">
        {backLink}
        <Notice tone="error" title="The configuration could not be read">
          {errorText(settings.error)}
        </Notice>
      </div>
    );
  }
  return (
    <ExportSettings
      // A saved change starts the form again from what the server now holds (secret empty).
      key={JSON.stringify(settings.data)}
      org={org}
      stored={settings.data}
      backLink={backLink}
      outcome={outcome}
      setOutcome={setOutcome}
    />
  );
}

function ExportSettings({
  org,
  stored,
  backLink,
  outcome,
  setOutcome,
}: AutomatedExportPageProps & {
  stored: OrganizationAuditLogExportSettings | null;
  outcome: Outcome | undefined;
  setOutcome: (outcome: Outcome | undefined) => void;
}) {
  const client = useQueryClient();
  const id = useId();
  const [form, setForm] = useState<ExportForm>(() => formOf(stored));
  const [hour, setHour] = useState('');
  const set = (patch: Partial<ExportForm>) => setForm((previous) => ({ ...previous, ...patch }));
  // Names, keys and addresses: neither spell-checked nor offered from the browser's history.
  const bind = (name: Exclude<keyof ExportForm, 'kind'>) => ({
    id: `${id}-${name}`,
    value: form[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set({ [name]: event.target.value }),
    spellCheck: false,
    autoComplete: 'off',
  });

  const act = useMutation({
    mutationFn: async (action: () => Promise<Outcome>) => action(),
    onSuccess: (result) => setOutcome(result),
    onError: (error) => setOutcome({ tone: 'error', text: errorText(error) }),
    onSettled: () => client.invalidateQueries({ queryKey: ['automated-export', org] }),
  });
  const run = (action: () => Promise<Outcome>) => {
    setOutcome(undefined);
    act.mutate(action);
  };
  const save = (enabled: boolean, text: string) =>
    run(async () => {
      await saveExportSettings(org, updateOf(form, enabled));
      return { tone: 'info', text };
    });

  const compatible = form.kind === 's3-compatible';
  const hasSecret = stored?.s3CompatibleConfig !== undefined;
  const last = stored?.lastResult;
  const backfillHour = parseUtcHour(hour);

  return (
    <div className="export-settings">
      {backLink}
      <h1>Automated export</h1>
      <p className="export-settings__lede">
        Every closed hour of the audit log lands in your bucket as one object,{' '}
        <code>
          {'{prefix}'}/{org}/YYYY/MM/DD/HH.jsonl.gz
        </code>{' '}
        (UTC, gzip JSON Lines, newest last).
      </p>
      <section className="export-settings__status" aria-label="Status">
        <p>
          <strong>
            {stored === null ? 'Not configured' : stored?.enabled ? 'Exporting' : 'Paused'}
          </strong>
          {stored?.lastDeliveredHour !== undefined
            ? ` · last hour delivered: ${utc(stored.lastDeliveredHour)}`
            : ''}
        </p>
        {last && last.timestamp > 0 ? (
          <p>
            Last result ({utc(last.timestamp)}): {last.message || 'delivered'}
          </p>
        ) : stored ? (
          <p>No delivery yet: the first comes after the current hour closes.</p>
        ) : null}
      </section>
      <form
        className="export-settings__form"
        onSubmit={(event) => {
          event.preventDefault();
          save(true, 'Saved. The export is on.');
        }}
      >
        <fieldset className="export-settings__kind">
          <legend>Destination</legend>
          <label>
            <input
              type="radio"
              name="kind"
              checked={compatible}
              onChange={() => set({ kind: 's3-compatible' })}
            />{' '}
            S3-compatible (MinIO, R2, …)
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              checked={!compatible}
              onChange={() => set({ kind: 's3' })}
            />{' '}
            Amazon S3 with an IAM role
          </label>
        </fieldset>
        {compatible ? (
          <>
            <InputField
              label="Endpoint"
              type="url"
              {...bind('endpoint')}
              placeholder="https://s3.example.com"
              hint="https only."
              required
            />
            <InputField label="Region" {...bind('region')} />
          </>
        ) : (
          <InputField
            label="IAM role ARN"
            {...bind('iamRoleArn')}
            placeholder="arn:aws:iam::123456789012:role/audit-export"
            required
          />
        )}
        <InputField label="Bucket" {...bind('bucket')} required />
        <InputField label="Path prefix" {...bind('prefix')} hint="Optional." />
        {compatible ? (
          <>
            <InputField label="Access key ID" {...bind('accessKeyId')} required />
            <InputField
              label="Secret access key"
              type="password"
              {...bind('secretAccessKey')}
              autoComplete="new-password"
              hint={
                hasSecret
                  ? 'A secret is stored and never shown; leave empty to keep it.'
                  : 'Stored sealed; never shown again.'
              }
            />
          </>
        ) : null}
        <div className="export-settings__actions">
          <Button variant="primary" type="submit" disabled={act.isPending}>
            Save
          </Button>
          <Button
            disabled={act.isPending}
            onClick={() =>
              run(async () =>
                resultOutcome('Test', await testExportDestination(org, destinationOf(form))),
              )
            }
          >
            Test
          </Button>
          {stored?.enabled ? (
            <Button disabled={act.isPending} onClick={() => save(false, 'Paused. Save to resume.')}>
              Pause
            </Button>
          ) : null}
          {stored ? (
            <Button
              variant="ghost"
              disabled={act.isPending}
              onClick={() =>
                run(async () => {
                  await deleteExportSettings(org);
                  return { tone: 'info', text: 'Deleted. Nothing more is exported.' };
                })
              }
            >
              Delete
            </Button>
          ) : null}
        </div>
      </form>
      {outcome ? (
        <Notice tone={outcome.tone} title={outcome.tone === 'error' ? 'Not done' : undefined}>
          {outcome.text}
        </Notice>
      ) : null}
      {stored ? (
        <form
          className="export-settings__backfill"
          onSubmit={(event) => {
            event.preventDefault();
            if (backfillHour === undefined) return;
            run(async () =>
              resultOutcome(
                `Backfilling ${utc(backfillHour)}`,
                await forceExportHour(org, backfillHour),
              ),
            );
          }}
        >
          <InputField
            id="backfill-hour"
            label="Backfill an hour (UTC)"
            type="datetime-local"
            step={3600}
            value={hour}
            onChange={(event) => setHour(event.target.value)}
          />
          <Button type="submit" disabled={act.isPending || backfillHour === undefined}>
            Backfill
          </Button>
        </form>
      ) : null}
    </div>
  );
}
