/**
 * The list of all annotations, searchable in French with the analysis of the corpus search: the same
 * query language (`parseQuery`: words, « phrases », `prefix*`, `-excluded`, an article number), the
 * same folding and stemming (`french-analysis.ts`: « cotisations » finds « cotisation », « securite »
 * finds « sécurité »), the same highlighting (`highlight.ts`). What is searched: the note, the quoted
 * words, the tags, the colour's label and the article number.
 *
 * Filters: code, colour (role), tag, status; within a filter any of the chosen values, across filters
 * all of them. Sorts: most recently edited first, oldest first, or by article (code, article number in
 * reading order, version, place in the text).
 *
 * The index is built once for a set of annotations (rebuild it after an edit: building 10,000 takes
 * a few tens of milliseconds); each search walks posting lists and a precomputed order, so its cost
 * does not grow with sorting.
 *
 * Pure: no platform imports.
 */
import type { ArticleId, CodeId } from '../model/model.ts';
import { isStopWord, stem } from '../search/french-analysis.ts';
import { matchSpans, queryMatcher } from '../search/highlight.ts';
import { phrasePattern, referencePattern } from '../search/patterns.ts';
import { parseQuery, type ParsedQuery } from '../search/query.ts';
import { wordSpans } from '../search/words.ts';
import { articleNumberSortKey, normalizeArticleNumber } from '../text/article-number.ts';
import type { Annotation } from './annotation.ts';
import type { AnchorStatus } from './anchor.ts';
import { DEFAULT_PALETTE, roleLabel, type RoleId, type RolePalette } from './roles.ts';

export type AnnotationSort = 'recent' | 'oldest' | 'article';

export interface AnnotationQuery {
  /** Free text, as typed in the search box of the list (empty: every annotation). */
  text?: string;
  codes?: readonly CodeId[];
  roles?: readonly RoleId[];
  tags?: readonly string[];
  statuses?: readonly AnchorStatus[];
  articles?: readonly ArticleId[];
  sort?: AnnotationSort;
  offset?: number;
  /** Page size (default 100). */
  limit?: number;
}

export type HighlightField = 'note' | 'quote';

export interface AnnotationHit {
  annotation: Annotation;
  status?: AnchorStatus;
  /** Where the query matches the note and the quote, to highlight them (offsets in that field). */
  highlights: { field: HighlightField; start: number; end: number }[];
}

export interface AnnotationSearchResult {
  /** Matches before paging. */
  total: number;
  hits: AnnotationHit[];
}

export interface AnnotationIndexOptions {
  /** The user's names for the colours (searched, as shown). */
  palette?: RolePalette;
  /**
   * The status of each annotation on the version it is listed at (usually the one in force today),
   * from `anchorAnnotations`; an annotation without one never passes a status filter.
   */
  statuses?: ReadonlyMap<string, AnchorStatus>;
}

/** Tag identity for filters: case and accents aside. */
export function tagKey(tag: string): string {
  return tag.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

interface Doc {
  annotation: Annotation;
  /** The searched fields, joined with line breaks. */
  fields: string;
  tagKeys: Set<string>;
  /** LEGI form of the article number (`L611-3`), for a query that is an article number. */
  numKey: string;
  /** Reading-order key of the article (code, number, id): `articleNumberSortKey` once per article, not per comparison. */
  articleKey: string;
  status: AnchorStatus | undefined;
}

const COMPARATORS: Record<AnnotationSort, (a: Doc, b: Doc) => number> = {
  recent: (a, b) => compareStrings(b.annotation.updatedAt, a.annotation.updatedAt),
  oldest: (a, b) => compareStrings(a.annotation.createdAt, b.annotation.createdAt),
  article: (a, b) =>
    compareStrings(a.articleKey, b.articleKey) ||
    compareStrings(a.annotation.version.validFrom, b.annotation.version.validFrom) ||
    place(a.annotation) - place(b.annotation),
};
const SORTS = Object.keys(COMPARATORS) as AnnotationSort[];

export class AnnotationIndex {
  /** Every document ever added; a replaced or removed one stays, marked `removed` (its postings too). */
  private readonly docs: Doc[] = [];
  private readonly removed: boolean[] = [];
  private readonly byId = new Map<string, number>();
  /** Stem → annotations (ascending), for words. */
  private readonly postings = new Map<string, number[]>();
  /** Folded word → annotations, for prefixes (`cotisat*` must find « cotisations », whose stem is « cotis »). */
  private readonly wordPostings = new Map<string, number[]>();
  /** The keys of `wordPostings`, sorted: a prefix is a range of it. */
  private vocabulary: string[] = [];
  /** `tags()`, until an annotation is added or removed. */
  private tagCounts: { tag: string; count: number }[] | undefined;
  private readonly orders = {} as Record<AnnotationSort, number[]>;
  private readonly palette: RolePalette;
  private readonly articleKeys = new Map<string, { numKey: string; articleKey: string }>();

  constructor(annotations: readonly Annotation[], options: AnnotationIndexOptions = {}) {
    this.palette = options.palette ?? DEFAULT_PALETTE;
    const statuses = options.statuses ?? new Map<string, AnchorStatus>();
    for (const annotation of annotations) this.addDoc(annotation, statuses.get(annotation.id));
    this.vocabulary = [...this.wordPostings.keys()].sort();
    const live = this.docs.map((_, i) => i).filter((i) => !this.removed[i]);
    for (const sort of SORTS) this.orders[sort] = [...live].sort((a, b) => COMPARATORS[sort](this.docs[a]!, this.docs[b]!) || a - b);
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Adds an annotation, or replaces the one with its id (after an edit): the index stays current
   * without a rebuild. `status` as for `AnnotationIndexOptions.statuses`.
   */
  upsert(annotation: Annotation, status?: AnchorStatus): void {
    this.remove(annotation.id);
    this.tagCounts = undefined;
    const known = new Set(this.wordPostings.keys());
    const index = this.addDoc(annotation, status);
    const added = [...this.wordPostings.keys()].filter((word) => !known.has(word));
    if (added.length) this.vocabulary = [...this.vocabulary, ...added].sort();
    for (const sort of SORTS) {
      const order = this.orders[sort];
      const doc = this.docs[index]!;
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((COMPARATORS[sort](this.docs[order[mid]!]!, doc) || order[mid]! - index) < 0) lo = mid + 1;
        else hi = mid;
      }
      order.splice(lo, 0, index);
    }
  }

  /** Removes an annotation (deleted by the user); unknown ids are ignored. */
  remove(id: string): void {
    const index = this.byId.get(id);
    if (index === undefined) return;
    this.tagCounts = undefined;
    this.removed[index] = true;
    this.byId.delete(id);
    for (const sort of SORTS) {
      const order = this.orders[sort];
      const at = order.indexOf(index);
      if (at >= 0) order.splice(at, 1);
    }
  }

  /** The status of an annotation changed (it was anchored again). */
  setStatus(id: string, status: AnchorStatus | undefined): void {
    const index = this.byId.get(id);
    if (index !== undefined) this.docs[index]!.status = status;
  }

  private addDoc(annotation: Annotation, status: AnchorStatus | undefined): number {
    const index = this.docs.length;
    const fields = [
      annotation.note,
      annotation.target.kind === 'passage' ? annotation.target.quote.exact : '',
      annotation.tags.join(' '),
      annotation.role ? roleLabel(this.palette, annotation.role) : '',
      annotation.article.num,
    ].join('\n');
    for (const span of wordSpans(fields)) {
      addPosting(this.wordPostings, span.word, index);
      if (!isStopWord(span.word)) addPosting(this.postings, stem(span.word), index);
    }
    const { article } = annotation;
    let keys = this.articleKeys.get(article.id);
    if (!keys) {
      keys = {
        numKey: normalizeArticleNumber(article.num) ?? article.num,
        articleKey: `${article.code}\u0000${articleNumberSortKey(article.num)}\u0000${article.id}`,
      };
      this.articleKeys.set(article.id, keys);
    }
    const previous = this.byId.get(annotation.id);
    if (previous !== undefined) this.removed[previous] = true;
    this.docs.push({ annotation, fields, tagKeys: new Set(annotation.tags.map(tagKey)), ...keys, status });
    this.removed.push(false);
    this.byId.set(annotation.id, index);
    return index;
  }

  /** Every tag in use, with its count, most used first (for the filter list). */
  tags(): { tag: string; count: number }[] {
    // Counted once per change of the annotations, not at each search.
    this.tagCounts ??= this.countTags();
    return this.tagCounts;
  }

  private countTags(): { tag: string; count: number }[] {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const index of this.byId.values()) {
      for (const tag of this.docs[index]!.annotation.tags) {
        const entry = counts.get(tagKey(tag));
        if (entry) entry.count++;
        else counts.set(tagKey(tag), { tag, count: 1 });
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'fr'));
  }

  search(query: AnnotationQuery = {}): AnnotationSearchResult {
    const parsed = parseQuery(query.text ?? '');
    const candidates = this.textCandidates(parsed);
    const codes = query.codes?.length ? new Set(query.codes) : undefined;
    const roles = query.roles?.length ? new Set<string>(query.roles) : undefined;
    const tags = query.tags?.length ? query.tags.map(tagKey) : undefined;
    const statuses = query.statuses?.length ? new Set<string>(query.statuses) : undefined;
    const articles = query.articles?.length ? new Set(query.articles) : undefined;
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.max(0, query.limit ?? 100);
    const matcher = hasTextQuery(parsed) ? queryMatcher(parsed) : undefined;
    // Phrases and article numbers written among words are checked on the text, as the corpus search does.
    const patterns = [
      ...parsed.phrases.map((phrase) => phrasePattern(phrase.words)),
      ...parsed.references.flatMap((num) => referencePattern(num) ?? []),
    ];
    const hits: AnnotationHit[] = [];
    let total = 0;
    for (const index of this.orders[query.sort ?? 'recent']) {
      if (candidates && candidates[index] !== 1) continue;
      const doc = this.docs[index]!;
      const { annotation } = doc;
      if (codes && !codes.has(annotation.article.code)) continue;
      if (roles && (!annotation.role || !roles.has(annotation.role))) continue;
      if (tags && !tags.some((tag) => doc.tagKeys.has(tag))) continue;
      const status = doc.status;
      if (statuses && (!status || !statuses.has(status))) continue;
      if (articles && !articles.has(annotation.article.id)) continue;
      if (parsed.number !== undefined && doc.numKey !== parsed.number) continue;
      if (patterns.length && !patterns.every((pattern) => ((pattern.lastIndex = 0), pattern.test(doc.fields)))) continue;
      total++;
      if (total <= offset || hits.length >= limit) continue;
      const hit: AnnotationHit = { annotation, highlights: matcher ? highlights(annotation, matcher) : [] };
      if (status) hit.status = status;
      hits.push(hit);
    }
    return { total, hits };
  }

  /** 1 for each annotation the words of the query allow (all terms, no excluded one), or `undefined`: all. */
  private textCandidates(parsed: ParsedQuery): Uint8Array | undefined {
    if (parsed.terms.length === 0 && parsed.excluded.length === 0) return undefined;
    let allowed: Uint8Array | undefined;
    for (const term of parsed.terms) {
      const hits = new Uint8Array(this.docs.length);
      if (term.prefix) {
        for (let w = lowerBound(this.vocabulary, term.term); w < this.vocabulary.length && this.vocabulary[w]!.startsWith(term.term); w++) {
          for (const i of this.wordPostings.get(this.vocabulary[w]!)!) hits[i] = 1;
        }
      } else for (const i of this.postings.get(term.term) ?? []) hits[i] = 1;
      if (!allowed) allowed = hits;
      else for (let i = 0; i < allowed.length; i++) allowed[i]! &= hits[i]!;
    }
    allowed ??= new Uint8Array(this.docs.length).fill(1);
    for (const excluded of parsed.excluded) for (const i of this.postings.get(excluded) ?? []) allowed[i] = 0;
    return allowed;
  }
}

function addPosting(postings: Map<string, number[]>, key: string, index: number): void {
  const list = postings.get(key);
  if (!list) postings.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

function hasTextQuery(parsed: ParsedQuery): boolean {
  return parsed.terms.length > 0 || parsed.phrases.length > 0 || parsed.number !== undefined || parsed.references.length > 0;
}

function highlights(annotation: Annotation, matcher: ReturnType<typeof queryMatcher>): AnnotationHit['highlights'] {
  const out: AnnotationHit['highlights'] = [];
  for (const span of matchSpans(annotation.note, matcher)) out.push({ field: 'note', start: span.start, end: span.end });
  if (annotation.target.kind === 'passage') {
    for (const span of matchSpans(annotation.target.quote.exact, matcher)) out.push({ field: 'quote', start: span.start, end: span.end });
  }
  return out;
}

/** First index of a sorted array whose item is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole-article notes first, then passages in text order. */
function place(annotation: Annotation): number {
  return annotation.target.kind === 'article' ? -1 : annotation.target.position.start;
}

/** How many annotations each article has (the mark in the table of contents and in search results). */
export function annotationCounts(annotations: Iterable<Annotation>): Map<ArticleId, number> {
  const counts = new Map<ArticleId, number>();
  for (const annotation of annotations) counts.set(annotation.article.id, (counts.get(annotation.article.id) ?? 0) + 1);
  return counts;
}
