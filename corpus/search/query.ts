/**
 * What a search-box query asks for: an article number, or words, « phrases in quotes », `prefix*`,
 * `-excluded` words, and article numbers written inside a query of words (« cotisations L. 612-9 »:
 * articles about cotisations that cite L612-9).
 */
import { looksLikeArticleNumber, normalizeArticleNumber } from '../text/article-number.ts';
import { isStopWord, queryTerms, stem } from './french-analysis.ts';
import { wordSpans } from './words.ts';

/** One required item: a term, or any of the terms that start with a prefix. */
export interface QueryTerm {
  /** Stemmed term (or prefix, folded). */
  term: string;
  prefix: boolean;
  /**
   * The term only comes from a phrase or a reference: it narrows the candidates, but only the whole
   * phrase is highlighted, not the word wherever it occurs.
   */
  inPattern?: boolean;
}

export interface QueryPhrase {
  /** Folded words, stop words included: they must follow each other in the text. */
  words: string[];
  /**
   * The quote is not closed: the phrase is still being typed, its last word is the start of a word
   * (« "organismes de s » finds « organismes de sécurité »; read whole, it found nothing until the
   * word was complete).
   */
  open?: boolean;
}

export interface ParsedQuery {
  /** The whole query is an article number: its LEGI form (`l. 611-3` → `L611-3`). */
  number?: string;
  /** Terms every result contains (words of the phrases included). */
  terms: QueryTerm[];
  phrases: QueryPhrase[];
  /** Article numbers the text must cite (LEGI form). */
  references: string[];
  /** Stemmed terms no result contains. */
  excluded: string[];
  /**
   * The words typed outside phrases and prefixes, folded, with their stems: an article with the
   * very form typed ranks above one with another word of the same stem, and a word found nowhere
   * may be a typing error (`engine.ts`).
   */
  typed: TypedWord[];
}

export interface TypedWord {
  word: string;
  term: string;
}

const QUOTED = /"([^"]*)"?|«\s*([^»]*?)\s*»|“([^”]*)”?/g;
/** An article number inside a query of words: a part prefix, then integers joined by dashes. */
const EMBEDDED_NUMBER =
  /(?<![\p{L}\p{N}])(?:art(?:icle|\.)?\s*)?(?:LO|L|R|D|A)\s*\.?\s*\*?\s*\d+(?:\s*-\s*\d+)+(?![\p{L}\p{N}]|\s*-\s*\d)/giu;

function addTerm(terms: QueryTerm[], term: QueryTerm): void {
  const same = terms.find((t) => t.term === term.term && t.prefix === term.prefix);
  if (!same) terms.push(term);
  else if (!term.inPattern) delete same.inPattern;
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], phrases: [], references: [], excluded: [], typed: [] };
  const trimmed = query.trim();
  if (!trimmed) return parsed;
  if (looksLikeArticleNumber(trimmed)) {
    const number = normalizeArticleNumber(trimmed);
    if (number !== undefined) {
      parsed.number = number;
      return parsed;
    }
  }
  let rest = trimmed.replace(QUOTED, (whole: string, straight?: string, french?: string, curly?: string) => {
    const inside = straight ?? french ?? curly ?? '';
    const phraseWords = wordSpans(inside).map((span) => span.word);
    // Open: no closing quote, and the text typed ends inside a word (not after a space).
    const open = !/["”»]$/.test(whole) && /[\p{L}\p{N}]$/u.test(inside);
    if (phraseWords.length > 1) parsed.phrases.push(open ? { words: phraseWords, open } : { words: phraseWords });
    phraseWords.forEach((word, i) => {
      if (open && i === phraseWords.length - 1) {
        // The start of a word: the terms that start as its stem does (its stem, not the letters
        // typed: the index holds stems, and « "organismes » ends a word already), once it says
        // enough: a term of one or two letters would be most of the index.
        if (word.length >= 3 && !isStopWord(word)) addTerm(parsed.terms, { term: stem(word), prefix: true, inPattern: true });
      } else if (!isStopWord(word)) addTerm(parsed.terms, { term: stem(word), prefix: false, inPattern: true });
    });
    return ' ';
  });
  rest = rest.replace(EMBEDDED_NUMBER, (whole) => {
    const number = normalizeArticleNumber(whole);
    if (number === undefined) return whole;
    if (!parsed.references.includes(number)) parsed.references.push(number);
    // The integers are words of the text: they narrow the candidates before the reference is checked.
    for (const integer of number.match(/\d+/g) ?? []) addTerm(parsed.terms, { term: integer, prefix: false, inPattern: true });
    return ' ';
  });
  for (const token of rest.split(/\s+/)) {
    if (!token) continue;
    if (token.startsWith('-') && token.length > 1) {
      parsed.excluded.push(...queryTerms(token.slice(1)));
      continue;
    }
    if (token.endsWith('*')) {
      const words = wordSpans(token).map((span) => span.word);
      const last = words.pop();
      for (const term of queryTerms(words.join(' '))) addTerm(parsed.terms, { term, prefix: false });
      if (last !== undefined && last.length >= 2) addTerm(parsed.terms, { term: last, prefix: true });
      continue;
    }
    for (const span of wordSpans(token)) {
      if (isStopWord(span.word)) continue;
      const term = stem(span.word);
      addTerm(parsed.terms, { term, prefix: false });
      if (!parsed.typed.some((typed) => typed.word === span.word)) parsed.typed.push({ word: span.word, term });
    }
  }
  return parsed;
}

/** Whether the query asks for anything at all (« de la » alone does not: only stop words). */
export function isEmptyQuery(parsed: ParsedQuery): boolean {
  return parsed.number === undefined && parsed.terms.length === 0 && parsed.phrases.length === 0 && parsed.references.length === 0;
}
