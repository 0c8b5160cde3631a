/**
 * The ceiling of the search-quality benchmark on a collection small enough to compute by hand:
 * the probability of a draw, and how ties and texts of one article are counted.
 */
import { describe, expect, it } from 'vitest';
import { ceilingOutcomes } from './search-quality-ceiling.ts';
import type { BenchDocument } from './search-quality-corpus.ts';
import type { DocumentWords, DrawSpace, Query } from './search-quality-queries.ts';

const words = (counts: Record<string, number>): DocumentWords => ({
  words: new Map(Object.entries(counts).map(([key, tf]) => [key, { tf, written: key }])),
});

const doc = (id: number, article: string): BenchDocument => ({
  id,
  article,
  code: 'c',
  num: article,
  current: true,
  past: false,
  ranges: '',
  text: '',
  titles: '',
});

function space(texts: DocumentWords[]): DrawSpace {
  return { words: new Map(texts.map((text, id) => [id, text])), df: new Map(), size: texts.length, pool: texts.map((_, id) => id) };
}

const query = (target: BenchDocument, keys: string[]): Query => ({
  model: 'ii',
  text: keys.join(' '),
  target,
  scope: 'in-force',
  drawn: { keys, weighting: 'tf' },
});

describe('ceiling of the simulated queries', () => {
  // A = {x 2, y 1, z 1}: drawing x then y is 2/4 · 1/2, y then x 1/4 · 2/3, in all 5/12.
  // B = {x 1, y 1, w 2}: 1/4 · 1/3 twice, 1/6. The target A is first.
  const a = words({ x: 2, y: 1, z: 1 });
  const b = words({ x: 1, y: 1, w: 2 });

  it('ranks by the probability of the draw', () => {
    const docs = [doc(0, 'A'), doc(1, 'B')];
    const [first] = ceilingOutcomes(
      [query(docs[0]!, ['x', 'y'])],
      { 'in-force': space([a, b]), all: space([]) },
      (id) => docs[id]!.article,
    );
    expect(first).toEqual({ rr: 1, s1: 1, s10: 1 });
    const [second] = ceilingOutcomes(
      [query(docs[1]!, ['x', 'y'])],
      { 'in-force': space([a, b]), all: space([]) },
      (id) => docs[id]!.article,
    );
    expect(second).toEqual({ rr: 0.5, s1: 0, s10: 1 });
  });

  it('counts a tie with another article as an even chance of either place', () => {
    const docs = [doc(0, 'A'), doc(1, 'B'), doc(2, 'C')];
    const [outcome] = ceilingOutcomes(
      [query(docs[0]!, ['x', 'y'])],
      { 'in-force': space([a, b, a]), all: space([]) },
      (id) => docs[id]!.article,
    );
    expect(outcome).toEqual({ rr: 0.75, s1: 0.5, s10: 1 });
  });

  it('shows the target only when no other text of its article is likelier, and half the time when one is as likely', () => {
    const docs = [doc(0, 'A'), doc(1, 'A'), doc(2, 'A')];
    const tied = ceilingOutcomes(
      [query(docs[0]!, ['x', 'y'])],
      { 'in-force': space([a, b, a]), all: space([]) },
      (id) => docs[id]!.article,
    )[0];
    expect(tied).toEqual({ rr: 0.5, s1: 0.5, s10: 0.5 });
    const beaten = ceilingOutcomes(
      [query(docs[1]!, ['x', 'y'])],
      { 'in-force': space([a, b]), all: space([]) },
      (id) => docs[id]!.article,
    )[0];
    expect(beaten).toEqual({ rr: 0, s1: 0, s10: 0 });
  });
});
