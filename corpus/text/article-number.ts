/**
 * Article numbers as LEGI writes them, from every way a person or a legal text writes them.
 *
 * LEGI's form (the one in lexlib file names and legi-data): a prefix naming the part of the code
 * (`L` législative, `LO` organique, `R`/`R*` décret en Conseil d'État, `D`/`D*` décret simple,
 * `A` arrêté; none for codes without parts such as the code civil), then dash-separated integers,
 * then an optional suffix. Suffixes seen in the corpus: `L114-1 A`, `L5214-1 B` (space + capital),
 * `R142-1-A`, `R243-59-6-A` (dash + capital); other codes also use Latin ordinals (`39 bis`,
 * `1609 quater A`). Pure module: the renderer's search box uses it too.
 */

/** Latin ordinals used as suffixes, with their rank (`bis` = 2nd, `ter` = 3rd…). */
const ORDINAL_RANK = new Map<string, number>([
  ['bis', 2],
  ['ter', 3],
  ['quater', 4],
  ['quinquies', 5],
  ['sexies', 6],
  ['septies', 7],
  ['octies', 8],
  ['nonies', 9],
  ['novies', 9],
  ['decies', 10],
  ['undecies', 11],
  ['duodecies', 12],
  ['terdecies', 13],
  ['quaterdecies', 14],
  ['quindecies', 15],
  ['sexdecies', 16],
  ['septdecies', 17],
  ['octodecies', 18],
  ['novodecies', 19],
  ['vicies', 20],
]);

/** The Latin ordinals, for patterns that must recognise them. */
export const LATIN_ORDINALS: readonly string[] = [...ORDINAL_RANK.keys()];

/** Dashes and spaces that legal texts use besides `-` and ` `. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;
const SPACES = /[\u00a0\u2007\u202f\t]/g;

/**
 * One article number in any written form, anchored: optional « art. » / « article », prefix with
 * optional dot and star, integers joined by dashes (spaces tolerated around them), optional suffix.
 */
const NUMBER_PATTERN = new RegExp(
  "^(?:(?:l\\s*['’]\\s*)?art(?:icles?|\\.)?\\s*)?" + // « art. », « article », « l'article »
    '(?:(l\\.?o|l|r|d|a)\\s*\\.?\\s*(\\*)?\\s*\\.?\\s*)?' + // prefix, e.g. `L.`, `R*`, `R. *`, `LO.`, `L.O.`
    '(\\d+)(?:\\s*(?:er|ère)\\b)?' + // first integer (`1er` is article 1)
    '((?:\\s*-\\s*\\d+)*)' + // further integers
    `((?:[\\s-]+(?:${LATIN_ORDINALS.join('|')}|[a-z])\\b)*)` + // suffixes: ` A`, `-A`, ` bis`, ` quater A`
    '\\s*\\.?$',
  'i',
);

/**
 * The LEGI form of an article number written any way: `L. 611-3`, `art. L611-3`, `article L.611-3`,
 * `l 611-3` → `L611-3`; `LO. 111-3` → `LO111-3`; `R* 611-3` → `R*611-3`; `L114-1 A` stays;
 * `R142-1-A` stays; `39 bis` stays; `1er` → `1`. Returns undefined when the input is not an
 * article number.
 */
export function normalizeArticleNumber(input: string): string | undefined {
  if (LEGI_FORM.test(input)) return input;
  return readArticleNumber(input);
}

/**
 * A number already in LEGI's form without a suffix (`L611-3`, `LO111-3`, `R*1233-3-4`, `12`): what
 * nearly every number of the catalogs is (all but 2 of 45,000 articles and their 171 former
 * numbers), and what `readArticleNumber` returns unchanged. Recognised first because keying every
 * number of a catalog through the full reading took ~60 ms of the host's first lookup.
 */
const LEGI_FORM = /^(?:(?:LO|L|R|D|A)\*?)?\d+(?:-\d+)*$/;

function readArticleNumber(input: string): string | undefined {
  const text = input.replace(DASHES, '-').replace(SPACES, ' ').trim();
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return undefined;
  const [, prefix, star, first, rest, suffixes] = match;
  const head = prefix === undefined ? '' : prefix.replace('.', '').toUpperCase() + (star ?? '');
  if (prefix === undefined && star !== undefined) return undefined;
  const integers = [first, ...(rest ?? '').split('-').slice(1)].map((part) => (part ?? '').trim());
  return head + integers.join('-') + normalizeSuffixes(suffixes ?? '');
}

/** ` a`, `-A`, ` BIS`, ` quater a` → ` A`, `-A`, ` bis`, ` quater A` (separator kept: LEGI has both). */
function normalizeSuffixes(raw: string): string {
  let out = '';
  for (const m of raw.matchAll(/([\s-]+)([a-z]+)/gi)) {
    const separator = m[1]?.includes('-') ? '-' : ' ';
    const word = (m[2] ?? '').toLowerCase();
    out += separator + (ORDINAL_RANK.has(word) ? word : word.toUpperCase());
  }
  return out;
}

/**
 * Whether a search-box query is meant as an article number rather than words: `L611-3`,
 * `l. 611-3`, `R*1233-3`, `art. 12`, `611-3`. A bare integer (`35`) is not: it is more often a
 * word of the text (« 35 heures ») than an article, unless written `art. 35`.
 */
export function looksLikeArticleNumber(query: string): boolean {
  const num = normalizeArticleNumber(query);
  if (num === undefined) return false;
  if (/^(?:LO|L|R|D|A)\*?\d/.test(num)) return true;
  if (num.includes('-')) return true;
  return /^\s*(?:l\s*['’]\s*)?art/i.test(query);
}

/**
 * Rank of a prefix in a code's reading order: no prefix, then the legislative part (L and LO
 * interleaved), then the regulatory part (R, R*, D, D* interleaved by number, as LEGI lists them),
 * then the arrêtés (A).
 */
function prefixGroup(prefix: string): number {
  switch (prefix.replace('*', '')) {
    case '':
      return 0;
    case 'L':
    case 'LO':
      return 1;
    case 'R':
    case 'D':
      return 2;
    case 'A':
      return 3;
    default:
      return 4;
  }
}

/**
 * A string key whose lexicographic order is the reading order of article numbers, as LEGI lists
 * them: `L611-3 A < L611-3 < L611-3-1 < L611-4 < L611-20` (an article lettered `A` is inserted
 * before its base number: `L1 A`, `L243-7-1 A`, `R243-59-6-A`), `39 < 39 bis < 39 ter < 39-1`.
 * Numbers that are not article numbers (`Annexe 2`, `Tableau n° 5 bis`) sort after, by text.
 */
export function articleNumberSortKey(num: string): string {
  const normalized = normalizeArticleNumber(num);
  if (normalized === undefined) return `9|${num.toLowerCase()}`;
  const match = /^([A-Z]*\*?)(\d+(?:-\d+)*)(.*)$/.exec(normalized);
  if (!match) return `9|${num.toLowerCase()}`;
  const [, prefix = '', integers = '', suffixes = ''] = match;
  const body = integers
    .split('-')
    .map((part) => part.padStart(6, '0'))
    .join('.');
  // After the integers: a letter ('!') < the end of the number ('#') < an ordinal ('$') < a
  // further integer ('.').
  const tail = [...suffixes.matchAll(/[a-z]+/gi)]
    .map(([word]) => {
      const rank = ORDINAL_RANK.get(word);
      return rank === undefined ? `!${word}` : `$${String(rank).padStart(2, '0')}`;
    })
    .join('');
  return `${prefixGroup(prefix)}|${body}${tail}#${prefix}`;
}

/** Compares two article numbers in reading order (for `Array.prototype.sort`). */
export function compareArticleNumbers(a: string, b: string): number {
  const ka = articleNumberSortKey(a);
  const kb = articleNumberSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
