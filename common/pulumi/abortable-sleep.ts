/**
 * Waits `ms` milliseconds, or rejects with the signal's reason as soon as it aborts, so a
 * cancelled run never sits out a 60-second `Retry-After`:
 * `await abortableSleep(10, new AbortController().signal)`.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error an aborted signal stands for: `abortReason(AbortSignal.abort()).name === 'AbortError'`. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
