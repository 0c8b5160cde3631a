/**
 * A DOM selection read as a passage of a version: its two ends as (paragraph, offset) points of the
 * article text or of its NOTA. Paragraphs are the elements marked `data-paragraph` (index) and
 * `data-part` (`text` or `nota`); an offset counts the characters of the paragraph's text nodes
 * before the point, so that a selection inside or across a reference link is just characters of
 * its paragraph (numbers beside highlights are CSS content: not text nodes, never counted).
 */
import type { ParagraphPoint } from '../../../corpus/annotations/article-text.ts';
import type { TextPart } from '../../../corpus/annotations/annotation.ts';

export type SelectionReading =
  | { kind: 'none' }
  | { kind: 'passage'; part: TextPart; start: ParagraphPoint; end: ParagraphPoint }
  /** French, for the user: why this selection cannot be annotated. */
  | { kind: 'refused'; message: string };

function paragraphOf(node: Node | null): HTMLElement | undefined {
  const element = node instanceof HTMLElement ? node : node?.parentElement;
  return element?.closest<HTMLElement>('[data-paragraph]') ?? undefined;
}

function pointIn(paragraph: HTMLElement, node: Node, offset: number): ParagraphPoint {
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return { paragraph: Number(paragraph.dataset.paragraph), offset: range.toString().length };
}

/** Reads the selection within `root` (the article's text). */
export function readSelection(selection: Selection | null, root: HTMLElement | null): SelectionReading {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root) return { kind: 'none' };
  const range = selection.getRangeAt(0);
  const inRoot = root.contains(range.startContainer) && root.contains(range.endContainer);
  const touchesRoot = inRoot || range.intersectsNode(root);
  if (!touchesRoot) {
    const where = (
      range.commonAncestorContainer instanceof HTMLElement ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement
    )?.closest('.links-pane');
    return where
      ? { kind: 'refused', message: 'Les liens de l’article ne s’annotent pas : sélectionnez des mots du texte ou du NOTA.' }
      : { kind: 'none' };
  }
  if (!inRoot)
    return { kind: 'refused', message: 'La sélection déborde du texte de l’article : sélectionnez seulement des mots du texte.' };
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-paragraph]')];
  let first = paragraphOf(range.startContainer);
  let last = paragraphOf(range.endContainer);
  // A selection starting or ending between paragraphs (a triple click) is clipped to the paragraphs it covers.
  const covered = paragraphs.filter((p) => range.intersectsNode(p));
  if (covered.length === 0) return { kind: 'none' };
  let start: ParagraphPoint;
  let end: ParagraphPoint;
  if (first) start = pointIn(first, range.startContainer, range.startOffset);
  else {
    first = covered[0]!;
    start = { paragraph: Number(first.dataset.paragraph), offset: 0 };
  }
  if (last) end = pointIn(last, range.endContainer, range.endOffset);
  else {
    last = covered.at(-1)!;
    end = { paragraph: Number(last.dataset.paragraph), offset: (last.textContent ?? '').length };
  }
  const part = (first.dataset.part ?? 'text') as TextPart;
  if ((last.dataset.part ?? 'text') !== part)
    return { kind: 'refused', message: 'Sélectionnez dans le texte ou dans le NOTA, pas dans les deux à la fois.' };
  return { kind: 'passage', part, start, end };
}
