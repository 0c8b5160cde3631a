/**
 * The replay of a lexlib history, commit by commit in order: each commit's date, the article files
 * it adds, changes and removes (which article each file is, by the LEGI id in its name), its change
 * set placed through the files present at that commit, and the table of contents of its whole-code
 * file.
 */
import type { ArticleId, ChangeSet, CodeId, CompileWarning, IsoDate } from '../../../model/model.ts';
import { articleId, legiArticleId } from '../../../model/ids.ts';
import { pushTo } from '../../../util/group-by.ts';
import { parseArticleFile } from '../common/lexlib-format/article-file.ts';
import { DatedToc } from '../common/lexlib-format/dated-toc.ts';
import { parseIntegral } from '../common/lexlib-format/integral.ts';
import type { ParseContext } from '../common/parse-context.ts';
import type { ImportedArticle } from '../source-import.ts';
import { applyText, finishedVersions, newArticleHistory, repeal, type ArticleHistory } from './article-history.ts';
import { numberOfArticlePath, type ArticleChange, type CommitPlan } from './commit-plan.ts';
import { parseCommitMessage, type ConsolidatedVersionMessage } from './commit-message.ts';

export class HistoryReplay {
  readonly changeSets: ChangeSet[] = [];
  readonly toc: DatedToc;
  /** The latest version date seen (commits are replayed in order, but their dates need not be). */
  lastDate: IsoDate | undefined;
  /** Link status codes the model does not know, with how many entries carry each. */
  readonly unknownStatusCounts = new Map<string, number>();

  /** Articles by the digits of their LEGI id, in the order they first appear. */
  private readonly articles = new Map<string, ArticleHistory>();
  /** Number → digits of the article whose file bears it now. */
  private readonly digitsByNum = new Map<string, string>();
  /**
   * The same number can exist in two parts (R211-1 in « Partie réglementaire ancienne » and in
   * « Partie réglementaire - Décrets en Conseil d'Etat »): the whole-code file's part title is the
   * article folder without its `05. ` prefix.
   */
  private readonly digitsByPartNum = new Map<string, string>();

  constructor(
    private readonly code: CodeId,
    private readonly sourceId: string,
    private readonly warnings: CompileWarning[],
  ) {
    this.toc = new DatedToc(code);
  }

  /** One commit, its blobs among `blobs` (sha → text). */
  replay(plan: CommitPlan, blobs: ReadonlyMap<string, string>): void {
    const { commit } = plan;
    const commitCtx: ParseContext = { source: this.sourceId, path: `commit ${commit.sha.slice(0, 10)}`, warnings: this.warnings };
    const message = parseCommitMessage(commit.message, commitCtx);
    const date = this.dateOf(plan, message, commitCtx.path);

    // Numbers of the files deleted by this commit, for `Articles abrogés:`.
    const deletedDigitsByNum = new Map<string, string>();
    const byDigits = new Map<string, ArticleChange[]>();
    for (const entry of plan.articleChanges) {
      if (entry.change.status === 'D') deletedDigitsByNum.set(entry.num, entry.digits);
      pushTo(byDigits, entry.digits, entry);
    }
    for (const [digits, entries] of byDigits) this.applyArticleChanges(digits, entries, date, plan, message, blobs);

    this.changeSets.push(this.changeSetOf(date, message, deletedDigitsByNum));
    if (plan.integral) this.snapshotToc(date, blobs.get(plan.integral.blob), plan.integral.path);
  }

  /** The articles with at least one version, ready for the merge. */
  importedArticles(dataDate: IsoDate | undefined): ImportedArticle[] {
    const imported: ImportedArticle[] = [];
    for (const state of this.articles.values()) {
      if (state.versions.length === 0) continue;
      const article: ImportedArticle = {
        code: this.code,
        num: state.num,
        legiId: legiArticleId(state.digits),
        versions: finishedVersions(state, dataDate),
      };
      const sectionPath =
        this.toc.sectionPaths.get(this.idOf(state.digits, state.num)) ?? (state.part === undefined ? undefined : [state.part]);
      if (sectionPath) article.sectionPath = sectionPath;
      if (state.formerPartSince) article.formerPartSince = state.formerPartSince;
      if (state.currentPath && isFormerPart(state.currentPath)) article.inFormerPart = true;
      imported.push(article);
    }
    return imported;
  }

  /** The version date: the message's, else the author date; a date going backwards is reported. */
  private dateOf(plan: CommitPlan, message: ConsolidatedVersionMessage, where: string): IsoDate {
    let date = message.date;
    if (!date) {
      date = plan.commit.authorDate.slice(0, 10);
      this.warnings.push({ source: this.sourceId, path: where, message: `date prise de l'auteur du commit : ${date}` });
    }
    if (this.lastDate && date < this.lastDate) {
      this.warnings.push({ source: this.sourceId, path: where, message: `date ${date} antérieure à la précédente (${this.lastDate})` });
    }
    this.lastDate = !this.lastDate || date > this.lastDate ? date : this.lastDate;
    return date;
  }

  /** The files of one article (one LEGI id) this commit adds, changes or removes. */
  private applyArticleChanges(
    digits: string,
    entries: readonly ArticleChange[],
    date: IsoDate,
    plan: CommitPlan,
    message: ConsolidatedVersionMessage,
    blobs: ReadonlyMap<string, string>,
  ): void {
    let state = this.articles.get(digits);
    if (!state) {
      state = newArticleHistory(digits, entries[0]!.num);
      this.articles.set(digits, state);
    }
    const wasCurrent = state.currentPath;
    for (const { change, num } of entries) {
      if (change.status === 'D') {
        state.livePaths.delete(change.path);
        if (this.digitsByNum.get(num) === digits) this.digitsByNum.delete(num);
        const partKey = partNumKey(partOf(change.path), num);
        if (this.digitsByPartNum.get(partKey) === digits) this.digitsByPartNum.delete(partKey);
      }
    }
    // The content comes from a newly added file (a move or renumbering), else the current file.
    const added = entries.find((e) => e.change.status === 'A');
    const content =
      added ?? entries.find((e) => e.change.status !== 'D' && e.change.path === wasCurrent) ?? entries.find((e) => e.change.status !== 'D');
    for (const { change, num } of entries) {
      if (change.status !== 'D') {
        state.livePaths.add(change.path);
        if (change.path.includes('/')) state.part = partOf(change.path);
        this.digitsByNum.set(num, digits);
        this.digitsByPartNum.set(partNumKey(partOf(change.path), num), digits);
      }
    }
    if (added && wasCurrent && state.livePaths.has(wasCurrent) && wasCurrent !== added.change.path) {
      this.warnings.push({
        source: this.sourceId,
        path: added.change.path,
        message: `même article (LEGI ${digits}) que « ${wasCurrent} », toujours présent : le nouveau fichier fait foi`,
      });
    }
    if (content) this.noteFormerPart(state, wasCurrent, content.change.path, date);
    if (content) state.currentPath = content.change.path;
    else if (state.currentPath && !state.livePaths.has(state.currentPath)) state.currentPath = [...state.livePaths].at(-1);

    if (state.livePaths.size === 0 || this.repealedOverStaleFile(state, entries, message, digits, wasCurrent)) {
      repeal(state, date);
      return;
    }
    if (!content || content.change.path !== state.currentPath) return;
    const text = blobs.get(content.change.blob);
    if (text === undefined) {
      this.warnings.push({
        source: this.sourceId,
        path: content.change.path,
        message: `contenu illisible (blob ${content.change.blob.slice(0, 10)})`,
      });
      return;
    }
    const ctx: ParseContext = { source: this.sourceId, path: content.change.path, warnings: this.warnings };
    const parsed = parseArticleFile(text, ctx);
    for (const status of parsed.unknownStatuses) this.unknownStatusCounts.set(status, (this.unknownStatusCounts.get(status) ?? 0) + 1);
    if (parsed.num !== undefined && parsed.num !== content.num) {
      this.warnings.push({
        source: this.sourceId,
        path: content.change.path,
        line: 1,
        message: `titre « Article ${parsed.num} » différent du nom du fichier (${content.num})`,
      });
    }
    state.num = content.num;
    applyText(state, date, parsed.paragraphs, parsed.nota, parsed.links, plan.commit, message.amendingTexts);
  }

  /** An article that had a file outside the code's former part gets one inside it: it became former law that day. */
  private noteFormerPart(state: ArticleHistory, wasCurrent: string | undefined, newPath: string, date: IsoDate): void {
    if (state.formerPartSince === undefined && wasCurrent !== undefined && !isFormerPart(wasCurrent) && isFormerPart(newPath)) {
      state.formerPartSince = date;
    }
  }

  /**
   * The commit removes the article's file and its message lists that number under « Articles
   * abrogés », while an older file with the same LEGI id stays in the tree (D5134-14 of the Code du
   * travail, repealed on 2012-05-07, its former file R5134-14 left behind): the message is the
   * consolidated version's own statement, so the article is repealed and the stale file forgotten
   * (a later change to it brings the article back).
   */
  private repealedOverStaleFile(
    state: ArticleHistory,
    entries: readonly ArticleChange[],
    message: ConsolidatedVersionMessage,
    digits: string,
    wasCurrent: string | undefined,
  ): boolean {
    if (entries.some((e) => e.change.status !== 'D')) return false;
    // The file removed is the article's latest one: what stays is older.
    const listed = entries.find((e) => e.change.path === wasCurrent && message.repealed.includes(e.num));
    if (!listed) return false;
    this.warnings.push({
      source: this.sourceId,
      path: listed.change.path,
      message: `abrogé par le message du commit alors que ${[...state.livePaths].join(', ')} (même LEGI ${digits}) reste : fichier périmé ignoré`,
    });
    for (const stale of state.livePaths) {
      const num = numberOfArticlePath(stale);
      if (num !== undefined && this.digitsByNum.get(num) === digits) this.digitsByNum.delete(num);
    }
    state.livePaths.clear();
    return true;
  }

  /** The commit's change set, its numbers placed through the files present at that commit. */
  private changeSetOf(date: IsoDate, message: ConsolidatedVersionMessage, deletedDigitsByNum: ReadonlyMap<string, string>): ChangeSet {
    const unplaced: string[] = [];
    const place = (nums: string[], deleted: boolean): ArticleId[] =>
      nums.flatMap((num) => {
        const digits =
          (deleted ? deletedDigitsByNum.get(num) : undefined) ??
          this.digitsByNum.get(num) ??
          (deleted ? undefined : deletedDigitsByNum.get(num));
        if (!digits) {
          unplaced.push(num);
          return [];
        }
        return [this.idOf(digits, num)];
      });
    const changeSet: ChangeSet = {
      code: this.code,
      date,
      amendingTexts: message.amendingTexts,
      created: place(message.created, false),
      modified: place(message.modified, false),
      repealed: place(message.repealed, true),
      source: this.sourceId,
    };
    if (unplaced.length > 0) changeSet.unplaced = unplaced;
    return changeSet;
  }

  /** The table of contents of the whole-code file as of `date` (its parse warnings are not kept: the file is read again at every commit that changes it, so they would repeat). */
  private snapshotToc(date: IsoDate, text: string | undefined, filePath: string): void {
    if (text === undefined) return;
    const parsed = parseIntegral(text, { source: this.sourceId, path: filePath, warnings: [] }, { headingsOnly: true });
    this.toc.addSnapshot(date, parsed.toc, (num, sectionPath = []) => {
      const digits = this.digitsByPartNum.get(partNumKey(sectionPath[0] ?? '', num)) ?? this.digitsByNum.get(num);
      return digits ? this.idOf(digits, num) : articleId(this.code, undefined, num);
    });
  }

  private idOf(digits: string, num: string): ArticleId {
    return articleId(this.code, legiArticleId(digits), num);
  }
}

/** `03. Partie législative ancienne/…`, `04. Partie réglementaire ancienne - Décrets en Conseil d'Etat/…`. */
function isFormerPart(filePath: string): boolean {
  return /^[^/]*\bancienne\b[^/]*\//i.test(filePath);
}

/** The part of the code a file sits in: its folder without the `05. ` prefix. */
function partOf(filePath: string): string {
  return filePath.replace(/\/[^/]*$/, '').replace(/^\d+\.\s*/, '');
}

function partNumKey(part: string, num: string): string {
  return `${part}\u0000${num}`;
}
