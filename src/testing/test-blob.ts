/** Test helpers: jsdom's Blob has no `text()` or `arrayBuffer()`, so read it with FileReader. */
export function readBlobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The Blob's text, keeping any BOM. */
export async function readBlobText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBlobBytes(blob));
}
