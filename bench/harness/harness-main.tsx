/**
 * A bare page with the real ExportButton for the benchmark (and for trying the export before the
 * log page hosts it): the view comes from the URL (`?org=acme&user=kim&startTime=…`). It also
 * exposes the single-chain baseline the benchmark compares against, and the range read with and
 * without the index for the index benchmark.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import { ExportButton } from '../../src/features/export/components/export-button.tsx';
import { autorun } from './autorun.ts';
import { rangeRead } from './range-read.ts';
import { singleChainExport } from './single-chain-export.ts';
// The app's theme and controls, so the harness looks like the log page's toolbar.
import '../../src/styles/theme.css';
import '../../src/styles/base.css';
import '../../src/styles/controls.css';
import '../../src/styles/badges.css';

function queryFromUrl(): AuditLogQuery {
  const params = new URLSearchParams(location.search);
  const seconds = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  return {
    org: params.get('org') ?? 'acme',
    user: params.get('user') ?? undefined,
    event: params.get('event') ?? undefined,
    startTime: seconds('startTime'),
    endTime: seconds('endTime'),
  };
}

/** Something else on the page to click while an export runs. */
function ClickCounter() {
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" className="btn" onClick={() => setClicks(clicks + 1)}>
      Clicked {clicks} times
    </button>
  );
}

Object.assign(window, { singleChainExport, rangeRead });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <div style={{ display: 'flex', gap: 16, justifyContent: 'flex-end', padding: 16 }}>
      <ClickCounter />
      <ExportButton query={queryFromUrl()} />
    </div>
  </StrictMode>,
);
autorun(queryFromUrl());
