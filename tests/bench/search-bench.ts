/**
 * Search benchmark: the reader's search engine on the compiled bundle (`corpus/dist/`), beside
 * `git grep -i` over a checkout of the sources for the same queries (`tests/bench/queries.txt`).
 *
 * Prints: load time of the index of the law in force (and of its stored texts), heap after load,
 * p50/p95 of a search over the law in force and over every version (past shards loaded), index
 * sizes, and git grep's p50/p95 over the checked-out lexlib sources. Medians and percentiles are
 * taken over every run of every query (each query runs RUNS times after one warm-up run).
 *
 * Without a compiled bundle, the index is built here from the legi-data codes (law in force only,
 * through the test input builder) and the table says so.
 *
 * Run: `npm run bench -- search` (or `node --expose-gc --import tsx tests/bench/search-bench.ts`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Manifest, SearchManifest } from '../../corpus/model/bundle.ts';
import type { Article } from '../../corpus/model/model.ts';
import { buildSearchIndexes } from '../../corpus/search/build.ts';
import { SearchEngine, type ReadFile } from '../../corpus/search/engine.ts';
import { articlesFromLegiData, type LegiDataNode } from '../../corpus/search/fixtures/legi-data-fixture.ts';
import { parseQuery } from '../../corpus/search/query.ts';
import type { SearchFilters } from '../../corpus/search/search-types.ts';
import { mb, median, ms, percentile, printTable } from './table.ts';
import { readBundleText } from '../support/bundle-files.ts';
import { storedFile } from '../../corpus/model/bundle-files.ts';
import { SHARED_DIR } from '../support/shared-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** The compiled bundle (another one with SEARCH_BENCH_BUNDLE=<folder>). */
const DIST = process.env.SEARCH_BENCH_BUNDLE ? path.resolve(process.env.SEARCH_BENCH_BUNDLE) : path.join(root, 'corpus/dist');
const SOURCES = path.join(SHARED_DIR, 'corpus');
/** The text sources that `git grep` reads (the legi-data codes are JSON, not greppable text). */
const GREP_BUNDLES = ['lexlib-code-de-la-securite-sociale.bundle', 'lexlib-code-de-la-mutualite.bundle'];
const RUNS = Number(process.env.SEARCH_BENCH_RUNS ?? 5);
const LOAD_RUNS = Number(process.env.SEARCH_BENCH_LOAD_RUNS ?? 5);
const GREP_RUNS = Number(process.env.SEARCH_BENCH_GREP_RUNS ?? 3);

const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

function readQueries(): string[] {
  return readFileSync(path.join(import.meta.dirname, 'queries.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

interface Bundle {
  manifest: SearchManifest;
  readFile: ReadFile;
  origin: string;
  size: (file: string) => number;
}

function compiledBundle(): Bundle | undefined {
  const manifestFile = path.join(DIST, 'manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  if (!manifest.search) return undefined;
  return {
    manifest: manifest.search,
    readFile: async (file) => readBundleText(DIST, file),
    origin: `${path.relative(root, DIST) || DIST} (compilé le ${manifest.builtAt}, ${manifest.counts.articles} articles, ${manifest.codes.length} codes)`,
    // As stored: gzipped beside the name the index gives, but for the index of the law in force (`bundle-files.ts`).
    size: (file) => statSync(path.join(DIST, storedFile(manifest.files, file).file)).size,
  };
}

/** Without `npm run corpus`: the law in force of the legi-data codes, indexed here. */
function builtBundle(): Bundle {
  const data = path.join(root, 'node_modules/@socialgouv/legi-data/data');
  const codes: { id: string; title: string }[] = [];
  const articles: Article[] = [];
  let asOf = '0000-00-00';
  const trees = ['LEGITEXT000006072050', 'LEGITEXT000006073189', 'LEGITEXT000022197698', 'LEGITEXT000031366350'].map(
    (id) => JSON.parse(readFileSync(path.join(data, `${id}.json`), 'utf8')) as LegiDataNode & { data: { dateModif?: string } },
  );
  for (const tree of trees) if ((tree.data.dateModif ?? '') > asOf) asOf = tree.data.dateModif ?? asOf;
  for (const tree of trees) {
    const { code, articles: codeArticles } = articlesFromLegiData(tree, asOf);
    codes.push(code);
    articles.push(...codeArticles);
  }
  const build = buildSearchIndexes(articles, codes, { asOf });
  return {
    manifest: build.manifest,
    readFile: async (file) => build.files.get(file) ?? Promise.reject(new Error(`${file}: not built`)),
    origin: `index construit ici (pas de corpus/dist) : legi-data, ${articles.length} articles en vigueur, pas d’historique`,
    size: (file) => Buffer.byteLength(build.files.get(file) ?? ''),
  };
}

/** The files of the index, by collection, with their sizes. */
function indexSizes(bundle: Bundle, files: readonly string[]): { index: number; texts: number } {
  let index = 0;
  let texts = 0;
  for (const file of files) {
    index += bundle.size(file);
    const shard = JSON.parse(readBundleText(DIST, file)) as { texts: { file: string }[] };
    for (const chunk of shard.texts) texts += bundle.size(chunk.file);
  }
  return { index, texts };
}

async function measureLoad(bundle: Bundle): Promise<{ index: number[]; texts: number[] }> {
  const index: number[] = [];
  const texts: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    const started = performance.now();
    const engine = await SearchEngine.load(bundle.manifest, bundle.readFile);
    index.push(performance.now() - started);
    await engine.textsLoaded();
    texts.push(performance.now() - started);
  }
  return { index, texts };
}

/** CPU time of this process (ms): on a shared machine, wall time also counts the others' work. */
function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface SearchSamples {
  /** First run of each query: its terms' postings are decoded then (kept for the next runs). */
  cold: number[];
  wall: number[];
  cpu: number[];
  results: number[];
}

async function measureSearch(engine: SearchEngine, queries: readonly string[], filters: SearchFilters): Promise<SearchSamples> {
  const samples: SearchSamples = { cold: [], wall: [], cpu: [], results: [] };
  for (const query of queries) {
    const started = performance.now();
    const first = await engine.search(query, filters); // warm-up: decodes the postings, as a first search does
    samples.cold.push(performance.now() - started);
    samples.results.push(first.total);
    for (let run = 0; run < RUNS; run++) {
      const cpu = cpuNow();
      const started = performance.now();
      await engine.search(query, filters);
      samples.wall.push(performance.now() - started);
      samples.cpu.push(cpuNow() - cpu);
    }
  }
  return samples;
}

const p50p95 = (samples: readonly number[]) => `${ms(median(samples))} / ${ms(percentile(samples, 95))}`;

/** A checkout of each lexlib bundle in the temp folder (made once, kept for the next runs). */
function grepCheckouts(): string[] {
  const dirs: string[] = [];
  for (const bundle of GREP_BUNDLES) {
    const file = path.join(SOURCES, bundle);
    if (!existsSync(file)) continue;
    const heads = execFileSync('git', ['bundle', 'list-heads', file], { encoding: 'utf8' });
    const key = createHash('sha256').update(heads).digest('hex').slice(0, 12);
    const dir = path.join(tmpdir(), 'palimpseste-search-bench', `${bundle.replace(/\.bundle$/, '')}-${key}`);
    if (!existsSync(path.join(dir, '.git'))) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(path.dirname(dir), { recursive: true });
      execFileSync('git', ['clone', '--quiet', file, dir]);
    }
    dirs.push(dir);
  }
  return dirs;
}

/** What a person would type to grep for the query: the phrase, the words, the number as LEGI writes it. */
function grepPattern(query: string): string {
  const parsed = parseQuery(query);
  if (parsed.number !== undefined) return parsed.number;
  return query.replace(/["«»“”]/g, '').trim();
}

function measureGrep(dirs: readonly string[], queries: readonly string[]): { samples: number[]; files: number[] } {
  const samples: number[] = [];
  const files: number[] = [];
  for (const query of queries) {
    const pattern = grepPattern(query);
    let matched = 0;
    for (let run = 0; run < GREP_RUNS; run++) {
      const started = performance.now();
      matched = 0;
      for (const dir of dirs) {
        const result = spawnSync('git', ['-C', dir, 'grep', '-i', '-F', '-l', '-e', pattern], { encoding: 'utf8', maxBuffer: 1 << 28 });
        matched += result.stdout.split('\n').filter(Boolean).length;
      }
      samples.push(performance.now() - started);
    }
    files.push(matched);
  }
  return { samples, files };
}

async function main(): Promise<void> {
  const queries = readQueries();
  const compiled = compiledBundle();
  const bundle = compiled ?? builtBundle();
  console.log(`Index : ${bundle.origin}`);
  console.log(`Requêtes : ${queries.length} (tests/bench/queries.txt), ${RUNS} passes chacune après une passe de chauffe.`);
  console.log(
    `Charge de la machine au départ : ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' / ')} (machine partagée : le temps d’horloge en dépend, le temps CPU moins).`,
  );
  if (!gc) console.log('(sans --expose-gc : la mémoire mesurée comprend des déchets non collectés)');

  const baseline = heapUsed();
  const load = await measureLoad(bundle);
  const engine = await SearchEngine.load(bundle.manifest, bundle.readFile);
  await engine.textsLoaded();
  const heapCurrent = heapUsed() - baseline;
  const current = await measureSearch(engine, queries, {});
  const pastStarted = performance.now();
  await engine.loadPast();
  const pastLoad = performance.now() - pastStarted;
  const heapWithPast = heapUsed() - baseline;
  const all = await measureSearch(engine, queries, { scope: 'all' });
  const dated = await measureSearch(engine, queries, { inForceOn: '2000-01-01' });

  const dirs = grepCheckouts();
  const grep = dirs.length ? measureGrep(dirs, queries) : undefined;

  const currentSizes = compiled
    ? indexSizes(bundle, [bundle.manifest.current])
    : { index: bundle.size(bundle.manifest.current), texts: NaN };
  const pastSizes = compiled ? indexSizes(bundle, bundle.manifest.past) : { index: 0, texts: 0 };
  const docs = bundle.manifest.documents;
  const currentDocs = docs[bundle.manifest.current] ?? 0;
  const pastDocs = bundle.manifest.past.reduce((n, file) => n + (docs[file] ?? 0), 0);
  const verdict = (value: number, target: number) => (value <= target ? 'ok' : 'DÉPASSÉ');
  console.log(
    `Charge de la machine à la fin : ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' / ')}`,
  );

  printTable([
    ['mesure', 'valeur', 'cible', ''],
    ['chargement index en vigueur (médiane)', ms(median(load.index)), '< 500 ms', verdict(median(load.index), 500)],
    ['  + ses textes stockés, en arrière-plan (médiane)', ms(median(load.texts)), '', ''],
    ['tas après chargement (en vigueur + textes)', mb(heapCurrent), '', ''],
    ['chargement des versions passées (arrière-plan)', ms(pastLoad), '', ''],
    ['tas avec les versions passées', mb(heapWithPast), '', ''],
    ['recherche, droit en vigueur p50 / p95 (horloge)', p50p95(current.wall), '< 30 ms', verdict(percentile(current.wall, 95), 30)],
    ['  temps CPU p50 / p95', p50p95(current.cpu), '', ''],
    ['  première passe de chaque requête p50 / p95', p50p95(current.cold), '', ''],
    ['recherche, toutes versions p50 / p95 (horloge)', p50p95(all.wall), '< 150 ms', verdict(percentile(all.wall, 95), 150)],
    ['  temps CPU p50 / p95', p50p95(all.cpu), '', ''],
    ['  première passe de chaque requête p50 / p95', p50p95(all.cold), '', ''],
    ['recherche, en vigueur le 2000-01-01 p50 / p95', p50p95(dated.wall), '< 150 ms', verdict(percentile(dated.wall, 95), 150)],
    ['articles trouvés par requête (médiane, en vigueur / toutes)', `${median(current.results)} / ${median(all.results)}`, '', ''],
    ['documents : en vigueur / textes passés', `${currentDocs} / ${pastDocs}`, '', ''],
    [
      'taille index en vigueur (+ textes)',
      `${mb(currentSizes.index)} (+ ${Number.isNaN(currentSizes.texts) ? '?' : mb(currentSizes.texts)})`,
      '',
      '',
    ],
    ['taille index passé (+ textes)', `${mb(pastSizes.index)} (+ ${mb(pastSizes.texts)})`, '', ''],
    grep
      ? [
          'git grep -i -F -l, lexlib SS + mutualité, p50 / p95',
          p50p95(grep.samples),
          '',
          `${dirs.length} copies, ${median(grep.files)} fichiers/requête (méd.)`,
        ]
      : ['git grep', 'sources absentes', '', ''],
  ]);
}

await main();
