/**
 * `npm run corpus:sample [-- --shared DOSSIER] [--out DOSSIER]`: cuts the committed sample
 * (`corpus/sample/`) from the real sources in `../shared/`: for each article listed in
 * `corpus/sample/articles.json`, every commit of the lexlib and LexHub histories that changed it,
 * with the commits' own messages (lexlib lists restricted to the sample's articles), authors and
 * dates (`build/history-cut.ts`); and the seed documents, copied. The sample is what `npm test` and
 * the default corpus read on a machine without `../shared` (see `corpus/sources.json`).
 * The same sources give the same bundles, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import prettier from 'prettier';
import { cutHistory, readHistory } from './history-cut.ts';
import { readSamplePlan, restrictLexlibMessage, selectFiles, type SampleFormat } from './sample-plan.ts';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage : npm run corpus:sample -- [--shared DOSSIER] [--out DOSSIER]
  --shared DOSSIER  les sources complètes (défaut : ../shared, qui contient corpus/*.bundle et seeds/)
  --out DOSSIER     où écrire l’échantillon (défaut : corpus/sample)`;

interface BundleReport {
  name: string;
  format: SampleFormat;
  sourceHead: string;
  sourceCommits: number;
  commits: number;
  files: number;
  bytes: number;
  missing: string[];
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({ options: { shared: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const shared = path.resolve(values.shared ?? path.join(root, '..', 'shared'));
  const out = path.resolve(values.out ?? path.join(root, 'corpus', 'sample'));
  const planFile = path.join(root, 'corpus', 'sample', 'articles.json');
  const plan = readSamplePlan(planFile);

  const wantedBundles = plan.flatMap((code) => [code.lexlib, code.lexhub].filter((b): b is string => b !== undefined));
  const absent = wantedBundles.filter((name) => !existsSync(path.join(shared, 'corpus', name)));
  if (absent.length > 0 || !existsSync(path.join(shared, 'seeds'))) {
    console.error(
      `L’échantillon se taille dans les sources complètes, absentes ici : ${[...absent.map((n) => path.join(shared, 'corpus', n)), ...(existsSync(path.join(shared, 'seeds')) ? [] : [path.join(shared, 'seeds')])].join(', ')}.\n` +
        `Donnez leur dossier avec --shared, ou récupérez-les avec « npm run corpus:fetch ».`,
    );
    return 1;
  }

  mkdirSync(out, { recursive: true });
  const reports: BundleReport[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-sample-'));
  try {
    for (const code of plan) {
      const wanted = Object.keys(code.articles);
      const found = new Set<string>();
      for (const [format, name] of [
        ['lexlib', code.lexlib],
        ['lexhub', code.lexhub],
      ] as const) {
        if (!name) continue;
        const bundle = path.join(shared, 'corpus', name);
        const gitDir = path.join(work, name.replace(/\.bundle$/, '.git'));
        console.error(`${name} : lecture de l’historique…`);
        execFileSync('git', ['clone', '--quiet', '--bare', bundle, gitDir]);
        const history = await readHistory(gitDir);
        const allPaths = [...new Set(history.flatMap((c) => c.changes.map((ch) => ch.path)))];
        const selection = selectFiles(format, allPaths, wanted);
        for (const num of wanted) if (!selection.missing.includes(num)) found.add(num);
        const outBundle = path.join(out, name);
        const result = await cutHistory({
          gitDir,
          history,
          keep: selection.keep,
          triggers: selection.isArticle,
          ...(format === 'lexlib' ? { message: (commit) => restrictLexlibMessage(commit.message, selection.keptNumbers) } : {}),
          outBundle,
        });
        const report: BundleReport = {
          name,
          format,
          sourceHead: execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(),
          sourceCommits: history.length,
          commits: result.commits,
          files: result.files,
          bytes: statSync(outBundle).size,
          missing: selection.missing,
        };
        reports.push(report);
        console.error(
          `${name} : ${report.commits} commits sur ${report.sourceCommits}, ${result.paths.length} fichiers, ${(report.bytes / 1024).toFixed(0)} Ko` +
            (report.missing.length ? ` (absents de cette source : ${report.missing.join(', ')})` : ''),
        );
      }
      const nowhere = wanted.filter((num) => !found.has(num));
      if (nowhere.length > 0) {
        console.error(`${planFile} : ${code.code} : aucune source n’a d’article ${nowhere.join(', ')}.`);
        return 1;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const seedsOut = path.join(out, 'seeds');
  rmSync(seedsOut, { recursive: true, force: true });
  mkdirSync(seedsOut);
  const seeds = readdirSync(path.join(shared, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const seed of seeds) copyFileSync(path.join(shared, 'seeds', seed), path.join(seedsOut, seed));
  const seedBytes = seeds.reduce((n, seed) => n + statSync(path.join(seedsOut, seed)).size, 0);

  // Formatted as `npm test` checks it (Prettier aligns the tables).
  const readme = path.join(out, 'README.md');
  const options = (await prettier.resolveConfig(path.join(root, 'README.md'))) ?? {};
  writeFileSync(readme, await prettier.format(sampleReadme(plan, reports, seeds, seedBytes), { ...options, filepath: readme }));
  const total = reports.reduce((n, r) => n + r.bytes, 0) + seedBytes;
  console.log(`Échantillon écrit dans ${path.relative(root, out) || out} : ${(total / 1024 / 1024).toFixed(1)} Mo.`);
  return 0;
}

function sampleReadme(plan: ReturnType<typeof readSamplePlan>, reports: BundleReport[], seeds: string[], seedBytes: number): string {
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  const lines = [
    '# The committed sample of the real sources',
    '',
    'Written by `npm run corpus:sample` from `../shared/` — do not edit by hand. The whole histories',
    '(`../shared/corpus/*.bundle`, 55 MB) are not in the repository; this sample is: the histories of',
    'the articles below, cut from them commit by commit (each commit that changed one of these files,',
    'with its own author, dates and message; a lexlib message keeps, in its lists of created, modified',
    'and repealed articles, the numbers of the articles the sample holds), and the seed documents.',
    'All are republished from DILA’s LEGI database (Licence Ouverte / Etalab 2.0).',
    '',
    'Where `../shared` is absent, the default corpus (`corpus/sources.json`) compiles these bundles in',
    'place of the whole ones, and the tests read them (`tests/support/shared-corpus.ts`); the tests that',
    'need a whole history are skipped, and `npm test` says how many.',
    '',
    '| bundle | commits (of the source) | files | size | source head |',
    '| --- | --- | --- | --- | --- |',
    ...reports.map(
      (r) =>
        `| \`${r.name}\` | ${r.commits} (of ${r.sourceCommits}) | ${r.files} at the head | ${kb(r.bytes)} | \`${r.sourceHead.slice(0, 12)}\` |`,
    ),
    `| \`seeds/\` | ${seeds.length} files, copied | | ${kb(seedBytes)} | |`,
    '',
  ];
  for (const code of plan) {
    lines.push(`## ${code.code}`, '', '| article | why the sample holds it |', '| --- | --- |');
    for (const [num, why] of Object.entries(code.articles)) {
      const absentFrom = reports
        .filter((r) => (r.name === code.lexlib || r.name === code.lexhub) && r.missing.includes(num))
        .map((r) => `not in ${r.format}`);
      lines.push(`| ${num} | ${why}${absentFrom.length ? ` (${absentFrom.join(', ')})` : ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

process.exitCode = await main();
