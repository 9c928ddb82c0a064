/**
 * `?autorun=download` or `?autorun=single-chain`: the harness runs one method by itself and
 * writes the outcome into the page's title, so a Chromium with no driver attached (no DevTools
 * domains enabled, which cost the page CPU on every request) can be timed from outside
 * (bench/support/bare-chromium.ts reads the title over the DevTools HTTP listing).
 */
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import { singleChainExport } from './single-chain-export.ts';

export const AUTORUN_DONE = 'autorun:';

const report = (outcome: object) => {
  // Encoded: the DevTools listing escapes a title as HTML.
  document.title = AUTORUN_DONE + encodeURIComponent(JSON.stringify(outcome));
};

/** Resolves with the Download button once React has rendered it. */
async function downloadButton(): Promise<HTMLButtonElement> {
  for (;;) {
    const button = document.querySelector<HTMLButtonElement>('button.export__download');
    if (button && !button.disabled) return button;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Clicks Download and resolves when the receipt shows the file's event count. */
async function download(): Promise<{ events: number }> {
  const button = await downloadButton();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const receipt = document.querySelector('[data-testid="receipt-events"]');
      if (!receipt?.textContent) return;
      observer.disconnect();
      resolve({ events: Number(receipt.textContent.replace(/,/g, '')) });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    button.click();
  });
}

/** Runs the method named in the URL, if any, once the page has rendered. */
export function autorun(query: AuditLogQuery) {
  const method = new URLSearchParams(location.search).get('autorun');
  if (!method) return;
  let started = 0;
  const run =
    method === 'download'
      ? downloadButton().then(() => {
          started = performance.now();
          return download();
        })
      : Promise.resolve().then(() => {
          started = performance.now();
          return singleChainExport(query);
        });
  run.then(
    (outcome) => report({ events: outcome.events, seconds: (performance.now() - started) / 1000 }),
    (error: unknown) => report({ error: String(error) }),
  );
}
