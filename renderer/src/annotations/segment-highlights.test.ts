import { describe, expect, it } from 'vitest';
import { compareVersions, type Segment } from '../../../corpus/diff/index.ts';
import { article, passage, version } from '../../../corpus/annotations/test-support.ts';
import { anchorForComparison } from './anchored.ts';
import { segmentHighlights } from './segment-highlights.ts';
import type { HighlightPiece } from './highlight-runs.ts';

// L611-3 of 1985 and its 1995 text (loi n° 95-116: « non-salariés » → « non salariés »), shortened.
const v1985 = version('1985-12-21', [
  'La caisse nationale gère le régime des travailleurs non-salariés des professions non agricoles.',
  'Ces organismes sont placés sous le contrôle de la caisse nationale.',
]);
const v1995 = version('1995-02-05', [
  'La caisse nationale gère le régime des travailleurs non salariés des professions non agricoles.',
  'Ces organismes sont placés sous le contrôle de la caisse nationale.',
]);
const l611 = article([v1985, v1995]);

/** The highlighted text of each annotation over a list of segments, as it reads on screen. */
function highlighted(segments: readonly Segment[], pieces: HighlightPiece[][]): Record<string, string> {
  const words: Record<string, string> = {};
  segments.forEach((segment, i) => {
    for (const piece of pieces[i]!)
      words[piece.annotationId] = (words[piece.annotationId] ?? '') + segment.text.slice(piece.start, piece.end);
  });
  return words;
}

describe('highlights over a comparison, each on the side of its version', () => {
  const changed = passage(v1985, 'travailleurs non-salariés des professions', { id: 'modifiee' });
  const kept = passage(v1985, 'sous le contrôle de la caisse', { id: 'gardee', role: 'sanction' });
  const made1995 = passage(v1995, 'non salariés', { id: 'recente', role: 'delai' });
  const highlights = anchorForComparison([changed, kept, made1995], l611, v1985, v1995);
  const comparison = compareVersions(v1985, v1995, 'word');

  it('puts the old version’s pieces over the left column and the new version’s over the right', () => {
    const first = comparison.rows[0]!;
    const left = segmentHighlights(first.old!, { old: highlights.old.get(first.oldIndex!) });
    const right = segmentHighlights(first.new!, { new: highlights.new.get(first.newIndex!) });
    expect(highlighted(first.old!, left)).toEqual({ modifiee: 'travailleurs non-salariés des professions', recente: 'non-salariés' });
    expect(highlighted(first.new!, right)).toEqual({ modifiee: 'travailleurs non salariés des professions', recente: 'non salariés' });
    const second = comparison.rows[1]!;
    const unchanged = segmentHighlights(second.old!, { old: highlights.old.get(second.oldIndex!) });
    expect(highlighted(second.old!, unchanged)).toEqual({ gardee: 'sous le contrôle de la caisse' });
  });

  it('in the redline: struck words carry the old placing, the others the new, each annotation once', () => {
    const block = comparison.redline[0]!;
    const row = comparison.rows[block.row]!;
    const pieces = segmentHighlights(block.segments, { old: highlights.old.get(row.oldIndex!), new: highlights.new.get(row.newIndex!) });
    const ids = (kind: Segment['kind']) => [
      ...new Set(block.segments.flatMap((segment, i) => (segment.kind === kind ? pieces[i]!.map((p) => p.annotationId) : []))),
    ];
    expect(ids('deleted').sort()).toEqual(['modifiee', 'recente']);
    expect(ids('inserted').sort()).toEqual(['modifiee', 'recente']);
    // Equal words: the new placing only, no second copy of the same highlight from the old text.
    block.segments.forEach((segment, i) => {
      if (segment.kind !== 'equal') return;
      const perAnnotation = pieces[i]!.map((p) => p.annotationId);
      expect(new Set(perAnnotation).size).toBe(perAnnotation.length);
    });
    // Each number once, after the new placing.
    const numberLabels = block.segments.flatMap((segment, i) => pieces[i]!.filter((p) => p.last));
    expect(numberLabels.map((p) => p.annotationId).sort()).toEqual(['modifiee', 'recente']);
  });

  it('numbers an annotation alike on both sides', () => {
    const number = (map: Map<number, HighlightPiece[]>, id: string) => [...map.values()].flat().find((p) => p.annotationId === id)?.number;
    for (const id of ['modifiee', 'gardee', 'recente']) expect(number(highlights.old, id)).toBe(number(highlights.new, id));
  });

  it('keeps an annotation the new text lost on the old side only', () => {
    const v2005 = version('2006-01-28', ['Un tout autre texte, réécrit en entier.']);
    const rewritten = article([v1985, v2005]);
    const shown = anchorForComparison([kept], rewritten, v1985, v2005);
    expect([...shown.old.values()].flat().map((p) => p.annotationId)).toEqual(['gardee']);
    expect([...shown.new.values()].flat()).toEqual([]);
  });
});
