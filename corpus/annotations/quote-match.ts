/**
 * Finding a stored quote in a text when the word diff cannot place it: the version it was made on is
 * no longer in the corpus, or its paragraph moved. Exact occurrences first, then approximate ones
 * (`approx-string-match`, Myers' bit-parallel algorithm, as the Hypothesis client uses), both scored
 * on the quote and its context.
 *
 * Hypothesis's most reported defect is a confident match on other words. Here every match must
 * clear floors, or there is none (the annotation is an orphan):
 * - a match is whole words (its edges are token boundaries);
 * - a short quote (under `DISTINCT_QUOTE_LENGTH` characters, « 25 % », « l'employeur ») must also
 *   have its context (prefix or suffix) found around it: alone it could be anywhere;
 * - several places that score alike are ambiguous: no match;
 * - the approximate search runs only on quotes of `MIN_FUZZY_LENGTH` to `MAX_FUZZY_LENGTH` characters
 *   (shorter: one error is a different word; longer: the cost grows with the length and a long quote
 *   that changed that much is better re-read by the user), with at most `MAX_ERROR_RATE` of its
 *   characters wrong, and always with its context found.
 *
 * Pure: no platform imports.
 */
import approxSearch from 'approx-string-match';
import { tokenKey } from '../diff/tokenize.ts';
import { ArticleText, PARAGRAPH_SEPARATOR } from './article-text.ts';
import type { TextQuoteSelector } from './annotation.ts';

export const DISTINCT_QUOTE_LENGTH = 24;
export const MIN_FUZZY_LENGTH = 24;
export const MAX_FUZZY_LENGTH = 600;
export const MAX_ERROR_RATE = 0.1;
/** Least context score (share of the context words found beside the match) for a match that needs its context. */
export const MIN_CONTEXT_SCORE = 0.5;
/** Two candidates whose scores are closer than this cannot be told apart. */
const AMBIGUITY_MARGIN = 0.2;
/** Past this many exact occurrences, the quote tells nothing by itself (« le présent article »). */
const MAX_OCCURRENCES = 500;

export interface QuoteMatch {
  /** Offsets [start, end) in the text. */
  start: number;
  end: number;
  /** Character errors (0: the exact quote). */
  errors: number;
  /** Context score, 0 to 1. */
  context: number;
}

/** Keys of the words of a context string. */
function contextKeys(context: string): string[] {
  return new ArticleText(context.split(PARAGRAPH_SEPARATOR)).tokens.map(tokenKey);
}

/**
 * How much of the stored context is found beside [start, end): the share of the prefix's words found,
 * from the nearest one outwards, until the first that differs, averaged with the same for the suffix.
 * An empty stored context (the quote was at the start or the end of the text) scores 1 if the match
 * is at that edge too, and 0.5 (neither for nor against) otherwise.
 */
export function contextScore(
  text: ArticleText,
  start: number,
  end: number,
  prefixKeys: readonly string[],
  suffixKeys: readonly string[],
): number {
  const tokens = text.tokens;
  const before = text.tokenRange(0, start);
  const after = text.tokenRange(end, text.text.length);
  const side = (keys: readonly string[], at: (i: number) => string | undefined, available: boolean): number => {
    if (keys.length === 0) return available ? 0.5 : 1;
    let found = 0;
    while (found < keys.length && at(found) === keys[found]) found++;
    return found / keys.length;
  };
  // Tokens before the match, nearest first; the prefix's keys, nearest first.
  const lastBefore = before ? before.last : -1;
  const prefixNearest = [...prefixKeys].reverse();
  const beforeScore = side(
    prefixNearest,
    (i) => {
      const token = tokens[lastBefore - i];
      return lastBefore - i >= 0 && token && token.end <= start ? tokenKey(token) : undefined;
    },
    lastBefore >= 0 && tokens[lastBefore]!.end <= start,
  );
  const firstAfter = after ? after.first : tokens.length;
  const afterScore = side(
    suffixKeys,
    (i) => {
      const token = tokens[firstAfter + i];
      return token && token.start >= end ? tokenKey(token) : undefined;
    },
    firstAfter < tokens.length && tokens[firstAfter]!.start >= end,
  );
  return (beforeScore + afterScore) / 2;
}

interface Candidate extends QuoteMatch {
  score: number;
}

/**
 * Picks the one candidate that clears the floors, or none. `needsContext`: the candidate's context
 * must score at least `MIN_CONTEXT_SCORE`.
 */
function pick(candidates: readonly Candidate[], needsContext: boolean): QuoteMatch | undefined {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const best = sorted[0];
  if (!best) return undefined;
  if (needsContext && best.context < MIN_CONTEXT_SCORE) return undefined;
  const second = sorted.find((c) => c !== best && (c.end <= best.start || c.start >= best.end));
  if (second && best.score - second.score < AMBIGUITY_MARGIN) return undefined;
  return { start: best.start, end: best.end, errors: best.errors, context: best.context };
}

/**
 * What `approxSearch(text, pattern, maxErrors)` returns (the matches with the fewest errors), with a
 * cheap refusal first: cut the pattern into `maxErrors + 1` pieces; a match with at most `maxErrors`
 * edits leaves at least one piece untouched (pigeonhole), so a text that holds none of the pieces
 * holds no match, and costs a few `indexOf` instead of a scan (most orphans: their words are gone).
 * Searching only around the pieces' occurrences was measured slower on legal French, where short
 * pieces (« des cotisations ») occur everywhere.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  const count = maxErrors + 1;
  if (pattern.length >= count) {
    let found = false;
    for (let p = 0; p < count && !found; p++) {
      found = text.includes(pattern.slice(Math.floor((p * pattern.length) / count), Math.floor(((p + 1) * pattern.length) / count)));
    }
    if (!found) return [];
  }
  return approxSearch(text, pattern, maxErrors);
}

/** Finds the quote in the text, or `undefined` when no place is certain enough (see the module comment). */
export function findQuote(text: ArticleText, quote: TextQuoteSelector): QuoteMatch | undefined {
  const exact = quote.exact;
  const haystack = text.text;
  const prefixKeys = contextKeys(quote.prefix);
  const suffixKeys = contextKeys(quote.suffix);
  const isWholeWords = (start: number, end: number): boolean => {
    const snapped = text.snapToTokens(start, end);
    return snapped !== undefined && snapped.start === start && snapped.end === end;
  };

  const exactCandidates: Candidate[] = [];
  let occurrences = 0;
  for (let at = haystack.indexOf(exact); at >= 0; at = haystack.indexOf(exact, at + 1)) {
    if (++occurrences > MAX_OCCURRENCES) return undefined;
    if (!isWholeWords(at, at + exact.length)) continue;
    const context = contextScore(text, at, at + exact.length, prefixKeys, suffixKeys);
    exactCandidates.push({ start: at, end: at + exact.length, errors: 0, context, score: context });
  }
  if (exactCandidates.length > 0) return pick(exactCandidates, exact.trim().length < DISTINCT_QUOTE_LENGTH || exactCandidates.length > 1);

  if (exact.length < MIN_FUZZY_LENGTH || exact.length > MAX_FUZZY_LENGTH) return undefined;
  const maxErrors = Math.max(1, Math.floor(exact.length * MAX_ERROR_RATE));
  const fuzzyCandidates: Candidate[] = [];
  for (const match of approximateMatches(haystack, exact, maxErrors)) {
    // An approximate match may start or end inside a word: take the whole words it touches.
    const snapped = text.snapToTokens(match.start, match.end);
    if (!snapped) continue;
    if (fuzzyCandidates.some((c) => c.start === snapped.start && c.end === snapped.end)) continue;
    const context = contextScore(text, snapped.start, snapped.end, prefixKeys, suffixKeys);
    const quoteScore = 1 - match.errors / exact.length;
    fuzzyCandidates.push({ start: snapped.start, end: snapped.end, errors: match.errors, context, score: (2 * quoteScore + context) / 3 });
  }
  return pick(fuzzyCandidates, true);
}
