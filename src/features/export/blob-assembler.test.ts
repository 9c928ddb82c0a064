import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBlobAssembler } from './blob-assembler.ts';
import { createFileSink } from './file-sink.ts';
import { createSha256Stream } from './sha256-stream.ts';
import { readBlobBytes, readBlobText } from '../../testing/test-blob.ts';

describe('createBlobAssembler', () => {
  it('joins appended text across flushes, in order', async () => {
    const assembler = createBlobAssembler('text/csv', 4);
    for (const part of ['ab', 'cde', '', 'f', 'ghijk', 'é']) assembler.append(part);
    const blob = assembler.finish();
    expect(await readBlobText(blob)).toBe('abcdefghijké');
    expect(blob.size).toBe(13);
    expect(blob.type).toBe('text/csv');
  });

  it('finishes empty when nothing was appended', () => {
    expect(createBlobAssembler('text/csv').finish().size).toBe(0);
  });

  it('hands over what it holds, Blob parts first, and is empty afterwards', async () => {
    const assembler = createBlobAssembler('', 4);
    for (const part of ['abcd', 'ef']) assembler.append(part);
    const parts = assembler.takeParts();
    expect(parts.map((p) => typeof p)).toEqual(['object', 'string']);
    expect(await readBlobText(new Blob(parts))).toBe('abcdef');
    expect(assembler.takeParts()).toEqual([]);
  });
});

describe('createFileSink', () => {
  it('hashes text and Blob parts in file order, as a hash of the whole file', async () => {
    const sink = createFileSink('text/csv', readBlobBytes);
    for (const part of ['Zoë,', new Blob(['🚀\r\n', 'x']), '', 'y'.repeat(10_000)]) {
      await sink.write(part);
    }
    const { blob, sha256 } = sink.finish();
    const whole = createHash('sha256').update(new Uint8Array(await readBlobBytes(blob)));
    expect(sha256).toBe(whole.digest('hex'));
    expect(await readBlobText(blob)).toBe(`Zoë,🚀\r\nx${'y'.repeat(10_000)}`);
  });
});

describe('createSha256Stream', () => {
  it('gives the standard digest however the text is cut', () => {
    const whole = createSha256Stream();
    whole.updateText('abc');
    const pieces = createSha256Stream();
    for (const piece of ['a', '', 'b', 'c']) pieces.updateText(piece);
    expect(whole.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(pieces.hex()).toBe(whole.hex());
  });
});
