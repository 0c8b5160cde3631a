/**
 * Imports a lexlib repository (one commit per consolidated version of one code, one file per
 * article) into the model: every text version of every article with its dates, status, amending
 * text, NOTA and links; one change set per commit; the table of contents from the whole-code file
 * when the repository has one.
 *
 * The steps: the README (title, data date); one `git log` pass planned into chunks of blobs
 * (`commit-plan.ts`); the commits replayed in order (`history-replay.ts`: article files, change
 * sets, table of contents snapshots; `article-history.ts`: each article's versions); the articles
 * finished with their status.
 *
 * How the data says things (checked on both repositories):
 * - the version date is the one in the message (`Version consolidée du 2006-01-28`); commit dates
 *   before 1970 are clamped. A second commit on a date writes `… du 2020-05-25 00:00:01 +0200`;
 * - an article is repealed when its file disappears (the commit lists it under `Articles abrogés:`);
 *   a file can move (`04. Annexes/` → `05. Annexes/`, or a new number) as a delete plus an add in one
 *   commit, or as an add while the old file stays: the LEGI id in the file name keeps it one article;
 * - a commit that changes an article's links (or only its NOTA) but not its paragraphs is not a new
 *   text version: its date goes to `linkOnlyChanges` (when the links changed) and the version keeps
 *   the latest links and NOTA;
 * - versions starting after the data's own date (README: `… en date de: 2020-10-28`) are VIGUEUR_DIFF.
 */
import type { CompileWarning, IsoDate } from '../../../model/model.ts';
import { codeIdFromTitle } from '../../../model/ids.ts';
import { isValidIsoDate } from '../common/dates.ts';
import { GitRepository } from '../common/git-repository.ts';
import type { ImportedArticle, ImportedCode, SourceImport } from '../source-import.ts';
import { chunkPlans, planCommit, readChunks, titleFromIntegralFile } from './commit-plan.ts';
import { HistoryReplay } from './history-replay.ts';

export interface LexlibImportOptions {
  /** Where bundles are cloned (see `GitRepository.open`). */
  cacheDir: string;
  sourceId: string;
  /** Called after each commit is processed. */
  onProgress?: (done: number, total: number) => void;
}

export async function importLexlib(origin: string, options: LexlibImportOptions): Promise<SourceImport> {
  const { sourceId } = options;
  const warnings: CompileWarning[] = [];
  const repo = await GitRepository.open(origin, options.cacheDir);
  const [head, commits] = await Promise.all([repo.head(), repo.history()]);
  const readme = await readReadme(repo, sourceId, warnings);
  const plans = commits.map(planCommit);
  const title = readme.title || titleFromIntegralFile(commits) || titleFromOrigin(origin, sourceId, warnings);
  const code = codeIdFromTitle(title);

  const replay = new HistoryReplay(code, sourceId, warnings);
  let done = 0;
  for await (const { plans: chunk, blobs } of readChunks(repo, chunkPlans(plans))) {
    for (const plan of chunk) {
      replay.replay(plan, blobs);
      options.onProgress?.(++done, commits.length);
    }
  }
  for (const [status, count] of replay.unknownStatusCounts) {
    warnings.push({
      source: sourceId,
      path: origin,
      message: `code de statut de lien inconnu du modèle « (${status}) » : ${count} entrées (statut laissé vide, gardé dans le libellé)`,
    });
  }

  const articles = replay.importedArticles(readme.dataDate);
  warnUndatedRepeals(articles, origin, sourceId, warnings);
  const importedCode: ImportedCode = { id: code, title };
  if (replay.toc.snapshotCount > 0) importedCode.toc = replay.toc.sections();
  const info = {
    id: sourceId,
    kind: 'lexlib' as const,
    path: origin,
    revision: head,
    codes: [code],
    ...(replay.lastDate ? { date: replay.lastDate } : {}),
  };
  return { info, codes: [importedCode], articles, changeSets: replay.changeSets, warnings };
}

/** The README's title (`# Code de la mutualité`) and data date (`… en date de: 2020-10-28`). */
async function readReadme(
  repo: GitRepository,
  sourceId: string,
  warnings: CompileWarning[],
): Promise<{ title?: string; dataDate?: IsoDate }> {
  const readme = (await repo.readBlobs(['HEAD:README.md'])).get('HEAD:README.md');
  if (!readme) {
    warnings.push({ source: sourceId, path: 'README.md', message: 'README.md absent : titre et date des données inconnus' });
    return {};
  }
  const title = /^#\s+(.+?)\s*$/m.exec(readme)?.[1];
  const dataDateMatch = /en date de:\s*(\d{4}-\d{2}-\d{2})/.exec(readme);
  const dataDate = dataDateMatch && isValidIsoDate(dataDateMatch[1]!) ? dataDateMatch[1]! : undefined;
  if (!dataDate)
    warnings.push({ source: sourceId, path: 'README.md', message: 'date des données (« en date de: AAAA-MM-JJ ») introuvable' });
  return { ...(title !== undefined ? { title } : {}), ...(dataDate !== undefined ? { dataDate } : {}) };
}

/** The last resort for a title: the bundle's file name (`lexlib-code-de-la-mutualite.bundle`). */
function titleFromOrigin(origin: string, sourceId: string, warnings: CompileWarning[]): string {
  const title = origin
    .replace(/^.*[\\/]/, '')
    .replace(/\.bundle$/, '')
    .replace(/^lexlib-/, '');
  warnings.push({ source: sourceId, path: origin, message: `titre du code introuvable : « ${title} » tiré du nom du fichier` });
  return title;
}

/** One warning for the articles whose last version is repealed with no date (an « Abrogé par » with no end: `article-history.ts`). */
function warnUndatedRepeals(articles: readonly ImportedArticle[], origin: string, sourceId: string, warnings: CompileWarning[]): void {
  const undatedRepeals = articles.filter((article) => {
    const last = article.versions.at(-1)!;
    return last.validTo === undefined && last.status === 'ABROGE';
  }).length;
  if (undatedRepeals > 0) {
    warnings.push({
      source: sourceId,
      path: origin,
      message: `${undatedRepeals} articles toujours présents au dernier commit portent « Abrogé par » sans date d'abrogation : statut ABROGE, fin inconnue de cette source`,
    });
  }
}
