/**
 * The ceiling of the search-quality benchmark: how well any engine could do on the simulated
 * queries. The queries are drawn from their document by a known process (`drawWords`: distinct
 * words, each with probability ∝ its weight); knowing that process, and that the target is one of
 * the documents a query could have been drawn from, the best ranking is by the probability that
 * each of those documents would have drawn these words (Bayes, with every document equally likely
 * to be picked). No engine knows the process, the pool or the weights: this is an upper bound on
 * MRR and success@k, not a peer. It says how much of a shortfall is the engine's and how much is
 * the query's (two common words drawn from one article are as likely drawn from ten others).
 *
 * Documents with the same probability (the same words as often: identical texts, versions that
 * differ elsewhere) are tied: the ceiling counts the rank a random order among them gives on
 * average.
 */
import type { DrawSpace, Query } from './search-quality-queries.ts';
import { wordWeight } from './search-quality-queries.ts';

export interface CeilingOutcome {
  /** Expected reciprocal rank within the first `top` (0 beyond). */
  rr: number;
  s1: number;
  s10: number;
}

/** Probability that drawing `weights.length` distinct words from a document of total weight `total` gives these (any order). */
function drawProbability(weights: readonly number[], total: number): number {
  const orders = (left: readonly number[], remaining: number): number => {
    if (left.length === 0) return 1;
    let sum = 0;
    left.forEach((weight, i) => {
      if (remaining <= 0) return;
      sum += (weight / remaining) * orders([...left.slice(0, i), ...left.slice(i + 1)], remaining - weight);
    });
    return sum;
  };
  return orders(weights, total);
}

/** Documents of the pool by word, built once per scope. */
function invert(space: DrawSpace): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  for (const id of space.pool) {
    for (const key of space.words.get(id)!.words.keys()) {
      const list = byWord.get(key);
      if (list) list.push(id);
      else byWord.set(key, [id]);
    }
  }
  return byWord;
}

export function ceilingOutcomes(
  queries: readonly Query[],
  spaces: Record<Query['scope'], DrawSpace>,
  articleOf: (id: number) => string,
  top = 10,
): (CeilingOutcome | undefined)[] {
  const inverted = new Map<Query['scope'], Map<string, number[]>>();
  const totals = new Map<string, number>();
  const probability = (space: DrawSpace, scope: string, id: number, keys: readonly string[], weighting: 'tf' | 'tfidf') => {
    const words = space.words.get(id)!.words;
    const totalKey = `${scope}#${id}#${weighting}`;
    let total = totals.get(totalKey);
    if (total === undefined) {
      total = 0;
      for (const [key, { tf }] of words) total += wordWeight(key, tf, weighting, space.df, space.size);
      totals.set(totalKey, total);
    }
    return drawProbability(
      keys.map((key) => wordWeight(key, words.get(key)?.tf ?? 0, weighting, space.df, space.size)),
      total,
    );
  };
  return queries.map((query) => {
    if (!query.drawn) return undefined;
    const space = spaces[query.scope];
    let byWord = inverted.get(query.scope);
    if (!byWord) inverted.set(query.scope, (byWord = invert(space)));
    const { keys, weighting } = query.drawn;
    const lists = keys.map((key) => byWord.get(key) ?? []).sort((a, b) => a.length - b.length);
    const others = lists.slice(1).map((list) => new Set(list));
    const target = probability(space, query.scope, query.target.id, keys, weighting);
    // Ranked by article, as the engines answer: an article counts once, at its best document; the
    // target's article shows the target only when no other text of it is more probable.
    const above = new Set<string>();
    const tiedArticles = new Set<string>();
    let tiedSame = 0;
    let beaten = false;
    for (const id of lists[0] ?? []) {
      if (id === query.target.id || !others.every((set) => set.has(id))) continue;
      const p = probability(space, query.scope, id, keys, weighting);
      const article = articleOf(id);
      const same = article === query.target.article;
      // Relative tolerance: the same words as often give the same product up to rounding.
      if (Math.abs(p - target) <= 1e-12 * Math.max(p, target)) {
        if (same) tiedSame++;
        else tiedArticles.add(article);
      } else if (p > target) {
        if (same) beaten = true;
        else above.add(article);
      }
    }
    if (beaten) return { rr: 0, s1: 0, s10: 0 };
    for (const article of above) tiedArticles.delete(article);
    // Shown for its article with probability 1 / (tiedSame + 1), then equally likely at each place
    // from above + 1 to above + tied + 1.
    const shown = 1 / (tiedSame + 1);
    let rr = 0;
    let s1 = 0;
    let s10 = 0;
    for (let rank = above.size + 1; rank <= above.size + tiedArticles.size + 1; rank++) {
      if (rank <= top) rr += 1 / rank;
      if (rank === 1) s1++;
      if (rank <= 10) s10++;
    }
    const places = tiedArticles.size + 1;
    return { rr: (shown * rr) / places, s1: (shown * s1) / places, s10: (shown * s10) / places };
  });
}
