/** The export's screen state as a pure reducer, so every transition is tested without a worker. */
import type {
  ExportFailure,
  ExportFile,
  ExportOutcome,
  ExportProgress,
  ExportRequest,
} from './export-types.ts';

/** What a DOWNLOAD waiting to join the page's read of the range waits on. */
export interface JoinWait {
  eventsRead: number;
  /** No read is under way yet: the page is finding out what reading the range costs. */
  deciding: boolean;
}

export type ExportState =
  | { status: 'idle' }
  | {
      status: 'running';
      request: ExportRequest;
      startedAt: number;
      progress: ExportProgress;
      /**
       * Waiting on the console's own read of the range, which the file is written from, or
       * (`deciding`) on the page's decision whether to read it.
       */
      joining?: JoinWait;
    }
  | { status: 'complete'; file: ExportFile }
  | { status: 'failed'; failure: ExportFailure };

export type ExportAction =
  | { type: 'started'; request: ExportRequest; startedAt: number }
  | { type: 'progress'; progress: ExportProgress }
  | ({ type: 'joining' } & JoinWait)
  | { type: 'finished'; outcome: ExportOutcome }
  | { type: 'cancelled' }
  | { type: 'dismissed' };

export const IDLE: ExportState = { status: 'idle' };

/** `exportReducer(IDLE, {type: 'cancelled'}) === IDLE`; late worker messages after a cancel are ignored. */
export function exportReducer(state: ExportState, action: ExportAction): ExportState {
  switch (action.type) {
    case 'started':
      return {
        status: 'running',
        request: action.request,
        startedAt: action.startedAt,
        progress: { events: 0, pages: 0 },
      };
    case 'progress': {
      if (state.status !== 'running') return state;
      // The file's own progress: any wait on the read is over.
      const { joining: _over, ...writing } = state;
      return { ...writing, progress: action.progress };
    }
    case 'joining':
      return state.status === 'running'
        ? { ...state, joining: { eventsRead: action.eventsRead, deciding: action.deciding } }
        : state;
    case 'finished':
      if (state.status !== 'running') return state;
      if (action.outcome.status === 'complete')
        return { status: 'complete', file: action.outcome.file };
      return { status: 'failed', failure: action.outcome };
    case 'cancelled':
    case 'dismissed':
      return IDLE;
  }
}
