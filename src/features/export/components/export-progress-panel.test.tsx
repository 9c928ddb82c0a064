import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JoinWait } from '../export-state.ts';
import type { ExportRequest } from '../export-types.ts';
import { ExportProgressPanel } from './export-progress-panel.tsx';

const OPTIONS = { format: 'csv' as const, excelBom: false };
const REQUEST = { query: { org: 'acme', startTime: 1_775_000_000 }, options: OPTIONS };
const FROM_THE_BEGINNING = { query: { org: 'acme' }, options: OPTIONS };

function renderPanel(
  covered: number | undefined,
  joining?: JoinWait,
  readBackTo?: number,
  request: ExportRequest = REQUEST,
) {
  render(
    <ExportProgressPanel
      request={{ ...request, timeZone: 'UTC' }}
      joining={joining}
      progress={{ events: 500, pages: 3, covered, inFlight: 2, readBackTo }}
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

  it('of a read from the beginning of time, says how far back it has read and shows no share', () => {
    const fill = renderPanel(undefined, undefined, 1_776_384_000, FROM_THE_BEGINNING);
    expect(screen.getByText('Read back to')).toBeTruthy();
    expect(screen.getByTestId('export-covered').textContent).toBe('Apr 17, 2026');
    expect(fill).toBeNull();
  });

  it('of a read from the beginning of time, shows no share before its first events either', () => {
    const fill = renderPanel(undefined, undefined, undefined, FROM_THE_BEGINNING);
    expect(screen.getByTestId('export-covered').textContent).toBe('—not yet');
    expect(fill).toBeNull();
  });

  it('of a view from the beginning of time written from the page’s read, shows its share', () => {
    const fill = renderPanel(0.4, undefined, undefined, FROM_THE_BEGINNING);
    expect(screen.getByTestId('export-covered').textContent).toBe('40%');
    expect(fill!.style.transform).toBe('scaleX(0.4)');
  });

  it('starts the bar empty before the reader reports a share', () => {
    expect(renderPanel(undefined).style.transform).toBe('scaleX(0)');
  });

  it('while it waits on the page’s own read, says so and how many events that read holds', () => {
    const fill = renderPanel(undefined, { eventsRead: 12_345, deciding: false });
    expect(screen.getByTestId('export-joining').textContent).toBe(
      'Waiting for this page’s read of the range, which DOWNLOAD writes from.',
    );
    // Its figures are that read's, not the export's own zeros beside the page's count.
    expect(screen.getByTestId('export-events').textContent).toBe('12,345');
    expect(screen.queryByTestId('export-covered')).toBeNull();
    expect(screen.queryByTestId('export-in-flight')).toBeNull();
    expect(screen.queryByText('Rate')).toBeNull();
    expect(fill).toBeNull();
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
