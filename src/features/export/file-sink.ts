/**
 * Where the export's parts go, in file order: into the file's Blob parts and through the
 * SHA-256, so the receipt's hash is ready the moment the last part is written.
 */
import { createBlobAssembler, type FilePart } from './blob-assembler.ts';
import { createSha256Stream } from './sha256-stream.ts';

/** Reads a Blob part back for hashing (jsdom's Blob has no `arrayBuffer`, so tests pass one). */
export type BlobReader = (blob: Blob) => Promise<ArrayBuffer>;

export const readBlob: BlobReader = (blob) => blob.arrayBuffer();

export interface FileSink {
  write(part: FilePart): Promise<void>;
  /** The file so far and its SHA-256; the sink is empty afterwards. */
  finish(): { blob: Blob; sha256: string };
}

const utf8 = new TextEncoder();

/**
 * Text as the file's bytes: UTF-8, lone surrogates as U+FFFD, as a Blob of strings would be.
 * Written into room for the worst case (three bytes per UTF-16 unit), then cut to size: in
 * Chromium `encodeInto` is about twice as fast as `encode` for the megabyte of one batch
 * (docs/benchmarks.md), and the copy to the exact size costs a fraction of either.
 */
export function encodeText(text: string): Uint8Array {
  const room = new Uint8Array(text.length * 3);
  const { written } = utf8.encodeInto(text, room);
  return room.slice(0, written);
}

/** `const sink = createFileSink('text/csv'); await sink.write(encodeText('a')); sink.finish().sha256`. */
export function createFileSink(type: string, read: BlobReader = readBlob): FileSink {
  const file = createBlobAssembler(type);
  const hash = createSha256Stream();
  return {
    async write(part) {
      // Not `instanceof`: bytes made by another realm's TextEncoder (a test's) are bytes too.
      if (ArrayBuffer.isView(part)) {
        hash.update(part);
        file.append(part);
        return;
      }
      // Only parts that waited in the blob store (a spool over its memory budget) come back.
      hash.update(new Uint8Array(await read(part)));
      file.appendBlob(part);
    },
    finish() {
      return { blob: file.finish(), sha256: hash.hex() };
    },
  };
}
