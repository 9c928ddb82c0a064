/** Sends one message to a benchmark worker and resolves with its `{result}` or rejects with its `{error}`. */
export function workerResult<T>(worker: Worker, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<{ result?: T; error?: string }>) => {
      worker.terminate();
      if (data.result) resolve(data.result);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(message);
  });
}
