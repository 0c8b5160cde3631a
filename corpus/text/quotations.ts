/**
 * Passages of an article that quote the text of another code: « L'article L. 5 du code de
 * commerce est ainsi rédigé : " Art. L. 5. - … l'article L. 6 … " », or whole paragraphs after « …
 * les articles L. 1141-1 à L. 1141-3 du code de la santé publique ci-après reproduits : » (L932-39
 * of the sécurité sociale, 2002). The numbers inside are that code's — the « Art. L. 1141-2. - »
 * heading first of all — never the quoting article's own. Pure module.
 *
 * Read only after words that announce a text (« ainsi rédigé », « ci-après reproduits », « les
 * mots », « la référence »…) and when a code is named before them in the same sentence: a colon
 * alone (« dans les conditions suivantes : ») opens the quoting article's own list, not a quotation.
 */
import type { CodeMention } from './code-names.ts';

/** A quotation inside one paragraph: [start, end), and the mention that names the quoted code. */
export interface Quotation {
  start: number;
  /** Exclusive; the paragraph's length when the quotation runs on into the next paragraphs. */
  end: number;
  mention: number;
  /** No closing mark in the paragraph: the quotation goes on. */
  open: boolean;
}

export interface Quotations {
  quotations: Quotation[];
  /** The paragraph ends by announcing a text of that mention's code in the paragraphs after it. */
  announces?: number;
}

/** Words that announce a quoted text, right before its colon. */
const ANNOUNCE =
  /(?:ci-après\s+reproduite?s?|reproduite?s?\s+ci-après|ainsi\s+(?:rédigée?s?|libellée?s?|conçue?s?|modifiée?s?)|rédigée?s?\s+comme\s+suit|(?:les|des)\s+mots|la\s+phrase|la\s+référence|les\s+références|la\s+mention)\s*$/iu;
const OPENING = /:\s*([«“"])/gu;
const CLOSING: Record<string, string> = { '«': '»', '“': '”', '"': '"' };

/** A text with a quote mark at its end: the end of a quotation carried from paragraphs before. */
export function endsQuotation(text: string): boolean {
  return /[»”"]\s*[.;,]?\s*$/u.test(text);
}

/** A text starting with a quote mark. */
export function startsQuotation(text: string): boolean {
  return /^\s*[«“"]/u.test(text);
}

/** A paragraph's numbering mark (« II. - », « 2° », « b) »): where the quoting article's own text resumes. */
export interface ListMark {
  kind: 'roman' | 'arabic' | 'letter';
  rank: number;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
const MARKS: [ListMark['kind'], RegExp][] = [
  ['roman', /^\s*([IVXL]+)\s*\.?\s*[-–]\s*/u],
  ['arabic', /^\s*(\d+)°\s*(?:[-–]\s*)?/u],
  ['letter', /^\s*([a-z])\)\s*/u],
];

function rankOf(kind: ListMark['kind'], text: string): number {
  if (kind === 'arabic') return Number(text);
  if (kind === 'letter') return text.charCodeAt(0) - 96;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]!]!;
    total += value < (ROMAN[text[i + 1] ?? ''] ?? 0) ? -value : value;
  }
  return total;
}

/** The marks a paragraph starts with, outermost first: « I. - 1° La fourniture… » gives I, then 1°. */
export function leadingMarks(text: string): ListMark[] {
  const marks: ListMark[] = [];
  let rest = text;
  for (let found = true; found;) {
    found = false;
    for (const [kind, pattern] of MARKS) {
      const match = pattern.exec(rest);
      if (!match) continue;
      marks.push({ kind, rank: rankOf(kind, match[1]!) });
      rest = rest.slice(match[0].length);
      found = true;
      break;
    }
  }
  return marks;
}

/**
 * Whether a paragraph resumes the quoting article's own list after a quotation announced under
 * `mark`: « 2° Pour l'application du 1°… » after « I. - 1° … ci-après reproduites : ».
 */
export function resumesList(text: string, mark: ListMark): boolean {
  return leadingMarks(text).some((m) => m.kind === mark.kind && m.rank > mark.rank);
}

/** The code mention the quotation at `at` belongs to: the last one before it in its sentence (« du présent code » is no other code). */
function quotedMention(text: string, mentions: readonly CodeMention[], at: number): number | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const mention = mentions[i]!;
    if (mention.end > at) continue;
    if (/;|\.\s+[A-ZÀ-Ý]|:\s/u.test(text.slice(mention.end, at))) return undefined;
    return mention.kind === 'present' ? undefined : i;
  }
  return undefined;
}

export function findQuotations(text: string, mentions: readonly CodeMention[]): Quotations {
  const result: Quotations = { quotations: [] };
  if (mentions.length === 0 || !text.includes(':')) return result;
  for (const match of text.matchAll(OPENING)) {
    const colon = match.index;
    if (!ANNOUNCE.test(text.slice(Math.max(0, colon - 40), colon))) continue;
    const mention = quotedMention(text, mentions, colon);
    if (mention === undefined) continue;
    const start = colon + match[0].length - 1;
    const close = text.indexOf(CLOSING[match[1]!]!, start + 1);
    result.quotations.push({ start, end: close < 0 ? text.length : close + 1, mention, open: close < 0 });
  }
  const end = /:\s*$/u.exec(text);
  if (end && ANNOUNCE.test(text.slice(Math.max(0, end.index - 40), end.index))) {
    const mention = quotedMention(text, mentions, end.index);
    if (mention !== undefined) result.announces = mention;
  }
  return result;
}
