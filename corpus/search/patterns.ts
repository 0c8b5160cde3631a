/**
 * Regular expressions that find a phrase or an article reference in the original text, accents and
 * case aside: lunr has no phrase search, so a quoted phrase is searched as its words, then checked
 * here for adjacency on the stored text; the same expressions give the highlights of the snippet.
 */
import { foldForSearch } from './fold.ts';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const SEPARATOR = '[^\\p{L}\\p{N}]+';

/**
 * Accented letters that French texts use (and a few from names): a phrase's `e` also matches
 * `é`, `è`, `ê`, `ë`. Small classes keep the expressions fast (the `i` flag adds the capitals).
 */
const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ';

let letterClasses: Map<string, string> | undefined;

function classes(): Map<string, string> {
  if (letterClasses) return letterClasses;
  const members = new Map<string, string>();
  for (const char of ACCENTED) {
    const folded = foldForSearch(char);
    members.set(folded, (members.get(folded) ?? folded) + char);
  }
  letterClasses = new Map([...members].map(([letter, chars]) => [letter, `[${chars}]`]));
  return letterClasses;
}

/** Text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** A folded word as a pattern: letters match any case and accent, `oe`/`ae` also match `œ`/`æ`. */
function wordPattern(word: string): string {
  const letters = classes();
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const pair = word.slice(i, i + 2);
    if (pair === 'oe' || pair === 'ae') {
      const ligature = pair === 'oe' ? 'œ' : 'æ';
      out += `(?:${letters.get(pair[0]!) ?? pair[0]}${letters.get(pair[1]!) ?? pair[1]}|${ligature})`;
      i++;
      continue;
    }
    const char = word[i]!;
    out += letters.get(char) ?? escapeRegExp(char);
  }
  return out;
}

/**
 * Finds the words that start with one of these stems (folded), in any case and accent: the words
 * of a text that may stem to a query term, found by the regular-expression engine rather than by
 * stemming every word of the text.
 */
export function stemsPattern(stems: readonly string[]): RegExp {
  return new RegExp(`${NOT_WORD_BEFORE}(?:${stems.map(wordPattern).join('|')})[\\p{L}\\p{M}\\p{N}]*`, 'giu');
}

/** Finds the folded words of a phrase, in this order, separated by anything but letters and digits. */
export function phrasePattern(words: readonly string[]): RegExp {
  return new RegExp(NOT_WORD_BEFORE + words.map(wordPattern).join(SEPARATOR) + NOT_WORD_AFTER, 'giu');
}

/**
 * Finds a reference to an article number in a text: `L611-3` matches « L. 611-3 », « L.611-3 »,
 * « L 611-3 », « L611-3 », not « L. 611-3-1 » nor « L. 611-30 ». `num` is in LEGI form.
 */
export function referencePattern(num: string): RegExp | undefined {
  const parts = referenceParts(num);
  if (!parts) return undefined;
  const { head, integers, tail } = parts;
  return new RegExp(`${NOT_WORD_BEFORE}${head}${integers.join('\\s*-\\s*')}${tail}${NOT_REFERENCE_AFTER}`, 'giu');
}

/**
 * The same test as `referencePattern`, written to start with the number's first integer: the
 * regular-expression engine then skips to the places where that literal is, where the other one
 * tried a case-insensitive letter and a lookbehind at every character. For whether a text cites
 * the number (not where: the match starts at the integer): « L. 6 » checked on the 3,000 texts
 * that have the term « 6 » took 50 ms.
 */
export function referenceTest(num: string): RegExp | undefined {
  const parts = referenceParts(num);
  if (!parts) return undefined;
  const { head, integers, tail } = parts;
  const [first = '', ...rest] = integers;
  const after = rest.map((integer) => `\\s*-\\s*${integer}`).join('');
  return new RegExp(`${first}(?<=${NOT_WORD_BEFORE}${head}${first})${after}${tail}${NOT_REFERENCE_AFTER}`, 'giu');
}

/** Not followed by more of a number: `L611-3` is not in « L. 611-30 » nor in « L. 611-3-1 ». */
const NOT_REFERENCE_AFTER = '(?![\\p{L}\\p{N}]|\\s*-\\s*\\d)';

function referenceParts(num: string): { head: string; integers: string[]; tail: string } | undefined {
  const match = /^(LO|L|R|D|A)?(\*)?(\d+(?:-\d+)*)(.*)$/.exec(num);
  if (!match) return undefined;
  const [, prefix = '', star = '', integers = '', suffix = ''] = match;
  const head = prefix ? `${prefix}\\s*\\.?\\s*${star ? '\\*?\\s*\\.?\\s*' : ''}` : '';
  const tail = suffix.trim()
    ? `[\\s-]*${suffix
        .trim()
        .split(/[\s-]+/)
        .map(wordPattern)
        .join('[\\s-]+')}`
    : '';
  return { head, integers: integers.split('-'), tail };
}

/** Offsets [start, end) of every match of a pattern. */
export function matchRanges(pattern: RegExp, text: string): [number, number][] {
  const ranges: [number, number][] = [];
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** Whether the pattern occurs in the text. */
export function occursIn(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
