/**
 * A code's table of contents indexed once when it is loaded (`Library.codeIndex`): the catalog by
 * id, the sections above each article (for the breadcrumb and to open the tree where the reader
 * is). The sécurité sociale has over 10,000 articles: it is one pass over the tree.
 */
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { ArticleId, Code, IsoDate, Section } from '../../../corpus/model/model.ts';

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

/** The ids of the sections above an article, root first: its position in the tree, or the catalog's. */
export function sectionPathOf(index: TocIndex, article: ArticleId): string[] | undefined {
  const sectionId = index.articleSection.get(article) ?? index.catalog.get(article)?.section;
  return sectionId ? index.sectionPath.get(sectionId) : undefined;
}

/** The sections above an article, root first (`sectionPathOf`). */
export function sectionsAbove(index: TocIndex, article: ArticleId): Section[] {
  return (sectionPathOf(index, article) ?? []).flatMap((id) => {
    const section = index.sections.get(id);
    return section ? [section] : [];
  });
}
