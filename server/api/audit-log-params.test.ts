import { describe, expect, it } from 'vitest';
import { LARGEST_PAGE_SIZE, PULUMI_PAGE_EVENTS } from '../../common/pulumi/api-limits.ts';
import { HttpError } from '../http/pulumi-error.ts';
import { parseAuditLogParams, type ApiVersion } from './audit-log-params.ts';

function errorOf(
  query: Record<string, string>,
  version: ApiVersion = 'v2',
  kind: 'list' | 'export' = 'list',
) {
  try {
    parseAuditLogParams(query, version, kind);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, message: error.message };
    throw error;
  }
  return undefined;
}

describe('parseAuditLogParams', () => {
  it('applies defaults and treats empty values as absent', () => {
    expect(parseAuditLogParams({ continuationToken: '', userFilter: '' }, 'v2', 'list')).toEqual({
      userFilter: undefined,
      eventFilter: undefined,
      startTime: undefined,
      endTime: undefined,
      continuationToken: undefined,
      pageSize: PULUMI_PAGE_EVENTS,
      format: 'json',
    });
    expect(parseAuditLogParams({}, 'v2', 'export').format).toBe('csv');
    expect(parseAuditLogParams({ format: 'CEF', startTime: '5' }, 'v1', 'export').format).toBe(
      'cef',
    );
  });

  it.each<[Record<string, string>, ApiVersion, 'list' | 'export', RegExp]>([
    [{ startTime: '1.5' }, 'v2', 'list', /startTime/],
    [{ endTime: 'abc' }, 'v2', 'list', /endTime/],
    [{ startTime: '99999999999999999999' }, 'v2', 'list', /startTime/],
    [{ startTime: '10', endTime: '10' }, 'v2', 'list', /startTime.*endTime/],
    [{ pageSize: '0' }, 'v2', 'list', /pageSize/],
    [{ pageSize: String(LARGEST_PAGE_SIZE + 1) }, 'v2', 'list', /pageSize/],
    [{ pageSize: '2.5' }, 'v2', 'list', /pageSize/],
    [{ eventFilter: 'no-such-event' }, 'v2', 'list', /eventFilter/],
    [{ format: 'xml' }, 'v2', 'export', /format/],
    [{ format: 'csv' }, 'v2', 'list', /format/],
    [{}, 'v1', 'list', /startTime or continuationToken/],
    [{ endTime: '5' }, 'v1', 'export', /startTime or continuationToken/],
  ])('refuses %j on %s %s with a 400 naming the parameter', (query, version, kind, message) => {
    const error = errorOf(query, version, kind);
    expect(error?.status).toBe(400);
    expect(error?.message).toMatch(message);
  });

  it('accepts negative and large safe integers and the page size limits', () => {
    expect(
      parseAuditLogParams({ startTime: '-5', endTime: '4102444800' }, 'v2', 'list'),
    ).toMatchObject({
      startTime: -5,
      endTime: 4102444800,
    });
    expect(parseAuditLogParams({ pageSize: '1' }, 'v2', 'list').pageSize).toBe(1);
    const largest = String(LARGEST_PAGE_SIZE);
    expect(parseAuditLogParams({ pageSize: largest }, 'v2', 'list').pageSize).toBe(
      LARGEST_PAGE_SIZE,
    );
  });
});
