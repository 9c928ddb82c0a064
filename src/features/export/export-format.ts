/** The file formats the export offers and the options that shape the bytes. */

export type ExportFormat = 'csv' | 'jsonl' | 'cef';

export interface ExportOptions {
  format: ExportFormat;
  /** Prefix a UTF-8 BOM so Excel reads the CSV as UTF-8 (CSV only). */
  excelBom: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { format: 'csv', excelBom: false };

export const EXPORT_FORMATS: Record<
  ExportFormat,
  { label: string; extension: string; mimeType: string }
> = {
  csv: { label: 'CSV', extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  jsonl: {
    label: 'JSON Lines',
    extension: 'jsonl',
    mimeType: 'application/x-ndjson;charset=utf-8',
  },
  // Syslog-framed CEF lines for a SIEM, as the server's `format=cef` writes them.
  cef: { label: 'CEF', extension: 'cef', mimeType: 'text/plain;charset=utf-8' },
};

/** Whether the BOM applies: it is a CSV-for-Excel option only. */
export function writesBom(options: ExportOptions): boolean {
  return options.format === 'csv' && options.excelBom;
}
