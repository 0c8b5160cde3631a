/**
 * A result's snippet cut into plain and highlighted pieces, rendered as text nodes and <mark>
 * (never as HTML), with « … » where the extract is cut inside its paragraph.
 */
import type { Snippet } from '../../../corpus/search/search-types.ts';

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export function snippetParts(snippet: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const { text } = snippet;
  let cursor = 0;
  const highlights = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of highlights) {
    const from = Math.max(start, cursor);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    if (from > cursor) parts.push({ text: text.slice(cursor, from), hit: false });
    parts.push({ text: text.slice(from, to), hit: true });
    cursor = to;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  if (snippet.cutBefore) parts.unshift({ text: '… ', hit: false });
  if (snippet.cutAfter) parts.push({ text: ' …', hit: false });
  return parts;
}
