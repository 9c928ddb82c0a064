import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { createBlobAssembler } from './blob-assembler.ts';
import type { EventEncoder } from './encode-events.ts';
import { exportSpool } from './export-spool.ts';
import { createFileSink, encodeText } from './file-sink.ts';
import { createSha256Stream } from './sha256-stream.ts';
import { readBlobBytes, readBlobText } from '../../testing/test-blob.ts';

const bytesOf = (...texts: string[]) => texts.map(encodeText);

describe('createBlobAssembler', () => {
  it('joins appended bytes across flushes, in order', async () => {
    const assembler = createBlobAssembler('text/csv', 4);
    for (const part of bytesOf('ab', 'cde', '', 'f', 'ghijk', 'é')) assembler.append(part);
    const blob = assembler.finish();
    expect(await readBlobText(blob)).toBe('abcdefghijké');
    expect(blob.size).toBe(13);
    expect(blob.type).toBe('text/csv');
  });

  it('places a Blob part after the bytes before it', async () => {
    const assembler = createBlobAssembler('', 100);
    assembler.append(encodeText('ab'));
    assembler.appendBlob(new Blob(['cd']));
    assembler.append(encodeText('e'));
    expect(await readBlobText(assembler.finish())).toBe('abcde');
  });

  it('finishes empty when nothing was appended', () => {
    expect(createBlobAssembler('text/csv').finish().size).toBe(0);
  });
});

describe('encodeText', () => {
  it('encodes as a Blob of the same string stores it, lone surrogates included', async () => {
    for (const text of ['Zoë,🚀\r\n', '\uFEFFa', 'x\uD800y', '\uDC00']) {
      expect([...encodeText(text)]).toEqual([
        ...new Uint8Array(await readBlobBytes(new Blob([text]))),
      ]);
    }
  });
});

describe('createFileSink', () => {
  it('hashes bytes and Blob parts in file order, as a hash of the whole file', async () => {
    const sink = createFileSink('text/csv', readBlobBytes);
    const parts = [
      encodeText('Zoë,'),
      new Blob(['🚀\r\n', 'x']),
      encodeText(''),
      encodeText('y'.repeat(10_000)),
    ];
    for (const part of parts) await sink.write(part);
    const { blob, sha256 } = sink.finish();
    const whole = createHash('sha256').update(new Uint8Array(await readBlobBytes(blob)));
    expect(sha256).toBe(whole.digest('hex'));
    expect(await readBlobText(blob)).toBe(`Zoë,🚀\r\nx${'y'.repeat(10_000)}`);
  });
});

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
          const sink = createFileSink('', readBlobBytes);
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
          expect(await readBlobText(sink.finish().blob)).toBe(expected);
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

describe('createSha256Stream', () => {
  it('gives the standard digest however the bytes are cut', () => {
    const whole = createSha256Stream();
    whole.update(encodeText('abc'));
    const pieces = createSha256Stream();
    for (const piece of bytesOf('a', '', 'b', 'c')) pieces.update(piece);
    expect(whole.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(pieces.hex()).toBe(whole.hex());
  });
});
