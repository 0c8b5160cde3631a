/**
 * Makes `store-child.ts` quick to start, for the cross-process tests that start it hundreds of
 * times: bundled into one CommonJS script (esbuild, as the Electron build does), then run once to
 * build a V8 startup snapshot (`node --build-snapshot`) in which the host's code — about 1 MB, the
 * schemas and the search built — is already loaded. A child started from the snapshot only
 * deserializes it: what it spent starting through a TypeScript loader took minutes over 200
 * starts, and parsing the bundle at each start was still most of a crash loop.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../paths.ts';

/** How to start the child: the arguments of `node` before the child's own. */
export interface StoreChild {
  nodeArgs: string[];
}

export async function bundleStoreChild(outDir: string): Promise<StoreChild> {
  const script = path.join(outDir, 'store-child.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'store-child.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    absWorkingDir: PROJECT_ROOT,
  });
  const blob = path.join(outDir, 'store-child.blob');
  execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], {
    cwd: outDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return { nodeArgs: ['--snapshot-blob', blob] };
}
