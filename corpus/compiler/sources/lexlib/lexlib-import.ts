/**
 * Imports a lexlib repository (one commit per consolidated version of one code, one file per
 * article) into the model: every text version of every article with its dates, status, amending
 * text, NOTA and links; one change set per commit; the table of contents from the whole-code file
 * when the repository has one.
 *
 * One `git log` pass, then the changed blobs in chunks through one `git cat-file --batch` per chunk
 * (the next chunk is read while the current one is parsed), so memory stays bounded by a chunk plus
 * the result.
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
import type { ArticleId, ChangeSet, CodeId, CompileWarning, IsoDate, Link, VersionStatus } from '../../../model/model.ts';
import { articleId, codeIdFromTitle, legiArticleId } from '../../../model/ids.ts';
import { type Commit, type FileChange, GitRepository } from '../common/git-repository.ts';
import type { ImportedArticle, ImportedCode, ImportedVersion, SourceImport } from '../source-import.ts';
import { chooseAmendedBy } from './amended-by.ts';
import { normalizeArticleNum, parseArticleFile, textKey } from '../common/lexlib-format/article-file.ts';
import { parseCommitMessage } from './commit-message.ts';
import { isValidIsoDate } from '../common/dates.ts';
import { DatedToc } from '../common/lexlib-format/dated-toc.ts';
import { parseIntegral } from '../common/lexlib-format/integral.ts';
import type { ParseContext } from '../common/parse-context.ts';

export interface LexlibImportOptions {
  /** Where bundles are cloned (see `GitRepository.open`). */
  cacheDir: string;
  sourceId: string;
  /** Called after each commit is processed. */
  onProgress?: (done: number, total: number) => void;
}

/** `01. Partie législative/Article L611-3 - 6743538.md` */
const ARTICLE_PATH = /^(?:(.*)\/)?Article (.+) - (\d+)\.md$/;
const INTEGRAL_PATH = /(?:^|\/)[^/]* - Intégral\.md$/;
/** Blobs per `cat-file` call: article files are a few KB, so a chunk is a few tens of MB. */
const CHUNK_BLOBS = 4000;
/** A whole-code file is about 1 MB: it counts as this many article blobs in a chunk. */
const INTEGRAL_WEIGHT = 200;

interface WorkingVersion extends ImportedVersion {
  key: string;
  endedBy?: 'replaced' | 'repealed';
}

interface ArticleState {
  digits: string;
  num: string;
  /** Files of this article present now (usually one). */
  livePaths: Set<string>;
  /** The file whose content is the article's (the latest added). */
  currentPath?: string;
  versions: WorkingVersion[];
  open?: WorkingVersion;
}

interface CommitPlan {
  commit: Commit;
  articleChanges: { change: FileChange; digits: string; num: string }[];
  integral?: FileChange;
  weight: number;
}

export async function importLexlib(origin: string, options: LexlibImportOptions): Promise<SourceImport> {
  const { sourceId } = options;
  const warnings: CompileWarning[] = [];
  const repo = await GitRepository.open(origin, options.cacheDir);
  const [head, commits] = await Promise.all([repo.head(), repo.history()]);
  const readme = (await repo.readBlobs(['HEAD:README.md'])).get('HEAD:README.md');

  // The code: README title; the data's date.
  let title = readme ? /^#\s+(.+?)\s*$/m.exec(readme)?.[1] : undefined;
  const dataDateMatch = readme ? /en date de:\s*(\d{4}-\d{2}-\d{2})/.exec(readme) : null;
  const dataDate: IsoDate | undefined = dataDateMatch && isValidIsoDate(dataDateMatch[1]!) ? dataDateMatch[1]! : undefined;
  if (!readme) warnings.push({ source: sourceId, path: 'README.md', message: 'README.md absent : titre et date des données inconnus' });
  else if (!dataDate)
    warnings.push({ source: sourceId, path: 'README.md', message: 'date des données (« en date de: AAAA-MM-JJ ») introuvable' });

  // Plan: which blobs each commit needs.
  const plans: CommitPlan[] = commits.map((commit) => {
    const plan: CommitPlan = { commit, articleChanges: [], weight: 0 };
    for (const change of commit.changes) {
      const match = ARTICLE_PATH.exec(change.path);
      if (match) {
        plan.articleChanges.push({ change, digits: match[3]!, num: normalizeArticleNum(match[2]!) });
        if (change.status !== 'D') plan.weight += 1;
      } else if (INTEGRAL_PATH.test(change.path)) {
        if (change.status !== 'D') {
          plan.integral = change;
          plan.weight += INTEGRAL_WEIGHT;
        }
        if (!title) title = change.path.replace(/^.*\//, '').replace(/ - Intégral\.md$/, '');
      }
    }
    return plan;
  });
  if (!title) {
    title = origin
      .replace(/^.*[\\/]/, '')
      .replace(/\.bundle$/, '')
      .replace(/^lexlib-/, '');
    warnings.push({ source: sourceId, path: origin, message: `titre du code introuvable : « ${title} » tiré du nom du fichier` });
  }
  const code: CodeId = codeIdFromTitle(title);

  const chunks: CommitPlan[][] = [];
  let chunk: CommitPlan[] = [];
  let weight = 0;
  for (const plan of plans) {
    if (chunk.length > 0 && weight + plan.weight > CHUNK_BLOBS) {
      chunks.push(chunk);
      chunk = [];
      weight = 0;
    }
    chunk.push(plan);
    weight += plan.weight;
  }
  if (chunk.length > 0) chunks.push(chunk);
  const blobsOf = (list: CommitPlan[]): string[] => {
    const shas = new Set<string>();
    for (const plan of list) {
      for (const { change } of plan.articleChanges) if (change.status !== 'D') shas.add(change.blob);
      if (plan.integral) shas.add(plan.integral.blob);
    }
    return [...shas];
  };

  const articles = new Map<string, ArticleState>();
  const digitsByNum = new Map<string, string>();
  const changeSets: ChangeSet[] = [];
  const toc = new DatedToc(code);
  const unknownStatusCounts = new Map<string, number>();
  let lastDate: IsoDate | undefined;
  let done = 0;

  const idOf = (digits: string, num: string): ArticleId => articleId(code, legiArticleId(digits), num);
  // The same number can exist in two parts (R211-1 in « Partie réglementaire ancienne » and in
  // « Partie réglementaire - Décrets en Conseil d'Etat »): the whole-code file's part title is the
  // article folder without its `05. ` prefix.
  const digitsByPartNum = new Map<string, string>();
  const partOf = (filePath: string): string => filePath.replace(/\/[^/]*$/, '').replace(/^\d+\.\s*/, '');
  const idOfNum = (num: string, sectionPath: readonly string[] = []): ArticleId => {
    const digits = digitsByPartNum.get(`${sectionPath[0] ?? ''}\u0000${num}`) ?? digitsByNum.get(num);
    return digits ? idOf(digits, num) : articleId(code, undefined, num);
  };

  let pending = repo.readBlobs(blobsOf(chunks[0] ?? []));
  for (let c = 0; c < chunks.length; c++) {
    const blobs = await pending;
    if (c + 1 < chunks.length) pending = repo.readBlobs(blobsOf(chunks[c + 1]!));
    for (const plan of chunks[c]!) {
      const { commit } = plan;
      const commitCtx: ParseContext = { source: sourceId, path: `commit ${commit.sha.slice(0, 10)}`, warnings };
      const message = parseCommitMessage(commit.message, commitCtx);
      let date = message.date;
      if (!date) {
        date = commit.authorDate.slice(0, 10);
        warnings.push({ source: sourceId, path: commitCtx.path, message: `date prise de l'auteur du commit : ${date}` });
      }
      if (lastDate && date < lastDate) {
        warnings.push({ source: sourceId, path: commitCtx.path, message: `date ${date} antérieure à la précédente (${lastDate})` });
      }
      lastDate = !lastDate || date > lastDate ? date : lastDate;

      // Numbers of the files deleted by this commit, for `Articles abrogés:`.
      const deletedDigitsByNum = new Map<string, string>();
      const byDigits = new Map<string, CommitPlan['articleChanges']>();
      for (const entry of plan.articleChanges) {
        if (entry.change.status === 'D') deletedDigitsByNum.set(entry.num, entry.digits);
        const list = byDigits.get(entry.digits);
        if (list) list.push(entry);
        else byDigits.set(entry.digits, [entry]);
      }

      for (const [digits, entries] of byDigits) {
        let state = articles.get(digits);
        if (!state) {
          state = { digits, num: entries[0]!.num, livePaths: new Set(), versions: [] };
          articles.set(digits, state);
        }
        const wasCurrent = state.currentPath;
        for (const { change, num } of entries) {
          if (change.status === 'D') {
            state.livePaths.delete(change.path);
            if (digitsByNum.get(num) === digits) digitsByNum.delete(num);
            const partKey = `${partOf(change.path)}\u0000${num}`;
            if (digitsByPartNum.get(partKey) === digits) digitsByPartNum.delete(partKey);
          }
        }
        // The content comes from a newly added file (a move or renumbering), else the current file.
        const added = entries.find((e) => e.change.status === 'A');
        const content =
          added ??
          entries.find((e) => e.change.status !== 'D' && e.change.path === wasCurrent) ??
          entries.find((e) => e.change.status !== 'D');
        for (const { change, num } of entries) {
          if (change.status !== 'D') {
            state.livePaths.add(change.path);
            digitsByNum.set(num, digits);
            digitsByPartNum.set(`${partOf(change.path)}\u0000${num}`, digits);
          }
        }
        if (added && wasCurrent && state.livePaths.has(wasCurrent) && wasCurrent !== added.change.path) {
          warnings.push({
            source: sourceId,
            path: added.change.path,
            message: `même article (LEGI ${digits}) que « ${wasCurrent} », toujours présent : le nouveau fichier fait foi`,
          });
        }
        if (content) state.currentPath = content.change.path;
        else if (state.currentPath && !state.livePaths.has(state.currentPath)) state.currentPath = [...state.livePaths].at(-1);

        if (state.livePaths.size === 0) {
          repeal(state, date);
          continue;
        }
        if (!content || content.change.path !== state.currentPath) continue;
        const text = blobs.get(content.change.blob);
        if (text === undefined) {
          warnings.push({
            source: sourceId,
            path: content.change.path,
            message: `contenu illisible (blob ${content.change.blob.slice(0, 10)})`,
          });
          continue;
        }
        const ctx: ParseContext = { source: sourceId, path: content.change.path, warnings };
        const parsed = parseArticleFile(text, ctx);
        for (const status of parsed.unknownStatuses) unknownStatusCounts.set(status, (unknownStatusCounts.get(status) ?? 0) + 1);
        if (parsed.num !== undefined && parsed.num !== content.num) {
          warnings.push({
            source: sourceId,
            path: content.change.path,
            line: 1,
            message: `titre « Article ${parsed.num} » différent du nom du fichier (${content.num})`,
          });
        }
        state.num = content.num;
        applyText(state, date, parsed.paragraphs, parsed.nota, parsed.links, commit, message.amendingTexts);
      }

      // The change set, with numbers placed through the files present at that commit.
      const unplaced: string[] = [];
      const place = (nums: string[], deleted: boolean): ArticleId[] =>
        nums.flatMap((num) => {
          const digits =
            (deleted ? deletedDigitsByNum.get(num) : undefined) ??
            digitsByNum.get(num) ??
            (deleted ? undefined : deletedDigitsByNum.get(num));
          if (!digits) {
            unplaced.push(num);
            return [];
          }
          return [idOf(digits, num)];
        });
      const changeSet: ChangeSet = {
        code,
        date,
        amendingTexts: message.amendingTexts,
        created: place(message.created, false),
        modified: place(message.modified, false),
        repealed: place(message.repealed, true),
        source: sourceId,
      };
      if (unplaced.length > 0) changeSet.unplaced = unplaced;
      changeSets.push(changeSet);

      if (plan.integral) {
        const text = blobs.get(plan.integral.blob);
        if (text !== undefined) {
          const parsed = parseIntegral(text, { source: sourceId, path: plan.integral.path, warnings: [] }, { headingsOnly: true });
          toc.addSnapshot(date, parsed.toc, idOfNum);
        }
      }
      options.onProgress?.(++done, commits.length);
    }
  }

  for (const [status, count] of unknownStatusCounts) {
    warnings.push({
      source: sourceId,
      path: origin,
      message: `code de statut de lien inconnu du modèle « (${status}) » : ${count} entrées (statut laissé vide, gardé dans le libellé)`,
    });
  }

  const importedArticles: ImportedArticle[] = [];
  let undatedRepeals = 0;
  for (const state of articles.values()) {
    if (state.versions.length === 0) continue;
    const id = idOf(state.digits, state.num);
    const article: ImportedArticle = {
      code,
      num: state.num,
      legiId: legiArticleId(state.digits),
      versions: state.versions.map((version) => finishVersion(version, dataDate)),
    };
    const sectionPath = toc.sectionPaths.get(id);
    if (sectionPath) article.sectionPath = sectionPath;
    importedArticles.push(article);
    const last = article.versions.at(-1)!;
    if (last.validTo === undefined && last.status === 'ABROGE') undatedRepeals++;
  }
  if (undatedRepeals > 0) {
    warnings.push({
      source: sourceId,
      path: origin,
      message: `${undatedRepeals} articles toujours présents au dernier commit portent « Abrogé par » sans date d'abrogation : statut ABROGE, fin inconnue de cette source`,
    });
  }

  const importedCode: ImportedCode = { id: code, title };
  if (toc.snapshotCount > 0) importedCode.toc = toc.sections();
  const info = {
    id: sourceId,
    kind: 'lexlib' as const,
    path: origin,
    revision: head,
    codes: [code],
    ...(lastDate ? { date: lastDate } : {}),
  };
  return { info, codes: [importedCode], articles: importedArticles, changeSets, warnings };
}

/** Closes the article's open version: its file is gone. */
function repeal(state: ArticleState, date: IsoDate): void {
  const open = state.open;
  state.open = undefined;
  state.currentPath = undefined;
  if (!open) return;
  if (open.validFrom === date) {
    // Created and repealed on the same date: no time in force; the previous version ends by repeal.
    state.versions.pop();
    const previous = state.versions.at(-1);
    if (previous && previous.validTo === date) previous.endedBy = 'repealed';
    return;
  }
  closeVersion(open, date, 'repealed');
}

/** Ends a version; a links-only change earlier the same day (first of two commits on a date) is dropped. */
function closeVersion(version: WorkingVersion, date: IsoDate, endedBy: 'replaced' | 'repealed'): void {
  version.validTo = date;
  version.endedBy = endedBy;
  if (version.linkOnlyChanges) {
    version.linkOnlyChanges = version.linkOnlyChanges.filter((d) => d < date);
    if (version.linkOnlyChanges.length === 0) delete version.linkOnlyChanges;
  }
}

function applyText(
  state: ArticleState,
  date: IsoDate,
  paragraphs: string[],
  nota: string[] | undefined,
  links: Link[],
  commit: Commit,
  commitTexts: string[],
): void {
  const key = textKey(paragraphs);
  const open = state.open;
  if (open && open.key === key) {
    // Same text: the links (or the NOTA) changed. Keep the latest lists.
    if (date !== open.validFrom && !sameLinks(open.links, links)) (open.linkOnlyChanges ??= []).push(date);
    open.links = links;
    if (nota) open.nota = nota;
    else delete open.nota;
    return;
  }
  const amendedBy = chooseAmendedBy({ author: commit.authorName, commitTexts, links, firstVersion: state.versions.length === 0 });
  if (open && open.validFrom === date) {
    // A second commit on the same date: the version of that date is this one.
    open.key = key;
    open.paragraphs = paragraphs;
    open.links = links;
    if (nota) open.nota = nota;
    else delete open.nota;
    if (amendedBy) open.amendedBy = amendedBy;
    return;
  }
  if (open) closeVersion(open, date, 'replaced');
  const version: WorkingVersion = { key, validFrom: date, paragraphs, links };
  if (nota) version.nota = nota;
  if (amendedBy) version.amendedBy = amendedBy;
  state.versions.push(version);
  state.open = version;
}

function sameLinks(a: readonly Link[], b: readonly Link[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.kind !== b[i]!.kind || a[i]!.label !== b[i]!.label) return false;
  return true;
}

/**
 * Status from the dates and how the version ended, relative to the data's date D: starts after D →
 * VIGUEUR_DIFF; in force on D → VIGUEUR; ended by a later text on or before D → MODIFIE; ended by
 * the file's removal on or before D → ABROGE.
 */
export function versionStatus(
  version: { validFrom: IsoDate; validTo?: IsoDate; endedBy?: 'replaced' | 'repealed'; links: readonly Link[] },
  dataDate: IsoDate | undefined,
): VersionStatus {
  if (dataDate && version.validFrom > dataDate) return 'VIGUEUR_DIFF';
  if (version.validTo === undefined) return repealedUndated(version) ? 'ABROGE' : 'VIGUEUR';
  if (dataDate && version.validTo > dataDate) return 'VIGUEUR';
  if (version.endedBy !== 'repealed') return 'MODIFIE';
  return version.links.some((link) => link.kind === 'transferredBy') ? 'TRANSFERE' : 'ABROGE';
}

/**
 * Lexlib keeps the file of many repealed articles (2,307 at the sécurité sociale's last commit,
 * L611-3 among them: its last version lists `_Abrogé par_: Loi n°2017-1836 … - art. 15 (V)`, and
 * LexHub removes it on 2018-01-01). The source gives no date for such a repeal, so the version
 * keeps no end but is not in force: ABROGE. A repealing text itself in force later (VD) has not
 * repealed it yet.
 */
export function repealedUndated(version: { links: readonly Link[] }): boolean {
  return version.links.some((link) => link.kind === 'repealedBy' && link.status !== 'VD');
}

function finishVersion(version: WorkingVersion, dataDate: IsoDate | undefined): ImportedVersion {
  const result: ImportedVersion = {
    validFrom: version.validFrom,
    status: versionStatus(version, dataDate),
    paragraphs: version.paragraphs,
    links: version.links,
    dateQuality: 'exact',
  };
  if (version.validTo !== undefined) result.validTo = version.validTo;
  if (version.nota) result.nota = version.nota;
  if (version.amendedBy) result.amendedBy = version.amendedBy;
  if (version.linkOnlyChanges) result.linkOnlyChanges = version.linkOnlyChanges;
  return result;
}
