/**
 * Alignment of the paragraphs of two versions for the side-by-side view: which paragraphs are the
 * same, which were modified (paired, with the word diff inside), which were removed or inserted
 * (a gap opposite them).
 *
 * Two steps. First a minimal diff of whole paragraphs (compared whitespace-insensitively, as the
 * word diff compares tokens) anchors every unchanged paragraph, so a paragraph inserted in the middle
 * leaves the pairs before and after it alone. Then, inside each block of paragraphs between two
 * anchors, old and new paragraphs are paired by similarity, in order (the pairing that maximises
 * the total similarity, like a sequence alignment): a paragraph pairs only with one that shares at
 * least `minSimilarity` of its words, weighted by length so that « de » and « la » count for little
 * (or that nearly contains it, see `similarity`).
 *
 * Pure: no platform imports.
 */
import { diffSequences } from './sequence-diff.ts';
import { diffPrepared, prepareText, type Change, type PreparedText, type WordDiffOptions } from './word-diff.ts';

export type RowKind = 'equal' | 'modified' | 'inserted' | 'removed';

/** One row of the side-by-side view. */
export interface Row {
  kind: RowKind;
  /** Index of the paragraph in the old version (absent for an inserted paragraph). */
  oldIndex?: number;
  /** Index of the paragraph in the new version (absent for a removed paragraph). */
  newIndex?: number;
  /** For `modified` rows: the word diff from the old paragraph to the new one. */
  changes?: Change[];
  /** For `modified` rows: the similarity that paired them, 0 to 1. */
  similarity?: number;
}

export interface AlignOptions extends WordDiffOptions {
  /**
   * Least similarity for two paragraphs of a block to be paired as one modified paragraph. Default 0.35:
   * over the 15,528 consecutive text versions of the sécurité sociale (lexlib), the pairs below 0.3 are
   * almost all unrelated paragraphs and those above 0.4 almost all edits of one paragraph.
   */
  minSimilarity?: number;
}

/** Aligns the paragraphs of two versions (see the module comment). Rows are in reading order. */
export function alignParagraphs(oldParagraphs: readonly string[], newParagraphs: readonly string[], options: AlignOptions = {}): Row[] {
  const minSimilarity = options.minSimilarity ?? 0.35;
  const interner = new Map<string, number>();
  const olds = oldParagraphs.map((text) => prepareText(text, interner));
  const news = newParagraphs.map((text) => prepareText(text, interner));
  // Paragraph identity, whitespace-insensitive: the sequence of its token ids.
  const identities = new Map<string, number>();
  const identity = (paragraph: PreparedText): number => {
    const key = paragraph.ids.join(',');
    let id = identities.get(key);
    if (id === undefined) identities.set(key, (id = identities.size));
    return id;
  };
  const { edits } = diffSequences(Int32Array.from(olds, identity), Int32Array.from(news, identity), { timeoutMs: options.timeoutMs });

  const rows: Row[] = [];
  let i = 0;
  while (i < edits.length) {
    const edit = edits[i]!;
    if (edit.op === 'equal') {
      for (let k = 0; k < edit.oldEnd - edit.oldStart; k++)
        rows.push({ kind: 'equal', oldIndex: edit.oldStart + k, newIndex: edit.newStart + k });
      i++;
      continue;
    }
    // A block of removed and inserted paragraphs between two anchors.
    let oldEnd = edit.oldStart;
    let newEnd = edit.newStart;
    const oldStart = edit.oldStart;
    const newStart = edit.newStart;
    while (i < edits.length && edits[i]!.op !== 'equal') {
      oldEnd = Math.max(oldEnd, edits[i]!.oldEnd);
      newEnd = Math.max(newEnd, edits[i]!.newEnd);
      i++;
    }
    const pairs = pairBySimilarity(
      olds.slice(oldStart, oldEnd).map(bagOfWords),
      news.slice(newStart, newEnd).map(bagOfWords),
      minSimilarity,
    );
    let o = oldStart;
    let n = newStart;
    const flushUntil = (oTo: number, nTo: number): void => {
      for (; o < oTo; o++) rows.push({ kind: 'removed', oldIndex: o });
      for (; n < nTo; n++) rows.push({ kind: 'inserted', newIndex: n });
    };
    for (const pair of pairs) {
      flushUntil(oldStart + pair.old, newStart + pair.new);
      const diff = diffPrepared(olds[o]!, news[n]!, options);
      rows.push({ kind: 'modified', oldIndex: o, newIndex: n, changes: diff.changes, similarity: pair.similarity });
      o++;
      n++;
    }
    flushUntil(oldEnd, newEnd);
  }
  return rows;
}

/** A paragraph as a weighted bag of token ids (weights: key lengths, so « de » counts for little). */
interface Bag {
  /** The list marker the paragraph starts with (« 4°) », « a) », « II.- »), as a token id, if any. */
  marker?: number;
  weights: Map<number, number>;
  total: number;
}

function bagOfWords(paragraph: PreparedText): Bag {
  const weights = new Map<number, number>();
  const { ids } = paragraph;
  for (let i = 0; i < ids.length; i++) weights.set(ids[i]!, (weights.get(ids[i]!) ?? 0) + paragraph.weight(i, i + 1));
  const total = paragraph.weight(0, ids.length);
  return paragraph.tokens[0]?.kind === 'marker' ? { marker: ids[0]!, weights, total } : { weights, total };
}

/**
 * How alike two paragraphs are, 0 to 1: the weighted Dice coefficient (the share of characters, as
 * whole tokens, that they have in common). A paragraph that is nearly all contained in the other
 * (shortened or extended: « La commission se réunit sur convocation de son président, du ministre … »
 * → « La commission se réunit sur convocation de son président. ») scores at least `minSimilarity`,
 * and so do two paragraphs that start with the same list marker: they are the same item of a list
 * (R111-1, 2006-01-28: « 5°) en ce qui concerne le régime d'assurance maladie … » → « 5°) Paragraphe
 * supprimé ; »). A renumbered list still pairs by content, which scores higher.
 */
function similarity(a: Bag, b: Bag, minSimilarity: number): number {
  if (a.total + b.total === 0) return 1;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let common = 0;
  for (const [id, weight] of small.weights) {
    const other = large.weights.get(id);
    if (other !== undefined) common += Math.min(weight, other);
  }
  const dice = (2 * common) / (a.total + b.total);
  const shorter = Math.min(a.total, b.total);
  const contained = shorter >= MIN_CONTAINED_LENGTH && common / shorter >= MIN_CONTAINMENT;
  const sameItem = a.marker !== undefined && a.marker === b.marker;
  return contained || sameItem ? Math.max(dice, minSimilarity) : dice;
}

/** Containment rule: at least this share of the shorter paragraph, and at least this many characters. */
const MIN_CONTAINMENT = 0.8;
const MIN_CONTAINED_LENGTH = 20;

interface Pair {
  old: number;
  new: number;
  similarity: number;
}

/**
 * Past this many candidate pairs in one block (a whole long article rewritten), only pairs near the
 * diagonal of the block are considered, so the work stays bounded.
 */
const MAX_PAIRS = 250_000;

/**
 * Order-preserving pairing of two lists of paragraphs that maximises the total similarity of the
 * pairs, counting only pairs at or above `minSimilarity` (dynamic programming over the block).
 */
function pairBySimilarity(olds: readonly Bag[], news: readonly Bag[], minSimilarity: number): Pair[] {
  const rows = olds.length;
  const cols = news.length;
  if (rows === 0 || cols === 0) return [];
  const width = cols + 1;
  const score = new Float64Array((rows + 1) * width);
  const sims = new Float64Array(rows * cols);
  const band = rows * cols > MAX_PAIRS ? Math.max(1, Math.floor(MAX_PAIRS / (2 * rows))) : cols;
  for (let r = 1; r <= rows; r++) {
    const diagonal = (r * cols) / rows;
    for (let c = 1; c <= cols; c++) {
      const sim = Math.abs(c - diagonal) <= band ? similarity(olds[r - 1]!, news[c - 1]!, minSimilarity) : 0;
      sims[(r - 1) * cols + (c - 1)] = sim;
      let best = Math.max(score[(r - 1) * width + c]!, score[r * width + c - 1]!);
      if (sim >= minSimilarity) best = Math.max(best, score[(r - 1) * width + c - 1]! + sim);
      score[r * width + c] = best;
    }
  }
  const pairs: Pair[] = [];
  let r = rows;
  let c = cols;
  while (r > 0 && c > 0) {
    const here = score[r * width + c]!;
    const sim = sims[(r - 1) * cols + (c - 1)]!;
    if (sim >= minSimilarity && here === score[(r - 1) * width + c - 1]! + sim) {
      pairs.push({ old: r - 1, new: c - 1, similarity: sim });
      r--;
      c--;
    } else if (here === score[(r - 1) * width + c]!) r--;
    else c--;
  }
  return pairs.reverse();
}
