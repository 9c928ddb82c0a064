import { describe, expect, it } from 'vitest';
import { curlCommand, exportUrl } from './api-request.ts';

describe('the view as an API request', () => {
  it('is the V2 export of the view’s filters and bounds on the console’s origin', () => {
    const url = exportUrl('https://console.example', {
      org: 'acme',
      user: 'kim',
      event: 'stack-deleted',
      startTime: 100,
      endTime: 200,
    });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(
      'https://console.example/api/orgs/acme/auditlogs/v2/export',
    );
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      userFilter: 'kim',
      eventFilter: 'stack-deleted',
      startTime: '100',
      endTime: '200',
      format: 'csv',
    });
  });

  it('is a curl command with the token as a variable, quoted against the shell', () => {
    const command = curlCommand("https://c.example/api/orgs/o'rg/auditlogs/v2/export?x=1&y=2");
    expect(command).toContain('"Authorization: token $PULUMI_ACCESS_TOKEN"');
    expect(command).toContain(`'https://c.example/api/orgs/o'\\''rg/auditlogs/v2/export?x=1&y=2'`);
    expect(command).toContain('--compressed');
    expect(command).not.toMatch(/pul-[0-9a-f]{40}/);
  });
});
