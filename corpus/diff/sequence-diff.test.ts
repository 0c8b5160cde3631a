import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences, type Edit } from './sequence-diff.ts';

/** Length of the longest common subsequence, by the textbook dynamic programme (the reference). */
function lcsLength(a: readonly number[], b: readonly number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/** Checks that the edits walk both sequences in order and that equal runs really are equal. */
function replay(a: readonly number[], b: readonly number[], edits: readonly Edit[]): number {
  let i = 0;
  let j = 0;
  let kept = 0;
  for (const edit of edits) {
    expect(edit.oldStart).toBe(i);
    expect(edit.newStart).toBe(j);
    if (edit.op === 'equal') {
      expect(a.slice(edit.oldStart, edit.oldEnd)).toEqual(b.slice(edit.newStart, edit.newEnd));
      kept += edit.oldEnd - edit.oldStart;
    }
    if (edit.op === 'delete') expect(edit.newEnd).toBe(edit.newStart);
    if (edit.op === 'insert') expect(edit.oldEnd).toBe(edit.oldStart);
    i = edit.oldEnd;
    j = edit.newEnd;
  }
  expect([i, j]).toEqual([a.length, b.length]);
  return kept;
}

describe('diffSequences', () => {
  it('finds the one change in the middle', () => {
    const { edits, timedOut } = diffSequences([1, 2, 3, 4, 5], [1, 2, 9, 4, 5]);
    expect(timedOut).toBe(false);
    expect(edits).toEqual([
      { op: 'equal', oldStart: 0, oldEnd: 2, newStart: 0, newEnd: 2 },
      { op: 'delete', oldStart: 2, oldEnd: 3, newStart: 2, newEnd: 2 },
      { op: 'insert', oldStart: 3, oldEnd: 3, newStart: 2, newEnd: 3 },
      { op: 'equal', oldStart: 3, oldEnd: 5, newStart: 3, newEnd: 5 },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffSequences([], []).edits).toEqual([]);
    expect(diffSequences([1, 2], []).edits).toEqual([{ op: 'delete', oldStart: 0, oldEnd: 2, newStart: 0, newEnd: 0 }]);
    expect(diffSequences([], [3]).edits).toEqual([{ op: 'insert', oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 1 }]);
  });

  it('is a minimal, well-formed edit script (property, against the textbook LCS)', () => {
    const sequence = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 });
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const { edits } = diffSequences(a, b);
        expect(replay(a, b, edits)).toBe(lcsLength(a, b));
        for (let k = 1; k < edits.length; k++) expect(edits[k]!.op === edits[k - 1]!.op).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('still returns a correct script when the time budget is spent', () => {
    // Two long sequences with nothing in common at the same places: with no time at all, the middle
    // part is replaced whole, and the script still rebuilds both sides.
    const a = Array.from({ length: 3000 }, (_, i) => (i * 7) % 13);
    const b = Array.from({ length: 3000 }, (_, i) => (i * 5) % 13);
    const result = diffSequences(a, b, { timeoutMs: -1 });
    expect(result.timedOut).toBe(true);
    replay(a, b, result.edits);
  });
});
