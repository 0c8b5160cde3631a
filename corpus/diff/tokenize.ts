/**
 * Tokenizer for the word diff of legal French texts.
 *
 * A word-level diff is only readable if its units are the units a lawyer reads: « L. 612-9 » is one
 * thing (a changed reference must show as « R. 614-3 » → « R. 612-18 », not « 614-3 » → « 612-18 »
 * beside an unchanged « R. »), and so are the list markers « 1° », « 2°) », « a) », « II.- », the
 * grouped numbers « 1 000 », the amounts « 15 % », the dates « 1er janvier 2006 » and the elided words
 * « l'article », « d'assurance ».
 *
 * Whitespace is its own token class: the diff compares only the other tokens, so a change that is
 * only whitespace or line wrapping can never show as a change. Each token also has a comparison key
 * where the whitespace inside a multi-part token is dropped and the apostrophes ’ and ' are one, so
 * « L.612-9 » and « L. 612-9 », « I. - » and « I.- », « 1 000 » and « 1000 » compare equal.
 *
 * The tokens cover the text exactly: joining their `text` gives the input back.
 *
 * Pure: no platform imports.
 */

export type TokenKind =
  /** A run of whitespace (spaces, no-break spaces, tabs, line breaks). Never compared. */
  | 'space'
  /** An article number as cited in a text: « L. 612-9 », « R. 243-25 », « D. 633-3 », « L.O. 111-3 ». */
  | 'reference'
  /** A list or division marker: « 1° », « 2°) », « a) », « 3) », « II.- », « I. - », « IV. ». */
  | 'marker'
  /** A full date: « 1er janvier 2006 », « 11 février 1994 ». */
  | 'date'
  /** A number written with grouped digits, a decimal comma or a unit: « 1 000 », « 3,5 », « 15 % ». */
  | 'number'
  /** A word, with its hyphens and apostrophes: « l'article », « non-salariés », « 94-126 », « 1er », « n° ». */
  | 'word'
  /** Any other single character: « , », « ; », « : », « ( », « « ». */
  | 'punctuation';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offsets [start, end) in the tokenized text. */
  start: number;
  end: number;
}

// « aa) », « bb) »…: a doubled letter continues a list past « z) » (a backreference would need a capture).
const DOUBLED_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'].map((letter) => letter + letter).join('|');
const MONTHS = 'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre';
// Letters, digits and combining marks: the inside of a word.
const W = String.raw`[\p{L}\p{N}\p{M}]`;
// After a multi-part token, the next character must not continue a word (no « L. 612-9x »).
const END = String.raw`(?![\p{L}\p{N}\p{M}])`;

/**
 * The token rules, tried in this order at each position (first match wins):
 * - space: a run of whitespace;
 * - date: « 1er janvier 2006 », « 11 février 1994 »;
 * - reference: a code letter (or L.O.) then, after a dot, a number with optional hyphenated parts; without
 *   the dot the number must have a hyphen (« L 612-9 »), so that « A 60 ans » stays two words;
 * - marker: « 1° », « 1°) », « 3) », « a) », « aa) » (a letter, doubled at most; not « (a) »), roman
 *   « II.- », « I. - », « IV. »;
 * - number: digits grouped by threes with spaces (« 1 000 »), or with a decimal comma, or followed by a unit;
 * - word: the apostrophe and the hyphen join word parts (« l'article », « non-salariés », « 94-126 »), and
 *   « n° » is one word;
 * - punctuation: any other character.
 * The regular expression has no capturing group (captures make V8's matcher several times slower);
 * `classify` then tells which rule matched from the shape of the match.
 */
const TOKEN = new RegExp(
  [
    String.raw`\s+`,
    String.raw`(?:1er|1re|\d{1,2})\s+(?:${MONTHS})\s+\d{4}${END}`,
    String.raw`(?:L\.\s*O\.|LO\b|[LRDA]\s*\.\s*\*?)\s*\d+(?:-\d+)*${END}|[LRDA]\*?\s+\d+(?:-\d+)+${END}`,
    String.raw`\d+\s*°(?:\s*\))?|(?<!\()(?:\d+|[a-z]|${DOUBLED_LETTERS})\)|[IVX]+\s*\.(?:\s*[-‐–—]|(?![\p{L}\p{N}\p{M}.]))`,
    String.raw`\d{1,3}(?:\s+\d{3}(?!\d))+(?:,\d+)?(?:\s*[%‰€])?|\d+(?:,\d+)?\s*[%‰€]|\d+,\d+${END}`,
    String.raw`[nN]°|${W}+(?:[-‐'’ʼ]${W}+)*`,
    String.raw`[\s\S]`,
  ].join('|'),
  'gu',
);

const DATE = new RegExp(String.raw`^(?:1er|1re|\d{1,2})\s+(?:${MONTHS})\s+\d{4}$`, 'u');
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Which rule of `TOKEN` produced this match (see the rules above). */
function classify(text: string): TokenKind {
  const first = text.charCodeAt(0);
  if (/\s/.test(text[0]!)) return 'space';
  if (first >= 48 && first <= 57) {
    // Digits: a date, a marker (« 1° », « 3) »), a number with a space, comma or unit, or a word (« 1er », « 94-126 »).
    if (DATE.test(text)) return 'date';
    if (text.includes('°') || text.endsWith(')')) return 'marker';
    if (/[\s,%‰€]/.test(text)) return 'number';
    return 'word';
  }
  if (text.length === 1) return WORD_CHAR.test(text) ? 'word' : 'punctuation';
  // Words never hold a dot, a space, a star or a closing parenthesis: those are references and markers.
  if (/[.\s*)]/.test(text)) return /\d/.test(text) ? 'reference' : 'marker';
  return 'word';
}

const KEY_VARIANTS = /[\s’ʼ‐–—]/u;

/** Splits a text into tokens that cover it exactly (see the module comment). */
export function tokenizeLegalFrench(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const start = match.index;
    tokens.push({ kind: classify(match[0]), text: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * What the diff compares: the token without the whitespace inside it, with one apostrophe and one
 * hyphen. Typographic variants that are not a change of the law compare equal.
 */
export function tokenKey(token: Token): string {
  if (token.kind === 'space') return ' ';
  if (!KEY_VARIANTS.test(token.text)) return token.text;
  return token.text.replace(/\s+/gu, '').replace(/[’ʼ]/gu, "'").replace(/[‐–—]/gu, '-');
}
