/**
 * A long synchronous call run in a worker thread, awaited: the test worker's event loop stays free
 * to answer Vitest while it runs (a stretch of several seconds of CPU makes Vitest's 60 s RPC time
 * out on a loaded machine: `stretch-watch.ts`). For production functions that are synchronous by
 * nature (building a Lunr index) and that a test calls on a real corpus. The arguments and the
 * result cross by structured clone (plain data, Maps and Sets: no functions, no class instances).
 */
import { Worker } from 'node:worker_threads';

const ENTRY = new URL('./worker-thread-entry.mjs', import.meta.url);

export function inWorkerThread<T>(moduleUrl: URL, exportName: string, args: readonly unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { moduleUrl: moduleUrl.href, exportName, args } });
    worker.once('message', (message: { ok: true; value: T } | { ok: false; message: string; stack?: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.value);
      else reject(Object.assign(new Error(`${exportName} (worker thread): ${message.message}`), { stack: message.stack }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${exportName} (worker thread) exited with ${code} before answering`)));
  });
}
