/**
 * Hands a finished Blob to the browser's download manager under a chosen name. The object URL
 * lives a while after the click: revoking it at once can cancel a download that has not yet
 * started reading.
 */

const REVOKE_AFTER_MS = 60_000;

/** Downloads `blob` as `fileName`: `saveFile(new Blob(['a']), 'a.csv')`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
