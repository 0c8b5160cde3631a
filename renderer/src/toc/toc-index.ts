/**
 * A code's table of contents made ready for a virtualised list: the sections above each article
 * (for the breadcrumb and to open the tree where the reader is), and the flat list of visible rows
 * for a set of open sections at a date. The sécurité sociale has over 10,000 articles: everything
 * here is one pass over the tree, and the rows are only those of open sections.
 */
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { ArticleId, Code, IsoDate, Section } from '../../../corpus/model/model.ts';
import { parseArticleId } from '../../../corpus/model/ids.ts';
import { entryInForceOn } from '../../../corpus/model/timeline.ts';

export interface TocIndex {
  code: Code;
  catalog: Map<ArticleId, ArticleCatalogEntry>;
  sections: Map<string, Section>;
  /** Ids of the sections from the root down to (and including) each section. */
  sectionPath: Map<string, string[]>;
  /** Section directly holding each article listed in the tree. */
  articleSection: Map<ArticleId, string>;
  /** The corpus data date: a repeal the sources state without a date counts from it on (see `timeline.ts`). */
  undatedEndsOn: IsoDate;
}

export type TocRow =
  | { type: 'section'; id: string; title: string; level: Section['level']; depth: number; open: boolean; count: number }
  | { type: 'article'; id: ArticleId; num: string; depth: number; inForce: boolean; entry?: ArticleCatalogEntry };

export function buildTocIndex(code: Code, catalog: readonly ArticleCatalogEntry[], undatedEndsOn: IsoDate): TocIndex {
  const index: TocIndex = {
    code,
    catalog: new Map(catalog.map((entry) => [entry.id, entry])),
    sections: new Map(),
    sectionPath: new Map(),
    articleSection: new Map(),
    undatedEndsOn,
  };
  const walk = (sections: readonly Section[], path: string[]) => {
    for (const section of sections) {
      const own = [...path, section.id];
      index.sections.set(section.id, section);
      index.sectionPath.set(section.id, own);
      for (const article of section.articles) index.articleSection.set(article, section.id);
      walk(section.children, own);
    }
  };
  walk(code.toc, []);
  return index;
}

/** Whether an article of the index is in force on a date (an article missing from the catalog is shown). */
export function entryInForce(index: TocIndex, entry: ArticleCatalogEntry | undefined, date: IsoDate): boolean {
  return !entry || entryInForceOn(entry, date, index.undatedEndsOn);
}

/** The sections above an article, root first: its position in the tree, or the catalog's. */
export function sectionsAbove(index: TocIndex, article: ArticleId): Section[] {
  const sectionId = index.articleSection.get(article) ?? index.catalog.get(article)?.section;
  if (!sectionId) return [];
  return (index.sectionPath.get(sectionId) ?? []).flatMap((id) => {
    const section = index.sections.get(id);
    return section ? [section] : [];
  });
}

/**
 * Counts the articles shown under each section at a date (`all`: repealed ones too). Sections with
 * none are hidden, so that the tree of 1990 does not list the titles created in 2020.
 *
 * Only the articles' dates decide, not the sections' own: the tree is the code's current plan, in
 * which the compiler also places the articles repealed before it (L611-3, repealed in 2018, sits in
 * a Livre VI dated 2018). Hiding sections by their dates would hide those articles in their time.
 */
export function countArticles(index: TocIndex, date: IsoDate, all: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (section: Section): number => {
    let total = 0;
    for (const child of section.children) total += count(child);
    for (const article of section.articles) if (all || entryInForce(index, index.catalog.get(article), date)) total++;
    counts.set(section.id, total);
    return total;
  };
  for (const section of index.code.toc) count(section);
  return counts;
}

/** The visible rows: sections with something to show, and the articles of the open ones. */
export function tocRows(index: TocIndex, open: ReadonlySet<string>, date: IsoDate, all: boolean, counts: Map<string, number>): TocRow[] {
  const rows: TocRow[] = [];
  const walk = (sections: readonly Section[], depth: number) => {
    for (const section of sections) {
      const count = counts.get(section.id) ?? 0;
      if (count === 0) continue;
      const isOpen = open.has(section.id);
      rows.push({ type: 'section', id: section.id, title: section.title, level: section.level, depth, open: isOpen, count });
      if (!isOpen) continue;
      // Legifrance lists a section's own articles before its sub-sections.
      for (const article of section.articles) {
        const entry = index.catalog.get(article);
        const inForce = entryInForce(index, entry, date);
        if (!all && !inForce) continue;
        rows.push({
          type: 'article',
          id: article,
          num: entry?.num ?? parseArticleId(article)?.num ?? article,
          depth: depth + 1,
          inForce,
          ...(entry ? { entry } : {}),
        });
      }
      walk(section.children, depth + 1);
    }
  };
  walk(index.code.toc, 0);
  return rows;
}
