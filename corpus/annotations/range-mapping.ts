/**
 * Mapping a range of one version's text onto another version of the same article, through the
 * project's word diff: the paragraphs are aligned as the comparison view aligns them
 * (`alignParagraphs`), and inside a modified paragraph the range is carried through the word diff
 * of that paragraph (the same runs the side-by-side view and the redline show).
 *
 * The result is one of:
 * - `unchanged`: every word of the range is in an unchanged run and nothing was inserted between
 *   them: the same words, at their new place;
 * - `changed`: some words of the range were deleted, replaced or had words inserted among them, and
 *   at least something of the range has a place in the new text: the new range covers the kept words
 *   and what replaced words of the range (see the edge rules below);
 * - `gone`: nothing of the range has a place in the new text.
 *
 * Edge rules, so that a changed range never takes in words that replaced something outside it:
 * - a replacement inside the range (kept words on both sides of it) is part of the new range;
 * - a replacement at an edge is part of it only if its deleted words are all inside the range and it
 *   is not much longer than they were (`EDGE_GROWTH`): « Les » → « Sont exclues de l'assiette … les »
 *   at the start of a passage is words added before it, and is left out;
 * - a replacement whose deleted words straddle an edge is left out at that edge, and so is an
 *   insertion exactly at an edge;
 * - a range that is exactly the deleted words of one replacement is carried to what replaced them
 *   (« 25 % » → « 18 % »): there the place is certain, and the status says the words changed.
 *
 * Pure: no platform imports.
 */
import { alignParagraphs, type Row } from '../diff/align-paragraphs.ts';
import { tokenizeLegalFrench } from '../diff/tokenize.ts';
import type { Change } from '../diff/word-diff.ts';
import type { ArticleText } from './article-text.ts';

export type MappedRange =
  | {
      kind: 'unchanged' | 'changed';
      /** Offsets [start, end) in the new version's text. */
      start: number;
      end: number;
      /** Share of the range's characters (outside whitespace) that are in unchanged runs, 0 to 1. */
      kept: number;
    }
  | { kind: 'gone' };

interface Segment {
  op: 'equal' | 'delete' | 'insert';
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  /** Index of the block of changes a delete or insert run belongs to. */
  block: number;
  /** For an equal run whose old spelling differs (whitespace, apostrophes): token boundaries old → new. */
  boundaries?: Map<number, number>;
}

interface Block {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  /** The block's deleted / inserted words without the whitespace at their edges. */
  oldContentStart: number;
  oldContentEnd: number;
  newContentStart: number;
  newContentEnd: number;
}

interface PieceMapping {
  kind: 'unchanged' | 'changed' | 'gone';
  start: number;
  end: number;
  keptChars: number;
  totalChars: number;
}

const SPACE = /\s/;
/** A replacement at an edge of a range is taken in if at most this many times as long as what it replaced, plus the slack (characters). */
const EDGE_GROWTH = 2;
const EDGE_SLACK = 8;

function nonSpaceCount(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (!SPACE.test(text[i]!)) count++;
  return count;
}

/**
 * The token boundaries of two spellings of the same words (the diff compares them equal): each old
 * token start and end → the new one. `undefined` if the two do not tokenize to the same count, which
 * only a tokenizer rule that depends on the surrounding text could cause.
 */
function tokenBoundaries(oldText: string, newText: string, oldBase: number, newBase: number): Map<number, number> | undefined {
  const olds = tokenizeLegalFrench(oldText).filter((token) => token.kind !== 'space');
  const news = tokenizeLegalFrench(newText).filter((token) => token.kind !== 'space');
  if (olds.length !== news.length) return undefined;
  const map = new Map<number, number>([
    [oldBase, newBase],
    [oldBase + oldText.length, newBase + newText.length],
  ]);
  olds.forEach((token, i) => {
    map.set(oldBase + token.start, newBase + news[i]!.start);
    map.set(oldBase + token.end, newBase + news[i]!.end);
  });
  return map;
}

/** One paragraph of the old version and its counterpart in the new one, with the word diff between them. */
export class ParagraphMapping {
  private readonly segments: Segment[] = [];
  private readonly blocks: Block[] = [];

  /** `changes` absent: the two paragraphs have the same words (an equal row of the alignment). */
  constructor(
    readonly oldText: string,
    readonly newText: string,
    changes?: readonly Change[],
  ) {
    const runs: readonly Change[] =
      changes ?? (oldText === newText ? [{ op: 'equal', text: newText }] : [{ op: 'equal', text: newText, oldText }]);
    let p = 0;
    let q = 0;
    let block: Block | undefined;
    for (const run of runs) {
      if (run.op === 'equal') {
        block = undefined;
        const oldLength = (run.oldText ?? run.text).length;
        const segment: Segment = { op: 'equal', oldStart: p, oldEnd: p + oldLength, newStart: q, newEnd: q + run.text.length, block: -1 };
        if (run.oldText !== undefined && run.oldText !== run.text) {
          const boundaries = tokenBoundaries(run.oldText, run.text, p, q);
          // Unknown inner boundaries: treat the run as changed rather than guess where its words went.
          if (boundaries) segment.boundaries = boundaries;
          else segment.op = 'delete';
        }
        if (segment.op === 'equal') this.segments.push(segment);
        else this.pushChange(segment, (block = this.openBlock(block, p, q)), run.oldText ?? run.text, run.text);
        p += oldLength;
        q += run.text.length;
        continue;
      }
      block = this.openBlock(block, p, q);
      const length = run.text.length;
      if (run.op === 'delete') {
        this.pushChange({ op: 'delete', oldStart: p, oldEnd: p + length, newStart: q, newEnd: q, block: -1 }, block, run.text, '');
        p += length;
      } else {
        this.pushChange({ op: 'insert', oldStart: p, oldEnd: p, newStart: q, newEnd: q + length, block: -1 }, block, '', run.text);
        q += length;
      }
    }
    if (p !== oldText.length || q !== newText.length) throw new Error('word diff does not rebuild the two paragraphs');
  }

  private openBlock(block: Block | undefined, p: number, q: number): Block {
    if (block) return block;
    const opened: Block = {
      oldStart: p,
      oldEnd: p,
      newStart: q,
      newEnd: q,
      oldContentStart: Infinity,
      oldContentEnd: -Infinity,
      newContentStart: Infinity,
      newContentEnd: -Infinity,
    };
    this.blocks.push(opened);
    return opened;
  }

  /** Adds a delete or insert run (an unmappable equal run counts as a replacement) to its block. */
  private pushChange(segment: Segment, block: Block, oldRun: string, newRun: string): void {
    segment.block = this.blocks.length - 1;
    const changes: Segment[] =
      segment.op === 'delete' && newRun
        ? [
            { ...segment, newEnd: segment.newStart },
            {
              op: 'insert',
              oldStart: segment.oldEnd,
              oldEnd: segment.oldEnd,
              newStart: segment.newStart,
              newEnd: segment.newEnd,
              block: segment.block,
            },
          ]
        : [segment];
    this.segments.push(...changes);
    block.oldEnd = Math.max(block.oldEnd, segment.oldEnd);
    block.newEnd = Math.max(block.newEnd, segment.newEnd);
    const oldTrim = trimmed(oldRun);
    if (oldTrim) {
      block.oldContentStart = Math.min(block.oldContentStart, segment.oldStart + oldTrim.start);
      block.oldContentEnd = Math.max(block.oldContentEnd, segment.oldStart + oldTrim.end);
    }
    const newTrim = trimmed(newRun);
    if (newTrim) {
      block.newContentStart = Math.min(block.newContentStart, segment.newStart + newTrim.start);
      block.newContentEnd = Math.max(block.newContentEnd, segment.newStart + newTrim.end);
    }
  }

  /** Maps [start, end) of the old paragraph; `start` and `end` are token boundaries. */
  map(start: number, end: number): PieceMapping {
    const totalChars = nonSpaceCount(this.oldText, start, end);
    let changed = false;
    let keptChars = 0;
    let newStart = -1;
    let newEnd = -1;
    let startBlock: Block | undefined;
    let endBlock: Block | undefined;
    for (const segment of this.segments) {
      if (segment.op === 'insert') {
        // Inserted words strictly between two words of the range change it.
        if (segment.oldStart > start && segment.oldStart < end) changed = true;
        continue;
      }
      if (segment.oldEnd <= start || segment.oldStart >= end) continue;
      const from = Math.max(start, segment.oldStart);
      const to = Math.min(end, segment.oldEnd);
      if (segment.op === 'equal') {
        keptChars += nonSpaceCount(this.oldText, from, to);
        if (segment.oldStart <= start) newStart = this.mapEqual(segment, start);
        if (segment.oldEnd >= end) newEnd = this.mapEqual(segment, end);
        continue;
      }
      if (nonSpaceCount(this.oldText, from, to) === 0) continue;
      changed = true;
      const block = this.blocks[segment.block]!;
      if (segment.oldStart <= start && newStart < 0) {
        // The range starts among deleted words: their replacement is in only if the range holds all of them.
        newStart = start <= block.oldContentStart && this.fitsAtEdge(block) ? Math.min(block.newContentStart, block.newEnd) : block.newEnd;
        startBlock = block;
      }
      if (segment.oldEnd >= end) {
        newEnd = end >= block.oldContentEnd && this.fitsAtEdge(block) ? Math.max(block.newContentEnd, block.newStart) : block.newStart;
        endBlock = block;
      }
    }
    if (startBlock && startBlock === endBlock && start <= startBlock.oldContentStart && end >= startBlock.oldContentEnd) {
      // The range is exactly the deleted words of one replacement (« 25 % » → « 18 % »): its place is
      // certain, whatever the length of what replaced it.
      newStart = Math.min(startBlock.newContentStart, startBlock.newEnd);
      newEnd = Math.max(startBlock.newContentEnd, startBlock.newStart);
    }
    if (newStart < 0 || newEnd < 0) throw new Error(`range [${start}, ${end}) outside the paragraph`);
    while (newStart < newEnd && SPACE.test(this.newText[newStart]!)) newStart++;
    while (newEnd > newStart && SPACE.test(this.newText[newEnd - 1]!)) newEnd--;
    if (newEnd <= newStart) return { kind: 'gone', start: -1, end: -1, keptChars: 0, totalChars };
    return { kind: changed ? 'changed' : 'unchanged', start: newStart, end: newEnd, keptChars, totalChars };
  }

  /**
   * Whether a replacement at an edge of the range may be taken into it: only if it is not much
   * longer than what it replaced (« Les » → « Sont exclues de l'assiette … les » is words added
   * before the range, not a new spelling of its first word).
   */
  private fitsAtEdge(block: Block): boolean {
    if (block.newContentEnd <= block.newContentStart) return true;
    const deleted = nonSpaceCount(this.oldText, block.oldContentStart, block.oldContentEnd);
    const inserted = nonSpaceCount(this.newText, block.newContentStart, block.newContentEnd);
    return inserted <= EDGE_GROWTH * deleted + EDGE_SLACK;
  }

  private mapEqual(segment: Segment, offset: number): number {
    if (!segment.boundaries) return segment.newStart + (offset - segment.oldStart);
    const mapped = segment.boundaries.get(offset);
    if (mapped !== undefined) return mapped;
    // Not a token boundary (inside whitespace): the nearest boundary before it.
    let best = segment.oldStart;
    for (const key of segment.boundaries.keys()) if (key <= offset && key > best) best = key;
    return segment.boundaries.get(best)!;
  }
}

function trimmed(text: string): { start: number; end: number } | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/** The alignment of two versions of an article, made once and used for every annotation carried across. */
export class VersionMapping {
  readonly rows: readonly Row[];
  private readonly rowOfOld: number[] = [];
  private readonly paragraphMaps = new Map<number, ParagraphMapping>();

  constructor(
    readonly from: ArticleText,
    readonly to: ArticleText,
  ) {
    this.rows = alignParagraphs(from.paragraphs, to.paragraphs);
    this.rows.forEach((row, index) => {
      if (row.oldIndex !== undefined) this.rowOfOld[row.oldIndex] = index;
    });
  }

  /** Maps [start, end) of the old version's text (a range cut at word boundaries) onto the new version's text. */
  mapRange(start: number, end: number): MappedRange {
    let changed = false;
    let kept = 0;
    let total = 0;
    let first: { row: number; start: number } | undefined;
    let last: { row: number; end: number } | undefined;
    const pieces = this.from.pieces(start, end);
    pieces.forEach((piece, index) => {
      const tokens = trimmed(this.from.paragraphs[piece.paragraph]!.slice(piece.start, piece.end));
      if (!tokens) return;
      const rowIndex = this.rowOfOld[piece.paragraph]!;
      const row = this.rows[rowIndex]!;
      const mapped: PieceMapping =
        row.newIndex === undefined
          ? {
              kind: 'gone',
              start: -1,
              end: -1,
              keptChars: 0,
              totalChars: nonSpaceCount(this.from.paragraphs[piece.paragraph]!, piece.start, piece.end),
            }
          : this.paragraphMap(rowIndex, row).map(piece.start + tokens.start, piece.start + tokens.end);
      total += mapped.totalChars;
      kept += mapped.keptChars;
      if (mapped.kind !== 'unchanged') changed = true;
      if (mapped.kind === 'gone') return;
      const newParagraph = this.to.paragraphs[row.newIndex!]!;
      // A piece that goes on into the next paragraph holds the end of its paragraph, one that comes
      // from the previous paragraph its start: words added there are inside the range.
      if (index < pieces.length - 1 && newParagraph.slice(mapped.end).trim() !== '') changed = true;
      if (index > 0 && newParagraph.slice(0, mapped.start).trim() !== '') changed = true;
      const base = this.to.starts[row.newIndex!]!;
      first ??= { row: rowIndex, start: base + mapped.start };
      if (last && last.row !== rowIndex - 1) {
        // Rows between two pieces of the range: paragraphs inserted (or removed) inside it.
        for (let r = last.row + 1; r < rowIndex; r++)
          if (this.rows[r]!.kind !== 'equal' || this.rows[r]!.oldIndex === undefined) changed = true;
      }
      last = { row: rowIndex, end: base + mapped.end };
    });
    if (!first || !last || last.end <= first.start) return { kind: 'gone' };
    return { kind: changed ? 'changed' : 'unchanged', start: first.start, end: last.end, kept: total > 0 ? kept / total : 0 };
  }

  private paragraphMap(rowIndex: number, row: Row): ParagraphMapping {
    let map = this.paragraphMaps.get(rowIndex);
    if (!map) {
      map = new ParagraphMapping(
        this.from.paragraphs[row.oldIndex!]!,
        this.to.paragraphs[row.newIndex!]!,
        row.kind === 'modified' ? row.changes : undefined,
      );
      this.paragraphMaps.set(rowIndex, map);
    }
    return map;
  }
}
