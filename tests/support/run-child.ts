/**
 * `spawnSync` for tests, awaited: the child's output and exit status, while the test worker's event
 * loop stays free to answer Vitest (a `spawnSync` of the compiler blocks it for as long as the child
 * works: see `stretch-watch.ts`).
 */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface ChildResult {
  /** The exit code; -1 when a signal ended the child. */
  status: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runChild(command: string, args: readonly string[], options: Omit<SpawnOptions, 'stdio'> = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ status: code ?? -1, signal, stdout, stderr }));
  });
}
