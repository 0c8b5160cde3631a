// The entry of an import worker (`import-pool.ts`), in JavaScript: a worker thread of Node 20 does
// not load TypeScript by itself (not even under `node --import tsx`), so this registers tsx first,
// then runs the import (`import-task.ts`).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runImportTask } = await import('./import-task.ts');
await runImportTask(workerData, parentPort);
