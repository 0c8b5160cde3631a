/**
 * Starts the web edition (`build/web.ts`, what `npm run web` runs) as a child process on a free
 * port, waits for the address it prints on stdout, and stops it. Used by the global setup (one
 * host for the suite) and by the tests that restart a host or give it another corpus or data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');

export interface WebHost {
  url: string;
  process: ChildProcess;
  /** Everything the host wrote on stderr (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface WebHostOptions {
  dataDir: string;
  corpusDir?: string;
  /** Don't build what is missing (the suite's host built it already). */
  noBuild?: boolean;
  /** Build and corpus compilation can take minutes the first time. */
  timeoutMs?: number;
  /** The renderer build to serve (default: the suite's own build, `PALIMPSESTE_E2E_RENDERER`). */
  rendererDir?: string;
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const args = ['--import', 'tsx', path.join(PROJECT_ROOT, 'build/web.ts'), '--port', '0', '--data', options.dataDir];
  if (options.corpusDir) args.push('--corpus', options.corpusDir);
  if (options.noBuild) args.push('--no-build');
  const rendererDir = options.rendererDir ?? process.env.PALIMPSESTE_E2E_RENDERER;
  if (rendererDir) args.push('--renderer', rendererDir);
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The web host printed no address within ${options.timeoutMs ?? 600_000} ms.\n${stderr}`));
    }, options.timeoutMs ?? 600_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)\s*$/m.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, log: () => stderr, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited (code ${code}) before printing its address.\n${stderr}`));
    });
  });
}

/** Builds the renderer from the current sources into `outDir` (Vite, as `npm run web` would). */
export function buildRenderer(outDir: string): void {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The renderer build failed (see above).');
}
