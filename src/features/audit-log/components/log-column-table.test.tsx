/**
 * The column table's widths against a URL that follows them late. The router gives the page a
 * new URL in a transition, which React may render and then set aside (here: held by a part of
 * the page still loading) while a key press renders at once with the URL before it. A width
 * edited meanwhile must stay; a URL that is none of ours (Back, a link) must still replace it.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { startTransition, Suspense, use, useLayoutEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_COLUMN_WIDTH } from '../view/column-widths.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { LogTableHead } from './log-table-head.tsx';
import { LogColumnsProvider, useLogColumns, WIDTHS_SETTLE_MS } from './log-column-table.tsx';
import { shownColumns } from './log-column-model.ts';
import { columnById } from './log-columns.tsx';

type Patch = Pick<AuditLogView, 'cols' | 'w'>;
type Gate = ReturnType<typeof gate>;
interface Url {
  view: AuditLogView;
  /** What keeps this URL from showing, if anything. */
  slow?: Gate;
}

/** A part of the page that keeps a new URL from showing until `release` is called. */
function gate() {
  let release = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    Wait: () => {
      use(promise);
      return null;
    },
  };
}

function Head() {
  const { table } = useLogColumns();
  return <LogTableHead tz="utc" columns={shownColumns(table, 'wide')} resizable />;
}

/** The page: its view is the URL, which takes each change the table sends in a transition. */
function harness() {
  const sent: Patch[] = [];
  const router: { go: (url: Url) => void } = { go: () => {} };
  function Page() {
    const [{ view, slow }, setUrl] = useState<Url>({ view: { tz: 'utc' } });
    // As the router does: a new URL is rendered in a transition.
    useLayoutEffect(() => {
      router.go = (url) => startTransition(() => setUrl(url));
    }, []);
    return (
      <LogColumnsProvider view={view} onChange={(patch) => sent.push(patch)}>
        <Head />
        <Suspense fallback={null}>{slow ? <slow.Wait /> : null}</Suspense>
      </LogColumnsProvider>
    );
  }
  render(<Page />);
  return {
    sent,
    /** The URL takes a view, late: it shows only once the gate is released. */
    echoLate: async (view: AuditLogView) => {
      const slow = gate();
      await act(async () => router.go({ view, slow }));
      return slow;
    },
    navigate: (view: AuditLogView) => act(() => router.go({ view })),
  };
}

/** The IP column's default width (jsdom lays nothing out) and one key's step. */
const IP = columnById('ip').track.min;
const STEP = 16;
const ipHandle = () => screen.getByRole('separator', { name: 'Resize Source IP column' });
const press = (key: string) => act(async () => void fireEvent.keyDown(ipHandle(), { key }));
const settle = () => act(() => void vi.advanceTimersByTime(WIDTHS_SETTLE_MS));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LogColumnsProvider widths and the URL', () => {
  it('keeps a width pressed while the URL is still taking the previous one', async () => {
    const page = harness();
    await press('ArrowRight');
    expect(ipHandle()).toHaveAttribute('aria-valuenow', `${IP + STEP}`);
    settle();
    expect(page.sent.at(-1)?.w).toEqual({ ip: IP + STEP });
    // The URL's new value is rendered but not shown yet when the next key comes.
    const slow = await page.echoLate({ tz: 'utc', ...page.sent.at(-1) });
    await press('ArrowRight');
    expect(ipHandle()).toHaveAttribute('aria-valuenow', `${IP + 2 * STEP}`);
    await act(async () => slow.release());
    expect(ipHandle()).toHaveAttribute('aria-valuenow', `${IP + 2 * STEP}`);
    settle();
    expect(page.sent.at(-1)?.w).toEqual({ ip: IP + 2 * STEP });
  });

  it('takes the widths of a URL that is none of its own (Back, a link)', async () => {
    const page = harness();
    await press('ArrowRight');
    settle();
    page.navigate({ tz: 'utc', w: { ip: 300 } });
    expect(ipHandle()).toHaveAttribute('aria-valuenow', '300');
    page.navigate({ tz: 'utc' });
    expect(ipHandle()).toHaveAttribute('aria-valuenow', `${IP}`);
    await press('ArrowRight');
    settle();
    // Stepped from the width on screen, not from a width the URL no longer holds.
    expect(page.sent.at(-1)?.w).toEqual({ ip: IP + STEP });
  });
});

describe('LogColumnsProvider and a press on a resize handle', () => {
  it('changes nothing when the pointer does not move', async () => {
    const page = harness();
    for (const [down, up, point] of [
      ['mouseDown', 'mouseUp', { clientX: 500 }],
      [
        'touchStart',
        'touchEnd',
        { touches: [{ clientX: 500 }], changedTouches: [{ clientX: 500 }] },
      ],
    ] as const) {
      await act(async () => void fireEvent[down](ipHandle(), point));
      await act(async () => void fireEvent[up](document, point));
      settle();
      expect(ipHandle()).toHaveAttribute('aria-valuenow', `${IP}`);
    }
    expect(page.sent).toEqual([]);
  });

  it('gives the width a drag ends at, a click before it or not', async () => {
    const page = harness();
    await act(async () => void fireEvent.mouseDown(ipHandle(), { clientX: 500 }));
    await act(async () => void fireEvent.mouseUp(document, { clientX: 500 }));
    await act(async () => void fireEvent.mouseDown(ipHandle(), { clientX: 500 }));
    await act(async () => void fireEvent.mouseMove(document, { clientX: 540 }));
    await act(async () => void fireEvent.mouseUp(document, { clientX: 540 }));
    settle();
    // From the width on screen, which jsdom (laying nothing out) has at zero: the narrowest.
    expect(page.sent.map((patch) => patch.w)).toEqual([{ ip: MIN_COLUMN_WIDTH + 40 }]);
  });

  it('follows every move of a drag, also moves that come before React renders again', async () => {
    const page = harness();
    // One batch: the second move and the release find the first move's width not yet rendered.
    await act(async () => {
      fireEvent.mouseDown(ipHandle(), { clientX: 500 });
      fireEvent.mouseMove(document, { clientX: 520 });
      fireEvent.mouseMove(document, { clientX: 540 });
      fireEvent.mouseUp(document, { clientX: 540 });
    });
    expect(ipHandle()).toHaveAttribute('aria-valuenow', `${MIN_COLUMN_WIDTH + 40}`);
    settle();
    expect(page.sent.map((patch) => patch.w)).toEqual([{ ip: MIN_COLUMN_WIDTH + 40 }]);
  });
});
