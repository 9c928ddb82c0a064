/** The organization's rules: what each watches for, where it sends, on or off, delete. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { alertsQueries, deleteRule, updateRule, type AlertRule } from '../api/alerts-api.ts';
import { describeCondition } from '../describe-rule.ts';

function RuleRow({ org, rule }: { org: string; rule: AlertRule }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertsQueries.all(org) });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => updateRule(org, rule.id, { enabled }),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteRule(org, rule.id), onSettled: refresh });
  // What the admin asked for, held in React state from the click itself: the mutation's own
  // pending state reaches React a tick later, and a controlled checkbox springs back meanwhile.
  const [asked, setAsked] = useState<boolean | null>(null);
  const failure = toggle.error ?? remove.error;
  // Shown at once as asked; the list's next answer confirms it (or the error says why not).
  const enabled = asked ?? rule.enabled;
  return (
    <tr>
      <th scope="row">{rule.name}</th>
      <td>
        <code className="alerts__query">{rule.query || '(every event)'}</code>
      </td>
      <td>{describeCondition(rule)}</td>
      <td>
        {rule.webhookOrigin}
        <span className="alerts__muted">
          {' '}
          · {rule.webhookFormat === 'slack' ? 'Slack' : 'JSON'}
          {rule.hasSecret ? ', signed' : ''}
        </span>
      </td>
      <td>
        <label className="alerts__toggle">
          <input
            type="checkbox"
            checked={enabled}
            disabled={asked !== null}
            onChange={(e) => {
              setAsked(e.target.checked);
              toggle.mutate(e.target.checked, { onSettled: () => setAsked(null) });
            }}
          />
          {enabled ? 'On' : 'Off'}
          <span className="sr-only"> for {rule.name}</span>
        </label>
        {failure ? (
          <span className="field-error" role="alert">
            {failure.message}
          </span>
        ) : null}
      </td>
      <td>
        <Button
          size="sm"
          variant="ghost"
          disabled={remove.isPending}
          aria-label={`Delete rule ${rule.name}`}
          onClick={() => {
            if (window.confirm(`Delete the rule “${rule.name}”? Its history stays.`)) {
              remove.mutate();
            }
          }}
        >
          Delete
        </Button>
      </td>
    </tr>
  );
}

export function RulesTable({ org, rules }: { org: string; rules: AlertRule[] }) {
  if (rules.length === 0) {
    return <p className="alerts__muted">No rules yet: start from a ready-made one or the form.</p>;
  }
  return (
    <div className="alerts__scroll">
      <table className="alerts__table">
        <caption className="sr-only">Alert rules</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Search</th>
            <th scope="col">Fires on</th>
            <th scope="col">Sends to</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <RuleRow key={rule.id} org={org} rule={rule} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
