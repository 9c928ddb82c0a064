import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampWidth,
  decodeWidths,
  encodeWidths,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  type ColumnWidths,
} from './column-widths.ts';
import { parseViewParams, serializeViewParams } from './view-params.ts';
import { COLUMN_IDS, type AuditLogView, type ColumnId } from './view-schema.ts';

const widthsArb: fc.Arbitrary<ColumnWidths> = fc
  .subarray([...COLUMN_IDS])
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.integer({ min: MIN_COLUMN_WIDTH, max: MAX_COLUMN_WIDTH }).map((px) => [id, px] as const),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries) as ColumnWidths);

const parse = (search: string) => parseViewParams(new URLSearchParams(search));

describe('column widths in the URL', () => {
  it('round-trips any widths through the view URL, resized columns only', () => {
    fc.assert(
      fc.property(widthsArb, (w) => {
        const view: AuditLogView = Object.keys(w).length > 0 ? { tz: 'local', w } : { tz: 'local' };
        const search = serializeViewParams(view).toString();
        expect(parse(search)).toEqual({ view, ignored: [] });
        // Only the resized columns are written: none resized, nothing written.
        expect(new URLSearchParams(search).get('w')?.split(',').length).toBe(
          Object.keys(w).length || undefined,
        );
      }),
    );
  });

  it('reads the link the issue shows, and writes it in column order', () => {
    expect(parse('w=ip:300,description:480')).toEqual({
      view: { tz: 'local', w: { description: 480, ip: 300 } },
      ignored: [],
    });
    expect(serializeViewParams({ tz: 'local', w: { ip: 300, description: 480 } }).get('w')).toBe(
      'description:480,ip:300',
    );
  });

  it('never throws on any text, and keeps every width within bounds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { view } = parse(new URLSearchParams({ w: text }).toString());
        for (const px of Object.values(view.w ?? {})) {
          expect(px).toBeGreaterThanOrEqual(MIN_COLUMN_WIDTH);
          expect(px).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
        }
      }),
    );
  });

  it.each<[string, ColumnWidths, number]>([
    ['ip:300,owner:200', { ip: 300 }, 1],
    ['ip:300,ip:500', { ip: 300 }, 1],
    ['ip:5,description:99999', { ip: MIN_COLUMN_WIDTH, description: MAX_COLUMN_WIDTH }, 2],
    ['ip:-4,time:1e3,user:12.5,event:', {}, 4],
    ['constructor:300,__proto__:1', {}, 2],
    ['', {}, 1],
  ])('drops or clamps bad entries of %j, saying each', (text, widths, problems) => {
    const decoded = decodeWidths(text, COLUMN_IDS);
    expect(decoded.widths).toEqual(widths);
    expect(decoded.problems).toHaveLength(problems);
  });

  it('tells the link what it dropped and keeps the rest', () => {
    const { view, ignored } = parse('w=ip:300,owner:9&user=kim');
    expect(view).toEqual({ tz: 'local', user: 'kim', w: { ip: 300 } });
    expect(ignored).toEqual([
      { param: 'w', value: 'ip:300,owner:9', reason: '"owner:9" is not column:pixels' },
    ]);
    expect(parse('w=owner:9').view).toEqual({ tz: 'local' });
  });

  it('rounds and clamps a width dragged to a fraction or past a bound', () => {
    expect(clampWidth(200.4)).toBe(200);
    expect(clampWidth(-30)).toBe(MIN_COLUMN_WIDTH);
    expect(clampWidth(Infinity)).toBe(MAX_COLUMN_WIDTH);
    const ids: ColumnId[] = ['ip'];
    expect(encodeWidths({ ip: 5000 }, ids)).toBe(`ip:${MAX_COLUMN_WIDTH}`);
  });
});
