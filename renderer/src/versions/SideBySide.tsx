/** The column headings, shown by the comparison's sticky toolbar. */
export function SideBySideHead({ oldLabel, newLabel }: { oldLabel: string; newLabel: string }) {
  return (
    <div className="sbs-head" aria-hidden="true">
      <div className="sbs-cell">{oldLabel}</div>
      <div className="sbs-cell">{newLabel}</div>
    </div>
  );
}

/**
 * Two versions side by side: one row per aligned pair of paragraphs, the old version on the left,
 * the new on the right; an inserted or removed paragraph leaves a gap opposite it. Both columns are
 * in the same rows of one list, so they scroll together and stay aligned whatever the heights.
 * Rows are virtualised.
 */
import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { Comparison, ComparisonRow } from '../../../corpus/diff/index.ts';
import type { RolePalette } from '../../../corpus/annotations/roles.ts';
import type { ComparisonHighlights } from '../annotations/anchored.ts';
import { segmentHighlights, type SidePieces } from '../annotations/segment-highlights.ts';
import { revealStop } from './reveal-stop.ts';
import { Segments, type SegmentMarks } from './Segments.tsx';
import { useVirtualRows } from './use-virtual-rows.ts';

export interface ComparisonBodyHandle {
  /** Brings the rows of a change stop into view. */
  showStop(stop: number): void;
}

interface Props {
  comparison: Comparison;
  current: number;
  oldLabel: string;
  newLabel: string;
  /** The user's highlights, each column with those placed on its version. */
  highlights?: (ComparisonHighlights & { palette: RolePalette }) | undefined;
}

const rowChars = (row: ComparisonRow | undefined) =>
  Math.max(...[row?.old, row?.new].map((side) => (side ?? []).reduce((n, s) => n + s.text.length, 0)));

export const SideBySide = forwardRef<ComparisonBodyHandle, Props>(function SideBySide(
  { comparison, current, oldLabel, newLabel, highlights },
  ref,
) {
  const listRef = useRef<HTMLDivElement>(null);
  const { rows } = comparison;
  const virtualizer = useVirtualRows(listRef, rows.length, (i) => rowChars(rows[i]), 55);
  useImperativeHandle(
    ref,
    () => ({
      showStop(stop) {
        const change = comparison.changes[stop];
        if (change)
          revealStop(listRef.current, stop, () => virtualizer.scrollToIndex(change.row, { align: 'center' }), change.kind === 'paragraphs');
      },
    }),
    [comparison, virtualizer],
  );

  return (
    <div
      className="compare-body side-by-side"
      role="region"
      aria-label={`Comparaison côte à côte : ${oldLabel} à gauche, ${newLabel} à droite`}
    >
      <div ref={listRef} className="virtual-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const isCurrent = row.changes.includes(current);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={`virtual-row sbs-row row-${row.kind}${isCurrent ? ' row-current' : ''}`}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <Cell
                side={row.old}
                label={oldLabel}
                kind={row.kind}
                current={current}
                marks={marksOf(row.old, { old: row.oldIndex === undefined ? undefined : highlights?.old.get(row.oldIndex) }, highlights)}
              />
              <Cell
                side={row.new}
                label={newLabel}
                kind={row.kind}
                current={current}
                marks={marksOf(row.new, { new: row.newIndex === undefined ? undefined : highlights?.new.get(row.newIndex) }, highlights)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});

/** The highlights over a column's segments, or nothing when the paragraph has none. */
export function marksOf(
  segments: ComparisonRow['old'],
  sides: SidePieces,
  highlights: { palette: RolePalette } | undefined,
): SegmentMarks | undefined {
  if (!segments || !highlights || !(sides.old?.length || sides.new?.length)) return undefined;
  return { pieces: segmentHighlights(segments, sides), palette: highlights.palette };
}

function Cell({
  side,
  label,
  kind,
  current,
  marks,
}: {
  side: ComparisonRow['old'];
  label: string;
  kind: ComparisonRow['kind'];
  current: number;
  marks: SegmentMarks | undefined;
}) {
  if (!side) {
    return (
      <div className="sbs-cell gap">
        <span className="visually-hidden">{`Paragraphe absent de la ${label.toLowerCase()}`}</span>
      </div>
    );
  }
  return (
    <div className={`sbs-cell${kind === 'removed' ? ' whole-removed' : kind === 'inserted' ? ' whole-inserted' : ''}`}>
      <p>
        <Segments segments={side} current={current} marks={marks} />
      </p>
    </div>
  );
}
