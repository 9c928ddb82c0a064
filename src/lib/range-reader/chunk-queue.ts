/**
 * A push-to-pull bridge: the reader's concurrent chains push ordered chunks, one consumer pulls
 * them with `for await`. Ends with `close()` or with the error given to `fail()`, after the
 * chunks pushed before it.
 */
export interface ChunkQueue<T> {
  push(chunk: T): void;
  close(): void;
  fail(error: unknown): void;
  drain(): AsyncGenerator<T>;
}

/** `const q = createChunkQueue<string>(); q.push('a'); q.close();` then `for await (… of q.drain())`. */
export function createChunkQueue<T>(): ChunkQueue<T> {
  const items: T[] = [];
  let ended: { error?: unknown; failed: boolean } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(chunk) {
      if (ended) return;
      items.push(chunk);
      notify();
    },
    close() {
      ended ??= { failed: false };
      notify();
    },
    fail(error) {
      ended ??= { error, failed: true };
      notify();
    },
    async *drain() {
      for (;;) {
        while (items.length > 0) yield items.shift() as T;
        if (ended) {
          if (ended.failed) throw ended.error;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
