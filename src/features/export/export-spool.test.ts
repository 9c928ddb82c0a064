import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { EventEncoder } from './encode-events.ts';
import { exportSpool } from './export-spool.ts';
import { createFileSink } from './file-sink.ts';
import { readBlobBytes, readBlobText } from '../../testing/test-blob.ts';

/** An encoder writing each event's description and a line end. */
const lines: EventEncoder = {
  preamble: '',
  encode: (events) => events.map((e) => `${e.description}\n`).join(''),
};
const event = (description: string) =>
  ({ timestamp: 1, event: 'e', description, user: { githubLogin: 'u' } }) as AuditLogEvent;

describe('exportSpool', () => {
  it('keeps every window in order within and beyond its memory budget', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), { maxLength: 5 }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.integer({ min: 0, max: 40 }),
        async (windows, budget) => {
          const spoolOf = exportSpool(lines, budget);
          const spools = windows.map(() => spoolOf());
          // Windows fill in any interleaving; here round by round, each window a batch.
          const rounds = Math.max(...windows.map((w) => w.length));
          for (let round = 0; round < rounds; round++) {
            windows.forEach((batches, i) => {
              const batch = batches[round];
              if (batch) spools[i]?.push(batch.map(event));
            });
          }
          const sink = createFileSink('', { read: readBlobBytes });
          let events = 0;
          for (const spool of spools) {
            for (const chunk of spool.take()) {
              events += chunk.events;
              for (const part of chunk.parts) await sink.write(part);
            }
            expect(spool.take()).toEqual([]);
          }
          const expected = windows
            .flat(2)
            .map((d) => `${d}\n`)
            .join('');
          expect(events).toBe(windows.flat(2).length);
          expect(await readBlobText((await sink.finish()).blob)).toBe(expected);
        },
      ),
    );
  });

  it('holds waiting windows as bytes under the budget and moves them to Blobs over it', () => {
    const spoolOf = exportSpool(lines, 10);
    const [first, second] = [spoolOf(), spoolOf()];
    first.push([event('abcd')]); // 5 bytes held
    second.push([event('efgh')]); // 10 held: at the budget, still bytes
    expect(second.take()[0]?.parts.every((p) => ArrayBuffer.isView(p))).toBe(true);
    second.push([event('ijklmn')]); // 5 + 7 > 10: this window's bytes go to the blob store
    const [chunk] = second.take();
    expect(chunk?.parts.map((p) => p instanceof Blob)).toEqual([true]);
    expect(first.take()[0]?.parts.map((p) => ArrayBuffer.isView(p))).toEqual([true]);
  });
});
