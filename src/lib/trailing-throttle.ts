/**
 * At most one value per interval, and never a lost last one: a value that arrives within the
 * interval is held (a newer one replaces it) and sent when the interval ends. A plain throttle
 * drops it, so a figure shown on screen stays behind for as long as no newer value comes (a
 * paused read's "events indexed").
 */
export interface TrailingThrottle<T> {
  push(value: T): void;
  /** Drops what is held (a newer state has replaced it); the next value goes at once. */
  cancel(): void;
}

/**
 * `const t = trailingThrottle(render, 250); t.push(a); t.push(b)`: `a` now, `b` 250 ms later.
 * `quietUntil`: a time before which nothing is sent (the person is scrolling); what arrives
 * meanwhile is held, the latest sent once that time has passed.
 */
export function trailingThrottle<T>(
  send: (value: T) => void,
  intervalMs: number,
  now: () => number = Date.now,
  quietUntil: () => number = () => -Infinity,
): TrailingThrottle<T> {
  let sentAt = -Infinity;
  let held: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitFor = () => {
    const at = now();
    return Math.max(sentAt + intervalMs - at, quietUntil() - at);
  };
  const sendNow = (value: T) => {
    sentAt = now();
    send(value);
  };
  const flush = () => {
    timer = undefined;
    // Quiet time was asked for since the timer was set: wait it out.
    const wait = quietUntil() - now();
    if (held && wait > 0) {
      timer = setTimeout(flush, wait);
      return;
    }
    const last = held;
    held = undefined;
    if (last) sendNow(last.value);
  };
  return {
    push(value) {
      const wait = waitFor();
      if (wait <= 0 && timer === undefined) {
        sendNow(value);
        return;
      }
      held = { value };
      timer ??= setTimeout(flush, Math.max(0, wait));
    },
    cancel() {
      held = undefined;
      sentAt = -Infinity;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
