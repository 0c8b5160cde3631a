/**
 * The text of one version of an article as annotations address it.
 *
 * The paragraphs of the version (`Version.paragraphs`), joined with one line break: that string is
 * the « document » of the W3C selectors. A TextPositionSelector's offsets are offsets in it (UTF-16
 * code units, as DOM ranges count), so a passage may run across paragraphs, and a reference link in
 * a paragraph is just characters of that paragraph: the reader turns a DOM selection into
 * (paragraph, offset) points with the paragraph's own text, and `toArticleOffset` does the rest.
 *
 * Passages are cut at word boundaries: the word diff compares whole tokens (« L. 612-9 », « 25 % »,
 * « 1er janvier 2006 » are one token each, see `corpus/diff/tokenize.ts`), so « the quoted words
 * are unchanged » is only meaningful for whole tokens. `snapToTokens` widens a selection to the
 * tokens it touches and drops the whitespace at its edges.
 *
 * Pure: no platform imports.
 */
import { tokenizeLegalFrench, tokenKey, type Token } from '../diff/tokenize.ts';

export const PARAGRAPH_SEPARATOR = '\n';

/** A point in a version's text: a paragraph and an offset in that paragraph's text. */
export interface ParagraphPoint {
  paragraph: number;
  offset: number;
}

/** The part of a range that lies in one paragraph (offsets in that paragraph's text). */
export interface ParagraphPiece {
  paragraph: number;
  start: number;
  end: number;
}

/** A version's text, prepared once and shared by every annotation shown on it. */
export class ArticleText {
  readonly text: string;
  /** Offset of each paragraph's first character in `text`. */
  readonly starts: readonly number[];
  private tokenCache: Token[] | undefined;

  constructor(readonly paragraphs: readonly string[]) {
    this.text = paragraphs.join(PARAGRAPH_SEPARATOR);
    const starts: number[] = [];
    let offset = 0;
    for (const paragraph of paragraphs) {
      starts.push(offset);
      offset += paragraph.length + PARAGRAPH_SEPARATOR.length;
    }
    this.starts = starts;
  }

  /** The non-space tokens of the whole text, in order (tokenized paragraph by paragraph, as the diff does). */
  get tokens(): readonly Token[] {
    if (!this.tokenCache) {
      const tokens: Token[] = [];
      this.paragraphs.forEach((paragraph, index) => {
        const base = this.starts[index]!;
        for (const token of tokenizeLegalFrench(paragraph)) {
          if (token.kind !== 'space') tokens.push({ ...token, start: token.start + base, end: token.end + base });
        }
      });
      this.tokenCache = tokens;
    }
    return this.tokenCache;
  }

  /** Offset in `text` of a point; throws on a point outside the text (a bug in the caller). */
  toArticleOffset(point: ParagraphPoint): number {
    const start = this.starts[point.paragraph];
    const paragraph = this.paragraphs[point.paragraph];
    if (start === undefined || paragraph === undefined || point.offset < 0 || point.offset > paragraph.length) {
      throw new RangeError(`point hors du texte : paragraphe ${point.paragraph}, position ${point.offset}`);
    }
    return start + point.offset;
  }

  /** The point of an offset of `text` (an offset on a separator is the end of the paragraph before it). */
  toPoint(offset: number): ParagraphPoint {
    const paragraph = this.paragraphAt(offset);
    return { paragraph, offset: Math.min(offset - this.starts[paragraph]!, this.paragraphs[paragraph]!.length) };
  }

  /** Index of the paragraph that holds an offset (the last paragraph starting at or before it). */
  paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The pieces of [start, end) in each paragraph it covers; pieces that hold only a separator are left out. */
  pieces(start: number, end: number): ParagraphPiece[] {
    const pieces: ParagraphPiece[] = [];
    if (end <= start) return pieces;
    for (let p = this.paragraphAt(start); p < this.paragraphs.length && this.starts[p]! < end; p++) {
      const base = this.starts[p]!;
      const from = Math.max(start, base) - base;
      const to = Math.min(end, base + this.paragraphs[p]!.length) - base;
      if (to > from) pieces.push({ paragraph: p, start: from, end: to });
    }
    return pieces;
  }

  /**
   * [start, end) widened to the tokens it touches, whitespace at its edges left out; `undefined`
   * when it touches no token (a selection of spaces only, or an empty one: a caret).
   */
  snapToTokens(start: number, end: number): { start: number; end: number } | undefined {
    if (end <= start) return undefined;
    const range = this.tokenRange(start, end);
    if (!range) return undefined;
    return { start: this.tokens[range.first]!.start, end: this.tokens[range.last]!.end };
  }

  /** Indices of the first and last tokens that overlap [start, end) (any overlap counts). */
  tokenRange(start: number, end: number): { first: number; last: number } | undefined {
    const tokens = this.tokens;
    // First token whose end is after `start`.
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    if (first >= tokens.length || tokens[first]!.start >= Math.max(end, start + 1)) return undefined;
    // Last token whose start is before `end`.
    lo = first;
    hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < Math.max(end, start + 1)) lo = mid + 1;
      else hi = mid;
    }
    return { first, last: lo - 1 };
  }

  /** The comparison keys of the tokens of [start, end): two ranges with the same keys hold the same words. */
  wordKeys(start: number, end: number): string[] {
    const range = this.tokenRange(start, end);
    if (!range) return [];
    return this.tokens.slice(range.first, range.last + 1).map(tokenKey);
  }
}

/** Whether two lists of token keys are the same words. */
export function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The comparison keys of the words of a string (a stored quote). */
export function quoteKeys(quote: string): string[] {
  // A quote across paragraphs holds their separator: tokenize it as those paragraphs, as the text was.
  return new ArticleText(quote.split(PARAGRAPH_SEPARATOR)).wordKeys(0, quote.length);
}
