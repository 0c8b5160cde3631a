/**
 * The corpus build: sources → imports → merge → references → search index → bundle.
 * One bad source never stops the others: it is reported in one line and the rest builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import type { Manifest } from '../model/bundle.ts';
import { BUNDLE_SCHEMA_VERSION } from '../model/bundle.ts';
import { dataDateOf } from '../model/timeline.ts';
import type { Code, CompileWarning, SourceInfo } from '../model/model.ts';
import { combineFingerprints, compilerFingerprint, sourceFingerprint } from './bundle/fingerprint.ts';
import type { SourceImport } from './sources/source-import.ts';
import { importSource, legiDataVersion, SOURCE_PRIORITY } from './sources/source-registry.ts';
import type { SourceSpec } from './sources/source-spec.ts';
import type { ImportJob, ImportOutcome } from './workers/import-pool.ts';
import type { WrittenBundle } from './bundle/bundle-writer.ts';
import { SharedTexts } from './merge/shared-texts.ts';
import { collectGarbage } from './memory.ts';

/**
 * The stages after the imports, loaded only when there is something to build: a build with no
 * change then answers without loading the merge, the references, the search index builder and
 * their libraries (about a second of module loading).
 */
async function loadStages() {
  const [bundle, merge, synthetic, references, search, pool, correspondence] = await Promise.all([
    import('./bundle/bundle-writer.ts'),
    import('./merge/merge.ts'),
    import('./synthetic-corpus.ts'),
    import('./references/reference-step.ts'),
    import('../search/build.ts'),
    import('./workers/import-pool.ts'),
    import('../model/correspondence.ts'),
  ]);
  return {
    BundleWriter: bundle.BundleWriter,
    mergeSources: merge.mergeSources,
    replicateImports: synthetic.replicateImports,
    resolveCorpusReferences: references.resolveCorpusReferences,
    SearchDocuments: search.SearchDocuments,
    formerNumbersTakenUp: search.formerNumbersTakenUp,
    writeSearchIndexes: search.writeSearchIndexes,
    CURRENT_FILE: search.CURRENT_FILE,
    correspondencePairs: correspondence.correspondencePairs,
    importInWorkers: pool.importInWorkers,
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} Mo`;

export interface CompileOptions {
  root: string;
  sources: SourceSpec[];
  outDir: string;
  cacheDir: string;
  /** Warnings are fatal. */
  strict?: boolean;
  /** Rebuild even when the inputs are unchanged. */
  force?: boolean;
  /** For the scale bench: every code copied so that the corpus is this many times the real one (`synthetic-corpus.ts`). */
  replicate?: number;
  /**
   * Source imports run at once, one worker thread each (`workers/import-pool.ts`); 1 or absent: all
   * in this thread. The bundle is the same either way.
   */
  workers?: number;
  /** The build's clock (its date, the data date's upper bound); tests fix it to compare two builds. */
  now?: () => Date;
  log: CompileLog;
}

/** What the build tells the user; the CLI renders it as a progress bar on a terminal, plain lines in CI. */
export interface CompileLog {
  info(line: string): void;
  warn(warning: CompileWarning): void;
  error(line: string): void;
  progress(label: string, done: number, total: number): void;
  progressEnd(label: string): void;
}

export interface CompileSummary {
  reused: boolean;
  manifest: Manifest;
  bundleBytes: number;
  seconds: number;
  failedSources: string[];
  warnings: CompileWarning[];
  /**
   * The peak memory of each import worker (its JS heap and the buffers it holds: a thread has no
   * RSS of its own, the process's `maxRSS` covers them all), in the order they ended.
   */
  workerPeaks: { label: string; bytes: number }[];
}

export class StrictModeError extends Error {}

export async function compileCorpus(options: CompileOptions): Promise<CompileSummary> {
  const started = performance.now();
  const { log } = options;
  const legiVersion = legiDataVersion();
  const inputHash = combineFingerprints([
    `schema:${BUNDLE_SCHEMA_VERSION}`,
    `replicate:${options.replicate ?? 1}`,
    compilerFingerprint(path.join(options.root, 'corpus'), [legiVersion, lunr.version]),
    ...options.sources.map((s) => `${s.id}:${sourceFingerprint(s, legiVersion)}`),
  ]);

  const manifestPath = path.join(options.outDir, 'manifest.json');
  if (!options.force && existsSync(manifestPath)) {
    try {
      const previous = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      if (previous.inputHash === inputHash && previous.schemaVersion === BUNDLE_SCHEMA_VERSION) {
        log.info('Sources inchangées : le corpus existant est réutilisé.');
        return {
          reused: true,
          manifest: previous,
          bundleBytes: 0,
          seconds: (performance.now() - started) / 1000,
          failedSources: [],
          warnings: [],
          workerPeaks: [],
        };
      }
    } catch {
      log.info(`${manifestPath} illisible : le corpus est reconstruit.`);
    }
  }

  const {
    BundleWriter,
    mergeSources,
    replicateImports,
    resolveCorpusReferences,
    SearchDocuments,
    formerNumbersTakenUp,
    writeSearchIndexes,
    CURRENT_FILE,
    correspondencePairs,
    importInWorkers,
  } = await loadStages();
  const importStart = performance.now();
  const imports: SourceImport[] = [];
  const failedSources: string[] = [];
  const warnings: CompileWarning[] = [];
  const workerPeaks: CompileSummary['workerPeaks'] = [];
  const ordered = [...options.sources].sort((a, b) => SOURCE_PRIORITY[a.kind] - SOURCE_PRIORITY[b.kind]);
  const jobs: ImportJob[] = [];
  for (const spec of ordered) {
    const label = spec.kind === 'legi-data' ? 'legi-data' : path.relative(options.root, spec.path) || spec.path;
    if (spec.kind !== 'legi-data' && !existsSync(spec.path)) {
      if (spec.optional) log.info(`${label} : absent, ignoré (source facultative).`);
      else {
        log.error(`${label} : introuvable — source ignorée, les autres sont compilées.`);
        failedSources.push(label);
      }
      continue;
    }
    if (spec.kind !== 'legi-data' && spec.replaces) {
      log.info(`${label} : à la place de ${path.relative(options.root, spec.replaces) || spec.replaces}, absent (échantillon du dépôt).`);
    }
    jobs.push({ spec, label });
  }
  // Each import's texts folded into one copy of each line as soon as it lands (`shared-texts.ts`).
  const texts = new SharedTexts();
  const share = (outcome: ImportOutcome) => {
    if (!outcome.ok) return;
    for (const source of outcome.imports) texts.share(source);
    // The clone's own copies of the lines are garbage now: gone before the next import lands.
    collectGarbage();
  };
  // Taken in the sources' order, however the imports were run: the merge depends on it.
  const take = (label: string, outcome: ImportOutcome) => {
    if (!outcome.ok) {
      log.error(`${label} : ${outcome.message.split('\n')[0]} — source ignorée, les autres sont compilées.`);
      failedSources.push(label);
      return;
    }
    imports.push(...outcome.imports);
    for (const r of outcome.imports) {
      for (const w of r.warnings) log.warn(w);
      warnings.push(...r.warnings);
      log.info(
        `${label} : ${r.articles.length} articles, ${r.articles.reduce((n, a) => n + a.versions.length, 0)} versions (${r.info.kind}).`,
      );
    }
  };
  const workers = Math.min(options.workers ?? 1, jobs.length);
  if (workers > 1) {
    log.info(`Import de ${jobs.length} sources sur ${workers} fils d’exécution.`);
    const outcomes = await importInWorkers(jobs, {
      cacheDir: options.cacheDir,
      workers,
      onProgress: (label, done, total) => log.progress(label, done, total),
      onSettled: (label, outcome) => {
        log.progressEnd(label);
        share(outcome);
        if (outcome.ok && outcome.peakHeapBytes > 0) {
          workerPeaks.push({ label, bytes: outcome.peakHeapBytes });
          log.info(`${label} : importé en ${outcome.seconds.toFixed(1)} s, tas max du fil ${megabytes(outcome.peakHeapBytes)}.`);
        }
      },
    });
    jobs.forEach((job, i) => take(job.label, outcomes[i]!));
  } else {
    for (const { spec, label } of jobs) {
      const started = performance.now();
      try {
        const result = await importSource(spec, {
          cacheDir: options.cacheDir,
          onProgress: (done, total) => log.progress(label, done, total),
        });
        log.progressEnd(label);
        const outcome: ImportOutcome = { ok: true, imports: result, seconds: (performance.now() - started) / 1000, peakHeapBytes: 0 };
        share(outcome);
        take(label, outcome);
      } catch (error) {
        log.progressEnd(label);
        take(label, { ok: false, message: error instanceof Error ? error.message : String(error), seconds: 0 });
      }
    }
  }
  texts.clear();
  collectGarbage();
  if (options.strict && (warnings.length || failedSources.length)) {
    throw new StrictModeError(`--strict : ${warnings.length} avertissement(s), ${failedSources.length} source(s) en échec.`);
  }
  if (imports.length === 0) throw new Error('Aucune source n’a pu être importée : rien à compiler.');
  if (options.replicate && options.replicate > 1) {
    imports.push(...replicateImports(imports, options.replicate));
    log.info(`Corpus synthétique : ${options.replicate} × les codes réels (${imports.length} imports).`);
  }

  // The data's date: the newest source's, but never after the build date (LexHub carries versions
  // due years ahead; they are "in force later", not the present).
  const now = options.now ?? (() => new Date());
  const dataDate = dataDateOf(
    imports.map((i) => i.info),
    now().toISOString().slice(0, 10),
  );
  let phase = importStart;
  const lap = (label: string) => {
    const now = performance.now();
    // Resident and heap memory after each stage: where the compile's peak comes from.
    const memory = process.memoryUsage();
    const peak = process.resourceUsage().maxRSS * 1024;
    log.info(
      `${label} : ${((now - phase) / 1000).toFixed(1)} s (mémoire ${megabytes(memory.rss)}, tas ${megabytes(memory.heapUsed)}, pointe jusqu’ici ${megabytes(peak)})`,
    );
    phase = now;
  };
  lap('Import des sources');
  const sources: SourceInfo[] = imports.map((i) => i.info);
  const merged = mergeSources(imports, { dataDate });
  // The merged corpus has what the rest needs: the imports (every source's copy of every text) go.
  imports.length = 0;
  collectGarbage();
  lap('Fusion des sources');
  const references = resolveCorpusReferences(merged, dataDate);
  collectGarbage();
  lap('Résolution des renvois');

  // Each code's files are written as soon as the cross-code steps are done with its articles, then
  // the articles go: only the search documents (texts, dates, numbers) stay for the index.
  // The pairs of former and current articles: the tables of correspondence and the search's old numbers.
  const pairs = correspondencePairs([...merged.articles.values()].flat());
  const writer = new BundleWriter(options.outDir, pairs, CURRENT_FILE);
  let written: WrittenBundle;
  try {
    const documents = new SearchDocuments(dataDate, formerNumbersTakenUp(pairs));
    const writeCode = (code: Code) => {
      const articles = merged.articles.get(code.id) ?? [];
      writer.writeCode(code, articles, merged.changeSets.get(code.id) ?? []);
      documents.add(articles);
      merged.articles.delete(code.id);
      merged.changeSets.delete(code.id);
    };
    for (const code of merged.codes) {
      writeCode(code);
      // Outside `writeCode`, where nothing holds the code's articles any more.
      collectGarbage();
    }
    merged.articles.clear();
    lap('Écriture des codes');
    const search = writeSearchIndexes(
      documents,
      merged.codes.map((code) => code.toc ?? []),
      { asOf: dataDate, onProgress: (done, total) => log.progress('index', done, total) },
      (file, json) => writer.writeSearchFile(file, json),
    );
    log.progressEnd('index');
    writer.writeExtra('unresolved-references.tsv', references.report);
    written = writer.finish({
      builtAt: now().toISOString(),
      inputHash,
      sources,
      references: references.counts,
      warnings: warnings.length,
      search,
    });
  } catch (error) {
    writer.abandon();
    throw error;
  }
  lap('Index de recherche');
  return {
    reused: false,
    manifest: written.manifest,
    bundleBytes: written.bytes,
    seconds: (performance.now() - started) / 1000,
    failedSources,
    warnings,
    workerPeaks,
  };
}
