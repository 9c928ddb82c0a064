/**
 * What the benchmark watches in the browser: main-thread long tasks (a PerformanceObserver
 * installed before anything runs) and JS heap peaks of the page and of its workers, sampled over
 * CDP (`Performance.getMetrics` for the page, `Runtime.getHeapUsage` through an auto-attached
 * session for each dedicated worker).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

/** Records every long task's duration into `window.__longTasks`. */
export async function installLongTaskObserver(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task so far, in ms, and clears the record. */
export async function takeLongestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const longest = Math.max(0, ...(window.__longTasks ?? []));
    window.__longTasks = [];
    return longest;
  });
}

export interface HeapPeaks {
  pageBytes: number;
  workerBytes: number;
}

function workerHeapReader(cdp: CDPSession) {
  const sessions = new Set<string>();
  const pending = new Map<number, (used: number) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') sessions.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => sessions.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; result?: { usedSize?: number } };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply.result?.usedSize ?? 0);
  });
  return async (): Promise<number> => {
    const reads = [...sessions].map(
      (sessionId) =>
        new Promise<number>((resolve) => {
          const id = nextId++;
          pending.set(id, resolve);
          setTimeout(() => resolve(0), 500);
          const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
          cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => resolve(0));
        }),
    );
    return (await Promise.all(reads)).reduce((sum, used) => sum + used, 0);
  };
}

/** Samples heaps every `intervalMs` until `stop()`, which resolves with the peaks. */
export async function sampleHeaps(
  page: Page,
  intervalMs = 100,
): Promise<{ stop(): Promise<HeapPeaks> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const readWorkers = workerHeapReader(cdp);
  const peaks: HeapPeaks = { pageBytes: 0, workerBytes: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peaks.pageBytes = Math.max(peaks.pageBytes, used);
      peaks.workerBytes = Math.max(peaks.workerBytes, await readWorkers());
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return peaks;
    },
  };
}
