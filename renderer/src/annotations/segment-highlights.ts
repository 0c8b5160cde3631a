/**
 * The highlights over the segments of a compared paragraph (`corpus/diff`: equal, deleted and
 * inserted runs). A segment's text is in the old version (equal, deleted), in the new one (equal,
 * inserted) or both; a highlight is placed on the side of its version: the old version's pieces
 * over the old text, the new version's over the new text. Where the text is in both (an equal
 * segment of the redline), an annotation placed on the new text is shown there once, and one
 * placed only on the old text (the new one lost it) still shows; an annotation's number follows
 * its new placing only.
 *
 * Pure: the comparison view and its print render the pieces with `paragraphRuns`.
 */
import type { Segment } from '../../../corpus/diff/index.ts';
import type { HighlightPiece } from './highlight-runs.ts';

export interface SidePieces {
  /** The old version's pieces over this paragraph (offsets in the old paragraph's text). */
  old?: readonly HighlightPiece[] | undefined;
  /** The new version's pieces over this paragraph (offsets in the new paragraph's text). */
  new?: readonly HighlightPiece[] | undefined;
}

/** Pieces over [from, to) of a side, moved to the segment's own offsets. */
function clip(pieces: readonly HighlightPiece[] | undefined, from: number, to: number): HighlightPiece[] {
  const clipped: HighlightPiece[] = [];
  for (const piece of pieces ?? []) {
    const start = Math.max(piece.start, from);
    const end = Math.min(piece.end, to);
    if (end <= start) continue;
    // The number follows the piece's end: only where that end falls inside this segment.
    clipped.push({ ...piece, start: start - from, end: end - from, last: piece.last && piece.end <= to });
  }
  return clipped;
}

/** For each segment, the highlight pieces over its text, in offsets of the segment's text. */
export function segmentHighlights(segments: readonly Segment[], sides: SidePieces): HighlightPiece[][] {
  const onNew = new Set((sides.new ?? []).map((piece) => piece.annotationId));
  let oldAt = 0;
  let newAt = 0;
  return segments.map((segment) => {
    const length = segment.text.length;
    const pieces: HighlightPiece[] = [];
    if (segment.kind !== 'inserted') {
      const old = clip(sides.old, oldAt, oldAt + length);
      // Where the new text has the annotation too, its number goes after the new placing only.
      if (segment.kind === 'equal') pieces.push(...old.filter((piece) => !onNew.has(piece.annotationId)));
      else pieces.push(...old.map((piece) => (onNew.has(piece.annotationId) ? { ...piece, last: false } : piece)));
      oldAt += length;
    }
    if (segment.kind !== 'deleted') {
      pieces.push(...clip(sides.new, newAt, newAt + length));
      newAt += length;
    }
    return pieces;
  });
}
