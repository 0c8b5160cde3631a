/**
 * The source imports run side by side, one worker thread per source (the lexlib, LexHub and
 * legi-data imports of different codes share nothing), at most `workers` at once; single documents
 * are imported in this thread meanwhile. Each import
 * comes back whole (structured clone) and the worker ends, its heap freed; the outcomes are given
 * in the order of the jobs, whatever order they finish in, so that the merge — and the bundle — is
 * the same as with one thread.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SourceImport } from '../sources/source-import.ts';
import { importSource } from '../sources/source-registry.ts';
import { pathKind, type SourceSpec } from '../sources/source-spec.ts';
import type { ImportMessage, ImportTask } from './import-task.ts';

const ENTRY = new URL('./import-worker.mjs', import.meta.url);

export interface ImportJob {
  spec: SourceSpec;
  /** How the log names the source. */
  label: string;
}

export type ImportOutcome =
  { ok: true; imports: SourceImport[]; seconds: number; peakHeapBytes: number } | { ok: false; message: string; seconds: number };

export interface ImportPoolOptions {
  cacheDir: string;
  /** Workers at once (at least 1). */
  workers: number;
  onProgress(label: string, done: number, total: number): void;
  /** As each import ends (in the order they end). */
  onSettled?(label: string, outcome: ImportOutcome): void;
}

/**
 * A guess of an import's cost, to start the longest first (the shortest then fill the other
 * workers): the size of its bundle or file. legi-data reads its package's JSON, a few codes of it.
 */
function weight(spec: SourceSpec): number {
  if (spec.kind === 'legi-data') return 50 * 1024 * 1024;
  try {
    return statSync(spec.path).size;
  } catch {
    return 0;
  }
}

/**
 * A single document (a seed) is imported here, in a few milliseconds: a worker would spend more
 * than a second loading the importers.
 */
export function importsInThread(spec: SourceSpec): boolean {
  return spec.kind === 'seed' || (spec.kind === 'auto' && pathKind(spec.path) === 'file');
}

async function runHere(job: ImportJob, options: ImportPoolOptions): Promise<ImportOutcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const imports = await importSource(job.spec, {
      cacheDir: options.cacheDir,
      onProgress: (done, total) => options.onProgress(job.label, done, total),
    });
    return { ok: true, imports, seconds: seconds(), peakHeapBytes: 0 };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), seconds: seconds() };
  }
}

function runOne(job: ImportJob, options: ImportPoolOptions): Promise<ImportOutcome> {
  if (importsInThread(job.spec)) return runHere(job, options);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const task: ImportTask = { spec: job.spec, cacheDir: options.cacheDir };
  return new Promise((resolve) => {
    const worker = new Worker(ENTRY, { workerData: task, name: `import ${job.label}` });
    let outcome: ImportOutcome | undefined;
    worker.on('message', (message: ImportMessage) => {
      if (message.type === 'progress') options.onProgress(job.label, message.done, message.total);
      else if (message.type === 'done')
        outcome = { ok: true, imports: message.imports, seconds: seconds(), peakHeapBytes: message.peakHeapBytes };
      else outcome = { ok: false, message: message.message, seconds: seconds() };
    });
    worker.on('error', (error) => {
      outcome ??= { ok: false, message: error.message, seconds: seconds() };
    });
    worker.on('exit', (code) => {
      resolve(outcome ?? { ok: false, message: `le processus d’import s’est arrêté (code ${code})`, seconds: seconds() });
    });
  });
}

export async function importInWorkers(jobs: readonly ImportJob[], options: ImportPoolOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = new Array<ImportOutcome>(jobs.length);
  const queue = jobs
    .map((job, index) => ({ job, index, weight: weight(job.spec) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const next = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const outcome = await runOne(item.job, options);
      outcomes[item.index] = outcome;
      options.onSettled?.(item.job.label, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.workers, jobs.length)) }, next));
  return outcomes;
}
