/**
 * Semantic cleanup of a minimal diff, so that a rewritten clause reads as one deletion and one
 * insertion instead of a confetti of common words (« de », « la », « des », « , ») that the minimal
 * diff happens to keep in place.
 *
 * The rule is diff-match-patch's `diff_cleanupSemantic`, applied to token runs with lengths in
 * characters: an equality no longer than the edits on each side of it (the longer of the deletion and
 * the insertion, on both sides) is turned into a deletion plus an insertion, and the blocks around it
 * merge. The common tokens at the edges of a merged block are then given back to the equalities, so
 * the result stays as small as the cleanup allows. On words the rule is stricter than on characters
 * (see `SemanticCleanupOptions`).
 *
 * Pure: no platform imports.
 */
import { mergeRuns, type Edit } from './sequence-diff.ts';

/** Weight of a run of tokens: its length in characters, on the old and on the new side. */
export interface RunWeights {
  oldRun(start: number, end: number): number;
  newRun(start: number, end: number): number;
}

export interface SemanticCleanupOptions {
  /**
   * An equality is absorbed only if it is at most this fraction of the longer edit on each side of it.
   * diff-match-patch uses 1 for characters; on words 1 also swallows real common phrases (« . Pour les
   * personnes exerçant les professions libérales » under a long insertion in R115-5, 2012 → 2015),
   * 0.5 keeps them while still absorbing the « des » and « , les » of a rewritten clause.
   */
  ratio?: number;
  /** And only if it has at most this many tokens: a phrase of several words is not a coincidence. */
  maxTokens?: number;
}

/**
 * Returns the cleaned edits (the input is not modified). `a` and `b` are the interned sequences the
 * edits were computed on: they are needed to give the common edges of a merged block back.
 */
export function cleanupSemantic(
  input: readonly Edit[],
  weights: RunWeights,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: SemanticCleanupOptions = {},
): Edit[] {
  const ratio = options.ratio ?? 0.5;
  const maxTokens = options.maxTokens ?? 3;
  const edits = input.map((edit) => ({ ...edit }));
  let changed = false;
  // Indices of the equalities seen so far, most recent last.
  const equalities: number[] = [];
  let lastEquality: number | null = null;
  let lastEqualityTokens = 0;
  // Lengths of the insertions and deletions before (1) and after (2) the last equality.
  let insertions1 = 0;
  let deletions1 = 0;
  let insertions2 = 0;
  let deletions2 = 0;
  let pointer = 0;
  while (pointer < edits.length) {
    const edit = edits[pointer]!;
    if (edit.op === 'equal') {
      equalities.push(pointer);
      insertions1 = insertions2;
      deletions1 = deletions2;
      insertions2 = 0;
      deletions2 = 0;
      lastEquality = weights.newRun(edit.newStart, edit.newEnd);
      lastEqualityTokens = edit.newEnd - edit.newStart;
    } else {
      if (edit.op === 'insert') insertions2 += weights.newRun(edit.newStart, edit.newEnd);
      else deletions2 += weights.oldRun(edit.oldStart, edit.oldEnd);
      if (
        lastEquality !== null &&
        lastEqualityTokens <= maxTokens &&
        lastEquality <= ratio * Math.max(insertions1, deletions1) &&
        lastEquality <= ratio * Math.max(insertions2, deletions2)
      ) {
        const index = equalities[equalities.length - 1]!;
        const equality = edits[index]!;
        edits.splice(
          index,
          1,
          { op: 'delete', oldStart: equality.oldStart, oldEnd: equality.oldEnd, newStart: equality.newStart, newEnd: equality.newStart },
          { op: 'insert', oldStart: equality.oldEnd, oldEnd: equality.oldEnd, newStart: equality.newStart, newEnd: equality.newEnd },
        );
        // Throw away this equality and the one before it: the one before may now be surrounded by
        // longer edits, so scanning resumes from it.
        equalities.pop();
        equalities.pop();
        pointer = equalities.length > 0 ? equalities[equalities.length - 1]! : -1;
        insertions1 = 0;
        deletions1 = 0;
        insertions2 = 0;
        deletions2 = 0;
        lastEquality = null;
        changed = true;
      }
    }
    pointer++;
  }
  if (!changed) return edits;
  return factorEdges(mergeRuns(edits), a, b);
}

/** Gives the common first and last items of each delete+insert block back to the equalities around it. */
function factorEdges(edits: readonly Edit[], a: ArrayLike<number>, b: ArrayLike<number>): Edit[] {
  const out: Edit[] = [];
  for (let i = 0; i < edits.length; i++) {
    const del = edits[i]!;
    const ins = edits[i + 1];
    if (del.op !== 'delete' || ins?.op !== 'insert') {
      out.push(del);
      continue;
    }
    i++;
    let oldStart = del.oldStart;
    let oldEnd = del.oldEnd;
    let newStart = ins.newStart;
    let newEnd = ins.newEnd;
    let prefix = 0;
    while (oldStart + prefix < oldEnd && newStart + prefix < newEnd && a[oldStart + prefix] === b[newStart + prefix]) prefix++;
    if (prefix > 0) out.push({ op: 'equal', oldStart, oldEnd: oldStart + prefix, newStart, newEnd: newStart + prefix });
    oldStart += prefix;
    newStart += prefix;
    let suffix = 0;
    while (oldEnd - suffix > oldStart && newEnd - suffix > newStart && a[oldEnd - suffix - 1] === b[newEnd - suffix - 1]) suffix++;
    oldEnd -= suffix;
    newEnd -= suffix;
    if (oldEnd > oldStart) out.push({ op: 'delete', oldStart, oldEnd, newStart, newEnd: newStart });
    if (newEnd > newStart) out.push({ op: 'insert', oldStart: oldEnd, oldEnd, newStart, newEnd });
    if (suffix > 0) out.push({ op: 'equal', oldStart: oldEnd, oldEnd: oldEnd + suffix, newStart: newEnd, newEnd: newEnd + suffix });
  }
  return mergeRuns(out);
}
