/**
 * The bytes of the CSV export, through the shared definition (src/lib/csv/audit-csv.ts): every
 * column, OWASP's CSV-injection vectors, RFC 4180 quoting, CRLF and the optional BOM.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import {
  CSV_COLUMNS,
  CSV_FORMULA_PATTERN,
  eventToCsvCells,
} from '../../../common/export/audit-csv.ts';
import { testEvent } from '../../testing/test-pages.ts';
import { createEncoder } from './encode-events.ts';

const CEF = { org: 'acme', host: 'console.example.com' };

const HEADER =
  'Timestamp,Name,Login,Event,Description,SourceIP,TokenID,TokenName,ActorName,ActorUrn,RequireOrgAdmin,RequireStackAdmin,AuthenticationFailure\r\n';
const csv = createEncoder({ format: 'csv', excelBom: false }, CEF);
const row = (overrides: Partial<AuditLogEvent>) =>
  csv.encode([testEvent(1_793_491_200, overrides)]);

describe('CSV export', () => {
  it('starts with the 13-column header and no BOM by default', () => {
    expect(csv.preamble).toBe(HEADER);
    expect(CSV_COLUMNS).toHaveLength(13);
  });

  it('puts a BOM before the header only when asked', () => {
    expect(createEncoder({ format: 'csv', excelBom: true }, CEF).preamble).toBe('\uFEFF' + HEADER);
    expect(createEncoder({ format: 'jsonl', excelBom: true }, CEF).preamble).toBe('');
  });

  it('maps every column of a full event', () => {
    const event = testEvent(1_793_491_200, {
      event: 'member-added',
      description: 'A member was added.',
      sourceIP: '198.51.100.7',
      user: { name: 'Dana Okonkwo', githubLogin: 'dokonkwo', avatarUrl: 'x' },
      tokenID: 'tok-1',
      tokenName: 'ci-deploy',
      actorName: 'deploy-bot',
      actorUrn: 'urn:pulumi:actor::bot',
      reqOrgAdmin: true,
      reqStackAdmin: true,
      authFailure: true,
    });
    expect(csv.encode([event])).toBe(
      '2026-11-01T00:00:00Z,Dana Okonkwo,dokonkwo,Member Added,A member was added.,198.51.100.7,tok-1,ci-deploy,deploy-bot,urn:pulumi:actor::bot,true,true,true\r\n',
    );
  });

  it('defaults omitted fields to empty cells and false', () => {
    expect(row({ event: 'stack-deleted' })).toBe(
      '2026-11-01T00:00:00Z,Kim Lee,kim,Stack Deleted,Event 1793491200,203.0.113.7,,,,,false,false,false\r\n',
    );
  });

  it('shows an unknown event id as it came', () => {
    expect(eventToCsvCells(testEvent(0, { event: 'brand-new-event' }))[3]).toBe('brand-new-event');
  });

  it.each([
    ['=1+2', `"'=1+2"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
  ])('neutralises formula cell %j', (value, expected) => {
    expect(CSV_FORMULA_PATTERN.test(value)).toBe(true);
    expect(row({ description: value })).toContain(`,Stack Created,${expected},203.0.113.7,`);
    expect(row({ user: { name: value, githubLogin: 'kim', avatarUrl: '' } })).toContain(
      `Z,${expected},kim,`,
    );
  });

  it.each([
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['line 1\nline 2', '"line 1\nline 2"'],
    [' leading space', '" leading space"'],
    ['trailing space ', '"trailing space "'],
    ['Zoë – 東京 – 🚀', 'Zoë – 東京 – 🚀'],
    ['plain', 'plain'],
    ['', ''],
  ])('quotes %j per RFC 4180', (value, expected) => {
    const line = row({ description: value });
    expect(line).toContain(`,Kim Lee,kim,Stack Created,${expected},203.0.113.7,`);
  });

  it('round-trips every tricky value through a CSV parser', () => {
    const values = ['=1', '-2', 'a,b', 'q"q', 'x\r\ny', ' s', 'Zoë 🚀', '@x', '\tx'];
    const text =
      csv.preamble + csv.encode(values.map((description, i) => testEvent(i, { description })));
    const parsed = Papa.parse<string[]>(text, { newline: '\r\n' }).data.slice(1, -1);
    const unescape = (cell: string) => (/^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell);
    expect(parsed.map((cells) => unescape(cells[4] ?? ''))).toEqual(values);
  });

  it('ends every record, and only records, with CRLF', () => {
    const text = csv.encode([testEvent(1), testEvent(2)]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(csv.encode([])).toBe('');
  });

  it('gives the same bytes in any chunking', () => {
    const events = Array.from({ length: 7 }, (_, i) =>
      testEvent(i, { description: i % 2 ? `=${i}` : `"${i}"` }),
    );
    expect(csv.encode(events.slice(0, 3)) + csv.encode(events.slice(3))).toBe(csv.encode(events));
  });
});
