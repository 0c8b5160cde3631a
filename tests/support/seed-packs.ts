/**
 * For tests: two real corpus packs written by `npm run corpus -- --pack` from the seeds: `a` is the
 * Code de la mutualité of 1986 (seed 003) alone, `b` the same with the two seed articles of the
 * sécurité sociale (seeds 000 and 001). `a`'s bundle folder stands for the corpus shipped with the app.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../electron/host/paths.ts';
import { runChild } from './run-child.ts';
import { seedFile } from './shared-corpus.ts';

// The seeds of `../shared`, or their copy in the committed sample: the packs are built on any machine.
export { seedFile } from './shared-corpus.ts';

export interface SeedPacks {
  /** The bundle of pack `a`, as compiled. */
  shipped: string;
  /** The bundle of pack `b`, as compiled. */
  bundleB: string;
  packA: string;
  packB: string;
}

/** Awaited (`runChild`), not `spawnSync`: the suites call it in `beforeAll`, in a Vitest worker whose loop must stay free. */
async function compile(work: string, out: string, pack: string, sources: string[]): Promise<void> {
  const result = await runChild(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(PROJECT_ROOT, 'corpus/compiler/cli/cli.ts'),
      '--no-default',
      ...sources.flatMap((s) => ['--source', s]),
      '--out',
      out,
      '--cache',
      path.join(work, 'cache'),
      '--pack',
      pack,
    ],
    { cwd: PROJECT_ROOT, env: { ...process.env, CI: '1' } },
  );
  if (result.status !== 0) throw new Error(`npm run corpus failed: ${result.stderr}`);
  if (!/Paquet écrit : .*\(\d+\.\d Mo, \d+ fichiers, données du \d{4}-\d{2}-\d{2}\)/.test(result.stdout))
    throw new Error(`npm run corpus -- --pack did not say it wrote the pack: ${result.stdout}`);
}

export async function buildSeedPacks(work: string): Promise<SeedPacks> {
  const packs: SeedPacks = {
    shipped: path.join(work, 'shipped'),
    bundleB: path.join(work, 'b'),
    packA: path.join(work, 'a.palimpseste'),
    packB: path.join(work, 'b.palimpseste'),
  };
  await compile(work, packs.shipped, packs.packA, [seedFile('003')]);
  await compile(work, packs.bundleB, packs.packB, [seedFile('003'), seedFile('000'), seedFile('001')]);
  return packs;
}
