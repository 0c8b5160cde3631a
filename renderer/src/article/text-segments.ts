/**
 * A paragraph cut into plain text and references, so that the view renders text nodes and links
 * only (never HTML from the corpus). References come from the compiler with character offsets.
 */
import type { Reference } from '../../../corpus/model/model.ts';

export type Segment = { kind: 'text'; text: string } | { kind: 'reference'; text: string; reference: Reference };

/**
 * Splits `text` at the references of paragraph `paragraph`. Offsets out of range or overlapping an
 * earlier reference are ignored (the text is still shown whole): a bad offset must never lose text.
 */
export function segmentParagraph(text: string, paragraph: number, references: readonly Reference[]): Segment[] {
  const mine = references
    .filter((ref) => ref.paragraph === paragraph && ref.start >= 0 && ref.end <= text.length && ref.start < ref.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const reference of mine) {
    if (reference.start < cursor) continue;
    if (reference.start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, reference.start) });
    segments.push({ kind: 'reference', text: text.slice(reference.start, reference.end), reference });
    cursor = reference.end;
  }
  if (cursor < text.length || segments.length === 0) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}

/** Why a reference is not a link, for the hover title. */
export function unresolvedReason(reference: Reference): string {
  switch (reference.unresolved) {
    case 'code-not-in-corpus':
      return 'Ce code ne fait pas partie du corpus installé.';
    case 'article-not-found':
      return 'Aucun article de ce numéro dans le corpus.';
    case 'not-a-code':
      return 'Renvoi à un texte qui n’est pas un code (loi, décret…) : absent du corpus.';
    case 'ambiguous':
      return 'Plusieurs articles correspondent : renvoi ambigu.';
    default:
      return 'Renvoi non résolu.';
  }
}
