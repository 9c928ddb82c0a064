import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { IndexStatus } from '../../../lib/range-index/index-session.ts';
import { SearchSummary } from './search-summary.tsx';
import type { RangeIndexState } from './use-range-index.ts';
import type { ViewAnswer } from './use-search-answer.ts';

const progress = { events: 120, oldest: 1_790_000_000, newest: 1_790_086_400 };

function indexIn(status: Omit<IndexStatus, 'revision' | 'progress'>): RangeIndexState {
  return {
    session: undefined,
    status: { ...status, progress, revision: 1 },
    estimate: undefined,
    coverage: { kind: 'none' },
    pricing: false,
    automatic: true,
    expected: true,
    read: vi.fn(),
    stop: vi.fn(),
    reread: vi.fn(),
    forget: vi.fn(),
    suggest: undefined,
  };
}

const range = { from: 1_789_000_000, to: 1_790_100_000 };

/** The summary of a view whose seconds are `seconds` (undefined before its first page). */
const summaryOf = (
  status: Omit<IndexStatus, 'revision' | 'progress'>,
  seconds: typeof range | undefined,
) => <SearchSummary index={indexIn(status)} range={seconds} answer={undefined} timeZone="UTC" />;

describe('SearchSummary', () => {
  it('gives the size of a small kept index in KiB, not as 0 MB', () => {
    const stored = { savedAt: 0, bytes: 30_700 };
    const kept: RangeIndexState = {
      ...indexIn({ state: 'loaded', covered: range, stored }),
      coverage: { kind: 'complete' },
    };
    render(<SearchSummary index={kept} range={range} answer={undefined} timeZone="UTC" />);
    expect(screen.getByText(/kept in this browser/)).toHaveTextContent(
      'kept in this browser (30.0 KiB)',
    );
  });

  it('offers to read a stopped range again once the view has fixed its seconds', () => {
    render(summaryOf({ state: 'stopped' }, range));
    expect(screen.getByRole('button', { name: 'Read the whole range' })).toBeVisible();
  });

  it('says nothing of a stopped or failed read while the view has no seconds yet', () => {
    const { rerender } = render(summaryOf({ state: 'stopped' }, undefined));
    expect(screen.queryByRole('button')).toBeNull();
    rerender(summaryOf({ state: 'failed', message: 'HTTP 500' }, undefined));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a read under way before the view has fixed its seconds, with Stop', () => {
    render(summaryOf({ state: 'loading' }, undefined));
    expect(screen.getByText(/Reading the range: 120 events indexed/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeVisible();
  });

  it('calls a count exact only when the index held the whole view as it was counted', () => {
    const whole: RangeIndexState = {
      ...indexIn({ state: 'loaded', covered: range }),
      coverage: { kind: 'complete' },
    };
    const answer = {
      count: 29_918,
      events: [],
      facets: {},
      facetDistinct: {},
      errors: [],
      progress,
      loading: true,
    } as unknown as ViewAnswer;
    // The read has just ended; the answer on screen is still the one counted while it ran.
    const { rerender } = render(
      <SearchSummary
        index={whole}
        range={range}
        answer={{ ...answer, exact: false }}
        timeZone="UTC"
      />,
    );
    expect(screen.getByTestId('match-count')).toHaveTextContent('At least 29,918 events');
    rerender(
      <SearchSummary
        index={whole}
        range={range}
        answer={{ ...answer, count: 100_000, loading: false, exact: true }}
        timeZone="UTC"
      />,
    );
    expect(screen.getByTestId('match-count')).toHaveTextContent(/^100,000 events$/);
  });
});
