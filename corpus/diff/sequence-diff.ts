/**
 * Minimal diff of two sequences of small non-negative integers (interned tokens or paragraphs):
 * Myers' O(ND) algorithm in its linear-space form (the « middle snake » bisection, as diff-match-patch
 * writes it), after setting aside the items found on one side only and trimming the common prefix
 * and suffix.
 *
 * Written here rather than taken from jsdiff because the engine needs three things at once: integer
 * sequences (tokens are interned, so comparing two is one `===`), linear memory on the longest
 * articles, and a deadline that degrades gracefully: when the time is up, the part still being split
 * becomes one deletion plus one insertion, which is still a correct diff (see `diffSequences`).
 *
 * Pure: no platform imports.
 */

export type EditOp = 'equal' | 'delete' | 'insert';

/** A run of one operation over [oldStart, oldEnd) of the old sequence and [newStart, newEnd) of the new. */
export interface Edit {
  op: EditOp;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

export interface SequenceDiffOptions {
  /** Time budget in milliseconds; past it, the remaining parts are not split further. Default 1000. */
  timeoutMs?: number;
}

export interface SequenceDiff {
  edits: Edit[];
  /** True when the deadline was reached: the result is correct but may not be minimal. */
  timedOut: boolean;
}

type Seq = ArrayLike<number>;

/**
 * Diffs two integer sequences. The edits cover both sequences in order, each run with its ranges;
 * consecutive runs never have the same operation and a deletion comes before the insertion it faces.
 */
export function diffSequences(a: Seq, b: Seq, options: SequenceDiffOptions = {}): SequenceDiff {
  const deadline = Date.now() + (options.timeoutMs ?? 1000);
  const aKept = keptIndices(a, b);
  const bKept = keptIndices(b, a);
  if (aKept.length === a.length && bKept.length === b.length) {
    const state: DiffState = { a, b, deadline, timedOut: false, edits: [] };
    diffRange(state, 0, a.length, 0, b.length);
    return { edits: mergeRuns(state.edits), timedOut: state.timedOut };
  }
  // Items that occur on one side only can never be kept: diff without them (the cost of Myers grows
  // with the length times the number of edits, and both shrink), then put them back as edits. The
  // longest common subsequence is the same, so the result is still minimal.
  const aSub = new Int32Array(aKept.length);
  aKept.forEach((i, k) => (aSub[k] = a[i]!));
  const bSub = new Int32Array(bKept.length);
  bKept.forEach((j, k) => (bSub[k] = b[j]!));
  const state: DiffState = { a: aSub, b: bSub, deadline, timedOut: false, edits: [] };
  diffRange(state, 0, aSub.length, 0, bSub.length);
  // Back to the original indices: kept items that stay adjacent on both sides form one equal run;
  // whatever lies between two runs is deleted and inserted.
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  for (const edit of state.edits) {
    if (edit.op !== 'equal') continue;
    let k = edit.oldStart;
    while (k < edit.oldEnd) {
      const runOld = aKept[k]!;
      const runNew = bKept[edit.newStart + (k - edit.oldStart)]!;
      let length = 1;
      while (
        k + length < edit.oldEnd &&
        aKept[k + length] === runOld + length &&
        bKept[edit.newStart + (k - edit.oldStart) + length] === runNew + length
      ) {
        length++;
      }
      if (i < runOld) edits.push({ op: 'delete', oldStart: i, oldEnd: runOld, newStart: j, newEnd: j });
      if (j < runNew) edits.push({ op: 'insert', oldStart: runOld, oldEnd: runOld, newStart: j, newEnd: runNew });
      edits.push({ op: 'equal', oldStart: runOld, oldEnd: runOld + length, newStart: runNew, newEnd: runNew + length });
      i = runOld + length;
      j = runNew + length;
      k += length;
    }
  }
  if (i < a.length) edits.push({ op: 'delete', oldStart: i, oldEnd: a.length, newStart: j, newEnd: j });
  if (j < b.length) edits.push({ op: 'insert', oldStart: a.length, oldEnd: a.length, newStart: j, newEnd: b.length });
  return { edits: mergeRuns(edits), timedOut: state.timedOut };
}

/** Indices of the items of `a` that also occur in `b` (items are small non-negative integers). */
function keptIndices(a: Seq, b: Seq): number[] {
  let max = 0;
  for (let i = 0; i < b.length; i++) max = Math.max(max, b[i]!);
  const present = new Uint8Array(max + 1);
  for (let i = 0; i < b.length; i++) present[b[i]!] = 1;
  const kept: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i]! <= max && present[a[i]!] === 1) kept.push(i);
  return kept;
}

interface DiffState {
  a: Seq;
  b: Seq;
  deadline: number;
  timedOut: boolean;
  edits: Edit[];
}

function push(state: DiffState, op: EditOp, oldStart: number, oldEnd: number, newStart: number, newEnd: number): void {
  if (oldStart === oldEnd && newStart === newEnd) return;
  state.edits.push({ op, oldStart, oldEnd, newStart, newEnd });
}

function diffRange(state: DiffState, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const { a, b } = state;
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  push(state, 'equal', aLo, aLo + prefix, bLo, bLo + prefix);
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  const aMid = aHi - suffix;
  const bMid = bHi - suffix;
  if (aLo === aMid) push(state, 'insert', aLo, aLo, bLo, bMid);
  else if (bLo === bMid) push(state, 'delete', aLo, aMid, bLo, bLo);
  else bisect(state, aLo, aMid, bLo, bMid);
  push(state, 'equal', aMid, aHi, bMid, bHi);
}

/**
 * Finds the middle snake of the shortest edit script between a[aLo, aHi) and b[bLo, bHi) by running
 * Myers forward and backward at once, then diffs both halves. Both ranges are non-empty and differ at
 * both ends (the caller trimmed them).
 */
function bisect(state: DiffState, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const { a, b } = state;
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const vOffset = maxD;
  const vLength = 2 * maxD + 2;
  const v1 = new Int32Array(vLength).fill(-1);
  const v2 = new Int32Array(vLength).fill(-1);
  v1[vOffset + 1] = 0;
  v2[vOffset + 1] = 0;
  const delta = n - m;
  // With an odd delta the forward path meets the reverse one; with an even delta, the reverse meets the forward.
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    if ((d & 15) === 0 && Date.now() > state.deadline) {
      state.timedOut = true;
      break;
    }
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = vOffset + k1;
      let x1 = k1 === -d || (k1 !== d && v1[k1Offset - 1]! < v1[k1Offset + 1]!) ? v1[k1Offset + 1]! : v1[k1Offset - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[k1Offset] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2Offset = vOffset + delta - k1;
        if (k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] !== -1) {
          const x2 = n - v2[k2Offset]!;
          if (x1 >= x2) return split(state, aLo, aHi, bLo, bHi, x1, y1);
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = vOffset + k2;
      let x2 = k2 === -d || (k2 !== d && v2[k2Offset - 1]! < v2[k2Offset + 1]!) ? v2[k2Offset + 1]! : v2[k2Offset - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      v2[k2Offset] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1Offset = vOffset + delta - k2;
        if (k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] !== -1) {
          const x1 = v1[k1Offset]!;
          const y1 = vOffset + x1 - k1Offset;
          if (x1 >= n - x2) return split(state, aLo, aHi, bLo, bHi, x1, y1);
        }
      }
    }
  }
  // Out of time (or no overlap, which cannot happen for non-empty ranges): replace the whole part.
  push(state, 'delete', aLo, aHi, bLo, bLo);
  push(state, 'insert', aHi, aHi, bLo, bHi);
}

function split(state: DiffState, aLo: number, aHi: number, bLo: number, bHi: number, x: number, y: number): void {
  diffRange(state, aLo, aLo + x, bLo, bLo + y);
  diffRange(state, aLo + x, aHi, bLo + y, bHi);
}

/**
 * Merges consecutive runs: equal runs join, and between two equal runs every deletion becomes one
 * deletion and every insertion one insertion (deletion first). Within such a block the deleted old
 * items are contiguous, and so are the inserted new ones, so each merged run is one range.
 */
export function mergeRuns(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  let i = 0;
  while (i < edits.length) {
    const edit = edits[i]!;
    if (edit.op === 'equal') {
      const last = out[out.length - 1];
      if (last?.op === 'equal') {
        last.oldEnd = edit.oldEnd;
        last.newEnd = edit.newEnd;
      } else out.push({ ...edit });
      i++;
      continue;
    }
    const oldStart = edit.oldStart;
    const newStart = edit.newStart;
    let oldEnd = oldStart;
    let newEnd = newStart;
    while (i < edits.length && edits[i]!.op !== 'equal') {
      oldEnd = Math.max(oldEnd, edits[i]!.oldEnd);
      newEnd = Math.max(newEnd, edits[i]!.newEnd);
      i++;
    }
    if (oldEnd > oldStart) out.push({ op: 'delete', oldStart, oldEnd, newStart, newEnd: newStart });
    if (newEnd > newStart) out.push({ op: 'insert', oldStart: oldEnd, oldEnd, newStart, newEnd });
  }
  return out;
}
