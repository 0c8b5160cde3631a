/**
 * What an import worker does (`import-pool.ts`): imports one source and posts back its progress,
 * then the import itself (structured clone) with the peak size of its own JS heap.
 */
import { getHeapStatistics } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import type { SourceImport } from '../sources/source-import.ts';
import { importSource } from '../sources/source-registry.ts';
import type { SourceSpec } from '../sources/source-spec.ts';
import { collectGarbage } from '../memory.ts';

export interface ImportTask {
  spec: SourceSpec;
  cacheDir: string;
}

export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; imports: SourceImport[]; peakHeapBytes: number }
  | { type: 'failed'; message: string };

/** The worker's heap, with the memory outside it that its objects hold (buffers). */
function heapBytes(): number {
  const heap = getHeapStatistics();
  return heap.total_heap_size + heap.external_memory;
}

export async function runImportTask(task: ImportTask, port: MessagePort | null): Promise<void> {
  if (!port) throw new Error('import-task : à lancer dans un worker');
  let peak = heapBytes();
  // Sampled: the heap is largest in the middle of an import, not at its end.
  const sampler = setInterval(() => (peak = Math.max(peak, heapBytes())), 100);
  let lastStep = -1;
  try {
    const imports = await importSource(task.spec, {
      cacheDir: task.cacheDir,
      onProgress: (done, total) => {
        // A message per percent at most: the main thread draws the bars.
        const step = Math.floor((done / Math.max(total, 1)) * 100);
        if (step === lastStep && done !== total) return;
        // Every tenth of the way, the worker's own heap is brought back to what is live (`memory.ts`):
        // two imports run at once beside the main thread, each heap would otherwise grow to twice its needs.
        if (Math.floor(step / 10) !== Math.floor(lastStep / 10)) collectGarbage();
        lastStep = step;
        port.postMessage({ type: 'progress', done, total } satisfies ImportMessage);
      },
    });
    peak = Math.max(peak, heapBytes());
    // The import's garbage goes before its clone is made.
    collectGarbage();
    port.postMessage({ type: 'done', imports, peakHeapBytes: peak } satisfies ImportMessage);
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ImportMessage);
  } finally {
    clearInterval(sampler);
  }
}
