/**
 * The text of a paragraph in a comparison: unchanged runs as plain text, deletions in `<del>` and
 * insertions in `<ins>` (struck through / underlined, with [−…] / [+…] markers drawn by the CSS,
 * so that colour is never the only signal). The stop the navigator is on is outlined. The user's
 * highlights, if given (`segmentHighlights`: each on the side of its version), are drawn inside.
 */
import type { ReactNode } from 'react';
import type { Segment } from '../../../corpus/diff/index.ts';
import type { RolePalette } from '../../../corpus/annotations/roles.ts';
import { AnnotatedRuns } from '../annotations/AnnotatedRuns.tsx';
import type { HighlightPiece } from '../annotations/highlight-runs.ts';

export interface SegmentMarks {
  /** Per segment, the highlight pieces over its text. */
  pieces: readonly (readonly HighlightPiece[])[];
  palette: RolePalette;
}

export function Segments({
  segments,
  current,
  marks,
}: {
  segments: readonly Segment[];
  current: number;
  marks?: SegmentMarks | undefined;
}) {
  const text = (index: number): ReactNode => {
    const segment = segments[index]!;
    const pieces = marks?.pieces[index];
    return pieces && pieces.length > 0 ? (
      <AnnotatedRuns text={segment.text} references={[]} pieces={pieces} palette={marks.palette} />
    ) : (
      segment.text
    );
  };
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === 'equal') return marks?.pieces[index]?.length ? <span key={index}>{text(index)}</span> : segment.text;
        const isCurrent = segment.change === current;
        const className = isCurrent ? 'change current' : 'change';
        return segment.kind === 'deleted' ? (
          <del key={index} className={className} data-change={segment.change}>
            {text(index)}
          </del>
        ) : (
          <ins key={index} className={className} data-change={segment.change}>
            {text(index)}
          </ins>
        );
      })}
    </>
  );
}
