/**
 * Validation of the audit-log query parameters. Every failure is a 400 naming the parameter,
 * never a 500.
 */
import { LARGEST_PAGE_SIZE, PULUMI_PAGE_EVENTS } from '../../common/pulumi/api-limits.ts';
import { findEventType } from '../../common/pulumi/event-catalog.ts';
import { HttpError } from '../http/pulumi-error.ts';

export type ApiVersion = 'v1' | 'v2';
export type ResponseFormat = 'json' | 'csv' | 'cef';

export interface AuditLogParams {
  userFilter?: string;
  eventFilter?: string;
  startTime?: number;
  endTime?: number;
  continuationToken?: string;
  pageSize: number;
  format: ResponseFormat;
}

type Query = Record<string, string | undefined>;

/** Empty values count as absent, as Pulumi's clients send `continuationToken=` on the last page. */
function present(query: Query, name: string): string | undefined {
  const value = query[name];
  return value === undefined || value === '' ? undefined : value;
}

/** An optional integer parameter: `parseInteger({a: '12'}, 'a') === 12`; `'1.5'` throws 400. */
export function parseInteger(query: Query, name: string): number | undefined {
  const value = present(query, name);
  if (value === undefined) return undefined;
  const number = /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) {
    throw new HttpError(400, `invalid ${name}: must be an integer (Unix seconds)`);
  }
  return number;
}

function parsePageSize(query: Query): number {
  const value = present(query, 'pageSize');
  if (value === undefined) return PULUMI_PAGE_EVENTS;
  const size = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(size >= 1 && size <= LARGEST_PAGE_SIZE)) {
    throw new HttpError(400, `invalid pageSize: must be an integer from 1 to ${LARGEST_PAGE_SIZE}`);
  }
  return size;
}

function parseFormat(query: Query, kind: 'list' | 'export'): ResponseFormat {
  const value = present(query, 'format')?.toLowerCase();
  if (kind === 'list') {
    if (value === undefined || value === 'json') return 'json';
    throw new HttpError(400, `invalid format: the list endpoints answer only 'json'`);
  }
  if (value === undefined || value === 'csv' || value === 'cef') return value ?? 'csv';
  throw new HttpError(400, `invalid format: must be 'csv' or 'cef'`);
}

function parseEventFilter(query: Query): string | undefined {
  const value = present(query, 'eventFilter');
  if (value !== undefined && !findEventType(value)) {
    throw new HttpError(400, 'invalid eventFilter: not a known audit log event type');
  }
  return value;
}

/**
 * Parses and checks the query of a list or export request:
 * `parseAuditLogParams({startTime: '5'}, 'v1', 'list')` → `{startTime: 5, pageSize: 100, format: 'json'}`.
 */
export function parseAuditLogParams(
  query: Query,
  version: ApiVersion,
  kind: 'list' | 'export',
): AuditLogParams {
  const startTime = parseInteger(query, 'startTime');
  const endTime = parseInteger(query, 'endTime');
  const continuationToken = present(query, 'continuationToken');
  if (version === 'v1' && startTime === undefined && continuationToken === undefined) {
    throw new HttpError(400, 'invalid query: either startTime or continuationToken is required');
  }
  if (
    version === 'v2' &&
    startTime !== undefined &&
    endTime !== undefined &&
    startTime >= endTime
  ) {
    throw new HttpError(400, 'invalid startTime: must be less than endTime');
  }
  return {
    userFilter: present(query, 'userFilter'),
    eventFilter: parseEventFilter(query),
    startTime,
    endTime,
    continuationToken,
    pageSize: kind === 'list' ? parsePageSize(query) : LARGEST_PAGE_SIZE,
    format: parseFormat(query, kind),
  };
}
