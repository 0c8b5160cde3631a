/**
 * Bundles `store-child.ts` into one ES module (esbuild, as the Electron build does), so that the
 * cross-process tests start a child with plain `node` in a few tens of milliseconds — 200 starts
 * through a TypeScript loader would take minutes.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../paths.ts';

export async function bundleStoreChild(outDir: string): Promise<string> {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'store-child.ts')],
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    absWorkingDir: PROJECT_ROOT,
    // Bundled CommonJS dependencies (lunr) may call `require`; an ES module has none of its own.
    banner: { js: "import { createRequire as __require } from 'node:module'; const require = __require(import.meta.url);" },
  });
  return path.join(outDir, 'store-child.mjs');
}
