/**
 * Where the export's parts go, in file order: into the file's Blob parts, and the SHA-256 of
 * the receipt. A file of up to `NATIVE_HASH_BYTES` is hashed once written by Web Crypto, about
 * ten times the speed of hashing in JavaScript (4.5 MB of CSV: 5 ms against 42 ms in Node); a
 * larger one, or one on a page without Web Crypto (it needs a secure context: a console served
 * over plain HTTP at a LAN address has none), is hashed as it is written, so a multi-gigabyte
 * file never has to be read back whole.
 */
import { createBlobAssembler, type FilePart } from './blob-assembler.ts';
import { createSha256Stream, digestHex, type Sha256Stream } from './sha256-stream.ts';

/** Reads a Blob part back for hashing (jsdom's Blob has no `arrayBuffer`, so tests pass one). */
export type BlobReader = (blob: Blob) => Promise<ArrayBuffer>;

export const readBlob: BlobReader = (blob) => blob.arrayBuffer();

/** A whole file's SHA-256, natively; undefined where the page has no Web Crypto. */
export type NativeDigest = ((bytes: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer>) | undefined;

export const webCryptoDigest: NativeDigest = globalThis.crypto?.subtle
  ? (bytes) => globalThis.crypto.subtle.digest('SHA-256', bytes)
  : undefined;

/** Files up to this size are hashed once written (read back whole, natively). */
export const NATIVE_HASH_BYTES = 64 * 1024 * 1024;

export interface FileSink {
  write(part: FilePart): Promise<void>;
  /** The file so far and its SHA-256; the sink is empty afterwards. */
  finish(): Promise<{ blob: Blob; sha256: string }>;
}

export interface FileSinkOptions {
  read?: BlobReader;
  digest?: NativeDigest;
  nativeHashBytes?: number;
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

/** `const sink = createFileSink('text/csv'); await sink.write(encodeText('a')); (await sink.finish()).sha256`. */
export function createFileSink(
  type: string,
  {
    read = readBlob,
    digest = webCryptoDigest,
    nativeHashBytes = NATIVE_HASH_BYTES,
  }: FileSinkOptions = {},
): FileSink {
  const file = createBlobAssembler(type);
  const streamed = () => (digest ? undefined : createSha256Stream());
  let stream: Sha256Stream | undefined = streamed();
  let written = 0;
  return {
    async write(part) {
      // Not `instanceof`: bytes made by another realm's TextEncoder (a test's) are bytes too.
      written += ArrayBuffer.isView(part) ? part.length : part.size;
      if (!stream && written > nativeHashBytes) {
        // Too large to read back whole: what is written so far is hashed now, the rest as it comes.
        stream = createSha256Stream();
        stream.update(new Uint8Array(await read(file.sofar())));
      }
      if (ArrayBuffer.isView(part)) {
        stream?.update(part);
        file.append(part);
        return;
      }
      // Only parts that waited in the blob store (a spool over its memory budget) come back.
      if (stream) stream.update(new Uint8Array(await read(part)));
      file.appendBlob(part);
    },
    async finish() {
      const blob = file.finish();
      const sha256 = stream
        ? stream.hex()
        : digestHex(await digest!(new Uint8Array(await read(blob))));
      stream = streamed();
      written = 0;
      return { blob, sha256 };
    },
  };
}
