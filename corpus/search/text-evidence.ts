/**
 * What the stored text of a candidate says beyond the index: whether it has the very form of each
 * word typed (the index holds stems: « cotisant » and « cotisation » are one term), and how near
 * the query's words stand to each other. The engine reads the best candidates' texts once they
 * are ranked by the index (`engine.ts`), so the index need not store forms or positions (it would
 * double in size) and the cost is bounded by the few texts read.
 * Pure module.
 */
import { stem } from './french-analysis.ts';
import { foldForSearch } from './fold.ts';
import { searchWord, WORD } from './words.ts';

/** The query as the text is read for it: each term, with the folded forms the user typed. */
export interface EvidenceQuery {
  terms: string[];
  /** Per term, the folded words typed for it (none for a term from a phrase or a prefix). */
  forms: ReadonlySet<string>[];
  /** First two letters of the terms: a word that starts otherwise cannot stem to one of them. */
  heads: ReadonlySet<string>;
}

export function evidenceQuery(terms: readonly { term: string; forms: readonly string[] }[]): EvidenceQuery {
  return {
    terms: terms.map((t) => t.term),
    forms: terms.map((t) => new Set(t.forms)),
    heads: new Set(terms.map((t) => t.term.slice(0, 2))),
  };
}

export interface TextEvidence {
  /** Terms found in the text. */
  present: number;
  /** Terms typed with a form that the text has as such. */
  exact: number;
  /** Terms that were typed (have forms). */
  typed: number;
  /**
   * Words in the shortest stretch of text that holds every term present (`present` when they
   * follow each other; 0 when fewer than two are present).
   */
  span: number;
}

/** Reads a text once: occurrences of the terms, exact forms, the shortest window that has them all. */
export function textEvidence(text: string, query: EvidenceQuery): TextEvidence {
  const count = query.terms.length;
  const exact = new Array<boolean>(count).fill(false);
  const positions: number[] = [];
  const which: number[] = [];
  const folded = foldForSearch(text);
  let position = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(folded); match !== null; match = WORD.exec(folded), position++) {
    const raw = match[0];
    if (!query.heads.has(raw.slice(0, 2)) && !/[œæ]/.test(raw.slice(0, 2))) continue;
    const word = searchWord(raw);
    const term = /\d/.test(word) ? word : stem(word);
    const t = query.terms.indexOf(term);
    if (t < 0) continue;
    positions.push(position);
    which.push(t);
    if (!exact[t] && query.forms[t]!.has(word)) exact[t] = true;
  }
  const seen = new Set(which);
  const present = seen.size;
  let span = 0;
  if (present >= 2) {
    // Shortest window over the occurrences holding every term present (two pointers).
    const inWindow = new Array<number>(count).fill(0);
    let covered = 0;
    let left = 0;
    span = Number.POSITIVE_INFINITY;
    for (let right = 0; right < positions.length; right++) {
      if (inWindow[which[right]!]!++ === 0) covered++;
      while (covered === present) {
        span = Math.min(span, positions[right]! - positions[left]! + 1);
        if (--inWindow[which[left]!]! === 0) covered--;
        left++;
      }
    }
  }
  return {
    present,
    exact: exact.filter(Boolean).length,
    typed: query.forms.filter((forms) => forms.size > 0).length,
    span,
  };
}

/**
 * How much the evidence raises a candidate's score (a factor ≥ 1):
 * - exact forms: up to +EXACT when every word typed is in the text as typed;
 * - nearness: up to +NEAR when the words present follow each other, falling as the stretch that
 *   holds them grows (half of it when it is twice as long as the words).
 * Factors, not additions: they reorder candidates of comparable relevance, they do not lift a text
 * that the index ranks far below.
 */
export const EXACT = 0.25;
export const NEAR = 0.3;

export function evidenceFactor(evidence: TextEvidence): number {
  const exact = evidence.typed > 0 ? evidence.exact / evidence.typed : 0;
  const near = evidence.present >= 2 ? (evidence.present - 1) / Math.max(1, evidence.span - 1) : 0;
  return (1 + EXACT * exact) * (1 + NEAR * near);
}
