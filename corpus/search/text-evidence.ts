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
import { stemsPattern } from './patterns.ts';
import { searchWord } from './words.ts';

/** The query as the text is read for it: each term, with the folded forms the user typed. */
export interface EvidenceQuery {
  terms: string[];
  /** Per term, the folded words typed for it (none for a term from a phrase or a prefix). */
  forms: ReadonlySet<string>[];
  /** Words that start like a term (then stemmed, to be sure they are one). */
  pattern: RegExp;
}

export function evidenceQuery(terms: readonly { term: string; forms: readonly string[] }[]): EvidenceQuery {
  return {
    terms: terms.map((t) => t.term),
    forms: terms.map((t) => new Set(t.forms)),
    pattern: stemsPattern(terms.map((t) => t.term)),
  };
}

/** Characters of a text read for evidence: the beginning of a very long text (tables, annexes) says enough. */
const READ_CHARS = 20_000;

export interface TextEvidence {
  /** Terms found in the text. */
  present: number;
  /** Terms typed with a form that the text has as such. */
  exact: number;
  /** Terms that were typed (have forms). */
  typed: number;
  /** Per term, the occurrences of a form typed for it. */
  exactCounts: number[];
  /** Length of the text read, in characters (the length norm of `formScore`). */
  chars: number;
  /**
   * Nearness of the words: the characters of the terms found over the length of the shortest
   * stretch of text that holds them all (1 when they follow each other; 0 with fewer than two).
   */
  near: number;
}

/** Reads a text once: occurrences of the terms, exact forms, the shortest stretch that has them all. */
export function textEvidence(text: string, query: EvidenceQuery): TextEvidence {
  const count = query.terms.length;
  const exact = new Array<boolean>(count).fill(false);
  const exactCounts = new Array<number>(count).fill(0);
  const starts: number[] = [];
  const ends: number[] = [];
  const which: number[] = [];
  const body = text.length > READ_CHARS ? text.slice(0, READ_CHARS) : text;
  query.pattern.lastIndex = 0;
  for (const match of body.matchAll(query.pattern)) {
    const word = searchWord(foldForSearch(match[0]));
    const t = query.terms.indexOf(/\d/.test(word) ? word : stem(word));
    if (t < 0) continue;
    starts.push(match.index);
    ends.push(match.index + match[0].length);
    which.push(t);
    if (query.forms[t]!.has(word)) {
      exact[t] = true;
      exactCounts[t]!++;
    }
  }
  const present = new Set(which).size;
  const near = present >= 2 ? nearness(starts, ends, which, count, present) : 0;
  return {
    present,
    exact: exact.filter(Boolean).length,
    typed: query.forms.filter((forms) => forms.size > 0).length,
    exactCounts,
    chars: body.length,
    near: Math.min(1, near),
  };
}

/**
 * Nearness of the occurrences (`starts`, `ends`, `which` term, in text order; `present` ≥ 2 distinct
 * terms): over the stretches holding every term present, the best ratio of the letters of each
 * term's first occurrence in the stretch to the stretch's length.
 */
export function nearness(
  starts: readonly number[],
  ends: readonly number[],
  which: readonly number[],
  count: number,
  present: number,
): number {
  let near = 0;
  // Shortest stretch over the occurrences holding every term present (two pointers). The
  // letters of a stretch are those of each term's first occurrence in it: kept as a sum, the
  // first occurrence of each term being the head of its occurrences in the stretch (a text that
  // says « sécurité sociale » 300 times was read in time squared, 70 % of some searches).
  const inWindow = new Array<number>(count).fill(0);
  const nextOfSame = new Array<number>(which.length).fill(-1);
  const lastOf = new Array<number>(count).fill(-1);
  for (let k = 0; k < which.length; k++) {
    const term = which[k]!;
    if (lastOf[term]! >= 0) nextOfSame[lastOf[term]!] = k;
    lastOf[term] = k;
  }
  const length = (k: number) => ends[k]! - starts[k]!;
  let letters = 0;
  let covered = 0;
  let left = 0;
  for (let right = 0; right < starts.length; right++) {
    const term = which[right]!;
    if (inWindow[term]!++ === 0) {
      covered++;
      letters += length(right);
    }
    while (covered === present) {
      near = Math.max(near, (letters + present - 1) / (ends[right]! - starts[left]!));
      const leaving = which[left]!;
      letters -= length(left);
      // The stretch's first occurrence of that term leaves: its next one, if any, is the first now.
      if (--inWindow[leaving]! === 0) covered--;
      else letters += length(nextOfSame[left]!);
      left++;
    }
  }
  return near;
}

/**
 * How much the evidence raises a candidate's score (a factor ≥ 1):
 * - exact forms: up to +EXACT when every word typed is in the text as typed;
 * - nearness: up to +NEAR when the words present follow each other, falling as the stretch that
 *   holds them grows (half of it when it is twice as long as the words themselves).
 * Factors, not additions: they reorder candidates of comparable relevance, they do not lift a text
 * that the index ranks far below.
 */
export const EXACT = 1;
export const NEAR = 0.3;

export function evidenceFactor(evidence: TextEvidence): number {
  const exact = evidence.typed > 0 ? evidence.exact / evidence.typed : 0;
  return (1 + EXACT * exact) * (1 + NEAR * evidence.near);
}

/**
 * BM25 of the forms typed, as the index would weigh them if it held forms, each form by its own
 * rarity (`form-frequencies.ts`): « cotisants » typed counts as the rare word it is, not as the
 * common stem it shares with « cotisation ». Added to the index's score of the stems, twice (`FORM_WEIGHT`), it
 * puts the texts that have the very words typed above those that have other words of the same
 * stems; b 1 (the whole length of the text: a short text that has the words is more about them).
 * Chosen on the benchmark's development queries (seed 19980824, MRR@10 of (i)/(ii)/(iii)/(iv)):
 * without forms 0.780/0.834/0.447/0.696; weight 1, b 0.75: 0.781/0.844/0.478/0.716; weight 2, b 1:
 * 0.797/0.854/0.482/0.727; the same without the exact-form factor of `evidenceFactor`:
 * 0.782/0.843/0.463/0.700.
 */
export const FORM_WEIGHT = 2;
const K1 = 1.2;
const B = 1;

/** Per term, the BM25 idf of its typed form in the collection (0 for a term not typed). */
export function formIdf(documents: number, withForm: number): number {
  if (withForm <= 0) return 0;
  return Math.log(1 + Math.abs((documents - withForm + 0.5) / (withForm + 0.5)));
}

export function formScore(evidence: TextEvidence, idfs: readonly number[], averageChars: number): number {
  const norm = K1 * (1 - B + (B * evidence.chars) / Math.max(1, averageChars));
  let score = 0;
  evidence.exactCounts.forEach((tf, t) => {
    if (tf > 0) score += ((idfs[t] ?? 0) * tf * (K1 + 1)) / (tf + norm);
  });
  return score;
}
