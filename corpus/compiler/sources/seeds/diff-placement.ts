/**
 * Places the lines of an Archéo Lex diff of a whole code (seed 002: the code printed in table-of-
 * contents order on two dates, compared line by line) in what the corpus says changed between those
 * dates. Every line marked `-` or `+` is placed
 * - in the redline of an article whose version changes (compareVersions of the versions in force on
 *   the two dates): a deleted or inserted paragraph of a modified article, a paragraph of a created
 *   or repealed article;
 * - in an article that moved: Archéo Lex prints the code in table-of-contents order, so a paragraph
 *   that went from one article to another (a renumbering) shows as a line removed in one place and
 *   added in another, and so does the heading of an article whose place changed;
 * - for a section heading, beside the articles created, repealed or moved under it.
 * A line that cannot be placed says why, with what the corpus holds instead (`UnplacedCause`), so
 * that a reader — or a test — can check the reason against the corpus.
 */
import { compareVersions } from '../../../diff/compare-versions.ts';
import type { Article, ArticleId, ChangeSet, IsoDate, Version } from '../../../model/model.ts';
import { endsUndated, versionOn } from '../../../model/timeline.ts';
import { normalizeParagraph } from '../../../text/paragraphs.ts';
import { pushTo } from '../../../util/group-by.ts';
import { articleHeading } from '../common/lexlib-format/article-file.ts';
import type { ArcheoDiff, ArcheoDiffHunk, ArcheoDiffLine } from './archeo-diff.ts';

export type ChangeRole = 'created' | 'modified' | 'repealed';

/** An article whose version in force changes between the two dates, or that the change set lists. */
export interface ChangedArticle {
  article: Article;
  role: ChangeRole;
  /** Listed by the change set (the lexlib commit message), or found by its timeline only. */
  listed: boolean;
}

/** Why a line found no place, with the corpus facts the reason rests on. */
export type UnplacedCause =
  /** A paragraph of `article`'s version in force that day (`version`), which the corpus does not change then. */
  | { kind: 'unchanged'; article: Article; version: Version }
  /** A paragraph of `article` only in another of its versions (`version`): the one in force that day (`inForce`, if any) has another text or none. */
  | { kind: 'other-version'; article: Article; version: Version; inForce?: Version }
  /** A paragraph in no version of any article of the code. */
  | { kind: 'absent' }
  /** A section heading whose hunk has no changed article heading on its side. */
  | { kind: 'lone-section' }
  /** The heading of an article that is neither created, repealed, changed nor in force elsewhere that day. */
  | { kind: 'no-such-article'; num: string };

export type LinePlacement =
  | { placed: true; how: 'redline' | 'created' | 'repealed' | 'moved' | 'section' | 'spacing'; article: string; detail?: string }
  | { placed: false; cause: UnplacedCause; reason: string };

export interface DiffPlacement {
  /** Every line marked `-` or `+` that has text, in page order, with its place. */
  lines: { line: ArcheoDiffLine; placement: LinePlacement }[];
  /** Lines marked `-` or `+` with no text (separators). */
  blankLines: number;
  changed: ReadonlyMap<ArticleId, ChangedArticle>;
  /** Changes shown by the redlines of the changed articles. */
  redlineChanges: number;
}

const withoutSpaceBeforePunctuation = (text: string) => text.replace(/\s+(?=[.,;:)])/g, '');

const isSectionHeading = (text: string) => /^#+\s/.test(text) && articleHeading(text) === undefined;

/**
 * `articles`: every article of the code; `changeSet`: the corpus's change set of `to`; `dataDate`:
 * the corpus data date (for the versions whose end is undated).
 */
export function placeDiffLines(
  diff: ArcheoDiff,
  articles: Iterable<Article>,
  changeSet: ChangeSet,
  dates: { from: IsoDate; to: IsoDate; dataDate: IsoDate },
): DiffPlacement {
  const corpus = indexCorpus(articles, changeSet, dates);
  const placer = new LinePlacer(diff, corpus, dates);
  const lines: DiffPlacement['lines'] = [];
  let blankLines = 0;
  for (const hunk of diff.hunks) {
    for (const [index, line] of hunk.lines.entries()) {
      if (line.kind === ' ') continue;
      const text = normalizeParagraph(line.text);
      if (!text) {
        blankLines++;
        continue;
      }
      const num = articleHeading(line.text);
      const placement =
        num !== undefined
          ? placer.heading(line, num)
          : isSectionHeading(text)
            ? placer.section(hunk, index, line)
            : placer.paragraph(line, text);
      lines.push({ line, placement });
    }
  }
  return { lines, blankLines, changed: corpus.changed, redlineChanges: corpus.redlineChanges };
}

interface CorpusIndex {
  changed: Map<ArticleId, ChangedArticle>;
  /** Paragraph text → articles where the comparison shows it deleted / inserted. */
  deleted: Map<string, ChangedArticle[]>;
  inserted: Map<string, ChangedArticle[]>;
  /** Paragraph text → articles whose version in force on the date has it. */
  textBefore: Map<string, Article[]>;
  textAfter: Map<string, Article[]>;
  numsBefore: Map<string, Article>;
  numsAfter: Map<string, Article>;
  /** Paragraph text → every version of every article that has it, at any date. */
  textAnyDate: Map<string, { article: Article; version: Version }[]>;
  redlineChanges: number;
}

function indexCorpus(
  articles: Iterable<Article>,
  changeSet: ChangeSet,
  dates: { from: IsoDate; to: IsoDate; dataDate: IsoDate },
): CorpusIndex {
  const index: CorpusIndex = {
    changed: new Map(),
    deleted: new Map(),
    inserted: new Map(),
    textBefore: new Map(),
    textAfter: new Map(),
    numsBefore: new Map(),
    numsAfter: new Map(),
    textAnyDate: new Map(),
    redlineChanges: 0,
  };
  const roles = new Map<ArticleId, ChangeRole>([
    ...changeSet.created.map((id) => [id, 'created'] as const),
    ...changeSet.modified.map((id) => [id, 'modified'] as const),
    ...changeSet.repealed.map((id) => [id, 'repealed'] as const),
  ]);
  for (const article of articles) {
    const before = versionOn(article, dates.from, dates.dataDate);
    const after = versionOn(article, dates.to, dates.dataDate);
    if (before) index.numsBefore.set(article.num, article);
    if (after) index.numsAfter.set(article.num, article);
    for (const p of before?.paragraphs ?? []) pushTo(index.textBefore, normalizeParagraph(p), article);
    for (const p of after?.paragraphs ?? []) pushTo(index.textAfter, normalizeParagraph(p), article);
    for (const version of article.versions)
      for (const p of version.paragraphs) pushTo(index.textAnyDate, normalizeParagraph(p), { article, version });
    const listedRole = roles.get(article.id);
    if (before === after && !listedRole) continue;
    const role: ChangeRole = listedRole ?? (!before ? 'created' : !after ? 'repealed' : 'modified');
    const changed: ChangedArticle = { article, role, listed: listedRole !== undefined };
    index.changed.set(article.id, changed);
    const comparison = compareVersions(before ?? { paragraphs: [] }, after ?? { paragraphs: [] }, 'word');
    index.redlineChanges += comparison.changeCount;
    for (const row of comparison.rows) {
      if (row.kind === 'equal') continue;
      if (row.oldIndex !== undefined) pushTo(index.deleted, normalizeParagraph(before!.paragraphs[row.oldIndex]!), changed);
      if (row.newIndex !== undefined) pushTo(index.inserted, normalizeParagraph(after!.paragraphs[row.newIndex]!), changed);
    }
  }
  return index;
}

class LinePlacer {
  private readonly headingsRemoved = new Set<string>();
  private readonly headingsAdded = new Set<string>();
  private readonly changedByNum: Map<string, ChangedArticle>;

  constructor(
    diff: ArcheoDiff,
    private readonly corpus: CorpusIndex,
    private readonly dates: { from: IsoDate; to: IsoDate; dataDate: IsoDate },
  ) {
    for (const hunk of diff.hunks) {
      for (const line of hunk.lines) {
        const num = articleHeading(line.text);
        if (num && line.kind === '-') this.headingsRemoved.add(num);
        if (num && line.kind === '+') this.headingsAdded.add(num);
      }
    }
    this.changedByNum = new Map([...corpus.changed.values()].map((c) => [c.article.num, c]));
  }

  /** A paragraph line: in a redline, or moved from one article to another. */
  paragraph(line: ArcheoDiffLine, text: string): LinePlacement {
    const { corpus, dates } = this;
    const inRedline = (line.kind === '-' ? corpus.deleted : corpus.inserted).get(text);
    if (inRedline?.[0]) {
      const c = inRedline[0];
      const how =
        c.role === 'created' && line.kind === '+' ? 'created' : c.role === 'repealed' && line.kind === '-' ? 'repealed' : 'redline';
      return { placed: true, how, article: label(c) };
    }
    // Removed here and present on the other side in another article: the paragraph moved.
    const otherSide = (line.kind === '-' ? corpus.textAfter : corpus.textBefore).get(text) ?? [];
    const sameSide = (line.kind === '-' ? corpus.textBefore : corpus.textAfter).get(text) ?? [];
    const destination = otherSide.find((a) => corpus.changed.has(a.id) || sameSide.every((b) => b.id !== a.id));
    if (destination) {
      const from = line.kind === '-' ? (sameSide[0]?.num ?? '?') : destination.num;
      const to = line.kind === '-' ? destination.num : (sameSide[0]?.num ?? '?');
      return { placed: true, how: 'moved', article: line.kind === '-' ? from : to, detail: `paragraphe passé de ${from} à ${to}` };
    }
    const date = line.kind === '-' ? dates.from : dates.to;
    const otherDate = line.kind === '-' ? dates.to : dates.from;
    // The article holding the text lost (or gained) its heading here too: the whole article left
    // (or took) this place in the code's order: it moved, or it was repealed at a date the corpus lacks.
    const sideHeadings = line.kind === '-' ? this.headingsRemoved : this.headingsAdded;
    const holder = sameSide.find((a) => sideHeadings.has(a.num)) ?? sameSide[0];
    if (holder && sideHeadings.has(holder.num)) {
      const version = versionOn(holder, date, dates.dataDate)!;
      if (line.kind === '-' && endsUndated(version)) {
        return { placed: true, how: 'repealed', article: holder.num, detail: 'abrogé sans date dans le corpus (hors du change set)' };
      }
      return {
        placed: true,
        how: 'moved',
        article: holder.num,
        detail: `titre et texte de ${holder.num} ${line.kind === '-' ? 'retirés' : 'ajoutés'} à cet endroit du code`,
      };
    }
    if (holder) {
      const version = versionOn(holder, date, dates.dataDate)!;
      // Archéo Lex marks a line whose only change is a space before punctuation (« présents . » →
      // « présents. »); the diff engine deliberately shows no change there (issue 4, §6).
      const other = versionOn(holder, otherDate, dates.dataDate);
      const changed = corpus.changed.get(holder.id);
      if (changed && other?.paragraphs.some((p) => withoutSpaceBeforePunctuation(p) === withoutSpaceBeforePunctuation(text))) {
        return {
          placed: true,
          how: 'spacing',
          article: label(changed),
          detail: 'seule une espace avant la ponctuation change : le redline ne la montre pas',
        };
      }
      return unplaced(
        { kind: 'unchanged', article: holder, version },
        `texte de ${holder.num} (version du ${version.validFrom}${version.validTo ? ` au ${version.validTo}` : ', sans date de fin'}, ${version.status}), qui ne change pas ce jour-là dans le corpus`,
      );
    }
    const elsewhere = corpus.textAnyDate.get(text)?.[0];
    if (elsewhere) {
      const inForce = versionOn(elsewhere.article, date, dates.dataDate);
      const shown = inForce
        ? `la version en vigueur le ${date} (du ${inForce.validFrom}, ${inForce.sources.join(', ')}) ${inForce.textUnavailable ? 'n’a pas de texte' : 'a un autre texte'}`
        : `aucune version en vigueur le ${date}`;
      return unplaced(
        { kind: 'other-version', article: elsewhere.article, version: elsewhere.version, ...(inForce ? { inForce } : {}) },
        `texte de ${elsewhere.article.num} dans sa version du ${elsewhere.version.validFrom} ; ${shown}`,
      );
    }
    return unplaced({ kind: 'absent' }, 'texte absent de toute version de tout article du code');
  }

  /** An article heading: the article is created, repealed or changed that day, or moved. */
  heading(line: ArcheoDiffLine, num: string): LinePlacement {
    const { corpus, dates } = this;
    const c = this.changedByNum.get(num);
    if (c && c.role === 'created' && line.kind === '+') return { placed: true, how: 'created', article: label(c) };
    if (c && c.role === 'repealed' && line.kind === '-') return { placed: true, how: 'repealed', article: label(c) };
    if (line.kind === '-' ? this.headingsAdded.has(num) : this.headingsRemoved.has(num))
      return { placed: true, how: 'moved', article: num, detail: 'titre retiré à un endroit, ajouté à un autre' };
    const exists = (line.kind === '-' ? corpus.numsAfter : corpus.numsBefore).get(num);
    if (exists)
      return {
        placed: true,
        how: 'moved',
        article: num,
        detail: `l’article est en vigueur le ${line.kind === '-' ? dates.to : dates.from} ailleurs dans le code`,
      };
    if (c) return { placed: true, how: 'redline', article: label(c) };
    return unplaced({ kind: 'no-such-article', num }, `aucun article ${num} ${line.kind === '-' ? 'abrogé' : 'créé'} ce jour-là`);
  }

  /** A section heading goes with the articles below it (or above, at the end of a hunk) that changed place. */
  section(hunk: ArcheoDiffHunk, index: number, line: ArcheoDiffLine): LinePlacement {
    const onSide = (l: ArcheoDiffLine) => (line.kind === '-' ? l.oldLine !== undefined : l.newLine !== undefined);
    const around = [...hunk.lines.slice(index + 1), ...hunk.lines.slice(0, index).reverse()];
    for (const other of around) {
      const num = other.kind !== ' ' && onSide(other) ? articleHeading(other.text) : undefined;
      if (num === undefined) continue;
      const placement = this.heading(other, num);
      if (placement.placed) return { placed: true, how: 'section', article: num, detail: `section de l’article ${num} (${placement.how})` };
    }
    return unplaced(
      { kind: 'lone-section' },
      'titre de section sans titre d’article changé dans le même bloc ; le sommaire du corpus est celui d’aujourd’hui',
    );
  }
}

function label(c: ChangedArticle): string {
  return `${c.article.num} (${c.role}${c.listed ? '' : ', hors de la liste du change set'})`;
}

function unplaced(cause: UnplacedCause, reason: string): LinePlacement {
  return { placed: false, cause, reason };
}
