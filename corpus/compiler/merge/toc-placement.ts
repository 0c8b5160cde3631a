/**
 * Every article gets a place in its code's table of contents. The chosen tree (legi-data's current
 * tree, a whole-code file) lists the articles it knows; articles it does not list — repealed before
 * that tree was taken, or known only by an older source — go into the section of the listed article
 * whose number precedes theirs (so a repealed L615-4 sits among the L615-x), or, when no listed
 * article shares their part, into a section "Articles hors plan" of their own.
 */
import { compareArticleNumbers } from '../../text/article-number.ts';
import type { Article, ArticleId, Section } from '../../model/model.ts';

export const UNPLACED_SECTION_ID = 'hors-plan';

/** Fills the tree with every article, sets `Article.section`, returns the articles in reading order. */
export function placeUnsectionedArticles(toc: Section[], articles: readonly Article[]): Article[] {
  const byId = new Map(articles.map((a) => [a.id, a] as const));
  const placed = new Map<ArticleId, Section>();
  const walk = (sections: readonly Section[]) => {
    for (const s of sections) {
      s.articles = s.articles.filter((id) => byId.has(id) && !placed.has(id));
      for (const id of s.articles) placed.set(id, s);
      walk(s.children);
    }
  };
  walk(toc);

  // Listed articles sorted by number: the anchor of an unlisted one is its predecessor by number
  // with the same letter prefix (L, R, D, A, LO…), so a regulation never lands among the laws.
  const anchors = articles.filter((a) => placed.has(a.id)).sort((a, b) => compareArticleNumbers(a.num, b.num));
  const prefix = (num: string) => /^[A-Z]*/i.exec(num)?.[0].toUpperCase() ?? '';
  const missing = articles.filter((a) => !placed.has(a.id)).sort((a, b) => compareArticleNumbers(a.num, b.num));

  let unplaced: Section | undefined;
  for (const article of missing) {
    const anchor = predecessor(anchors, article.num, prefix(article.num), prefix);
    let section = anchor ? placed.get(anchor.id) : undefined;
    if (!section) {
      if (!unplaced) {
        unplaced = { id: UNPLACED_SECTION_ID, title: 'Articles hors plan', level: 'other', children: [], articles: [] };
        toc.push(unplaced);
      }
      section = unplaced;
    }
    section.articles.push(article.id);
    placed.set(article.id, section);
  }
  // Keep each section's articles in number order once the newcomers are in.
  const sortSections = (sections: readonly Section[]) => {
    for (const s of sections) {
      if (s.articles.length > 1) {
        s.articles.sort((x, y) => compareArticleNumbers(byId.get(x)!.num, byId.get(y)!.num));
      }
      sortSections(s.children);
    }
  };
  if (missing.length) sortSections(toc);

  const ordered: Article[] = [];
  const collect = (sections: readonly Section[]) => {
    for (const s of sections) {
      for (const id of s.articles) {
        const article = byId.get(id)!;
        article.section = s.id;
        ordered.push(article);
      }
      collect(s.children);
    }
  };
  collect(toc);
  return ordered;
}

function predecessor(sorted: readonly Article[], num: string, wanted: string, prefix: (num: string) => string): Article | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareArticleNumbers(sorted[mid]!.num, num) <= 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const candidate = sorted[i]!;
    if (prefix(candidate.num) === wanted) return candidate;
    if (i < lo - 50) break;
  }
  // No predecessor in this prefix: the first article of the prefix, if any follows.
  for (let i = lo; i < sorted.length && i < lo + 50; i++) if (prefix(sorted[i]!.num) === wanted) return sorted[i];
  return undefined;
}
