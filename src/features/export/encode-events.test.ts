import { describe, expect, it } from 'vitest';
import { testEvent } from '../../testing/test-pages.ts';
import { createEncoder, eventsToJsonLines } from './encode-events.ts';

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
    const encoder = createEncoder({ format: 'jsonl', excelBom: true });
    expect(encoder.preamble).toBe('');
    expect(encoder.encode([])).toBe('');
  });
});
