/**
 * `npm run corpus [-- --source PATH ...] [--out DIR] [--strict] [--force] [--no-default] [--pack FILE] [--workers N]`
 *
 * Builds the default corpus (`corpus/sources.json`) plus any `--source` (a bundle, a git repository,
 * a folder, a single file; the format is detected) into `corpus/dist/` or `--out DIR`.
 * A progress bar on a terminal, plain log lines otherwise (CI); a final summary. With `--pack FILE`,
 * the bundle (built or reused) is also written as one file, the corpus update an installed app imports.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileCorpus, StrictModeError } from '../compile.ts';
import { createCompileLog } from './compile-log.ts';
import { readSourcesFile, sourceFromArgument, SourceSpecError, type SourceSpec } from '../sources/source-spec.ts';
import { formatSummary } from './summary.ts';
import { writePack } from '../bundle/pack-writer.ts';

const root = path.resolve(import.meta.dirname, '../../..');

const USAGE = `Usage: npm run corpus -- [--source CHEMIN]... [--out DOSSIER] [--strict] [--force] [--no-default]
  --source CHEMIN  ajoute une source : bundle git, dépôt git, dossier ou fichier (lexlib, LexHub, graine)
  --out DOSSIER    écrit le corpus ailleurs que dans corpus/dist/
  --cache DOSSIER  où garder les clones des bundles git (corpus/cache/)
  --sources FICHIER  liste des sources par défaut (corpus/sources.json)
  --no-default     ne compile que les sources données par --source
  --strict         tout avertissement est une erreur
  --force          reconstruit même si les sources n'ont pas changé
  --workers N      imports de sources menés en même temps, un fil d’exécution chacun (défaut : un par cœur ;
                   1 : tout dans le même fil) ; le corpus écrit est le même
  --replicate N    banc d'essai : un corpus synthétique de N fois les codes réels (copiés sous d'autres noms)
  --pack FICHIER   écrit aussi le corpus compilé en un seul fichier, à importer dans l'application
                   (menu « Mettre à jour le corpus… », ou « npm run web -- --import-corpus FICHIER »)`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        source: { type: 'string', multiple: true },
        out: { type: 'string' },
        cache: { type: 'string' },
        sources: { type: 'string' },
        'no-default': { type: 'boolean' },
        strict: { type: 'boolean' },
        force: { type: 'boolean' },
        pack: { type: 'string' },
        replicate: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let sources: SourceSpec[] = [];
  try {
    if (!args['no-default']) sources = readSourcesFile(path.resolve(args.sources ?? path.join(root, 'corpus/sources.json')), root);
  } catch (error) {
    if (error instanceof SourceSpecError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const taken = new Set(sources.map((s) => s.id));
  (args.source ?? []).forEach((argument, index) => {
    let spec = sourceFromArgument(argument, 0);
    if (taken.has(spec.id)) spec = sourceFromArgument(argument, index + 1);
    taken.add(spec.id);
    sources.push(spec);
  });
  if (sources.length === 0) {
    console.error(`Aucune source à compiler.\n${USAGE}`);
    return 2;
  }

  const workers = args.workers === undefined ? availableParallelism() : Number(args.workers);
  if (!Number.isInteger(workers) || workers < 1) {
    console.error(`--workers : un nombre entier ≥ 1 est attendu, pas « ${args.workers} ».\n${USAGE}`);
    return 2;
  }
  const log = createCompileLog(process.stderr);
  try {
    const summary = await compileCorpus({
      root,
      sources,
      outDir: path.resolve(args.out ?? path.join(root, 'corpus/dist')),
      cacheDir: path.resolve(args.cache ?? path.join(root, 'corpus/cache')),
      strict: args.strict ?? false,
      force: args.force ?? false,
      workers,
      ...(args.replicate ? { replicate: Math.max(1, Number.parseInt(args.replicate, 10) || 1) } : {}),
      log,
    });
    // maxRSS is in kibibytes; it covers the worker threads too (they share the process).
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const outDir = path.resolve(args.out ?? path.join(root, 'corpus/dist'));
    console.log(formatSummary(summary, outDir, peakRss));
    if (args.pack) {
      const pack = writePack(outDir, args.pack);
      console.log(
        `Paquet écrit : ${pack.file} (${(pack.bytes / 1024 / 1024).toFixed(1)} Mo, ${pack.header.parts.length} fichiers, données du ${pack.header.dataDate})`,
      );
    }
    return summary.failedSources.length ? 1 : 0;
  } catch (error) {
    if (error instanceof StrictModeError) {
      console.error(error.message);
      return 1;
    }
    console.error(`Échec de la compilation : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
