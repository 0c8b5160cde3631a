/**
 * The annotations of an article as shown on one version: each with its anchor (`anchor.ts` of the
 * pure core), numbered in reading order (notes on the whole article first, then the passages in
 * text order, text before NOTA, then the orphans), and the highlight pieces of each paragraph.
 * The same numbers are printed in the text, listed in the panel and in the PDF's notes.
 */
import type { Annotation, TextPart } from '../../../corpus/annotations/annotation.ts';
import { anchorAnnotations, AnchorCache, type Anchor } from '../../../corpus/annotations/anchor.ts';
import type { Article, Version } from '../../../corpus/model/model.ts';
import type { HighlightPiece } from './highlight-runs.ts';

export interface AnchoredAnnotation {
  annotation: Annotation;
  anchor: Anchor;
  number: number;
}

export interface AnchoredArticle {
  items: AnchoredAnnotation[];
  /** Highlight pieces by part and paragraph index. */
  pieces: Record<TextPart, Map<number, HighlightPiece[]>>;
}

function order(item: { annotation: Annotation; anchor: Anchor }): [number, number] {
  const { anchor } = item;
  if (anchor.target === 'article') return [0, 0];
  if (anchor.status === 'orphan') return [3, 0];
  return [anchor.range.part === 'nota' ? 2 : 1, anchor.range.start];
}

export function anchorForDisplay(
  annotations: readonly Annotation[],
  article: Pick<Article, 'id' | 'versions'>,
  version: Version,
  cache: AnchorCache = new AnchorCache(),
): AnchoredArticle {
  const anchors = anchorAnnotations(annotations, article, version, cache);
  const items = annotations
    .filter((annotation) => anchors.has(annotation.id))
    .map((annotation) => ({ annotation, anchor: anchors.get(annotation.id)!, number: 0 }))
    .sort((a, b) => {
      const [ka, sa] = order(a);
      const [kb, sb] = order(b);
      return ka - kb || sa - sb || a.annotation.createdAt.localeCompare(b.annotation.createdAt);
    });
  const pieces: AnchoredArticle['pieces'] = { text: new Map(), nota: new Map() };
  items.forEach((item, index) => {
    item.number = index + 1;
    const { anchor, annotation } = item;
    if (anchor.target !== 'passage' || anchor.status === 'orphan') return;
    anchor.range.pieces.forEach((piece, i) => {
      const list = pieces[anchor.range.part].get(piece.paragraph) ?? [];
      list.push({
        annotationId: annotation.id,
        start: piece.start,
        end: piece.end,
        role: annotation.role ?? 'condition',
        status: anchor.status,
        number: item.number,
        last: i === anchor.range.pieces.length - 1,
      });
      pieces[anchor.range.part].set(piece.paragraph, list);
    });
  });
  return { items, pieces };
}
