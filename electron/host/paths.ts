/**
 * Where things are when running from the repository (`npm start`, `npm run web`): the renderer
 * build, the corpus bundle, and the default user-data folder. A packaged app passes its own paths.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** The repository root (this file is `electron/host/paths.ts`). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'build', 'out', 'renderer');
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus', 'dist');
export const ELECTRON_OUT_DIR = path.join(PROJECT_ROOT, 'build', 'out', 'electron');

/**
 * The folder Electron names `userData` for the product « Palimpseste », so that the web edition and
 * the desktop app share the user's trails on one machine.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Palimpseste');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Palimpseste');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Palimpseste');
}
