/**
 * The table of contents as a virtualised list: the flat list of visible rows for a set of open
 * sections at a date, and the count of articles shown under each section. Only the rows of open
 * sections are made, so the 10,000 articles of the sécurité sociale cost one pass.
 */
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { ArticleId, IsoDate, Section } from '../../../corpus/model/model.ts';
import { parseArticleId } from '../../../corpus/model/ids.ts';
import { entryInForceOn } from '../../../corpus/model/timeline.ts';
import type { TocIndex } from '../data/toc-index.ts';

export type TocRow =
  | { type: 'section'; id: string; title: string; level: Section['level']; depth: number; open: boolean; count: number }
  | { type: 'article'; id: ArticleId; num: string; depth: number; inForce: boolean; entry?: ArticleCatalogEntry };

/** Whether an article of the index is in force on a date (an article missing from the catalog is shown). */
export function entryInForce(index: TocIndex, entry: ArticleCatalogEntry | undefined, date: IsoDate): boolean {
  return !entry || entryInForceOn(entry, date, index.undatedEndsOn);
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
