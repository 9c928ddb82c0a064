import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBlobAssembler } from './blob-assembler.ts';
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
