import { describe, expect, it } from 'vitest';
import { exportReducer, IDLE, type ExportState } from './export-state.ts';
import type { ExportFile } from './export-types.ts';

const request = { query: { org: 'acme' }, options: { format: 'csv', excelBom: false } } as const;
const file = { fileName: 'f.csv', events: 1 } as ExportFile;
const running = exportReducer(IDLE, { type: 'started', request, startedAt: 5 });

describe('exportReducer', () => {
  it('starts with no events', () => {
    expect(running).toEqual({
      status: 'running',
      request,
      startedAt: 5,
      progress: { events: 0, pages: 0 },
    });
  });

  it('follows progress, then the outcome', () => {
    const later = exportReducer(running, { type: 'progress', progress: { events: 10, pages: 1 } });
    expect(later).toMatchObject({ progress: { events: 10 } });
    expect(
      exportReducer(later, { type: 'finished', outcome: { status: 'complete', file } }),
    ).toEqual({ status: 'complete', file });
    const failed = exportReducer(later, {
      type: 'finished',
      outcome: { status: 'failed', kind: 'network', message: 'm' },
    });
    expect(failed).toEqual({
      status: 'failed',
      failure: { status: 'failed', kind: 'network', message: 'm' },
    });
  });

  it.each<[string, ExportState]>([
    ['idle', IDLE],
    ['complete', { status: 'complete', file }],
  ])('ignores late worker messages when %s', (_name, state) => {
    expect(exportReducer(state, { type: 'progress', progress: { events: 1, pages: 1 } })).toBe(
      state,
    );
    expect(exportReducer(state, { type: 'finished', outcome: { status: 'complete', file } })).toBe(
      state,
    );
  });

  it('says how far the read it joins has got, until the file’s own progress begins', () => {
    const deciding = exportReducer(running, { type: 'joining', eventsRead: 0, deciding: true });
    expect(deciding).toMatchObject({ joining: { eventsRead: 0, deciding: true } });
    const joining = exportReducer(deciding, {
      type: 'joining',
      eventsRead: 4_000,
      deciding: false,
    });
    expect(joining).toMatchObject({
      status: 'running',
      joining: { eventsRead: 4_000, deciding: false },
    });
    const writing = exportReducer(joining, { type: 'progress', progress: { events: 1, pages: 1 } });
    expect(writing).not.toHaveProperty('joining');
    expect(exportReducer(IDLE, { type: 'joining', eventsRead: 1, deciding: false })).toBe(IDLE);
  });

  it('goes back to idle on cancel and dismiss', () => {
    expect(exportReducer(running, { type: 'cancelled' })).toBe(IDLE);
    expect(exportReducer({ status: 'complete', file }, { type: 'dismissed' })).toBe(IDLE);
  });
});
