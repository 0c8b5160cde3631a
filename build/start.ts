/**
 * `npm start`: builds what is missing (renderer, default corpus), compiles the main process and the
 * preload, and launches Electron on them. Where the Electron binary is not installed (its download
 * is blocked on some machines), says so in one line and points to `npm run web`.
 */
import { spawn } from 'node:child_process';
import { ELECTRON_OUT_DIR, PROJECT_ROOT } from '../electron/host/paths.ts';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.ts';
import { buildElectron } from './electron-build.ts';
import { ensureCorpus, ensureRenderer } from './ensure-built.ts';

const say = (line: string) => console.error(line);

async function main(): Promise<number> {
  // Checked first: no point building for minutes to find there is nothing to run it with.
  const electron = findElectronBinary();
  if (!electron) {
    console.error(NO_ELECTRON_MESSAGE);
    return 1;
  }
  if (!ensureRenderer(say)) return 1;
  ensureCorpus(say);
  say('Compilation du processus principal (electron/ → build/out/electron/)…');
  const { main } = await buildElectron(ELECTRON_OUT_DIR);
  const child = spawn(electron, [main, ...process.argv.slice(2)], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      say(`Impossible de lancer Electron : ${error.message}`);
      resolve(1);
    });
  });
}

process.exitCode = await main();
