import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { facets, facetValues } from './facets.ts';
import { histogram } from './histogram.ts';
import type {
  SearchAnswer,
  SearchRequest,
  SuggestAnswer,
  SuggestRequest,
} from './index-protocol.ts';
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
  const filter = parseSearchQuery(request.filter ?? '').query;
  const rows = matchRows(index, query, request.window, filter);
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

/** Values of one key in the request's window: `answerSuggest(index, {id: 1, key: 'user', text: 'ki'})`. */
export function answerSuggest(index: RangeIndex, request: SuggestRequest): SuggestAnswer {
  const rows = matchRows(index, { terms: [] }, request.window);
  const entries = facetValues(index, request.key, rows, request.text, request.limit ?? 10);
  return { id: request.id, entries };
}
