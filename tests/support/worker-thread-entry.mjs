// The entry of `inWorkerThread` (`in-worker-thread.ts`), in JavaScript: a worker thread of Node 20
// does not load TypeScript by itself, so this registers tsx first, then imports the module, calls
// the export with the arguments and posts the result back (or the error's message and stack).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { moduleUrl, exportName, args } = workerData;
try {
  const module = await import(moduleUrl);
  const fn = module[exportName];
  if (typeof fn !== 'function') throw new Error(`${moduleUrl} has no function ${exportName}`);
  parentPort.postMessage({ ok: true, value: await fn(...args) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error.message, stack: error.stack });
}
