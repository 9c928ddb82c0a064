/**
 * The benchmark's baseline: the export as it was before the range reader, in a worker: one
 * continuation chain over the whole view (the next page asked while the current one is
 * encoded), the same encoding and the same incremental hash.
 */
import { createEncoder } from '../../src/features/export/encode-events.ts';
import { createFileSink, encodeText } from '../../src/features/export/file-sink.ts';
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import { createPageFetcher } from '../../src/lib/pager/fetch-audit-log-page.ts';
import { pageThrough } from './page-through.ts';

async function exportSingleChain(query: AuditLogQuery) {
  const encoder = createEncoder(
    { format: 'csv', excelBom: false },
    { org: query.org, host: self.location.hostname },
  );
  const sink = createFileSink('text/csv;charset=utf-8');
  await sink.write(encodeText(encoder.preamble));
  let events = 0;
  const signal = new AbortController().signal;
  for await (const page of pageThrough({ fetchPage: createPageFetcher(query), signal })) {
    await sink.write(encodeText(encoder.encode(page.events)));
    events += page.events.length;
  }
  const { blob, sha256 } = await sink.finish();
  return { events, bytes: blob.size, sha256 };
}

self.onmessage = (event: MessageEvent<AuditLogQuery>) => {
  exportSingleChain(event.data).then(
    (result) => self.postMessage({ result }),
    (error: unknown) => self.postMessage({ error: String(error) }),
  );
};
