/**
 * The scroll benchmark's baseline: a bare @tanstack/react-virtual list with the log table's row
 * markup and styles, every row in memory (`?rows=20000`, read from the API before the first
 * render), no table model, no paging and no keyboard handling. Whatever the console spends
 * beyond this page is the price of its table.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LARGEST_PAGE_SIZE } from '../../common/pulumi/api-limits.ts';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { BareList } from './bare-list.tsx';
import '../../src/styles/theme.css';
import '../../src/styles/base.css';
import '../../src/styles/badges.css';
import '../../src/styles/layout.css';
import '../../src/styles/log-table.css';

async function loadEvents(org: string, count: number): Promise<AuditLogEvent[]> {
  const events: AuditLogEvent[] = [];
  let token: string | undefined;
  do {
    const query = new URLSearchParams({
      pageSize: String(Math.min(LARGEST_PAGE_SIZE, count - events.length)),
    });
    if (token) query.set('continuationToken', token);
    const response = await fetch(`/api/orgs/${org}/auditlogs/v2?${query}`, {
      headers: { Accept: 'application/vnd.pulumi+8' },
    });
    if (!response.ok) throw new Error(`the list answered ${response.status}`);
    const page = (await response.json()) as {
      auditLogEvents: AuditLogEvent[];
      continuationToken?: string;
    };
    events.push(...page.auditLogEvents);
    token = page.continuationToken || undefined;
  } while (token && events.length < count);
  return events;
}

const params = new URLSearchParams(location.search);
const events = await loadEvents(params.get('org') ?? 'acme', Number(params.get('rows') ?? 20_000));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BareList events={events} />
  </StrictMode>,
);
