/**
 * Comparisons of two versions, computed once: the paragraph alignment is shared by both
 * granularities (switching word ↔ paragraph does not align again), and the last few comparisons
 * are kept so that going back to one is instant. Each computation is recorded as a performance
 * measure `palimpseste:compare` (its duration is what the benchmark reports as the in-page diff).
 */
import { alignParagraphs, buildComparison, type Comparison, type Granularity, type Row } from '../../../corpus/diff/index.ts';
import type { ArticleId, Version } from '../../../corpus/model/model.ts';

const KEEP = 16;
const alignments = new Map<string, Row[]>();
const comparisons = new Map<string, Comparison>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  cache.set(key, value);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return value;
}

export function comparisonOf(
  article: ArticleId,
  oldIndex: number,
  newIndex: number,
  oldVersion: Pick<Version, 'paragraphs'>,
  newVersion: Pick<Version, 'paragraphs'>,
  granularity: Granularity,
): Comparison {
  const pairKey = `${article}|${oldIndex}|${newIndex}`;
  const key = `${pairKey}|${granularity}`;
  const cached = comparisons.get(key);
  if (cached) return cached;
  const start = performance.now();
  const aligned = alignments.get(pairKey) ?? remember(alignments, pairKey, alignParagraphs(oldVersion.paragraphs, newVersion.paragraphs));
  const comparison = buildComparison(aligned, oldVersion.paragraphs, newVersion.paragraphs, granularity);
  const chars = oldVersion.paragraphs.reduce((n, p) => n + p.length, 0) + newVersion.paragraphs.reduce((n, p) => n + p.length, 0);
  performance.measure('palimpseste:compare', { start, end: performance.now(), detail: { article, granularity, chars } });
  return remember(comparisons, key, comparison);
}
