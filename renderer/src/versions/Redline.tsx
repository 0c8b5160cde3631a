/**
 * The redline: one column, the new text with the deletions struck through and the insertions
 * underlined where they happened (in `paragraph` granularity, a changed paragraph is shown struck
 * whole, then inserted whole). Blocks are virtualised.
 */
import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { Comparison } from '../../../corpus/diff/index.ts';
import type { RolePalette } from '../../../corpus/annotations/roles.ts';
import type { ComparisonHighlights } from '../annotations/anchored.ts';
import { revealStop } from './reveal-stop.ts';
import { Segments } from './Segments.tsx';
import { marksOf, type ComparisonBodyHandle } from './SideBySide.tsx';
import { useVirtualRows } from './use-virtual-rows.ts';

export const Redline = forwardRef<
  ComparisonBodyHandle,
  {
    comparison: Comparison;
    current: number;
    label: string;
    /** The user's highlights: the old version's over the struck words, the new version's over the others. */
    highlights?: (ComparisonHighlights & { palette: RolePalette }) | undefined;
  }
>(function Redline({ comparison, current, label, highlights }, ref) {
  const listRef = useRef<HTMLDivElement>(null);
  const blocks = comparison.redline;
  const virtualizer = useVirtualRows(
    listRef,
    blocks.length,
    (i) => (blocks[i]?.segments ?? []).reduce((n, s) => n + s.text.length, 0),
    100,
  );
  useImperativeHandle(
    ref,
    () => ({
      showStop(stop) {
        const change = comparison.changes[stop];
        if (change)
          revealStop(
            listRef.current,
            stop,
            () => virtualizer.scrollToIndex(change.redlineBlock, { align: 'center' }),
            change.kind === 'paragraphs',
          );
      },
    }),
    [comparison, virtualizer],
  );
  return (
    <div className="compare-body redline" role="region" aria-label={label}>
      <div ref={listRef} className="virtual-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const block = blocks[item.index];
          if (!block) return null;
          const isCurrent = block.segments.some((s) => s.change === current);
          const row = comparison.rows[block.row];
          const sides = {
            old: row?.oldIndex === undefined ? undefined : highlights?.old.get(row.oldIndex),
            new: row?.newIndex === undefined ? undefined : highlights?.new.get(row.newIndex),
          };
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={`virtual-row redline-block block-${block.kind}${isCurrent ? ' row-current' : ''}`}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <p>
                <Segments segments={block.segments} current={current} marks={marksOf(block.segments, sides, highlights)} />
              </p>
            </div>
          );
        })}
      </div>
    </div>
  );
});
