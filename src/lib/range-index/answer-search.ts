import { eventContentHash, parseEventIdentity } from '../../../common/pulumi/event-identity.ts';
import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { markersOf } from './markers.ts';
import { facetsWithDistinct, facetValues } from './facets.ts';
import { histogram } from './histogram.ts';
import type {
  MarksAnswer,
  MarksRequest,
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
  const summary = facetsWithDistinct(index, rows, request.facetLimit);
  const answer: SearchAnswer = {
    id: request.id,
    count: rows.length,
    events,
    facets: summary.facets,
    facetDistinct: summary.distinct,
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

/**
 * The markers (`MARK_FIRST_IP`, `MARK_BURST`) of events named by identity (event-identity.ts),
 * for badges on rows the API sent: 0 for an event the index does not hold.
 */
export function answerMarks(index: RangeIndex, request: MarksRequest): MarksAnswer {
  const marks = markersOf(index);
  const found = request.identities.map((text) => {
    const wanted = parseEventIdentity(text);
    if (!wanted) return 0;
    const [first, end] = index.rowsBetween(wanted.timestamp, wanted.timestamp + 1);
    let ordinal = 0;
    for (let row = first; row < end; row++) {
      if (eventContentHash(index.event(row)) !== wanted.hash) continue;
      // Markers are per row (0 = newest), not per position in the columns.
      if (ordinal++ === wanted.ordinal) return marks[row] ?? 0;
    }
    return 0;
  });
  return { id: request.id, marks: found };
}
