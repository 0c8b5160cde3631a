/**
 * Where a query matches a text: the words whose stem is a query term (or starts with a query
 * prefix), the phrases and the article references. Offsets are in the original text, so the reader
 * can highlight them; the snippet of a result is cut around the densest of them.
 */
import { stem } from './french-analysis.ts';
import { escapeRegExp, matchRanges, phrasePattern, referencePattern } from './patterns.ts';
import type { ParsedQuery } from './query.ts';
import { foldForSearch, spellOutLigatures } from './fold.ts';
import { searchWord } from './words.ts';

/** A match: offsets [start, end) and which query item it is (to count distinct items in a window). */
export interface MatchSpan {
  start: number;
  end: number;
  item: number;
}

/** The compiled form of a query for matching texts, made once per search. */
export interface QueryMatcher {
  terms: Map<string, number>;
  /**
   * First two letters of the terms: the stemmer only changes the end of a word, so a word that
   * does not start like a term cannot stem to it, and is not stemmed at all (most words).
   */
  heads: Set<string>;
  prefixes: { prefix: string; item: number }[];
  patterns: { pattern: RegExp; item: number }[];
  itemCount: number;
  /** Finds the words of a folded text worth looking at (`candidateWords`); none without terms. */
  candidates: RegExp | undefined;
}

export function queryMatcher(query: ParsedQuery): QueryMatcher {
  let item = 0;
  const terms = new Map<string, number>();
  const prefixes: QueryMatcher['prefixes'] = [];
  for (const term of query.terms) {
    if (term.inPattern) continue;
    if (term.prefix) prefixes.push({ prefix: term.term, item: item++ });
    else terms.set(term.term, item++);
  }
  const patterns: QueryMatcher['patterns'] = [];
  for (const phrase of query.phrases) patterns.push({ pattern: phrasePattern(phrase.words, phrase.open), item: item++ });
  for (const num of [...query.references, ...(query.number ? [query.number] : [])]) {
    const pattern = referencePattern(num);
    if (pattern) patterns.push({ pattern, item: item++ });
  }
  const heads = new Set([...terms.keys()].map((term) => term.slice(0, 2)));
  return { terms, heads, prefixes, patterns, itemCount: item, candidates: candidateWords(heads, prefixes) };
}

/**
 * The words of a folded text that may match a term or a prefix: those that start with a term's
 * first two letters (or a ligature of them), or with a prefix's first letter — the words
 * `matchSpansIn` looks at. The regular-expression engine skips the others far faster than a loop
 * over every word (a snippet read every word of the result's text: most of a search's time).
 */
function candidateWords(heads: ReadonlySet<string>, prefixes: QueryMatcher['prefixes']): RegExp | undefined {
  const starts = new Set<string>();
  for (const head of heads) {
    starts.add(escapeRegExp(head));
    // A ligature stands for two letters of the term: first (« œuvre » for « oe »), or second
    // (« vœu » for « vo », the head of « voeu »).
    if (head === 'oe') starts.add('œ');
    if (head === 'ae') starts.add('æ');
    if (head.length === 2 && head[1] === 'o') starts.add(`${escapeRegExp(head[0]!)}œ`);
    if (head.length === 2 && head[1] === 'a') starts.add(`${escapeRegExp(head[0]!)}æ`);
  }
  for (const { prefix } of prefixes) if (prefix) starts.add(escapeRegExp(prefix.charAt(0)));
  if (starts.size === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${[...starts].join('|')})[\\p{L}\\p{M}\\p{N}]*`, 'gu');
}

/**
 * Every match of the query in a text, sorted by start; phrase matches cover their words. A very long
 * text (tables, annexes) is read in slices, stopping after the first slice with matches: the snippet
 * needs one good place, not all of them.
 */
export function matchSpans(text: string, matcher: QueryMatcher, slice = 20_000): MatchSpan[] {
  for (let start = 0; start < text.length; start += slice) {
    // Slices overlap by a little so that a phrase across the cut is still found.
    const from = Math.max(0, start - 200);
    const spans = matchSpansIn(text.slice(from, start + slice), matcher).map((span) => ({
      ...span,
      start: span.start + from,
      end: span.end + from,
    }));
    if (spans.length || start + slice >= text.length) return spans;
  }
  return [];
}

function matchSpansIn(text: string, matcher: QueryMatcher): MatchSpan[] {
  const spans: MatchSpan[] = [];
  for (const { pattern, item } of matcher.patterns) {
    for (const [start, end] of matchRanges(pattern, text)) spans.push({ start, end, item });
  }
  const candidates = matcher.candidates;
  if (candidates) {
    // Most words of a text match nothing: they are skipped on their first letters, before any
    // word string is made or stemmed.
    const folded = foldForSearch(text);
    candidates.lastIndex = 0;
    for (let match = candidates.exec(folded); match !== null; match = candidates.exec(folded)) {
      const raw = match[0];
      // Ligatures are spelled out in terms (« coeur »), not in the folded text (« cœur »).
      const head = /[œæ]/.test(raw.slice(0, 2)) ? spellOutLigatures(raw.slice(0, 2)).slice(0, 2) : raw.slice(0, 2);
      const termCandidate = matcher.heads.has(head);
      if (!termCandidate && !matcher.prefixes.some((p) => p.prefix.startsWith(raw.charAt(0)))) continue;
      const word = searchWord(raw);
      let item = termCandidate ? matcher.terms.get(/\d/.test(word) ? word : stem(word)) : undefined;
      if (item === undefined && matcher.prefixes.length) item = matcher.prefixes.find((p) => word.startsWith(p.prefix))?.item;
      if (item !== undefined) spans.push({ start: match.index, end: match.index + raw.length, item });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop word matches inside a phrase match: the phrase is highlighted as one.
  const kept: MatchSpan[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

export interface Snippet {
  /** An extract of one paragraph (or NOTA line) of the text. */
  text: string;
  /** Offsets [start, end) in `text` to highlight. */
  highlights: [number, number][];
  /** Index of the paragraph in the version's paragraphs, or in its NOTA when `nota`. */
  paragraph: number;
  nota: boolean;
  /** Whether the extract starts or ends inside the paragraph (the reader shows « … »). */
  cutBefore: boolean;
  cutAfter: boolean;
}

const SNIPPET_LENGTH = 220;
const LEAD = 60;

/** The extract of a text around its densest matches (its beginning when nothing matches). */
export function snippet(text: string, paragraphCount: number, spans: readonly MatchSpan[], length = SNIPPET_LENGTH): Snippet {
  // Paragraph boundaries: lines of `text`.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return line;
  };
  let bestStart = 0;
  let bestLine = 0;
  let bestScore = -1;
  for (let i = 0; i < spans.length; i++) {
    const anchor = spans[i]!;
    const line = lineOf(anchor.start);
    const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length;
    const windowEnd = Math.min(lineEnd, anchor.start - LEAD + length);
    const items = new Set<number>();
    let count = 0;
    for (let j = i; j < spans.length && spans[j]!.end <= windowEnd; j++) {
      items.add(spans[j]!.item);
      count++;
    }
    const score = items.size * 100 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = anchor.start;
      bestLine = line;
    }
  }
  const lineStart = lineStarts[bestLine]!;
  const lineEnd = bestLine + 1 < lineStarts.length ? lineStarts[bestLine + 1]! - 1 : text.length;
  let start = spans.length ? Math.max(lineStart, bestStart - LEAD) : lineStart;
  let end = Math.min(lineEnd, start + length);
  if (end - start < length) start = Math.max(lineStart, end - length);
  // Cut on word boundaries.
  if (start > lineStart) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < (spans.length ? bestStart : end)) start = space + 1;
  }
  if (end < lineEnd) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const highlights: [number, number][] = [];
  for (const span of spans) {
    if (span.start >= start && span.end <= end) highlights.push([span.start - start, span.end - start]);
  }
  const nota = bestLine >= paragraphCount;
  return {
    text: text.slice(start, end),
    highlights,
    paragraph: nota ? bestLine - paragraphCount : bestLine,
    nota,
    cutBefore: start > lineStart,
    cutAfter: end < lineEnd,
  };
}
