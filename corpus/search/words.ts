/**
 * Words of a French legal text, with their offsets, as the index and the query both see them.
 *
 * A word is a run of letters and digits in the folded text: apostrophes split, so elisions come
 * apart (« l'employeur » → « l », « employeur »; « d'assurance » → « d », « assurance »; also with
 * the typographic « ’ »), and so do hyphens (« L. 611-3 » → « l », « 611 », « 3 »). Lunr's own
 * tokenizer splits on whitespace and hyphens only, which would index « d'assurance » as one term.
 */
import { foldForSearch, spellOutLigatures } from './fold.ts';

export interface WordSpan {
  /** Folded word (lower case, no accents, ligatures spelled out). */
  word: string;
  /** Offsets [start, end) in the original text. */
  start: number;
  end: number;
}

/** A word in the folded text (global: callers reset `lastIndex`). */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const MARKS = /\p{M}/gu;
const MARK = /\p{M}/u;
const LIGATURE = /[œæ]/;

/** The words of a text with their offsets. */
export function wordSpans(text: string): WordSpan[] {
  const folded = foldForSearch(text);
  // Rare cases checked once per text, not per word.
  const hasMarks = MARK.test(folded);
  const hasLigatures = LIGATURE.test(folded);
  const spans: WordSpan[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(folded); match !== null; match = WORD.exec(folded)) {
    const raw = match[0];
    let word = hasMarks ? raw.replace(MARKS, '') : raw;
    if (hasLigatures) word = spellOutLigatures(word);
    spans.push({ word, start: match.index, end: match.index + raw.length });
  }
  return spans;
}

/** The index form of one word matched by `WORD` in the folded text. */
export function searchWord(raw: string): string {
  let word = raw;
  if (MARK.test(word)) word = word.replace(MARKS, '');
  if (LIGATURE.test(word)) word = spellOutLigatures(word);
  return word;
}

/** The folded words of a text, without offsets. */
export function words(text: string): string[] {
  return wordSpans(text).map((span) => span.word);
}
