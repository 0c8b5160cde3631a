/**
 * Word diff speed (issue 4 §8): the longest version pair of the lexlib sécurité sociale history,
 * i.e. the longest text of an article that has at least two text versions, against that version's
 * neighbour, timed over 25 runs (median and p95; target under 50 ms), with `git diff --no-index
 * --word-diff` on the same two texts in the same run. Also: the first and last versions of that
 * article, and every consecutive version pair of the code once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { GitRepository } from '../../corpus/compiler/sources/common/git-repository.ts';
import { parseArticleFile } from '../../corpus/compiler/sources/common/lexlib-format/article-file.ts';
import { compareVersions } from '../../corpus/diff/compare-versions.ts';
import { diffWordsDetailed } from '../../corpus/diff/word-diff.ts';
import { textKey } from '../../corpus/text/paragraphs.ts';
import { median, ms, percentile, printTable } from './table.ts';
import { SHARED_DIR } from '../support/shared-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(SHARED_DIR, 'corpus', 'lexlib-code-de-la-securite-sociale.bundle');
const RUNS = 25;
const TARGET_MS = 50;

if (!existsSync(bundle)) {
  console.log(`${bundle} absent: diff benchmark skipped`);
  process.exit(0);
}

interface TextVersion {
  date: string;
  paragraphs: string[];
}

// 1. Every article's successive text versions (a commit that changes only the links is no new text).
const repo = await GitRepository.open(bundle, path.join(root, 'corpus/cache'));
const history = await repo.history();
const blobsByFile = new Map<string, { date: string; blob: string }[]>();
for (const commit of history) {
  const date = /Version consolidée du (\d{4}-\d{2}-\d{2})/.exec(commit.message)?.[1] ?? commit.authorDate.slice(0, 10);
  for (const change of commit.changes) {
    if (change.status === 'D' || !/\/Article .+\.md$/.test(change.path)) continue;
    const list = blobsByFile.get(change.path) ?? [];
    list.push({ date, blob: change.blob });
    blobsByFile.set(change.path, list);
  }
}
const blobs = await repo.readBlobs([...new Set([...blobsByFile.values()].flat().map((v) => v.blob))]);
const articles: { file: string; versions: TextVersion[] }[] = [];
for (const [file, list] of blobsByFile) {
  const versions: TextVersion[] = [];
  for (const { date, blob } of list) {
    const { paragraphs } = parseArticleFile(blobs.get(blob) ?? '', { source: 'bench', path: file, warnings: [] });
    if (versions.length > 0 && textKey({ paragraphs: versions[versions.length - 1]!.paragraphs }) === textKey({ paragraphs })) continue;
    versions.push({ date, paragraphs });
  }
  if (versions.length >= 2) articles.push({ file, versions });
}

// 2. The longest text among articles with at least two versions, and its neighbour.
const length = (v: TextVersion) => v.paragraphs.join('\n').length;
let longest = { article: articles[0]!, index: 0 };
for (const article of articles) {
  article.versions.forEach((version, index) => {
    if (length(version) > length(longest.article.versions[longest.index]!)) longest = { article, index };
  });
}
const { article } = longest;
const at = Math.max(1, longest.index);
const pairs = [
  { label: 'plus longue paire', before: article.versions[at - 1]!, after: article.versions[at]! },
  { label: 'première → dernière', before: article.versions[0]!, after: article.versions[article.versions.length - 1]! },
];

const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-diff-bench-'));
const words = (v: TextVersion) => v.paragraphs.join('\n').split(/\s+/u).length;
const rows: string[][] = [['paire', 'calcul', 'médiane', 'p95', 'CPU médiane', 'CPU p95', 'objectif', 'résultat']];
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
console.log(`charge de la machine au départ (1, 5, 15 min) : ${load()} — sur 2 cœurs partagés, le temps CPU dit ce que coûte le calcul`);
let failed = false;

function timeRuns(run: () => void): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < 3; i++) run(); // warm-up: the JIT, not the measure
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

console.log(`article le plus long ayant au moins deux versions : ${article.file} (${article.versions.length} versions)`);
for (const pair of pairs) {
  const oldText = pair.before.paragraphs.join('\n\n');
  const newText = pair.after.paragraphs.join('\n\n');
  const comparison = compareVersions(pair.before, pair.after, 'word');
  const whole = diffWordsDetailed(oldText, newText);
  console.log(
    `${pair.label} : ${pair.before.date} → ${pair.after.date}, ${oldText.length} → ${newText.length} caractères, ` +
      `${words(pair.before)} → ${words(pair.after)} mots, ${pair.before.paragraphs.length} → ${pair.after.paragraphs.length} alinéas ; ` +
      `${comparison.changeCount} changements (${JSON.stringify(comparison.summary)}), diff d'un bloc : ${whole.deletedTokens} unités supprimées, ${whole.insertedTokens} insérées${whole.timedOut ? ', DÉLAI ATTEINT' : ''}`,
  );

  const measures: { name: string; run: () => void; target?: number }[] = [
    {
      name: "compareVersions('word') (ce que l'interface calcule)",
      run: () => compareVersions(pair.before, pair.after, 'word'),
      target: TARGET_MS,
    },
    { name: 'diffWords, texte entier en un bloc', run: () => diffWordsDetailed(oldText, newText) },
  ];
  for (const measure of measures) {
    const { wall, cpu } = timeRuns(measure.run);
    const ok = measure.target === undefined || median(wall) < measure.target;
    if (!ok) failed = true;
    rows.push([
      pair.label,
      measure.name,
      ms(median(wall)),
      ms(percentile(wall, 95)),
      ms(median(cpu)),
      ms(percentile(cpu, 95)),
      measure.target === undefined ? '—' : `< ${measure.target} ms`,
      measure.target === undefined ? '—' : ok ? 'OK' : 'TROP LENT',
    ]);
  }

  // git's own word diff of the same two texts, from files, in the same run.
  const oldFile = path.join(work, 'ancien.txt');
  const newFile = path.join(work, 'nouveau.txt');
  writeFileSync(oldFile, oldText + '\n');
  writeFileSync(newFile, newText + '\n');
  const git = () => {
    const result = spawnSync('git', ['diff', '--no-index', '--no-color', '--word-diff', oldFile, newFile], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    // Exit code 1 means « the files differ ».
    if (result.status !== 1) throw new Error(`git diff --no-index exited ${result.status}: ${result.stderr}`);
  };
  const { wall } = timeRuns(git);
  rows.push([
    pair.label,
    'git diff --no-index --word-diff (processus compris)',
    ms(median(wall)),
    ms(percentile(wall, 95)),
    '—',
    '—',
    '—',
    '—',
  ]);
}
rmSync(work, { recursive: true, force: true });

// 3. Every consecutive version pair of the code, once each (CPU time: one run is too short for the wall clock of a shared machine).
const all: number[] = [];
let slowest = { time: 0, label: '' };
for (const { file, versions } of articles) {
  for (let i = 1; i < versions.length; i++) {
    const cpuStart = process.cpuUsage();
    compareVersions(versions[i - 1]!, versions[i]!, 'word');
    const used = process.cpuUsage(cpuStart);
    const elapsed = (used.user + used.system) / 1000;
    all.push(elapsed);
    if (elapsed > slowest.time)
      slowest = { time: elapsed, label: `${path.basename(file)} ${versions[i - 1]!.date} → ${versions[i]!.date}` };
  }
}
rows.push([
  `${all.length} paires consécutives`,
  "compareVersions('word'), une fois chacune",
  '—',
  '—',
  ms(median(all)),
  ms(percentile(all, 95)),
  '—',
  `max CPU ${ms(slowest.time)} (${slowest.label})`,
]);

printTable(rows);
console.log(`charge de la machine à la fin : ${load()}`);
if (failed) process.exitCode = 1;
