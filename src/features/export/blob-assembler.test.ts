import { createHash, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlobAssembler, type FilePart } from './blob-assembler.ts';
import {
  createFileSink,
  encodeText,
  type FileSinkOptions,
  type NativeDigest,
} from './file-sink.ts';
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
    for (const text of ['Zoë,🚀\r\n', '\uFEFFa', 'x\uD800y', '\uDC00', '', '語'.repeat(5000)]) {
      expect([...encodeText(text)]).toEqual([
        ...new Uint8Array(await readBlobBytes(new Blob([text]))),
      ]);
      // Exactly the bytes, not the room they were written into.
      expect(encodeText(text).buffer.byteLength).toBe(encodeText(text).length);
    }
  });
});

describe('createFileSink', () => {
  const nodeDigest: NativeDigest = (bytes) => webcrypto.subtle.digest('SHA-256', bytes);
  const part = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => encodeText(text) as FilePart),
    fc.string({ maxLength: 40 }).map((text) => new Blob([text]) as FilePart),
  );

  it('hashes bytes and Blob parts in file order, as a hash of the whole file, however it hashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(part, { maxLength: 12 }),
        fc.constantFrom<FileSinkOptions>(
          { digest: nodeDigest }, // hashed once written
          { digest: nodeDigest, nativeHashBytes: 30 }, // too large: hashed as written from there
          { digest: undefined }, // no Web Crypto: hashed as written
        ),
        async (parts, options) => {
          const sink = createFileSink('text/csv', { ...options, read: readBlobBytes });
          for (const p of parts) await sink.write(p);
          const { blob, sha256 } = await sink.finish();
          const bytes = new Uint8Array(await readBlobBytes(blob));
          const expected = await Promise.all(
            parts.map(async (p) =>
              p instanceof Blob ? new Uint8Array(await readBlobBytes(p)) : p,
            ),
          );
          expect(bytes).toEqual(new Uint8Array(expected.flatMap((b) => [...b])));
          expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a file back for its hash only when it is small enough, and each Blob part at most once', async () => {
    const reads: number[] = [];
    const read = async (blob: Blob) => {
      reads.push(blob.size);
      return readBlobBytes(blob);
    };
    const small = createFileSink('', { read, digest: nodeDigest, nativeHashBytes: 100 });
    await small.write(new Blob(['x'.repeat(40)]));
    await small.write(encodeText('y'.repeat(40)));
    await small.finish();
    expect(reads).toEqual([80]); // the whole file, once written
    reads.length = 0;
    const large = createFileSink('', { read, digest: nodeDigest, nativeHashBytes: 100 });
    await large.write(new Blob(['x'.repeat(60)]));
    await large.write(encodeText('y'.repeat(60))); // past the limit: the 60 before, read once
    await large.write(new Blob(['z'.repeat(10)]));
    const { sha256 } = await large.finish();
    expect(reads).toEqual([60, 10]);
    const whole = 'x'.repeat(60) + 'y'.repeat(60) + 'z'.repeat(10);
    expect(sha256).toBe(createHash('sha256').update(whole).digest('hex'));
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
