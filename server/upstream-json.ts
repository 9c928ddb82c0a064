/**
 * The one way the server reads an upstream answer it parses itself (rather than streaming it to
 * the browser): at most `MAX_PARSED_UPSTREAM_BYTES` of decoded body, then JSON. Pulumi Cloud's
 * answers to the server are a few kilobytes; a body of gigabytes, a gzip bomb or an endless
 * stream is a broken or hostile upstream, and reading it whole would take the server down.
 */

/** Far more than any `/api/user` answer, far less than would strain the server. */
export const MAX_PARSED_UPSTREAM_BYTES = 1024 * 1024;

/**
 * Why an answer could not be read: `cut-off` is a transport failure (the connection dropped or
 * the body trickled past the request's time), which a caller may retry; the others are the
 * answer itself.
 */
export type UpstreamAnswerProblem = 'not-json' | 'too-large' | 'cut-off';

/** The upstream's answer could not be read within the bounds, or was not JSON. */
export class UpstreamAnswerError extends Error {
  readonly reason: UpstreamAnswerProblem;
  constructor(reason: UpstreamAnswerProblem, problem: string) {
    super(`Unreadable upstream answer: ${problem}`);
    this.name = 'UpstreamAnswerError';
    this.reason = reason;
  }
}

/**
 * The body's bytes, refusing more than `maxBytes`. fetch decodes gzip as the body is read, so
 * counting what is read bounds the decompression too: reading stops, and the stream is cancelled,
 * as soon as the decoded total passes the cap.
 */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new UpstreamAnswerError('too-large', `more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
}

/**
 * The JSON of an upstream answer, read within `maxBytes`; the request's own abort signal bounds
 * the time (an endless trickle under the cap). Throws `UpstreamAnswerError`:
 * `await readUpstreamJson(await fetch(url, { signal: AbortSignal.timeout(30_000) }))`.
 */
export async function readUpstreamJson(
  response: Response,
  maxBytes = MAX_PARSED_UPSTREAM_BYTES,
): Promise<unknown> {
  if (!/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) {
    await response.body?.cancel().catch(() => {});
    throw new UpstreamAnswerError('not-json', 'not JSON');
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new UpstreamAnswerError('too-large', `more than ${maxBytes} bytes`);
  }
  let bytes: Buffer;
  try {
    bytes = response.body ? await readCapped(response.body, maxBytes) : Buffer.alloc(0);
  } catch (error) {
    if (error instanceof UpstreamAnswerError) throw error;
    throw new UpstreamAnswerError('cut-off', 'cut off or too slow');
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new UpstreamAnswerError('not-json', 'not JSON');
  }
}
