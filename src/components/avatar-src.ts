// Answers kept by URL: a log shows a few avatars many thousands of times, and parsing each URL
// again on every row that scrolls into view is measurable. Cleared when full, so a log of
// endless distinct URLs costs memory once.
const known = new Map<string, boolean>();
const KNOWN_LIMIT = 2000;

/**
 * True for absolute http(s) URLs only; anything else (data:, javascript:, relative) is not loaded:
 * `isHttpUrl('https://a.example/x.png') === true`, `isHttpUrl('javascript:alert(1)') === false`.
 */
export function isHttpUrl(value: string | undefined | null): value is string {
  if (!value) return false;
  let answer = known.get(value);
  if (answer === undefined) {
    answer = parsesAsHttp(value);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(value, answer);
  }
  return answer;
}

function parsesAsHttp(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
