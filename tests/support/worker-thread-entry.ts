/**
 * The entry of `inWorkerThread` (`in-worker-thread.ts`): imports the module, calls the export with
 * the arguments, posts the result back (or the error's message and stack).
 */
import { parentPort, workerData } from 'node:worker_threads';

const { moduleUrl, exportName, args } = workerData as { moduleUrl: string; exportName: string; args: unknown[] };
try {
  const module = (await import(moduleUrl)) as Record<string, (...args: unknown[]) => unknown>;
  const fn = module[exportName];
  if (typeof fn !== 'function') throw new Error(`${moduleUrl} has no function ${exportName}`);
  parentPort!.postMessage({ ok: true, value: await fn(...args) });
} catch (error) {
  parentPort!.postMessage({ ok: false, message: (error as Error).message, stack: (error as Error).stack });
}
