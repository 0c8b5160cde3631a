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
import { parseQuery, type ParsedQuery } from '../search/query.ts';
import { wordSpans } from '../search/words.ts';
import { compareArticleNumbers, normalizeArticleNumber } from '../text/article-number.ts';
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
  /** Folded words of every searched field, in order, fields separated by a break (for phrases). */
  words: string[];
  tagKeys: Set<string>;
  numKey: string;
}

/** A field boundary in `Doc.words`: no phrase runs across it. */
const FIELD_BREAK = '\u0000';

export class AnnotationIndex {
  private readonly docs: Doc[];
  /** Stem → annotations (ascending), for words. */
  private readonly postings = new Map<string, number[]>();
  /** Folded word → annotations, for prefixes (`cotisat*` must find « cotisations », whose stem is « cotis »). */
  private readonly wordPostings = new Map<string, number[]>();
  private readonly orders: Record<AnnotationSort, Int32Array>;
  private readonly statuses: ReadonlyMap<string, AnchorStatus>;

  constructor(annotations: readonly Annotation[], options: AnnotationIndexOptions = {}) {
    const palette = options.palette ?? DEFAULT_PALETTE;
    this.statuses = options.statuses ?? new Map();
    this.docs = annotations.map((annotation, index) => {
      const fields = [
        annotation.note,
        annotation.target.kind === 'passage' ? annotation.target.quote.exact : '',
        annotation.tags.join(' '),
        annotation.role ? roleLabel(palette, annotation.role) : '',
        annotation.article.num,
      ];
      const words: string[] = [];
      for (const field of fields) {
        for (const span of wordSpans(field)) {
          words.push(span.word);
          addPosting(this.wordPostings, span.word, index);
          if (!isStopWord(span.word)) addPosting(this.postings, stem(span.word), index);
        }
        words.push(FIELD_BREAK);
      }
      return {
        annotation,
        words,
        tagKeys: new Set(annotation.tags.map(tagKey)),
        numKey: normalizeArticleNumber(annotation.article.num) ?? annotation.article.num,
      };
    });
    this.orders = {
      recent: this.order((a, b) => compareStrings(b.annotation.updatedAt, a.annotation.updatedAt)),
      oldest: this.order((a, b) => compareStrings(a.annotation.createdAt, b.annotation.createdAt)),
      article: this.order(byArticle),
    };
  }

  get size(): number {
    return this.docs.length;
  }

  /** Every tag in use, with its count, most used first (for the filter list). */
  tags(): { tag: string; count: number }[] {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const doc of this.docs) {
      for (const tag of doc.annotation.tags) {
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
    const hits: AnnotationHit[] = [];
    let total = 0;
    for (const index of this.orders[query.sort ?? 'recent']) {
      if (candidates && candidates[index] !== 1) continue;
      const doc = this.docs[index]!;
      const { annotation } = doc;
      if (codes && !codes.has(annotation.article.code)) continue;
      if (roles && (!annotation.role || !roles.has(annotation.role))) continue;
      if (tags && !tags.some((tag) => doc.tagKeys.has(tag))) continue;
      const status = this.statuses.get(annotation.id);
      if (statuses && (!status || !statuses.has(status))) continue;
      if (articles && !articles.has(annotation.article.id)) continue;
      if (parsed.number !== undefined && doc.numKey !== parsed.number) continue;
      if (parsed.phrases.length && !parsed.phrases.every((phrase) => containsPhrase(doc.words, phrase.words))) continue;
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
        for (const [word, list] of this.wordPostings) if (word.startsWith(term.term)) for (const i of list) hits[i] = 1;
      } else for (const i of this.postings.get(term.term) ?? []) hits[i] = 1;
      if (!allowed) allowed = hits;
      else for (let i = 0; i < allowed.length; i++) allowed[i]! &= hits[i]!;
    }
    allowed ??= new Uint8Array(this.docs.length).fill(1);
    for (const excluded of parsed.excluded) for (const i of this.postings.get(excluded) ?? []) allowed[i] = 0;
    return allowed;
  }

  private order(compare: (a: Doc, b: Doc) => number): Int32Array {
    const indexes = Array.from(this.docs.keys());
    indexes.sort((a, b) => compare(this.docs[a]!, this.docs[b]!) || a - b);
    return Int32Array.from(indexes);
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

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byArticle(a: Doc, b: Doc): number {
  const x = a.annotation;
  const y = b.annotation;
  return (
    compareStrings(x.article.code, y.article.code) ||
    compareArticleNumbers(x.article.num, y.article.num) ||
    compareStrings(x.article.id, y.article.id) ||
    compareStrings(x.version.validFrom, y.version.validFrom) ||
    place(x) - place(y)
  );
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
