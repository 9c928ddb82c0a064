import { describe, expect, it } from 'vitest';
import { exportBenchParts } from './bench-only.ts';

describe('exportBenchParts', () => {
  it('runs every part when unset or empty', () => {
    expect([...exportBenchParts(undefined)].sort()).toEqual(['console', 'harness']);
    expect([...exportBenchParts(' ')].sort()).toEqual(['console', 'harness']);
  });

  it('runs only the part named', () => {
    expect([...exportBenchParts('console')]).toEqual(['console']);
    expect([...exportBenchParts(' harness ')]).toEqual(['harness']);
  });

  it('refuses a part it does not know, naming the ones it does', () => {
    expect(() => exportBenchParts('consoles')).toThrow(/one of harness, console/);
    expect(() => exportBenchParts('console,harness')).toThrow(/not "console,harness"/);
  });
});
