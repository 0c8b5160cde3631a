import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearness } from './text-evidence.ts';

/** The reading `nearness` replaced: each stretch's letters counted again from its start (time squared). */
function nearnessByRereading(starts: number[], ends: number[], which: number[], count: number, present: number): number {
  const inWindow = new Array<number>(count).fill(0);
  let near = 0;
  let covered = 0;
  let left = 0;
  for (let right = 0; right < starts.length; right++) {
    if (inWindow[which[right]!]!++ === 0) covered++;
    while (covered === present) {
      let letters = 0;
      const seen = new Set<number>();
      for (let k = left; k <= right; k++) {
        if (seen.has(which[k]!)) continue;
        seen.add(which[k]!);
        letters += ends[k]! - starts[k]!;
      }
      near = Math.max(near, (letters + present - 1) / (ends[right]! - starts[left]!));
      if (--inWindow[which[left]!]! === 0) covered--;
      left++;
    }
  }
  return near;
}

/** Occurrences of terms in text order: words of 2–12 letters, 0–40 characters apart. */
const occurrences = fc.integer({ min: 2, max: 4 }).chain((count) =>
  fc
    .array(
      fc.record({ term: fc.integer({ min: 0, max: count - 1 }), letters: fc.integer({ min: 2, max: 12 }), gap: fc.nat({ max: 40 }) }),
      {
        minLength: 2,
        maxLength: 60,
      },
    )
    .map((words) => {
      const starts: number[] = [];
      const ends: number[] = [];
      const which: number[] = [];
      let at = 0;
      for (const word of words) {
        at += word.gap + 1;
        starts.push(at);
        at += word.letters;
        ends.push(at);
        which.push(word.term);
      }
      return { starts, ends, which, count, present: new Set(which).size };
    })
    .filter((o) => o.present >= 2),
);

describe('nearness', () => {
  it('is what reading every stretch again gives (property)', () => {
    fc.assert(
      fc.property(occurrences, ({ starts, ends, which, count, present }) => {
        expect(nearness(starts, ends, which, count, present)).toBeCloseTo(nearnessByRereading(starts, ends, which, count, present), 12);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is 1 for words that follow each other, less as they stand apart', () => {
    // « sécurité sociale »: 8 + 7 letters, one space.
    expect(nearness([0, 9], [8, 16], [0, 1], 2, 2)).toBe(1);
    expect(nearness([0, 40], [8, 47], [0, 1], 2, 2)).toBeCloseTo(16 / 47, 12);
  });
});
