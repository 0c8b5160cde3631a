import { describe, expect, it } from 'vitest';
import { firstSorted } from './first-sorted.ts';

/** A deterministic list with many ties: what the engine's ranks look like (equal scores abound). */
function items(n: number): { score: number; id: number }[] {
  let seed = 7;
  return Array.from({ length: n }, (_, id) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return { score: seed % 50, id };
  });
}

const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;

describe('firstSorted', () => {
  it('gives what a full stable sort then a slice gives, ties in the order given', () => {
    const list = items(5_000);
    for (const count of [1, 20, 37, 499, 500, 501, 4_999, 5_000, 6_000]) {
      expect(firstSorted(list, count, byScore)).toEqual([...list].sort(byScore).slice(0, count));
    }
  });

  it('compares about once an item for a short page of a long list', () => {
    const list = items(12_000);
    let comparisons = 0;
    firstSorted(list, 20, (a, b) => {
      comparisons++;
      return byScore(a, b);
    });
    // A full sort of 12,000 items makes over 100,000.
    expect(comparisons).toBeLessThan(3 * list.length);
  });

  it('gives nothing for a count of zero and the whole list sorted for a larger count', () => {
    expect(firstSorted(items(10), 0, byScore)).toEqual([]);
    expect(firstSorted(items(10), 50, byScore)).toHaveLength(10);
  });
});
