import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JoinWait } from '../export-state.ts';
import { ExportProgressPanel } from './export-progress-panel.tsx';

const REQUEST = { query: { org: 'acme' }, options: { format: 'csv' as const, excelBom: false } };

function renderPanel(covered: number | undefined, joining?: JoinWait) {
  render(
    <ExportProgressPanel
      request={REQUEST}
      joining={joining}
      progress={{ events: 500, pages: 3, covered, inFlight: 2 }}
      startedAt={Date.now()}
      onCancel={() => undefined}
    />,
  );
  const fill = screen.getByTestId('export-progress').querySelector('.export-card__bar-fill');
  return fill as HTMLElement;
}

describe('ExportProgressPanel', () => {
  it('fills its bar to the share of the range read, as the figure says', () => {
    const fill = renderPanel(0.25);
    expect(fill.style.transform).toBe('scaleX(0.25)');
    expect(screen.getByTestId('export-covered').textContent).toMatch(/25/);
  });

  it('starts the bar empty before the reader reports a share', () => {
    expect(renderPanel(undefined).style.transform).toBe('scaleX(0)');
  });

  it('while it waits on the page’s own read, says so and how many events that read holds', () => {
    renderPanel(undefined, { eventsRead: 12_345, deciding: false });
    expect(screen.getByTestId('export-joining').textContent).toBe(
      'Waiting for this page’s read of the range, which DOWNLOAD writes from: 12,345 events read so far.',
    );
  });

  it('while the page decides whether to read the range, says what it waits for', () => {
    renderPanel(undefined, { eventsRead: 0, deciding: true });
    expect(screen.getByTestId('export-joining').textContent).toBe(
      'Waiting while this page finds out what reading the range costs: if it reads it, DOWNLOAD writes from that read.',
    );
  });

  it('says nothing of a read when it reads the API itself', () => {
    renderPanel(0.5);
    expect(screen.queryByTestId('export-joining')).toBeNull();
  });
});
