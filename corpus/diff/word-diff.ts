/**
 * Word diff of two texts of legal French: which runs of text are unchanged, deleted or inserted.
 *
 * Only the words, numbers, references, markers and punctuation are compared (see `tokenize.ts`), then
 * the minimal diff is cleaned up so that rewritten clauses read as one deletion and one insertion (see
 * `semantic-cleanup.ts`). Whitespace is then put back between the runs: a difference that is only
 * whitespace is never a change, it stays inside an equal run that records both spellings.
 *
 * Pure: no platform imports.
 */
import { cleanupSemantic } from './semantic-cleanup.ts';
import { diffSequences, type Edit } from './sequence-diff.ts';
import { tokenizeLegalFrench, tokenKey, type Token } from './tokenize.ts';

export type ChangeOp = 'equal' | 'delete' | 'insert';

/**
 * One run of the diff. Joining the `equal` and `delete` runs (with `oldText` for equal runs that have
 * one) gives the old text; joining the `equal` and `insert` runs gives the new text.
 */
export interface Change {
  op: ChangeOp;
  /** The text of the run: as in the new text for `equal` and `insert`, as in the old one for `delete`. */
  text: string;
  /**
   * Only on `equal` runs whose old spelling differs from the new one by whitespace or by typography
   * the diff ignores (’ and ', hyphen and dashes): the old spelling.
   */
  oldText?: string;
}

export interface WordDiffOptions {
  /** Time budget of the minimal diff, in milliseconds (default 1000); see `diffSequences`. */
  timeoutMs?: number;
  /** Turn the semantic cleanup off (to measure it, or to get the strictly minimal diff). Default true. */
  semanticCleanup?: boolean;
}

export interface WordDiff {
  changes: Change[];
  /** Number of words (non-space tokens) deleted and inserted. */
  deletedTokens: number;
  insertedTokens: number;
  timedOut: boolean;
}

/** Word diff of two texts: equal, delete and insert runs with their text (see `Change`). */
export function diffWords(oldText: string, newText: string, options: WordDiffOptions = {}): Change[] {
  return diffWordsDetailed(oldText, newText, options).changes;
}

/** `diffWords` with the counts of deleted and inserted words and whether the time budget ran out. */
export function diffWordsDetailed(oldText: string, newText: string, options: WordDiffOptions = {}): WordDiff {
  const interner = new Map<string, number>();
  return diffPrepared(prepareText(oldText, interner), prepareText(newText, interner), options);
}

/**
 * The word diff of two texts prepared with the same interner. `alignParagraphs` prepares every
 * paragraph once and uses the result both to compare paragraphs and to diff the modified ones.
 */
export function diffPrepared(oldSide: PreparedText, newSide: PreparedText, options: WordDiffOptions = {}): WordDiff {
  const diff = diffSequences(oldSide.ids, newSide.ids, { timeoutMs: options.timeoutMs ?? 1000 });
  let edits = diff.edits;
  if (options.semanticCleanup !== false) {
    edits = cleanupSemantic(
      edits,
      { oldRun: (start, end) => oldSide.weight(start, end), newRun: (start, end) => newSide.weight(start, end) },
      oldSide.ids,
      newSide.ids,
    );
  }
  let deletedTokens = 0;
  let insertedTokens = 0;
  for (const edit of edits) {
    if (edit.op === 'delete') deletedTokens += edit.oldEnd - edit.oldStart;
    if (edit.op === 'insert') insertedTokens += edit.newEnd - edit.newStart;
  }
  return { changes: assemble(edits, oldSide, newSide), deletedTokens, insertedTokens, timedOut: diff.timedOut };
}

/**
 * A text as the diff sees it: its non-space tokens (interned to integers: equal ids, equal keys) and
 * the whitespace gaps around them: `gaps[i]` is the whitespace before token i, `gaps[n]` the
 * whitespace after the last one.
 */
export interface PreparedText {
  text: string;
  tokens: Token[];
  ids: Int32Array;
  gaps: string[];
  /** Length in characters of the keys of tokens [start, end). */
  weight(start: number, end: number): number;
}

/** Tokenizes and interns a text; texts diffed together must share the interner. */
export function prepareText(text: string, interner: Map<string, number>): PreparedText {
  const tokens: Token[] = [];
  const gaps: string[] = [''];
  for (const token of tokenizeLegalFrench(text)) {
    if (token.kind === 'space') gaps[gaps.length - 1] += token.text;
    else {
      tokens.push(token);
      gaps.push('');
    }
  }
  const ids = new Int32Array(tokens.length);
  // Prefix sums of key lengths, so the weight of any run is one subtraction.
  const lengths = new Float64Array(tokens.length + 1);
  tokens.forEach((token, i) => {
    const key = tokenKey(token);
    let id = interner.get(key);
    if (id === undefined) {
      id = interner.size;
      interner.set(key, id);
    }
    ids[i] = id;
    lengths[i + 1] = lengths[i]! + key.length;
  });
  return { text, tokens, ids, gaps, weight: (start, end) => lengths[end]! - lengths[start]! };
}

/** The source text from the start of token `start` to the end of token `end - 1`. */
function sourceText(side: PreparedText, start: number, end: number): string {
  return start >= end ? '' : side.text.slice(side.tokens[start]!.start, side.tokens[end - 1]!.end);
}

interface Piece {
  op: ChangeOp;
  old: string;
  new: string;
}

/**
 * Turns token edits back into text runs, placing every whitespace gap so that both texts are rebuilt
 * exactly and the edits look natural: a gap between two kept tokens is equal; at the edge of an edit
 * the gap stays equal when both sides have whitespace there, and otherwise moves into the edit; a pure
 * deletion (insertion) takes one of the two gaps around it, preferably the one the other side lacks.
 */
function assemble(edits: readonly Edit[], oldSide: PreparedText, newSide: PreparedText): Change[] {
  const pieces: Piece[] = [];
  const equal = (o: string, n: string): void => void pieces.push({ op: 'equal', old: o, new: n });
  const del = (o: string): void => void pieces.push({ op: 'delete', old: o, new: '' });
  const ins = (n: string): void => void pieces.push({ op: 'insert', old: '', new: n });

  // Walk the blocks between equal runs; `p`/`q` are the token positions where the block starts.
  let p = 0;
  let q = 0;
  let i = 0;
  const emitBlock = (pEnd: number, qEnd: number, hasPrev: boolean, hasNext: boolean): void => {
    const g0 = oldSide.gaps[p]!;
    const gk = oldSide.gaps[pEnd]!;
    const h0 = newSide.gaps[q]!;
    const hm = newSide.gaps[qEnd]!;
    const deleted = sourceText(oldSide, p, pEnd);
    const inserted = sourceText(newSide, q, qEnd);
    if (!deleted && !inserted) {
      equal(g0, h0);
    } else if (deleted && inserted) {
      const leadEqual = !g0 === !h0;
      const tailEqual = !gk === !hm;
      if (leadEqual) equal(g0, h0);
      del((leadEqual ? '' : g0) + deleted + (tailEqual ? '' : gk));
      ins((leadEqual ? '' : h0) + inserted + (tailEqual ? '' : hm));
      if (tailEqual) equal(gk, hm);
    } else if (deleted) {
      // The new text has one gap (h0) where the old has two (g0 and gk): keep the one that matches.
      if (keepFirstGap(g0, gk, h0, hasPrev, hasNext)) {
        equal(g0, h0);
        del(deleted + gk);
      } else {
        del(g0 + deleted);
        equal(gk, h0);
      }
    } else if (keepFirstGap(h0, hm, g0, hasPrev, hasNext)) {
      equal(g0, h0);
      ins(inserted + hm);
    } else {
      ins(h0 + inserted);
      equal(g0, hm);
    }
  };

  while (i <= edits.length) {
    // Gather one block of non-equal edits (possibly empty) followed by an equal run (or the end).
    let pEnd = p;
    let qEnd = q;
    while (i < edits.length && edits[i]!.op !== 'equal') {
      pEnd = Math.max(pEnd, edits[i]!.oldEnd);
      qEnd = Math.max(qEnd, edits[i]!.newEnd);
      i++;
    }
    const equalRun = edits[i];
    emitBlock(pEnd, qEnd, p > 0 || q > 0, equalRun !== undefined);
    if (!equalRun) break;
    // The equal run: its tokens with the gaps between them (its edge gaps belong to the blocks).
    equal(sourceText(oldSide, equalRun.oldStart, equalRun.oldEnd), sourceText(newSide, equalRun.newStart, equalRun.newEnd));
    p = equalRun.oldEnd;
    q = equalRun.newEnd;
    i++;
  }
  return toChanges(pieces);
}

/**
 * For a pure deletion (or insertion) whose side has gaps `first` and `last` around it where the other
 * side has the single gap `other`: whether to keep `first` as the equal gap (and give `last` to the edit).
 */
function keepFirstGap(first: string, last: string, other: string, hasPrev: boolean, hasNext: boolean): boolean {
  const firstMatches = !first === !other;
  const lastMatches = !last === !other;
  if (firstMatches !== lastMatches) return firstMatches;
  // Both or neither match: at the very end of the text keep the last gap, elsewhere the first one.
  return !(hasPrev && !hasNext);
}

function toChanges(pieces: readonly Piece[]): Change[] {
  const changes: Change[] = [];
  let oldEqual = '';
  let newEqual = '';
  const flushEqual = (): void => {
    if (!oldEqual && !newEqual) return;
    changes.push(oldEqual === newEqual ? { op: 'equal', text: newEqual } : { op: 'equal', text: newEqual, oldText: oldEqual });
    oldEqual = '';
    newEqual = '';
  };
  for (const piece of pieces) {
    if (piece.op === 'equal') {
      oldEqual += piece.old;
      newEqual += piece.new;
      continue;
    }
    const text = piece.op === 'delete' ? piece.old : piece.new;
    if (!text) continue;
    flushEqual();
    const last = changes[changes.length - 1];
    if (last?.op === piece.op) last.text += text;
    else changes.push({ op: piece.op, text });
  }
  flushEqual();
  return changes;
}

/** Number of changes: runs of deletions and/or insertions between two unchanged runs. */
export function countChanges(changes: readonly Change[]): number {
  let count = 0;
  let inChange = false;
  for (const change of changes) {
    if (change.op === 'equal') inChange = false;
    else if (!inChange) {
      count++;
      inChange = true;
    }
  }
  return count;
}
