/**
 * Case and accent folding for search, one UTF-16 unit for one: « Sécurité » → « securite ».
 *
 * Keeping the length lets every offset found in the folded text (a token, a phrase, a highlight)
 * be used as is in the original text, so snippets highlight the characters the reader sees.
 * Characters whose folded form is not one unit (« İ » lower-cases to two) are kept as they are.
 * Pure: runs in Node and in the search Web Worker.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const candidate = char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    folded = candidate.length === 1 ? candidate : char.toLowerCase().length === 1 ? char.toLowerCase() : char;
    foldedChars.set(char, folded);
  }
  return folded;
}

/** Lower-cases and removes diacritics without changing the length of the text. */
export function foldForSearch(text: string): string {
  return text.replace(/[^a-z0-9 ,.;:'()\n-]/g, foldChar);
}

/** Ligatures a French reader types as two letters: « cœur » is searched as « coeur ». */
const LIGATURES = /[œæ]/g;
const LIGATURE_LETTERS: Record<string, string> = { œ: 'oe', æ: 'ae' };

/** The form a folded word takes in the index: ligatures spelled out. */
export function spellOutLigatures(foldedWord: string): string {
  return foldedWord.replace(LIGATURES, (ligature) => LIGATURE_LETTERS[ligature] ?? ligature);
}
