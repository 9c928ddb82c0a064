/**
 * The index's answer to the view's question: the count, facets and the chart's buckets, asked
 * again as the index grows (progress) and kept on screen while the next answer is computed;
 * each answer renders as a transition, behind the person's scrolling and typing.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { CHART_BUCKETS } from '../../../lib/range-index/bucket-size.ts';
import type { ChartGroup } from '../../../lib/range-index/chart-group.ts';
import type { Facets } from '../../../lib/range-index/facets.ts';
import type { SearchAnswer } from '../../../lib/range-index/index-protocol.ts';
import { auditLogQueries } from '../api/audit-log-queries.ts';
import type { IndexQuestion } from './use-index-rows.ts';
import type { RangeIndexState } from './use-range-index.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';
import { useTransitionQuery } from '../../../lib/use-transition-query.ts';

/** Entries per facet. */
export const FACET_ENTRIES = 8;

/**
 * The seconds the chart spans: the view's range, or for "all time" (which starts at 0) from the
 * oldest event read, so the bars are not squeezed against the end of fifty years.
 */
export function chartRangeOf(
  range: TimeWindow | undefined,
  oldest: number | undefined,
): TimeWindow | undefined {
  if (!range || range.from > 0) return range;
  // Nothing read yet: no axis from 1970.
  if (oldest === undefined) return undefined;
  return { from: Math.min(oldest, range.to - 1), to: range.to };
}

/** The index's answer, and whether it held every second of the view when it was asked. */
export interface ViewAnswer extends SearchAnswer {
  /**
   * Its count is the view's exact count. Kept with the answer, not read from the index's state
   * now: the last answer stays on screen while the next is computed, and one counted during a
   * read is still a lower bound after the read has ended.
   */
  exact: boolean;
}

export interface SearchAnswerState {
  answer: ViewAnswer | undefined;
  /** The seconds the answer's histogram spans. */
  chartRange: TimeWindow | undefined;
}

export function useSearchAnswer(
  org: string,
  index: RangeIndexState,
  question: IndexQuestion,
  group: ChartGroup | undefined,
): SearchAnswerState {
  const { session, status } = index;
  const range = question.window;
  const chartRange = chartRangeOf(range, status.progress.oldest);
  const { data } = useTransitionQuery({
    queryKey: [
      ...auditLogQueries.org(org),
      'range-index',
      'answer',
      question,
      chartRange,
      group,
      status.revision,
      index.coverage.kind,
    ] as const,
    queryFn: async (): Promise<ViewAnswer> => {
      const exact = index.coverage.kind === 'complete';
      const answer = await session!.search({
        ...question,
        limit: 0,
        facetLimit: FACET_ENTRIES,
        histogram: chartRange && { ...chartRange, maxBuckets: CHART_BUCKETS, group },
      });
      return { ...answer, exact };
    },
    enabled: session !== undefined && range !== undefined && status.state !== 'idle',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  // An index that holds none of the view's seconds has nothing to say about it.
  if (index.coverage.kind === 'none') return { answer: undefined, chartRange: undefined };
  return { answer: data, chartRange: data?.histogram ? chartRange : undefined };
}

/** Facet entries asked for at most: every value a facet can show (logins, types, addresses). */
const ALL_FACET_ENTRIES = 100_000;

/**
 * Every value of each facet for the view's question, once `wanted` (a facet shown in full or
 * least common first): one more answer from the index, computed only on demand.
 */
export function useAllFacets(
  org: string,
  index: RangeIndexState,
  question: IndexQuestion,
  wanted: boolean,
): Facets | undefined {
  const { session, status } = index;
  const { data } = useTransitionQuery({
    queryKey: [
      ...auditLogQueries.org(org),
      'range-index',
      'all-facets',
      question,
      status.revision,
    ] as const,
    queryFn: () => session!.search({ ...question, limit: 0, facetLimit: ALL_FACET_ENTRIES }),
    enabled:
      wanted && session !== undefined && question.window !== undefined && status.state !== 'idle',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  return wanted ? data?.facets : undefined;
}
