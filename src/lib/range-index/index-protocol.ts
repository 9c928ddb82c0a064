/** Messages between the page and the range-index worker. */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { AuditLogQuery } from '../audit-log-query.ts';
import type { SearchQueryError } from '../search-query/search-query-types.ts';
import type { FacetDistinct, FacetEntry, FacetKey, Facets } from './facets.ts';
import type { Histogram, HistogramRequest } from './histogram.ts';
import type { StreamRequest } from './index-stream.ts';
import type { LoadProgress } from './load-range.ts';
import type { TimeWindow } from '../time-window.ts';

export interface SearchRequest {
  /** Echoed in the answer, so a late answer to an old query can be told apart. */
  id: number;
  /** The `q=` string. */
  q: string;
  /** Terms every match must also meet, whatever `q` says (the view's `user=` and `event=`). */
  filter?: string;
  window?: TimeWindow;
  /** Matching events to send back, from `offset` (for the table). */
  offset?: number;
  limit?: number;
  facetLimit?: number;
  /** The chart's range; no histogram without it. */
  histogram?: HistogramRequest;
}

export interface SearchAnswer {
  id: number;
  count: number;
  events: AuditLogEvent[];
  facets: Facets;
  /** How many distinct values each facet has among all the matches. */
  facetDistinct: FacetDistinct;
  histogram?: Histogram;
  errors: SearchQueryError[];
  /** The index's progress when answered: "at least N" while loading. */
  progress: LoadProgress;
  loading: boolean;
}

/** Values of one key seen in a window, for autocomplete and the user picker. */
export interface SuggestRequest {
  id: number;
  key: FacetKey;
  /** Text the value or its label holds (case-insensitive); empty for all. */
  text: string;
  window?: TimeWindow;
  limit?: number;
}

export interface SuggestAnswer {
  id: number;
  entries: FacetEntry[];
}

/** Markers of events named by identity (`common/pulumi/event-identity.ts`). */
export interface MarksRequest {
  id: number;
  identities: string[];
}

export interface MarksAnswer {
  id: number;
  /** Per identity: `MARK_FIRST_IP | MARK_BURST` bits, 0 when not indexed. */
  marks: number[];
}

/** What the browser keeps of an organization's index. */
export interface StoredInfo {
  /** Epoch milliseconds. */
  savedAt: number;
  bytes: number;
}

export type ToIndexWorker =
  | { type: 'load'; query: AuditLogQuery; direction?: 'older' | 'newer' }
  | { type: 'stop' }
  /** The person is scrolling: the running read starts no request for `ms` (yield-to-input.ts). */
  | { type: 'yield'; ms: number }
  | { type: 'search'; request: SearchRequest }
  | { type: 'suggest'; request: SuggestRequest }
  | { type: 'marks'; request: MarksRequest }
  /** Starts from the organization's kept index, if the browser has one. */
  | { type: 'restore'; org: string }
  /** Keeps the index for later visits, as covering `covered`. */
  | { type: 'save'; org: string; covered: TimeWindow }
  /** Forgets the kept index. */
  | { type: 'forget'; org: string }
  /** A DOWNLOAD waits on the read in flight: its batches are sent ahead on `port`. */
  | { type: 'prepare'; port: MessagePort }
  /** The DOWNLOAD that waited stopped waiting: nothing more is sent ahead. */
  | { type: 'unprepare' }
  /**
   * Serves a view's events over `port` (index-stream.ts), for DOWNLOAD; without one, over the
   * port of the DOWNLOAD that waited on the read, naming what it prepared.
   */
  | { type: 'stream'; request: StreamRequest; port?: MessagePort };

export type FromIndexWorker =
  | { type: 'progress'; progress: LoadProgress }
  /**
   * The read is alive: a page was asked or answered, or a retry waits `quietMs` before its next
   * request (a rate limit's Retry-After), so silence that long is not a stall.
   */
  | { type: 'reading'; quietMs: number }
  | { type: 'loaded'; progress: LoadProgress; stopped: boolean }
  | { type: 'failed'; message: string; progress: LoadProgress }
  | { type: 'answer'; answer: SearchAnswer }
  | { type: 'suggestions'; answer: SuggestAnswer }
  | { type: 'marks'; answer: MarksAnswer }
  | { type: 'restored'; covered?: TimeWindow; progress: LoadProgress; stored?: StoredInfo }
  | { type: 'saved'; stored?: StoredInfo };
