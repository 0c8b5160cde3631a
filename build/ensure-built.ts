/**
 * What `npm start` and `npm run web` build before running, when it is missing: the renderer (Vite)
 * and the default corpus (`npm run corpus`). Their output goes to stderr, so that a script reading
 * the web host's stdout sees only its address.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, PROJECT_ROOT, RENDERER_DIR } from '../electron/host/paths.ts';

export type Say = (line: string) => void;

/**
 * Awaited, not `spawnSync`: the packaging test builds the renderer in a Vitest worker, whose loop
 * must stay free to answer Vitest during a build that takes a minute on a loaded machine.
 */
function run(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2], env: process.env });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

/** Builds the renderer into `build/out/renderer/` unless its `index.html` is there. */
export async function ensureRenderer(say: Say): Promise<boolean> {
  if (existsSync(path.join(RENDERER_DIR, 'index.html'))) return true;
  say('Construction de l’interface (renderer/ → build/out/renderer/)…');
  const ok =
    (await run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'])) && existsSync(path.join(RENDERER_DIR, 'index.html'));
  if (!ok) say('La construction de l’interface a échoué (voir ci-dessus).');
  return ok;
}

/** Compiles the default corpus into `corpus/dist/` unless its manifest is there. */
export async function ensureCorpus(say: Say): Promise<boolean> {
  if (existsSync(path.join(CORPUS_DIR, 'manifest.json'))) return true;
  say('Compilation du corpus par défaut (npm run corpus), la première fois seulement…');
  const ok = (await run('npm', ['run', '--silent', 'corpus'])) && existsSync(path.join(CORPUS_DIR, 'manifest.json'));
  if (!ok) say('La compilation du corpus a échoué (voir ci-dessus) : l’application s’ouvrira sans corpus.');
  return ok;
}
