/**
 * What the rules sent: each firing, its status and the attempts with a short reason in the
 * server's words (never the receiver's body). Refreshed while open, as retries go on.
 */
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../../lib/time-format.ts';
import { alertsQueries, type Delivery } from '../api/alerts-api.ts';

const STATUS: Record<Delivery['status'], string> = {
  delivered: 'Delivered',
  pending: 'Retrying',
  failed: 'Failed',
};

function lastReason(delivery: Delivery): string {
  const last = delivery.history.at(-1);
  if (!last) return 'Not sent yet';
  const next =
    delivery.status === 'pending'
      ? `; next try ${formatDateTime(Math.ceil(delivery.nextAttemptAt / 1000))}`
      : '';
  return `${last.reason}${next}`;
}

export function DeliveryHistory({ org }: { org: string }) {
  const deliveries = useQuery(alertsQueries.deliveries(org));
  if (deliveries.isPending) return <p className="alerts__muted">Loading the history…</p>;
  if (deliveries.isError) {
    return (
      <p className="field-error" role="alert">
        The history could not be loaded: {deliveries.error.message}
      </p>
    );
  }
  if (deliveries.data.length === 0) {
    return <p className="alerts__muted">No rule has fired yet.</p>;
  }
  return (
    <div className="alerts__scroll">
      <table className="alerts__table">
        <caption className="sr-only">
          Deliveries, newest first (the latest {deliveries.data.length.toLocaleString('en-US')})
        </caption>
        <thead>
          <tr>
            <th scope="col">Fired</th>
            <th scope="col">Rule</th>
            <th scope="col">For</th>
            <th scope="col">Matches</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last result</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => (
            <tr key={d.id}>
              <td>{formatDateTime(d.firedAt)}</td>
              <th scope="row">{d.ruleName}</th>
              <td>{d.groupKey || '—'}</td>
              <td>{d.matchCount.toLocaleString('en-US')}</td>
              <td>
                <span className={`alerts__status alerts__status--${d.status}`}>
                  {STATUS[d.status]}
                </span>
              </td>
              <td>{d.attempts.toLocaleString('en-US')}</td>
              <td>{lastReason(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
