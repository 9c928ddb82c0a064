/**
 * The Alerts page: the organization's rules, the three ready-made ones, a form that starts from
 * the log's current search, and what was delivered. A console extension: Pulumi Cloud has no
 * such API, so against Pulumi Cloud (upstream mode) this console's server reads the log for the
 * rules, with a token the page asks for.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/button.tsx';
import { Notice } from '../../../components/notice.tsx';
import { alertsQueries, type ReadyMadeRule } from '../api/alerts-api.ts';
import { describeCondition } from '../describe-rule.ts';
import '../alerts.css';
import { DeliveryHistory } from './delivery-history.tsx';
import { RuleForm } from './rule-form.tsx';
import { RulesTable } from './rules-table.tsx';
import { UpstreamReaderSettings } from './upstream-reader.tsx';

interface AlertsPageProps {
  org: string;
  /** The log's search the admin came from (`q=`), to start the form with. */
  initialQuery: string;
  /** A link back to the log page. */
  backLink: ReactNode;
}

function ReadyMade({
  rules,
  onUse,
}: {
  rules: ReadyMadeRule[];
  onUse: (r: ReadyMadeRule) => void;
}) {
  return (
    <ul className="alerts__ready">
      {rules.map((rule) => (
        <li key={rule.key} className="alerts__card">
          <strong>{rule.name}</strong>
          <span>{rule.summary}</span>
          <code className="alerts__query">{rule.query}</code>
          <span className="alerts__muted">{describeCondition(rule)}</span>
          <Button size="sm" onClick={() => onUse(rule)} aria-label={`Start from ${rule.name}`}>
            Start from this
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function AlertsPage({ org, initialQuery, backLink }: AlertsPageProps) {
  const overview = useQuery(alertsQueries.overview(org));
  const [template, setTemplate] = useState<ReadyMadeRule>();
  return (
    <div className="alerts">
      <div className="alerts__header">
        <h1 className="log-toolbar__title">Alerts</h1>
        {backLink}
      </div>
      <p className="alerts__muted">
        Rules watch new audit events and call a webhook. This is the console’s own feature, not part
        of Pulumi Cloud’s API.
      </p>
      {overview.isError ? (
        <Notice tone="error" title="The rules could not be loaded">
          {overview.error.message}
        </Notice>
      ) : overview.isPending ? (
        <p className="alerts__muted">Loading the rules…</p>
      ) : (
        <>
          {overview.data.reader ? (
            <section className="alerts__section">
              <UpstreamReaderSettings org={org} reader={overview.data.reader} />
            </section>
          ) : null}
          <section aria-labelledby="alerts-rules" className="alerts__section">
            <h2 id="alerts-rules" className="alerts__heading">
              Rules
            </h2>
            <RulesTable org={org} rules={overview.data.rules} />
          </section>
          <section aria-labelledby="alerts-ready" className="alerts__section">
            <h2 id="alerts-ready" className="alerts__heading">
              Ready-made rules
            </h2>
            <ReadyMade rules={overview.data.readyMade} onUse={setTemplate} />
          </section>
          <section className="alerts__section">
            <RuleForm org={org} initialQuery={initialQuery} template={template} />
          </section>
          <section aria-labelledby="alerts-history" className="alerts__section">
            <h2 id="alerts-history" className="alerts__heading">
              Deliveries
            </h2>
            <DeliveryHistory org={org} />
          </section>
        </>
      )}
    </div>
  );
}
