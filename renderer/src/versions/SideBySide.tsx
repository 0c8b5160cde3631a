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
import { revealStop } from './reveal-stop.ts';
import { Segments } from './Segments.tsx';
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
}

const rowChars = (row: ComparisonRow | undefined) =>
  Math.max(...[row?.old, row?.new].map((side) => (side ?? []).reduce((n, s) => n + s.text.length, 0)));

export const SideBySide = forwardRef<ComparisonBodyHandle, Props>(function SideBySide({ comparison, current, oldLabel, newLabel }, ref) {
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
              <Cell side={row.old} label={oldLabel} kind={row.kind} current={current} />
              <Cell side={row.new} label={newLabel} kind={row.kind} current={current} />
            </div>
          );
        })}
      </div>
    </div>
  );
});

function Cell({ side, label, kind, current }: { side: ComparisonRow['old']; label: string; kind: ComparisonRow['kind']; current: number }) {
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
        <Segments segments={side} current={current} />
      </p>
    </div>
  );
}
