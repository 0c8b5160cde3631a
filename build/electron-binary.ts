/**
 * Where the Electron binary of `node_modules/electron` is, without importing that package: its
 * `index.js` tries to download the binary when it is missing, which must never happen here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../electron/host/paths.ts';

const ELECTRON_PACKAGE = path.join(PROJECT_ROOT, 'node_modules', 'electron');

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** The executable's path, or undefined when the binary is not installed. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : (EXECUTABLE[process.platform] ?? 'electron');
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(ELECTRON_PACKAGE, 'dist');
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : undefined;
}
