/**
 * True for absolute http(s) URLs only; anything else (data:, javascript:, relative) is not loaded:
 * `isHttpUrl('https://a.example/x.png') === true`, `isHttpUrl('javascript:alert(1)') === false`.
 */
export function isHttpUrl(value: string | undefined | null): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
