import { describe, expect, it } from 'vitest';
import { exportFileName, safeNamePart } from './export-file-name.ts';

const NOV_1 = Date.UTC(2026, 10, 1) / 1000;
const DEC_1 = Date.UTC(2026, 11, 1, 13, 5, 9) / 1000;

describe('exportFileName', () => {
  it.each([
    [{ org: 'acme' }, 'csv', false, 'audit-log_acme_beginning_now.csv'],
    [
      { org: 'acme', startTime: NOV_1, endTime: DEC_1 },
      'csv',
      false,
      'audit-log_acme_20261101T000000Z_20261201T130509Z.csv',
    ],
    [
      { org: 'acme', startTime: NOV_1 },
      'jsonl',
      false,
      'audit-log_acme_20261101T000000Z_now.jsonl',
    ],
    [
      { org: 'acme', endTime: DEC_1 },
      'csv',
      false,
      'audit-log_acme_beginning_20261201T130509Z.csv',
    ],
    [
      { org: 'acme', user: 'kim', event: 'stack-deleted' },
      'csv',
      false,
      'audit-log_acme_beginning_now_user-kim_event-stack-deleted.csv',
    ],
    [
      { org: 'acme', event: 'member-added' },
      'csv',
      true,
      'audit-log_acme_beginning_now_event-member-added_PARTIAL.csv',
    ],
    [
      { org: 'acme', user: 'kim' },
      'jsonl',
      true,
      'audit-log_acme_beginning_now_user-kim_PARTIAL.jsonl',
    ],
  ] as const)('%j as %s (partial %s) → %s', (query, format, partial, expected) => {
    expect(exportFileName(query, format, partial)).toBe(expected);
  });

  it('keeps separators and paths out of name parts', () => {
    expect(safeNamePart('../a b/c:d')).toBe('.._a_b_c_d');
    expect(exportFileName({ org: 'a/b', user: 'x y' }, 'csv')).toBe(
      'audit-log_a_b_beginning_now_user-x_y.csv',
    );
  });

  it('writes the bounds in the zone the view uses, marked by its offset', () => {
    const query = { org: 'acme', startTime: NOV_1, endTime: DEC_1 };
    expect(exportFileName(query, 'csv', false, 'Europe/Paris')).toBe(
      'audit-log_acme_20261101T010000+0100_20261201T140509+0100.csv',
    );
  });
});
