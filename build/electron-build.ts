/**
 * Compiles the Electron main process and preload into `build/out/electron/` with esbuild (already
 * installed with Vite): `main.js` (ES module, like the package) and `preload.cjs` (CommonJS: a
 * sandboxed preload cannot be an ES module). `electron` stays external: Electron provides it.
 */
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { ELECTRON_OUT_DIR, PROJECT_ROOT } from '../electron/host/paths.ts';

export const MAIN_ENTRY = 'electron/main/main.ts';
export const PRELOAD_ENTRY = 'electron/preload/preload.ts';

export async function buildElectron(outDir: string = ELECTRON_OUT_DIR): Promise<{ main: string; preload: string }> {
  const main = path.join(outDir, 'main.js');
  const preload = path.join(outDir, 'preload.cjs');
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: PROJECT_ROOT,
  };
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, MAIN_ENTRY)],
    outfile: main,
    format: 'esm',
    // Bundled CommonJS dependencies (lunr) may call `require`; an ES module has none of its own.
    banner: {
      js: "import { createRequire as __palimpsesteRequire } from 'node:module'; const require = __palimpsesteRequire(import.meta.url);",
    },
  });
  await build({ ...common, entryPoints: [path.join(PROJECT_ROOT, PRELOAD_ENTRY)], outfile: preload, format: 'cjs' });
  return { main, preload };
}
