/**
 * A redline made short for a list (the change-set page shows one per article): the changed blocks,
 * each with one unchanged paragraph of context on either side, and the runs of unchanged paragraphs
 * between them folded into a count (« 12 paragraphes inchangés »).
 */
import type { RedlineBlock } from '../../../corpus/diff/index.ts';

export type ExcerptItem = { kind: 'block'; block: RedlineBlock; index: number } | { kind: 'folded'; count: number };

export function redlineExcerpt(blocks: readonly RedlineBlock[], context = 1): ExcerptItem[] {
  const keep = new Array<boolean>(blocks.length).fill(false);
  blocks.forEach((block, index) => {
    if (block.kind === 'equal') return;
    for (let i = Math.max(0, index - context); i <= Math.min(blocks.length - 1, index + context); i++) keep[i] = true;
  });
  const items: ExcerptItem[] = [];
  let folded = 0;
  blocks.forEach((block, index) => {
    if (keep[index]) {
      if (folded > 0) items.push({ kind: 'folded', count: folded });
      folded = 0;
      items.push({ kind: 'block', block, index });
    } else folded++;
  });
  if (folded > 0) items.push({ kind: 'folded', count: folded });
  return items;
}
