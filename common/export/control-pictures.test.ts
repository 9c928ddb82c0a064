import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../pulumi/wire-types.ts';
import { eventsToCsvChunk } from './audit-csv.ts';
import { eventToCefLine } from './cef.ts';
import { showControlPictures } from './control-pictures.ts';

const hostile: AuditLogEvent = {
  timestamp: 1778766286,
  sourceIP: '203.0.113.42\u0000',
  event: 'stack-deleted',
  description: 'cut\u0000here \u001b[2J cleared \u0007 bell \u007f del\ttab\nline',
  user: { name: 'Ada\u0000 Admin', githubLogin: 'ada', avatarUrl: 'x' },
  tokenName: '\u001b]0;title\u0007',
};

// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

describe('control characters in exports (the browser and the server write both)', () => {
  it('show as their Unicode pictures, keeping tab and line breaks', () => {
    expect(showControlPictures('a\u0000b\u001bc\u007fd\te\r\nf')).toBe(
      'a\u2400b\u241bc\u2421d\te\r\nf',
    );
  });

  it('never reach a CSV record raw, and the record still parses to the pictures', () => {
    const text = eventsToCsvChunk([hostile]);
    expect(text).not.toMatch(HIDDEN);
    const [cells] = Papa.parse<string[]>(text, { newline: '\r\n' }).data;
    expect(cells?.[1]).toBe('Ada\u2400 Admin');
    expect(cells?.[4]).toBe('cut\u2400here \u241b[2J cleared \u2407 bell \u2421 del\ttab\nline');
    expect(cells?.[5]).toBe('203.0.113.42\u2400');
    expect(cells?.[7]).toBe('\u241b]0;title\u2407');
  });

  it('never reach a CEF line raw', () => {
    const line = eventToCefLine(hostile, { org: 'acme', host: 'h' });
    expect(line).not.toMatch(HIDDEN);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toContain(
      'msg=cut\u2400here \u241b[2J cleared \u2407 bell \u2421 del\ttab\\nline',
    );
    expect(line).toContain('src=203.0.113.42\u2400');
  });
});
