/**
 * The widths an admin gave columns by resizing them, as the URL keeps them:
 * `w=description:480,ip:300`. A column left out keeps its default (flexible) track. Unknown
 * columns and non-numbers are dropped, widths out of bounds are clamped, each with a reason, so a
 * hand-edited link never breaks the table.
 */
import type { ColumnId } from './view-schema.ts';

/** Widths in whole CSS pixels, by column; a column left out has its default track. */
export type ColumnWidths = Readonly<Partial<Record<ColumnId, number>>>;

/** The narrowest a column gets: its header and resize handle still fit. */
export const MIN_COLUMN_WIDTH = 64;
/** The widest: wider than any window this console is read in. */
export const MAX_COLUMN_WIDTH = 1200;

/** A width within bounds, in whole pixels: `clampWidth(12.6) === 64`. */
export function clampWidth(width: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(width)));
}

/** Longer text is not a list of seven widths. */
const MAX_TEXT_LENGTH = 200;
const ENTRY = /^([a-z]+):(\d{1,6})$/;

export interface DecodedWidths {
  widths: ColumnWidths;
  /** What was dropped or clamped, said for the notice; empty when the text was read whole. */
  problems: string[];
}

/**
 * Reads `w`: `decodeWidths('ip:300,ip:1,x:5', ids)` → `{widths: {ip: 300}, problems: [2 reasons]}`.
 * `columnIds` are the columns a width may name.
 */
export function decodeWidths(text: string, columnIds: readonly ColumnId[]): DecodedWidths {
  if (text.length > MAX_TEXT_LENGTH) return { widths: {}, problems: ['too long to be widths'] };
  const widths: Partial<Record<ColumnId, number>> = {};
  const problems: string[] = [];
  for (const entry of text.split(',')) {
    const match = ENTRY.exec(entry);
    const id = match?.[1] as ColumnId | undefined;
    if (!match || !id || !columnIds.includes(id)) {
      problems.push(`"${entry}" is not column:pixels`);
    } else if (widths[id] !== undefined) {
      problems.push(`${id} given twice; the first is kept`);
    } else {
      const asked = Number(match[2]);
      widths[id] = clampWidth(asked);
      if (widths[id] !== asked) {
        problems.push(
          `${id} is ${MIN_COLUMN_WIDTH}–${MAX_COLUMN_WIDTH} px wide; ${widths[id]} used`,
        );
      }
    }
  }
  return { widths, problems };
}

/**
 * Writes `w` in the columns' default order: `encodeWidths({ip: 300, description: 480}, COLUMN_IDS)`
 * → `'description:480,ip:300'`; no widths → `''`.
 */
export function encodeWidths(widths: ColumnWidths, columnIds: readonly ColumnId[]): string {
  return columnIds
    .filter((id) => widths[id] !== undefined)
    .map((id) => `${id}:${clampWidth(widths[id]!)}`)
    .join(',');
}
