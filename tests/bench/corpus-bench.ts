/**
 * Corpus compiler figures on the full default corpus (issue 2 §8):
 * - compile from nothing (bundles cloned into an empty cache), compile again with the clones cached,
 *   rebuild with no change (median of 3);
 * - bundle size beside the plain text size;
 * - an article's whole history read from the bundle, beside the way a user would get it without
 *   us: `git log` of the article's file + `git show` of each version, in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CorpusStore } from '../../electron/host/corpus-store.ts';
import type { Manifest } from '../../corpus/model/bundle.ts';
import { mb, median, ms, printTable } from './table.ts';
import { SHARED_DIR } from '../support/shared-corpus.ts';
import { folderBytes } from './folder-bytes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const shared = path.join(SHARED_DIR, 'corpus');
const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-bench-'));
const out = path.join(work, 'dist');

/** Peak RSS of each compile, as `npm run corpus` prints it (`process.resourceUsage().maxRSS`). */
const peakRss: number[] = [];

function compile(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'corpus/compiler/cli/cli.ts'), '--out', out, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    console.error(
      result.stderr
        .split('\n')
        .filter((l) => l.startsWith('erreur'))
        .join('\n'),
    );
    throw new Error(`npm run corpus ${args.join(' ')} exited ${result.status}`);
  }
  const rss = /mémoire max\s+([\d.]+) Mo/.exec(result.stdout);
  if (rss) peakRss.push(Number(rss[1]) * 1024 * 1024);
  return elapsed;
}

const rows: string[][] = [['mesure', 'Palimpseste', 'sans Palimpseste (même machine, même run)', 'objectif']];

const coldCache = path.join(work, 'cache');
const cold = compile(['--force', '--cache', coldCache]);
rows.push(['compilation complète, bundles clonés à neuf', `${(cold / 1000).toFixed(1)} s`, '—', '< 180 s']);
const warm = compile(['--force', '--cache', coldCache]);
rows.push(['compilation complète, clones en cache', `${(warm / 1000).toFixed(1)} s`, '—', '< 180 s']);
rows.push(['mémoire max du compilateur (RSS, compilation complète)', peakRss.length >= 2 ? `${mb(peakRss[1]!)}` : '—', '—', '< 1.5 GB']);
const unchanged = [0, 1, 2].map(() => compile(['--cache', coldCache]));
rows.push(['reconstruction sans changement (médiane de 3)', ms(median(unchanged)), '—', '< 10 s']);

const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
const bundleBytes = folderBytes(out);
rows.push([
  'taille du bundle / texte brut de toutes les versions',
  `${mb(bundleBytes)} = ${(bundleBytes / manifest.counts.plainTextBytes).toFixed(2)} × (dont recherche ${mb(folderBytes(path.join(out, 'search')))})`,
  `texte brut ${mb(manifest.counts.plainTextBytes)}`,
  '≤ 0.8 ×',
]);
rows.push(['codes / articles / versions', `${manifest.counts.codes} / ${manifest.counts.articles} / ${manifest.counts.versions}`, '—', '']);
const refs = manifest.counts.references;
rows.push([
  'renvois résolus (code dans le corpus)',
  `${refs.resolvedInCorpus}/${refs.inCorpus} (${((100 * refs.resolvedInCorpus) / refs.inCorpus).toFixed(1)} %)`,
  '—',
  '≥ 95 %',
]);

// History of articles: from the bundle vs git log + git show over the lexlib repository.
const lexlibBundle = path.join(shared, 'lexlib-code-de-la-securite-sociale.bundle');
if (existsSync(lexlibBundle)) {
  const clone = path.join(work, 'lexlib-css');
  execFileSync('git', ['clone', '--quiet', lexlibBundle, clone]);
  const store = new CorpusStore(out);
  const catalog = await store.catalog('code-de-la-securite-sociale');
  // -z: paths as they are (git quotes non-ASCII paths otherwise: « Partie l\303\251gislative »).
  const files = execFileSync('git', ['-C', clone, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\0');
  // Articles with many versions: the case where the history matters.
  const sample = catalog
    .filter((e) => e.id.includes('LEGIARTI') && e.versionCount >= 4)
    .filter((_, i) => i % 97 === 0)
    .slice(0, 20);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const entry of sample) {
    const digits = String(Number(entry.id.split('LEGIARTI')[1]));
    const file = files.find((f) => f.endsWith(` - ${digits}.md`));
    if (!file) continue;
    const fresh = new CorpusStore(out); // cold: no shard cached
    const t0 = performance.now();
    const article = await fresh.article(entry.id);
    ours.push(performance.now() - t0);
    const t1 = performance.now();
    const shas = execFileSync('git', ['-C', clone, 'log', '--format=%H', '--', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const sha of shas) execFileSync('git', ['-C', clone, 'show', `${sha}:${file}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    theirs.push(performance.now() - t1);
    if (article.versions.length === 0) throw new Error(`${entry.id} has no version`);
  }
  rows.push([
    `historique d'un article (${ours.length} articles ≥ 4 versions, médiane)`,
    ms(median(ours)),
    `git log + git show : ${ms(median(theirs))}`,
    '—',
  ]);
}

printTable(rows);
rmSync(work, { recursive: true, force: true });
