/**
 * The range-index worker: loads a view's range with the resumable pager into a RangeIndex,
 * reports progress, stops on request, and answers searches by message. Queries are answered
 * while loading too, from what is indexed so far.
 */
import { createPageFetcher } from '../pager/fetch-audit-log-page.ts';
import { answerSearch } from './answer-search.ts';
import type { FromIndexWorker, ToIndexWorker } from './index-protocol.ts';
import { loadRange, pagerBatches, progressOf } from './load-range.ts';
import { RangeIndex } from './range-index.ts';

interface WorkerScope {
  postMessage(message: FromIndexWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToIndexWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
const index = new RangeIndex();
let controller: AbortController | undefined;

async function load(message: Extract<ToIndexWorker, { type: 'load' }>, signal: AbortSignal) {
  try {
    const fetchPage = createPageFetcher(message.query);
    const progress = await loadRange(index, pagerBatches({ fetchPage, signal }), {
      signal,
      direction: message.direction,
      onProgress: (p) => scope.postMessage({ type: 'progress', progress: p }),
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
    if (controller?.signal === signal) controller = undefined;
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'stop') controller?.abort();
  else if (message.type === 'search') {
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
