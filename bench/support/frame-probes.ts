/**
 * Long animation frames (`PerformanceObserver({type: 'long-animation-frame'})`) recorded in the
 * page from before anything runs, and the JS heap after a full garbage collection.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** One long animation frame: its duration and the time scripts ran in it, in ms. */
export interface LongFrame {
  duration: number;
  scriptMs: number;
  /** From the frame's style and layout start to its end: rendering the DOM scripts changed. */
  renderMs: number;
  /** What started the frame's longest script (`DedicatedWorker.onmessage`, a timer, an event…). */
  invoker: string;
}

declare global {
  interface Window {
    __longFrames?: LongFrame[];
  }
}

interface ScriptTiming {
  duration: number;
  invoker?: string;
}

/** Records every long animation frame into `window.__longFrames`. */
export async function installLongFrameObserver(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & {
          scripts?: ScriptTiming[];
          styleAndLayoutStart?: number;
        };
        const scripts = frame.scripts ?? [];
        const scriptMs = scripts.reduce((sum, script) => sum + script.duration, 0);
        const layoutStart = frame.styleAndLayoutStart || entry.startTime + entry.duration;
        const renderMs = entry.startTime + entry.duration - layoutStart;
        const longest = [...scripts].sort((a, b) => b.duration - a.duration)[0];
        const invoker = longest?.invoker ?? '(none)';
        window.__longFrames?.push({ duration: entry.duration, scriptMs, renderMs, invoker });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** The long frames recorded so far, and clears the record. */
export async function takeLongFrames(page: Page): Promise<LongFrame[]> {
  return page.evaluate(() => {
    const frames = window.__longFrames ?? [];
    window.__longFrames = [];
    return frames;
  });
}

/** Used JS heap of the page in bytes, after a full garbage collection. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
