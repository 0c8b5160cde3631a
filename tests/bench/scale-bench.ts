/**
 * `npm run bench -- scale`: the compiler and the search on a synthetic corpus of N × the default
 * (`corpus/compiler/synthetic-corpus.ts`: the real codes copied under other ids, so the text
 * statistics stay real), for N = 1 and 3 by default; `SCALE_N=1,3,10` asks for others.
 * Printed for each N: compile time, the compiler's peak RSS (`process.resourceUsage().maxRSS`, as
 * `npm run corpus` prints it), bundle size beside the plain text of every version, search index
 * load, search p95 in force and over all versions (first run of each query, and repeated).
 * Renderer figures (first article painted, renderer memory) are in the reader bench, on 1× only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freemem, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { Manifest } from '../../corpus/model/bundle.ts';
import { SearchEngine } from '../../corpus/search/engine.ts';
import type { SearchFilters } from '../../corpus/search/search-types.ts';
import { readBundleText } from '../support/bundle-files.ts';
import { mb, median, ms, percentile, printTable } from './table.ts';
import { folderBytes } from './folder-bytes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-scale-'));
const factors = (process.env.SCALE_N ?? '1,3')
  .split(',')
  .map((n) => Number.parseInt(n, 10))
  .filter((n) => n >= 1);

function compile(out: string, n: number): { seconds: number; peakRss: number } {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'corpus/compiler/cli/cli.ts'),
      '--out',
      out,
      '--cache',
      path.join(root, 'corpus/cache'),
      '--force',
      '--replicate',
      String(n),
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`npm run corpus -- --replicate ${n} exited ${result.status ?? result.signal}: ${result.stderr.slice(-2000)}`);
  const rss = /mémoire max\s+([\d.]+) Mo/.exec(result.stdout);
  return { seconds, peakRss: rss ? Number(rss[1]) * 1024 * 1024 : NaN };
}

const queries = readFileSync(path.join(import.meta.dirname, 'queries.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

async function searchTimes(engine: SearchEngine, filters: SearchFilters): Promise<{ first: number[]; repeated: number[] }> {
  const first: number[] = [];
  const repeated: number[] = [];
  for (const query of queries) {
    let started = performance.now();
    await engine.search(query, filters);
    first.push(performance.now() - started);
    started = performance.now();
    await engine.search(query, filters);
    repeated.push(performance.now() - started);
  }
  return { first, repeated };
}

const rows: string[][] = [
  [
    'N',
    'compilation',
    'RSS max compilateur',
    'bundle / texte brut',
    'chargement index (en vigueur)',
    'recherche p95 en vigueur (1re / répétée)',
    'recherche p95 toutes versions (1re / répétée)',
  ],
];

for (const n of factors) {
  // Each N × needs about N × the 1× compiler's memory (everything is held until the bundle is written).
  const needed = n * 2.5 * 1024 ** 3;
  if (n > 1 && needed > freemem()) {
    rows.push([
      `${n}×`,
      `non mesuré : il faudrait ~${mb(needed)} de mémoire, ${mb(freemem())} libres sur ${mb(totalmem())}`,
      '',
      '',
      '',
      '',
      '',
    ]);
    continue;
  }
  const out = path.join(work, `x${n}`);
  let compiled: { seconds: number; peakRss: number };
  try {
    compiled = compile(out, n);
  } catch (error) {
    rows.push([`${n}×`, `échec : ${(error as Error).message.split('\n')[0]}`, '', '', '', '', '']);
    continue;
  }
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  const read = async (file: string) => readBundleText(out, file);
  const loads: number[] = [];
  let engine: SearchEngine | undefined;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    engine = await SearchEngine.load(manifest.search, read);
    await engine.textsLoaded();
    loads.push(performance.now() - started);
  }
  const inForce = await searchTimes(engine!, {});
  await engine!.loadPast();
  const all = await searchTimes(engine!, { scope: 'all' });
  const bundle = folderBytes(out);
  const p95 = (s: { first: number[]; repeated: number[] }) => `${ms(percentile(s.first, 95))} / ${ms(percentile(s.repeated, 95))}`;
  rows.push([
    `${n}×`,
    `${compiled.seconds.toFixed(0)} s`,
    mb(compiled.peakRss),
    `${mb(bundle)} / ${mb(manifest.counts.plainTextBytes)} (${(bundle / manifest.counts.plainTextBytes).toFixed(2)} ×)`,
    `${ms(median(loads))} (médiane de 3)`,
    p95(inForce),
    p95(all),
  ]);
  rmSync(out, { recursive: true, force: true });
}

printTable(rows);
console.log(
  `(${queries.length} requêtes de queries.txt ; machine partagée : temps bruités, rapports et médianes à lire plutôt que valeurs absolues)`,
);
rmSync(work, { recursive: true, force: true });
