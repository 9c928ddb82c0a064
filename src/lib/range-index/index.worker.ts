/**
 * The range-index worker: loads a view's range with the range reader (the export's parallel
 * reader) into a RangeIndex, reports progress, stops on request, and answers searches by
 * message. Queries are answered while loading too, from what is indexed so far.
 */
import { createWindowPageFetcher, viewRange } from '../range-reader/fetch-window-page.ts';
import { readRange } from '../range-reader/range-reader.ts';
import { createInputYield } from '../range-reader/yield-to-input.ts';
import { eventBatchSpool } from '../range-reader/window-spool.ts';
import { answerMarks, answerSearch, answerSuggest } from './answer-search.ts';
import type { FromIndexWorker, ToIndexWorker } from './index-protocol.ts';
import type { StreamRequest } from './index-stream.ts';
import { BatchPreparer } from './batch-preparer.ts';
import { serveIndexStream, STREAM_BATCH_EVENTS } from './index-stream.ts';
import { loadRange, progressOf } from './load-range.ts';
import {
  forgetStoredIndex,
  loadStoredIndex,
  saveStoredIndex,
  storedIndexBytes,
} from './index-store.ts';
import { RangeIndex } from './range-index.ts';
import { fromStoredIndex, toStoredIndex } from './stored-index.ts';
import type { TimeWindow } from '../time-window.ts';

interface WorkerScope {
  postMessage(message: FromIndexWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToIndexWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
let index = new RangeIndex();
let controller: AbortController | undefined;
/** Held back while the person scrolls (the page's `yield` messages). */
const inputYield = createInputYield();
/** What a DOWNLOAD waiting on the read is sent ahead (batch-preparer.ts). */
const preparer = new BatchPreparer();

/** Signs of life reach the page at most this often (a page answered, a retry's wait). */
const READING_INTERVAL_MS = 1000;

async function load(message: Extract<ToIndexWorker, { type: 'load' }>, signal: AbortSignal) {
  const target = index;
  const read = message.direction === 'newer' ? undefined : preparer.startRead(target);
  try {
    const range = viewRange(message.query, Date.now());
    let saidAt = -Infinity;
    const alive = (quietMs: number) => {
      const at = Date.now();
      if (quietMs === 0 && at - saidAt < READING_INTERVAL_MS) return;
      saidAt = at;
      scope.postMessage({ type: 'reading', quietMs });
    };
    const batches = readRange({
      // A wait for the person counts as quiet time, so it is not taken for a stalled read.
      fetchPage: inputYield.wrap(createWindowPageFetcher(message.query), alive),
      range,
      signal,
      spool: read === undefined ? eventBatchSpool : preparer.spool(read),
      onProgress: () => alive(0),
      onRetry: ({ delayMs }) => alive(delayMs),
    });
    const progress = await loadRange(index, batches, {
      signal,
      direction: message.direction,
      // A newer read starts inside what is indexed (the settle window): it replaces those seconds.
      replaceFrom: message.direction === 'newer' ? range.from : undefined,
      onProgress: (p) => scope.postMessage({ type: 'progress', progress: p }),
      onAdded: (batch, row) => preparer.added(target, batch, row),
    });
    scope.postMessage({ type: 'loaded', progress, stopped: signal.aborted });
  } catch (error) {
    const progress = progressOf(index);
    if (signal.aborted) scope.postMessage({ type: 'loaded', progress, stopped: true });
    else {
      const text = error instanceof Error ? error.message : String(error);
      scope.postMessage({ type: 'failed', message: text, progress });
    }
  } finally {
    if (read !== undefined) preparer.endRead(read);
    if (controller?.signal === signal) controller = undefined;
  }
}

/** Starts from the kept index; a damaged or outdated record is dropped and read again. */
async function restore(org: string) {
  try {
    const stored = await loadStoredIndex(org);
    const restored = stored ? fromStoredIndex(stored) : undefined;
    if (stored && restored && index.size === 0) {
      index = restored;
      const info = { savedAt: stored.savedAt, bytes: storedIndexBytes(stored) };
      scope.postMessage({
        type: 'restored',
        covered: stored.covered,
        progress: progressOf(index),
        stored: info,
      });
      return;
    }
  } catch {
    // Nothing kept is the same as nothing readable: the range is read from the API.
  }
  scope.postMessage({ type: 'restored', progress: progressOf(index) });
}

async function save(org: string, covered: TimeWindow) {
  try {
    const record = toStoredIndex(index, org, covered, Date.now());
    await saveStoredIndex(record);
    scope.postMessage({
      type: 'saved',
      stored: { savedAt: record.savedAt, bytes: storedIndexBytes(record) },
    });
  } catch {
    // Out of quota or refused: the index still serves this visit.
    scope.postMessage({ type: 'saved' });
  }
}

/** Serves a view's events on `port`, or on the port of the export that waited on the read. */
function stream(request: StreamRequest, port: MessagePort | undefined) {
  if (port) return serveIndexStream(() => index, request, port);
  const prepared = preparer.release();
  if (!prepared) return;
  serveIndexStream(() => index, request, prepared.port, STREAM_BATCH_EVENTS, prepared.segmentAt);
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'restore') void restore(message.org);
  else if (message.type === 'save') void save(message.org, message.covered);
  else if (message.type === 'forget') void forgetStoredIndex(message.org).catch(() => undefined);
  else if (message.type === 'stop') controller?.abort();
  else if (message.type === 'yield') inputYield.yieldFor(message.ms);
  else if (message.type === 'prepare') preparer.attach(message.port);
  else if (message.type === 'unprepare') preparer.detach();
  else if (message.type === 'stream') stream(message.request, message.port);
  else if (message.type === 'marks') {
    scope.postMessage({ type: 'marks', answer: answerMarks(index, message.request) });
  } else if (message.type === 'suggest') {
    scope.postMessage({ type: 'suggestions', answer: answerSuggest(index, message.request) });
  } else if (message.type === 'search') {
    const answer = answerSearch(
      index,
      message.request,
      progressOf(index),
      controller !== undefined,
    );
    scope.postMessage({ type: 'answer', answer });
  } else {
    controller?.abort();
    controller = new AbortController();
    void load(message, controller.signal);
  }
});
