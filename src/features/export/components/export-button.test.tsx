import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportWorkerHandle, FromExportWorker, ToExportWorker } from '../export-protocol.ts';
import type { IndexedSource } from '../hooks/use-export.ts';
import type { ExportFile } from '../export-types.ts';
import { ExportButton } from './export-button.tsx';

class FakeWorker implements ExportWorkerHandle {
  posted: ToExportWorker[] = [];
  terminated = false;
  onmessage: ExportWorkerHandle['onmessage'] = null;
  onerror: ExportWorkerHandle['onerror'] = null;
  postMessage(message: ToExportWorker) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(data: FromExportWorker) {
    act(() => this.onmessage?.({ data } as MessageEvent<FromExportWorker>));
  }
}

const QUERY = { org: 'acme', user: 'kim' };
let workers: FakeWorker[];
let downloads: string[];

function file(overrides: Partial<ExportFile> = {}): ExportFile {
  return {
    blob: new Blob(['x']),
    fileName: 'audit-log_acme_beginning_now_user-kim.csv',
    request: { query: QUERY, options: { format: 'csv', excelBom: false } },
    events: 1234,
    bytes: 2048,
    sha256: 'ab'.repeat(32),
    partial: false,
    startedAt: 0,
    finishedAt: 1000,
    ...overrides,
  };
}

function renderButton() {
  render(
    <ExportButton
      query={QUERY}
      createWorker={() => workers[workers.push(new FakeWorker()) - 1]!}
    />,
  );
  return userEvent.setup();
}

/** The button with a source that may hand the export the console's own read. */
function renderJoining(openIndexedSource: IndexedSource) {
  render(
    <ExportButton
      query={QUERY}
      openIndexedSource={openIndexedSource}
      createWorker={() => workers[workers.push(new FakeWorker()) - 1]!}
    />,
  );
}

beforeEach(() => {
  workers = [];
  downloads = [];
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push(this.download);
  });
});

afterEach(() => vi.restoreAllMocks());

describe('ExportButton', () => {
  it('starts a worker export of the view and shows progress with Cancel focused', async () => {
    const user = renderButton();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(workers[0]?.posted).toEqual([
      {
        type: 'start',
        request: {
          query: QUERY,
          options: { format: 'csv', excelBom: false },
          // CEF lines name the console's host as the browser reaches it.
          host: window.location.hostname,
        },
      },
    ]);
    const panel = screen.getByRole('region', { name: 'Downloading CSV…' });
    expect(within(panel).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Download' })).toBeDisabled();
    workers[0]?.emit({ type: 'progress', progress: { events: 120_000, pages: 12 } });
    expect(screen.getByTestId('export-events')).toHaveTextContent('120,000');
    expect(within(panel).getByText('100,000 events so far.')).toBeInTheDocument();
  });

  it('saves the finished file and shows its receipt', async () => {
    const user = renderButton();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    workers[0]?.emit({ type: 'finished', outcome: { status: 'complete', file: file() } });
    expect(downloads).toEqual(['audit-log_acme_beginning_now_user-kim.csv']);
    expect(workers[0]?.terminated).toBe(true);
    const receipt = screen.getByRole('region', { name: 'Download ready' });
    expect(screen.getByRole('heading', { name: 'Download ready' })).toHaveFocus();
    expect(within(receipt).getByTestId('receipt-sha256')).toHaveTextContent('ab'.repeat(32));
    expect(within(receipt).getByText('user kim')).toBeInTheDocument();
    expect(within(receipt).getByText('2.0 KiB (2,048 bytes)')).toBeInTheDocument();
    await user.click(within(receipt).getByRole('button', { name: 'Download again' }));
    expect(downloads).toHaveLength(2);
    await user.click(within(receipt).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download' })).toHaveFocus();
  });

  it('cancels: aborts in the worker, terminates it, and produces no file', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      render(
        <ExportButton
          query={QUERY}
          createWorker={() => workers[workers.push(new FakeWorker()) - 1]!}
        />,
      );
      act(() => screen.getByRole('button', { name: 'Download' }).click());
      act(() => screen.getByRole('button', { name: 'Cancel' }).click());
      const worker = workers[0]!;
      expect(worker.posted.at(-1)).toEqual({ type: 'cancel' });
      worker.emit({ type: 'finished', outcome: { status: 'complete', file: file() } });
      act(() => void vi.advanceTimersByTime(600));
      expect(worker.terminated).toBe(true);
      expect(downloads).toEqual([]);
      expect(screen.queryByRole('region')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Download' })).toHaveFocus();
    } finally {
      vi.useRealTimers();
    }
  });

  it('Cancel ends the wait for the console’s read of the range, and starts nothing', async () => {
    let waiting: AbortSignal | undefined;
    const openIndexedSource = (signal: AbortSignal) =>
      new Promise<MessagePort | undefined>((resolve) => {
        waiting = signal;
        signal.addEventListener('abort', () => resolve(undefined));
      });
    renderJoining(openIndexedSource);
    act(() => screen.getByRole('button', { name: 'Download' }).click());
    expect(waiting?.aborted).toBe(false);
    act(() => screen.getByRole('button', { name: 'Cancel' }).click());
    expect(waiting?.aborted).toBe(true);
    await act(() => Promise.resolve());
    expect(workers[0]!.posted.some((m) => m.type === 'start')).toBe(false);
  });

  /** A read that offers its batches ahead at once and ends when `finish` is called. */
  function renderPreparing() {
    const channel = new MessageChannel();
    const read = { finish: (_source: 'prepared') => {} };
    renderJoining(
      (_signal, _onWait, onPrepare) =>
        new Promise((resolve) => {
          onPrepare?.(channel.port2);
          read.finish = resolve;
        }),
    );
    return { channel, finish: (source: 'prepared') => read.finish(source) };
  }

  it('hands the worker the read’s batches ahead while it waits, then starts it on them', async () => {
    const { channel, finish } = renderPreparing();
    act(() => screen.getByRole('button', { name: 'Download' }).click());
    const worker = workers[0]!;
    expect(worker.posted).toEqual([
      { type: 'prepare', request: expect.objectContaining({ query: QUERY }), port: channel.port2 },
    ]);
    await act(async () => finish('prepared'));
    expect(worker.posted.at(-1)).toMatchObject({ type: 'start', source: 'prepared' });
    channel.port1.close();
  });

  it('prepares JSON Lines ahead too: the index gives each event back as the API sent it', async () => {
    const { channel, finish } = renderPreparing();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'CSV: download options' }));
    await user.click(screen.getByRole('radio', { name: 'JSON Lines' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(workers[0]!.posted).toEqual([
      {
        type: 'prepare',
        request: expect.objectContaining({ options: expect.objectContaining({ format: 'jsonl' }) }),
        port: channel.port2,
      },
    ]);
    await act(async () => finish('prepared'));
    expect(workers[0]!.posted.at(-1)).toMatchObject({ type: 'start', source: 'prepared' });
    channel.port1.close();
  });

  it('explains a failure and offers the partial file', async () => {
    const user = renderButton();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    const partial = file({
      partial: true,
      fileName: 'audit-log_acme_beginning_now_user-kim_PARTIAL.csv',
      events: 10,
    });
    workers[0]?.emit({
      type: 'finished',
      outcome: { status: 'failed', kind: 'server', message: 'The server kept failing.', partial },
    });
    expect(downloads).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('The server kept failing.');
    expect(screen.getByRole('alert')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Download partial file' }));
    expect(downloads).toEqual(['audit-log_acme_beginning_now_user-kim_PARTIAL.csv']);
  });

  it('chooses the format from a keyboard-operable menu', async () => {
    const user = renderButton();
    const toggle = screen.getByRole('button', { name: 'CSV: download options' });
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('dialog', { name: 'Download options' });
    await user.tab();
    expect(within(menu).getByRole('radio', { name: 'CSV' })).toHaveFocus();
    await user.click(within(menu).getByRole('checkbox', { name: 'Excel (UTF-8 with BOM)' }));
    await user.click(within(menu).getByRole('radio', { name: 'JSON Lines' }));
    expect(within(menu).getByRole('checkbox', { name: 'Excel (UTF-8 with BOM)' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'JSON Lines: download options' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(workers[0]?.posted[0]).toMatchObject({
      request: { options: { format: 'jsonl', excelBom: true } },
    });
  });
});
