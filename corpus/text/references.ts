/**
 * References to code articles inside an article's text: « l'article L. 612-9 », « aux articles
 * R. 243-25, R. 614-3 et D. 642-3 », « des articles L. 3 et L. 4 du code de la sécurité sociale »,
 * « articles L. 161-1 à L. 161-5 du même code ». Pure module.
 *
 * How a passage is read:
 * - a reference list starts after « article », « articles » or « art. »; its items are article
 *   numbers joined by « , », « et », « ou », « à » (a range: both ends are references, the
 *   articles between are not) — « et suivants », « (1°) » and subdivisions such as « II » or
 *   « XIII A » after a number are skipped;
 * - a code name right after an item closes the group of items before it: « du code de la
 *   mutualité » names that code, « du présent code » the citing article's own code, « du même
 *   code », « dudit code », « du code précité » the code named last (own code when none was);
 *   the list may go on after it (« L. 241-13 du code de la sécurité sociale et L. 741-5 du code
 *   rural… »);
 * - a list may also start with no « article » before it, at a number with a part letter and a
 *   dash (« prévues par R. 243-12, R. 243-13 et R. 243-16 »); a code's title right before a list
 *   names its code (« Code de la sécurité sociale L243-2 : … », « code du travail, article
 *   L. 323-11 »);
 * - items that no code name closes are in the article's own code — unless the caller tells
 *   (`articleExists`) that the own code has no such number and a code is named further in the same
 *   sentence (« à l'article L. 2212-3, L. 2212-5, au quatrième alinéa de l'article L. 2212-7 du
 *   code de la santé publique »): then they are in that code;
 * - items closed by a law, a decree, an ordinance… (« l'article 59 XIII A de la loi n° 2015-1702 »,
 *   « l'article 4 du décret n° 2017-1258 ») are kept with `unresolved: 'not-a-code'` and no
 *   code: decided so that the report counts them and shows that they were read, not missed;
 * - items closed by « code » followed by no known title (« du code local des assurances
 *   sociales », « du code des postes et télécommunications », former titles) get
 *   `unresolved: 'code-not-in-corpus'` and no code;
 * - the NOTA is not read: a reference's `paragraph` indexes `Version.paragraphs` only.
 * - a number without a part letter (`L`, `R`, `D`, `A`, `LO`) is a reference only when a code
 *   name closes it (« l'article 200 du code général des impôts »): alone (« l'article 11 ») it
 *   names an article of some law named earlier far more often than of a code, and the codes of
 *   the corpus all number their articles with a part letter.
 */
import { LATIN_ORDINALS, normalizeArticleNumber } from './article-number.ts';
import type { CodeMention, CodeNameMatcher } from './code-names.ts';
import type { CodeId, Reference } from '../model/model.ts';
import { endsQuotation, findQuotations, leadingMarks, type ListMark, type Quotations, resumesList, startsQuotation } from './quotations.ts';

/**
 * Where a reference list starts: after « article », « articles », « art. » (after « l' » too), or
 * at a number with a part letter and a dash even with no « article » before it (« prévues par
 * R. 243-12, R. 243-13 et R. 243-16 », « Code de la sécurité sociale L243-2 : champ
 * d'application » in the notas). No lookbehind and no `u` flag: this scan runs over every
 * character of the corpus, and the character before a match is checked by hand.
 */
const LIST_START =
  /(?:[Aa]rt(?:icles?|\.)|ART(?:ICLES?|\.))(?=[\s,])|(?:L\.O\.|LO|[LRDA])(?:\.\s?|\s)?(?:\*\s?)?\d+[-\u2010\u2011\u2013]\d/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

const ORDINALS = LATIN_ORDINALS.join('|');
const DASH = '[-\\u2010\\u2011\\u2013]';
/** A part letter: `L. `, `R.* `, `LO `, `L.O. `. */
const PART_LETTER = '(?:L\\.O\\.|LO|L|R|D|A)(?:\\.\\s?|\\s)?(?:\\*\\s?)?';
/** All the integers (never `L. 212-7` of `L. 212-7-2du`), but `D. 241-21-2°` is the 2° of D241-21. */
const WHOLE = `(?!\\d|${DASH}\\d+(?![\\d°]))`;
const SUFFIXES = `(?:[\\s-][A-H](?![\\p{L}\\p{N}'’]|\\.\\s?\\d)|\\s(?:${ORDINALS})(?![\\p{L}\\p{N}]))*`; // ` A`, `-A`, ` bis`
/**
 * No letter after the number, but a word glued by a missing space: `L. 220-1du code`,
 * `L. 134-8sont`, `R. 924-7Résultant`, `D. 1271-18D. 1271-28` (a glued `bis` is no word).
 */
const NO_LETTER = `(?!\\p{Lu}(?!\\p{Ll}|\\.\\s?\\d)|(?:${ORDINALS})(?!\\p{L}))`;

/**
 * One article number as legal texts write it (`L. 612-9`, `R.* 1233-3-4`, `LO 111-3`,
 * `L. 114-1 A`, `R. 142-1-A`, `39 bis`, `1er`). Capitals only: the part letter and the suffix
 * letters are capitals in the texts. A number with a part letter and a dash is never a quantity:
 * what follows it is its subdivision or a typo (`R. 322-120,1°`, `R. 351-12,4°`, `L. 174-4,12 p. 100`,
 * `R. 5132-44.3`); any other is not followed by what makes it one (`2°`, `5 %`, `1,5`).
 */
const NUMBER = new RegExp(
  `(?:${PART_LETTER}\\d+(?:${DASH}\\d+)+${WHOLE}(?!°)${SUFFIXES}${NO_LETTER}(?!\\d)` +
    `|(?:${PART_LETTER})?\\d+(?:er)?(?:${DASH}\\d+)*${WHOLE}${SUFFIXES}${NO_LETTER}(?![\\p{N}°%]|\\.\\d|,(?!\\s?\\d+°)\\d|\\s?%|\\s?°))`,
  'uy',
);

/** Ranks of paragraphs (« quatrième alinéa »), which lists put between their items. */
const ALINEA =
  '(?:premier|deuxième|second|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|avant-dernier|dernier|\\d+(?:e|ème|er|ère))\\s+alinéa';

/**
 * Between two items of a list: « , », « et », « ou », « à » (a range), « , et », « ,, » (sic),
 * « , quatrième alinéa, et ».
 */
const SEPARATOR = new RegExp(
  `(?:(?:\\s*,)+\\s*(?:${ALINEA}\\s*,\\s*)?(?:et\\s+(?:à\\s+)?|ou\\s+)?|\\s+(?:et|ou|à|au)\\s+(?:à\\s+)?)`,
  'uy',
);

/**
 * What may stand after an item: subdivisions (« II », « XIII A », « 2° », « 794-II »),
 * « (1er alinéa) », « , alinéa 1, », « , 1er et 2° alinéas, », « et suivants ».
 */
const SUBDIVISIONS = new RegExp(
  '(?:' +
    `,\\s*(?:${ALINEA}s?|\\d+(?:er|e|ème)?(?:\\s+et\\s+\\d+°?)?\\s+alinéas?|alinéas?\\s+(?:premier|\\d+(?:\\s+et\\s+\\d+)?))(?=\\s*,)` + // « , alinéa 1, », « , alinéa premier, »
    '|,\\s?\\d+°(?:\\s+(?:et|à)\\s+\\d+°)*' + // « R. 322-120,1° », « L. 900-2, 1° et 2° »
    '|[-\\u2010\\u2011\\u2013]\\d+°' + // « D. 241-21-2° »
    '|(?:\\s+d(?:u|e\\s+la)\\s+(?:livre|titre|chapitre|section)\\s+(?:[IVXL]+|\\d+)(?:er|ère)?(?![\\p{L}\\p{N}]))+' + // « du livre IV », « du titre III du livre V »
    '|\\s+et\\s+suivants' +
    '|-[IVX]+(?![\\p{L}\\p{N}])' + // « 794-II »
    '|\\s*\\([^()]{1,25}\\)' + // « (1er alinéa) »
    '|\\s+[IVX]+(?:\\s[A-H])?(?![\\p{L}\\p{N}])' + // « 59 XIII A »
    '|\\s+(?:\\d+°|[a-z]\\))' +
    ')*',
  'uy',
);

/** Before a closer: « L. 3, du code » (rare) as well as « L. 3 du code ». */
const BEFORE_CLOSER = /\s*,?\s*/uy;

/** A law, a decree… closing a list: the items are not code articles. */
const NOT_A_CODE =
  /(?:du|de\s+la|de\s+l['’]|des|dudit|de\s+ladite|de\s+cette|de\s+ce|à\s+la|au|à\s+l['’])\s+(?:(?:présente?|même|dite|nouvelle|ancienne)\s+)?(?:loi|décret|ordonnance|règlement|directive|convention|arrêté|traité|accord|protocole|constitution|délibération|annexe|statuts?|décision|avenant|charte|instruction|circulaire)s?(?![\p{L}\p{N}])/iuy;

interface Item {
  start: number;
  end: number;
  num: string;
  /** Written with a part letter (`L. 3`), not bare (`3`). */
  lettered: boolean;
}

/** What closes a group of items: a code mention, a law, or nothing. */
type Closer =
  | { kind: 'mention'; mention: number }
  | { kind: 'law' }
  | {
      kind: 'none';
      /** A code's title right before the list (« Code de la sécurité sociale L243-2 »). */
      titleBefore?: number;
      /** The next code named in the same sentence, for « articles L. 3123-8, L. 3123-9, du 2° de l'article L. 3123-7 du code du travail ». */
      nextInSentence?: number;
    };

interface Group {
  items: Item[];
  closer: Closer;
}

/** A paragraph read once: its code mentions and its groups of numbers, whatever the citing code. */
export interface ParsedParagraph {
  mentions: CodeMention[];
  groups: Group[];
  /** Where it quotes another code's text (`quotations.ts`); absent when it does not. */
  quotations?: Quotations;
}

/** The reading of a paragraph with no reference and no code name (shared, never modified). */
export const NO_REFERENCES: ParsedParagraph = Object.freeze({ mentions: [], groups: [] }) as ParsedParagraph;

/** The code every mention stands for, `same` ones resolved against the code named before. */
function resolveMentions(
  mentions: CodeMention[],
  ownCode: CodeId | undefined,
  lastBefore: CodeId | undefined,
): { codes: (CodeId | undefined)[]; last: CodeId | undefined } {
  let last = lastBefore;
  const codes = mentions.map((m) => {
    switch (m.kind) {
      case 'named':
        last = m.code;
        return m.code;
      case 'present':
        last = ownCode;
        return ownCode;
      case 'same':
        return last ?? ownCode;
      case 'unknown':
        return undefined;
    }
  });
  return { codes, last };
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Whether [from, to) of the text stays inside one sentence (no « ; », no « . » before a capital). */
function sameSentence(text: string, from: number, to: number): boolean {
  return !/;|\.\s+[A-ZÀ-Ý]|:\s/.test(text.slice(from, to));
}

/** Reads the lists of article numbers of one paragraph (see the module comment). */
/** A quick test: false when the paragraph has neither an article number nor a code's name. */
export function mayHoldReferences(text: string, codeNames: CodeNameMatcher): boolean {
  return /art|\d-\d/i.test(text) || codeNames.mayMention(text);
}

export function parseParagraph(text: string, codeNames: CodeNameMatcher): ParsedParagraph {
  const hasNumbers = /art|\d-\d/i.test(text);
  if (!hasNumbers && !codeNames.mayMention(text)) return NO_REFERENCES;
  const mentions = codeNames.findMentions(text);
  if (!hasNumbers) return mentions.length === 0 ? NO_REFERENCES : { mentions, groups: [] };
  const mentionAt = new Map<number, number>(mentions.map((m, i) => [m.start, i]));
  const mentionEndingAt = new Map<number, number>(mentions.map((m, i) => [m.end, i]));
  const groups: Group[] = [];

  LIST_START.lastIndex = 0;
  let start: RegExpExecArray | null;
  while ((start = LIST_START.exec(text)) !== null) {
    const at = start.index;
    if (at > 0 && WORD_CHAR.test(text[at - 1] ?? '')) {
      LIST_START.lastIndex = at + 1;
      continue;
    }
    const triggered = !/\d/.test(start[0]);
    let pos = triggered ? at + start[0].length : at;
    if (triggered) pos += /^[\s,]*/.exec(text.slice(pos, pos + 4))?.[0].length ?? 0;
    // « Code de la sécurité sociale L243-2 : … », « code du travail, article L. 323-11 »: a
    // number right after a code's title is in that code.
    let titleBefore: number | undefined;
    const gap = /,?\s*$/.exec(text.slice(Math.max(0, at - 3), at))?.[0].length ?? 0;
    const before = mentionEndingAt.get(at - gap);
    if (before !== undefined && mentions[before]?.kind === 'named') titleBefore = before;
    let items: Item[] = [];
    for (;;) {
      const number = matchAt(NUMBER, text, pos);
      if (!number) break;
      const num = normalizeArticleNumber(number[0]);
      if (num === undefined) break;
      items.push({ start: pos, end: pos + number[0].length, num, lettered: /^[A-Z]/.test(num) });
      pos += number[0].length;
      pos += matchAt(SUBDIVISIONS, text, pos)?.[0].length ?? 0;

      // A closer right after the item: a code name or a law.
      const closerAt = pos + (matchAt(BEFORE_CLOSER, text, pos)?.[0].length ?? 0);
      const mentionIndex = mentionAt.get(closerAt);
      const mention = mentionIndex === undefined ? undefined : mentions[mentionIndex];
      if (mention && mentionIndex !== undefined) {
        groups.push({ items, closer: { kind: 'mention', mention: mentionIndex } });
        items = [];
        pos = mention.end;
      } else {
        const law = matchAt(NOT_A_CODE, text, closerAt);
        if (law) {
          groups.push({ items, closer: { kind: 'law' } });
          items = [];
          pos = closerAt + law[0].length;
          break; // « de la loi n° 2015-1702 du… »: what follows is the law's own designation
        }
      }
      const separator = matchAt(SEPARATOR, text, pos);
      if (!separator || !matchAt(NUMBER, text, pos + separator[0].length)) break;
      pos += separator[0].length;
    }
    const lettered = items.filter((item) => item.lettered);
    if (lettered.length > 0) {
      const closer: Closer = { kind: 'none' };
      if (titleBefore !== undefined) closer.titleBefore = titleBefore;
      const next = mentions.findIndex((m) => m.start >= pos && m.kind !== 'unknown');
      if (next >= 0 && sameSentence(text, pos, mentions[next]?.start ?? pos)) closer.nextInSentence = next;
      groups.push({ items: lettered, closer });
    }
    LIST_START.lastIndex = Math.max(pos, at + 1);
  }
  const quotations = findQuotations(text, mentions);
  return quotations.quotations.length > 0 || quotations.announces !== undefined ? { mentions, groups, quotations } : { mentions, groups };
}

/** Tells whether the corpus has an article: `undefined` when the code is not in the corpus. */
export type ArticleExists = (code: CodeId, num: string) => boolean | undefined;

export interface FindReferencesOptions {
  /**
   * When given, a number that no code name closes and that the citing code does not have takes
   * the code named next in the same sentence, if that code has it or is not in the corpus.
   */
  articleExists?: ArticleExists;
  /** Parses paragraphs (e.g. through a cache: versions of an article share most paragraphs). */
  parse?: (text: string) => ParsedParagraph;
}

/**
 * The references to code articles in a version's paragraphs (see the module comment for how
 * passages are read). `ownCode` is the citing article's code; `codeNames` recognises code titles.
 * Each reference's [start, end) is the number as written (`L. 612-9`), `num` its LEGI form.
 */
export function findReferences(
  paragraphs: readonly string[],
  ownCode: CodeId,
  codeNames: CodeNameMatcher,
  options: FindReferencesOptions = {},
): Reference[] {
  const parse = options.parse ?? ((text: string) => parseParagraph(text, codeNames));
  const exists = options.articleExists;
  const references: Reference[] = [];
  let lastNamed: CodeId | undefined;
  // A quotation of another code running over paragraphs (« … ci-après reproduits : », then
  // « Art. L. 1141-1. - … »): its code, undefined for a code outside the corpus; `marked` once
  // known whether it opened with a quote mark (then it ends with the paragraph that closes one).
  // Unmarked, it ends where the quoting article's list resumes (`until`), else with the version.
  let carried: { code: CodeId | undefined; marked?: boolean; until?: ListMark } | undefined;
  paragraphs.forEach((text, paragraph) => {
    const parsed = parse(text);
    if (carried?.until && !carried.marked && resumesList(text, carried.until)) carried = undefined;
    const inQuotation = carried;
    if (inQuotation) inQuotation.marked ??= startsQuotation(text);
    if (inQuotation?.marked && endsQuotation(text)) carried = undefined;
    if (parsed.mentions.length === 0 && parsed.groups.length === 0) return;
    // Inside a quotation, « du présent code » and the numbers no code name closes are the quoted code's.
    const own = inQuotation ? inQuotation.code : ownCode;
    const resolved = resolveMentions(parsed.mentions, own, lastNamed);
    lastNamed = resolved.last;
    const quotations = parsed.quotations?.quotations ?? [];
    for (const { items, closer } of parsed.groups) {
      const quotation = closer.kind === 'none' ? quotations.find((q) => q.start <= items[0]!.start && items[0]!.start < q.end) : undefined;
      for (const item of items) {
        const ref: Reference = { paragraph, start: item.start, end: item.end, num: item.num };
        if (closer.kind === 'law') ref.unresolved = 'not-a-code';
        else if (closer.kind === 'mention') {
          const code = resolved.codes[closer.mention];
          if (code === undefined) ref.unresolved = 'code-not-in-corpus';
          else ref.code = code;
        } else {
          const base = quotation
            ? resolved.codes[quotation.mention]
            : ((closer.titleBefore === undefined ? undefined : resolved.codes[closer.titleBefore]) ?? own);
          // A number the code it would be in lacks (or a code outside the corpus), and a code named
          // further in the sentence that has it: that code's.
          const next = closer.nextInSentence === undefined ? undefined : resolved.codes[closer.nextInSentence];
          const baseHas = base === undefined ? undefined : exists?.(base, item.num);
          if (exists && next !== undefined && next !== base && baseHas !== true && exists(next, item.num) !== false) ref.code = next;
          else if (base === undefined) ref.unresolved = 'code-not-in-corpus';
          else ref.code = base;
        }
        references.push(ref);
      }
    }
    // A quotation left open at the paragraph's end, or announced by it, goes on in the next ones.
    const open = quotations.find((q) => q.open);
    const announced = parsed.quotations?.announces;
    if (open) carried = { code: resolved.codes[open.mention], marked: true };
    else if (announced !== undefined && resolved.codes[announced] !== own) {
      carried = { code: resolved.codes[announced] };
      const mark = leadingMarks(text).at(-1);
      if (mark) carried.until = mark;
    }
  });
  return references;
}
