/**
 * Old and new numbers, both ways: which articles replaced an article of a former code (L122-14-3
 * of the Code du travail → L1232-1, L1233-2, L1235-1, L1235-9 on 2008-05-01) and which former
 * articles a new one takes up (« Ancien article : L122-14-3 (alinéa 1 phrase 1) »).
 *
 * The one rule, used by the compiler (the per-code table of the bundle) and the reader (the notices
 * of an article page): it reads the links lists the sources give — LEGI's « Nouveaux textes » on
 * the former article, « Anciens textes » on the new one — once the compiler has given their entries
 * a target in the corpus. Nothing is inferred from numbers: a pair is listed only when a source
 * lists it. The date of a replacement is not stored here: it is the end of the former article's
 * last version (`timeline.ts`), whichever way the merge dated it.
 *
 * Pure module.
 */
import { codeOfArticleId } from './ids.ts';
import type { Article, ArticleId, CodeId, Link } from './model.ts';

/** One side of a correspondence: an article of the corpus, by id and number. */
export interface ArticleRef {
  id: ArticleId;
  num: string;
}

/** A former article and one article that takes it up. */
export interface CorrespondencePair {
  former: ArticleRef;
  current: ArticleRef;
  /** What of the former article the new one takes up, as « Anciens textes » says: `alinéa 1 phrase 1`. */
  parts?: string[];
}

/**
 * « Code du travail L122-14-3 alinéa 1 phrase 1 »: the entry of « Anciens textes » that says which
 * part of the former article a new one takes up (it has no « - art. », so no target).
 */
const PART_ENTRY = /^(.+?)\s+((?:LO|L|R|D|A)\*?\s?\d[\d-]*(?:\s(?:bis|ter|quater|[A-H]))?)\s+(.+)$/u;

function uniqueTargets(article: Article, kind: Link['kind']): ArticleRef[] {
  const seen = new Map<ArticleId, ArticleRef>();
  for (const version of article.versions) {
    for (const link of version.links) {
      if (link.kind !== kind || link.target === undefined || link.target === article.id || seen.has(link.target)) continue;
      seen.set(link.target, { id: link.target, num: link.articleNum ?? link.target.slice(link.target.indexOf('/') + 1) });
    }
  }
  return [...seen.values()];
}

/** The articles that replace this one, as its « Nouveaux textes » list them (any version), in list order. */
export function replacementsOf(article: Article): ArticleRef[] {
  return uniqueTargets(article, 'newTexts');
}

/** The former articles this one takes up, as its « Anciens textes » list them, each with the parts named. */
export function formerArticlesOf(article: Article): (ArticleRef & { parts: string[] })[] {
  const formers = uniqueTargets(article, 'formerTexts');
  if (formers.length === 0) return [];
  const parts = new Map<string, Set<string>>();
  for (const version of article.versions) {
    for (const link of version.links) {
      if (link.kind !== 'formerTexts' || link.target !== undefined) continue;
      const match = PART_ENTRY.exec(link.label);
      if (!match) continue;
      const num = match[2]!.replace(/\s/g, '');
      let set = parts.get(num);
      if (!set) parts.set(num, (set = new Set()));
      set.add(match[3]!.trim());
    }
  }
  return formers.map((former) => ({ ...former, parts: [...(parts.get(former.num) ?? [])] }));
}

/**
 * Every pair of a corpus, from both lists (a pair either list gives is kept once, with the parts
 * « Anciens textes » names). Sorted by former number then current number.
 */
export function correspondencePairs(articles: readonly Article[]): CorrespondencePair[] {
  const pairs = new Map<string, CorrespondencePair>();
  const add = (former: ArticleRef, current: ArticleRef, parts: readonly string[] = []) => {
    const key = `${former.id}\u0000${current.id}`;
    const pair = pairs.get(key);
    if (!pair) {
      pairs.set(key, { former, current, ...(parts.length > 0 ? { parts: [...parts] } : {}) });
      return;
    }
    for (const part of parts) if (!pair.parts?.includes(part)) (pair.parts ??= []).push(part);
  };
  for (const article of articles) {
    const self = { id: article.id, num: article.num };
    for (const next of replacementsOf(article)) add(self, next);
    for (const former of formerArticlesOf(article)) add({ id: former.id, num: former.num }, self, former.parts);
  }
  // Numbers as the table shows them: the side given by its own article wins over a list's label.
  const numbers = new Map<ArticleId, string>();
  for (const article of articles) numbers.set(article.id, article.num);
  return [...pairs.values()]
    .map((pair) => ({
      ...pair,
      former: { ...pair.former, num: numbers.get(pair.former.id) ?? pair.former.num },
      current: { ...pair.current, num: numbers.get(pair.current.id) ?? pair.current.num },
    }))
    .sort((a, b) => compareNums(a.former.num, b.former.num) || compareNums(a.current.num, b.current.num));
}

/** The pairs of one code's table: those where the former or the current article is of that code. */
export function correspondenceOfCode(pairs: readonly CorrespondencePair[], code: CodeId): CorrespondencePair[] {
  return pairs.filter((pair) => codeOfArticleId(pair.former.id) === code || codeOfArticleId(pair.current.id) === code);
}

const collator = new Intl.Collator('fr', { numeric: true });
function compareNums(a: string, b: string): number {
  return collator.compare(a, b);
}
