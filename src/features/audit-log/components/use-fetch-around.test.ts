import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { loadedRowsOf } from '../api/loaded-rows.ts';
import { useFetchAround } from './use-fetch-around.ts';

const PAGE = 1000;
/** Pages `from` to `to` (inclusive) of 1,000 rows in memory. */
const window = (from: number, to: number) =>
  loadedRowsOf(
    Array.from({ length: to - from + 1 }, (_, i) => ({
      rowOffset: (from + i) * PAGE,
      events: new Array<AuditLogEvent>(PAGE),
    })),
  );

type Flags = 'isFetching' | 'hasNextPage' | 'hasPreviousPage' | 'isFetchNextPageError';

function query(overrides: Partial<Record<Flags, boolean>> = {}) {
  return {
    isFetching: false,
    hasNextPage: true,
    hasPreviousPage: true,
    isFetchNextPageError: false,
    isFetchPreviousPageError: false,
    fetchNextPage: vi.fn(),
    fetchPreviousPage: vi.fn(),
    ...overrides,
  };
}

function rangeChange(q: ReturnType<typeof query>, from: number, to: number, sparing = false) {
  const { result } = renderHook(() => useFetchAround(q, to - from + 1, window(from, to), sparing));
  return result.current;
}

describe('useFetchAround', () => {
  it('asks for the next page while fewer than three pages remain below the view', () => {
    const q = query({ hasPreviousPage: false });
    rangeChange(q, 0, 4)(1000, 2030);
    expect(q.fetchNextPage).toHaveBeenCalledOnce();
  });

  it('asks for no page ahead of a view at the top while the rows come another way (the index reads them)', () => {
    const q = query({ hasPreviousPage: false });
    rangeChange(q, 0, 0, true)(0, 998);
    expect(q.fetchNextPage).not.toHaveBeenCalled();
    // Rows it renders and lacks, or a scroll, fetch as ever.
    rangeChange(q, 0, 0, true)(0, 999);
    rangeChange(q, 0, 0, true)(1, 31);
    // Scrolled with the focused row 0 still rendered above the view.
    rangeChange(q, 0, 0, true)(0, 60, 30);
    expect(q.fetchNextPage).toHaveBeenCalledTimes(3);
    const eager = query({ hasPreviousPage: false });
    rangeChange(eager, 0, 0)(0, 30);
    expect(eager.fetchNextPage).toHaveBeenCalledOnce();
  });

  it('asks for nothing in the middle of the window', () => {
    const q = query();
    rangeChange(q, 0, 9)(5000, 5030);
    expect(q.fetchNextPage).not.toHaveBeenCalled();
    expect(q.fetchPreviousPage).not.toHaveBeenCalled();
  });

  it('asks for a dropped page again when the view nears the top of the window', () => {
    const q = query();
    rangeChange(q, 10, 29)(11_500, 11_530);
    expect(q.fetchPreviousPage).toHaveBeenCalledOnce();
    expect(q.fetchNextPage).not.toHaveBeenCalled();
  });

  it('sends one request at a time, and none after a failed page until Retry', () => {
    const fetching = query({ isFetching: true });
    rangeChange(fetching, 0, 0)(0, 30);
    const failed = query({ isFetchNextPageError: true, hasPreviousPage: false });
    rangeChange(failed, 0, 0)(0, 30);
    expect([fetching, failed].map((q) => q.fetchNextPage.mock.calls.length)).toEqual([0, 0]);
  });
});
