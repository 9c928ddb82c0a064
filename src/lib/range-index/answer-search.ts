import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { facets } from './facets.ts';
import { histogram } from './histogram.ts';
import type { SearchAnswer, SearchRequest } from './index-protocol.ts';
import type { LoadProgress } from './load-range.ts';
import { matchRows } from './match-rows.ts';
import type { RangeIndex } from './range-index.ts';

/**
 * Everything the investigate view shows for one query, from the index as it is now:
 * `answerSearch(index, {id: 1, q: 'failed:true'}, progress, false).count`.
 */
export function answerSearch(
  index: RangeIndex,
  request: SearchRequest,
  progress: LoadProgress,
  loading: boolean,
): SearchAnswer {
  const { query, errors } = parseSearchQuery(request.q);
  const rows = matchRows(index, query, request.window);
  const offset = request.offset ?? 0;
  const end = Math.min(rows.length, offset + (request.limit ?? 100));
  const events = [];
  for (let i = offset; i < end; i++) events.push(index.event(rows[i] as number));
  const answer: SearchAnswer = {
    id: request.id,
    count: rows.length,
    events,
    facets: facets(index, rows, request.facetLimit),
    errors,
    progress,
    loading,
  };
  if (request.histogram) answer.histogram = histogram(index, rows, request.histogram);
  return answer;
}
