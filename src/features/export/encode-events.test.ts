import { describe, expect, it } from 'vitest';
import { testEvent } from '../../testing/test-pages.ts';
import { eventToCefLine } from '../../../common/export/cef.ts';
import { createEncoder, eventsToJsonLines } from './encode-events.ts';

const CEF = { org: 'acme', host: 'console.example.com' };

describe('JSON Lines export', () => {
  it('writes one API event object per line, as the API sent it', () => {
    const minimal = testEvent(1);
    const full = testEvent(2, {
      tokenName: 'ci',
      reqOrgAdmin: true,
      description: 'line\nbreak "q" é',
    });
    const text = eventsToJsonLines([minimal, full]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.slice(0, 2).map((line) => JSON.parse(line))).toEqual([minimal, full]);
    expect(lines[0]).toBe(JSON.stringify(minimal));
    expect(lines[0]).not.toContain('reqOrgAdmin');
  });

  it('has no header and no BOM', () => {
    const encoder = createEncoder({ format: 'jsonl', excelBom: true }, CEF);
    expect(encoder.preamble).toBe('');
    expect(encoder.encode([])).toBe('');
  });
});

describe('CEF export', () => {
  it('writes the server’s CEF line for each event, one per line, with no header', () => {
    const events = [testEvent(1_793_491_200, { description: 'a=b|c\\d', authFailure: true })];
    const encoder = createEncoder({ format: 'cef', excelBom: true }, CEF);
    expect(encoder.preamble).toBe('');
    const text = encoder.encode(events);
    expect(text).toBe(`${eventToCefLine(events[0]!, CEF)}\n`);
    expect(text).toMatch(/ console\.example\.com CEF:0\|Pulumi\|Pulumi Cloud\|1\.0\|/);
    expect(text).toContain('msg=a\\=b|c\\\\d');
  });
});
