import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGEST_PAGE_SIZE } from '../../common/pulumi/api-limits.ts';
import type { AuditLogEvent, AuditLogPage } from '../../common/pulumi/wire-types.ts';
import { CSV_COLUMNS, eventToCsvCells } from '../../common/export/audit-csv.ts';
import { ADMIN_TOKEN, BASE_TIME, writeFixtures } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { CEF_LINE } from '../../common/testing/cef-pattern.ts';
import { rawGet } from '../testing/raw-get.ts';
import { EXPORT_BATCH_SIZE } from './export-stream.ts';

const COUNT = EXPORT_BATCH_SIZE * 2 + 17; // several batches, the last one partial
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ fixtures: (store) => writeFixtures(store, COUNT) });
});
afterAll(() => server.close());

/** The export as sent: gzip even though the client did not ask for it, then decoded here. */
async function exportText(pathAndQuery: string) {
  const response = await rawGet(`${server.baseURL}${pathAndQuery}`, {
    Authorization: `token ${ADMIN_TOKEN}`,
  });
  expect(response.status, pathAndQuery).toBe(200);
  expect(response.headers['content-encoding']).toBe('gzip');
  return { headers: response.headers, text: gunzipSync(response.body).toString('utf8') };
}

async function jsonEvents(pathAndQuery: string): Promise<AuditLogEvent[]> {
  const events: AuditLogEvent[] = [];
  let token: string | undefined;
  do {
    const url = `${pathAndQuery}&pageSize=${LARGEST_PAGE_SIZE}${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`;
    const page = (await (await server.get(url)).json()) as AuditLogPage;
    events.push(...page.auditLogEvents);
    token = page.continuationToken ?? undefined;
  } while (token);
  return events;
}

describe('CSV export', () => {
  it.each([
    ['V2, no filters', '/api/orgs/acme/auditlogs/v2/export?x=1', '/api/orgs/acme/auditlogs/v2?x=1'],
    [
      'V2, filters and bounds',
      `/api/orgs/acme/auditlogs/v2/export?userFilter=mel&eventFilter=stack-deleted&startTime=${BASE_TIME + 100}&endTime=${BASE_TIME + 1000}`,
      `/api/orgs/acme/auditlogs/v2?userFilter=mel&eventFilter=stack-deleted&startTime=${BASE_TIME + 100}&endTime=${BASE_TIME + 1000}`,
    ],
    [
      'V1, upper bound',
      `/api/orgs/acme/auditlogs/export?format=csv&startTime=${BASE_TIME + 500}`,
      `/api/orgs/acme/auditlogs?startTime=${BASE_TIME + 500}`,
    ],
  ])(
    '%s: gunzipped and parsed, equals the JSON events of the same query',
    async (_name, exportPath, listPath) => {
      const { headers, text } = await exportText(exportPath);
      expect(headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(headers['content-disposition']).toMatch(
        /^attachment; filename="acme-audit-logs-\d{8}T\d{6}Z\.csv"$/,
      );
      const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header).toEqual([...CSV_COLUMNS]);
      const events = await jsonEvents(listPath);
      expect(events.length).toBeGreaterThan(0);
      // Parsing undoes RFC 4180 quoting, not the formula guard, so compare with the cells themselves.
      expect(rows).toEqual(events.map(eventToCsvCells));
    },
  );

  it('sends Content-Encoding: gzip, so clients decode it transparently', async () => {
    const response = await server.get('/api/orgs/acme/auditlogs/v2/export');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const text = await response.text(); // fetch decodes gzip itself
    expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(COUNT);
  });

  it('exports just the header for an empty result', async () => {
    const { text } = await exportText(
      `/api/orgs/acme/auditlogs/v2/export?startTime=${BASE_TIME - 10}&endTime=${BASE_TIME}`,
    );
    expect(text).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('CEF export', () => {
  it('writes one well-formed line per event of the query', async () => {
    const { headers, text } = await exportText(
      '/api/orgs/acme/auditlogs/v2/export?format=cef&userFilter=sam',
    );
    expect(headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(headers['content-disposition']).toMatch(/filename="acme-audit-logs-\d{8}T\d{6}Z\.cef"/);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(
      (await jsonEvents('/api/orgs/acme/auditlogs/v2?userFilter=sam')).length,
    );
    for (const line of lines) {
      expect(line).toMatch(CEF_LINE);
      expect(line).toContain('suser=sam');
      expect(line).toContain('orgID=acme');
    }
  });
});

describe('the API notes’ curl example', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('V1 export with Accept vnd.pulumi+4 and Content-Type application/csv answers gzip CSV', async () => {
    const response = await fetch(
      `${server.baseURL}/api/orgs/acme/auditlogs/export?startTime=${now()}`,
      {
        headers: {
          Accept: 'application/vnd.pulumi+4',
          Authorization: `token ${ADMIN_TOKEN}`,
          'Content-Type': 'application/csv',
        },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS).toHaveLength(13);
  });

  it.skipIf(!existsSync('/usr/bin/curl'))('works verbatim with curl --compressed', async () => {
    const url = `${server.baseURL}/api/orgs/acme/auditlogs/export?startTime=${now()}&userFilter=mel`;
    const { stdout } = await promisify(execFile)(
      'curl',
      [
        '-sS',
        '--fail',
        '-H',
        'Accept: application/vnd.pulumi+4',
        '-H',
        `Authorization: token ${ADMIN_TOKEN}`,
        '-H',
        'Content-Type: application/csv',
        '--compressed',
        url,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(
      'Timestamp,Name,Login,Event,Description,SourceIP,TokenID,TokenName,ActorName,ActorUrn,RequireOrgAdmin,RequireStackAdmin,AuthenticationFailure',
    );
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,Mel Member,mel,/);
  });
});
