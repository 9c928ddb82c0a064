/**
 * `GET /api/orgs/{org}/auditlogs[/v2]/export`: the same query as the lists, streamed as gzip CSV
 * (through the shared CSV definition) or CEF.
 */
import type { Context } from 'hono';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { csvHeaderLine, eventsToCsvChunk } from '../../common/export/audit-csv.ts';
import {
  parseAuditLogParams,
  type ApiVersion,
  type ResponseFormat,
} from '../api/audit-log-params.ts';
import { resolveAuditLogQuery } from '../api/resolve-page-query.ts';
import type { CursorCodec } from '../api/continuation-token.ts';
import { toAuditLogEvent } from '../api/event-json.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requestOrigin, serverHostName } from '../http/request-origin.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { eventToCefLine } from '../../common/export/cef.ts';
import { formatCompactUtc } from '../../common/time/utc-instant.ts';
import { exportPace } from './export-pace.ts';
import { eventBatches, gzipWebStream } from './export-stream.ts';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', cef: 'text/plain; charset=utf-8' } as const;

/**
 * The attachment name of a server export, stamped with the time it was made:
 * `exportAttachmentName('acme', 'csv', 0) === 'acme-audit-logs-19700101T000000Z.csv'`.
 */
export function exportAttachmentName(
  org: string,
  format: 'csv' | 'cef',
  nowSeconds: number,
): string {
  return `${org.replace(/[^A-Za-z0-9._-]/g, '_')}-audit-logs-${formatCompactUtc(nowSeconds)}.${format}`;
}

function encoder(format: ResponseFormat, org: string, host: string) {
  if (format === 'cef') {
    return {
      header: '',
      encode: (events: AuditLogEvent[]) =>
        events.map((e) => `${eventToCefLine(e, { org, host })}\n`).join(''),
    };
  }
  return { header: csvHeaderLine(), encode: eventsToCsvChunk };
}

/** The export handler for one API version. */
export function exportHandler(
  deps: { store: AuditStore; codec: CursorCodec },
  version: ApiVersion,
) {
  return (c: Context<AppEnv>) => {
    const params = parseAuditLogParams(c.req.query(), version, 'export');
    const { page } = resolveAuditLogQuery(c, deps, params, version);
    const format = params.format === 'cef' ? 'cef' : 'csv';
    const origin = requestOrigin(c);
    const { header, encode } = encoder(format, page.org, serverHostName(c));
    const readPage = (before: typeof page.before, limit: number) =>
      deps.store.listEvents({ ...page, before, limit });
    async function* text() {
      if (header) yield header;
      yield* eventBatches(
        readPage,
        page.before,
        (rows) => encode(rows.map((row) => toAuditLogEvent(row, origin))),
        exportPace(),
      );
    }
    return c.body(gzipWebStream(text()), 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Encoding': 'gzip',
      'Content-Disposition': `attachment; filename="${exportAttachmentName(page.org, format, Math.floor(Date.now() / 1000))}"`,
      'Cache-Control': 'no-store',
    });
  };
}
