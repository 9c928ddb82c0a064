import { describe, expect, it } from 'vitest';
import { auditLogsV2Path, toV2Params } from './audit-log-query.ts';

describe('audit-log query', () => {
  it('escapes the organization in the path', () => {
    expect(auditLogsV2Path('acme')).toBe('/api/orgs/acme/auditlogs/v2');
    expect(auditLogsV2Path('a/b')).toBe('/api/orgs/a%2Fb/auditlogs/v2');
  });

  it('maps a view to the V2 filter parameters', () => {
    expect(
      toV2Params(
        { org: 'acme', user: 'kim', event: 'stack-deleted', startTime: 10, endTime: 20 },
        'tok',
        500,
      ),
    ).toEqual({
      userFilter: 'kim',
      eventFilter: 'stack-deleted',
      startTime: 10,
      endTime: 20,
      continuationToken: 'tok',
      pageSize: 500,
    });
  });
});
