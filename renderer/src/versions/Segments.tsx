/**
 * The text of a paragraph in a comparison: unchanged runs as plain text, deletions in `<del>` and
 * insertions in `<ins>` (struck through / underlined, with [−…] / [+…] markers drawn by the CSS,
 * so that colour is never the only signal). The stop the navigator is on is outlined.
 */
import type { Segment } from '../../../corpus/diff/index.ts';

export function Segments({ segments, current }: { segments: readonly Segment[]; current: number }) {
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === 'equal') return segment.text;
        const isCurrent = segment.change === current;
        const className = isCurrent ? 'change current' : 'change';
        return segment.kind === 'deleted' ? (
          <del key={index} className={className} data-change={segment.change}>
            {segment.text}
          </del>
        ) : (
          <ins key={index} className={className} data-change={segment.change}>
            {segment.text}
          </ins>
        );
      })}
    </>
  );
}
