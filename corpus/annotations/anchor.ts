/**
 * Where an annotation goes on a version of its article: the heart of « annotations that survive
 * every new version ».
 *
 * 1. A whole-article note is attached to every version.
 * 2. The version the annotation was made on is found in the article (by LEGI version id, else by
 *    validFrom, else the version in force on that date: a corpus update may have merged versions),
 *    and the passage is checked there: its stored position must still hold its quote, else the quote
 *    is looked for in that version (`findQuote`).
 * 3. On that same version (or one with the same text), the annotation is attached where it was made.
 * 4. On another version, the passage is carried through the word diff between the two
 *    (`VersionMapping`): unchanged words → « attachée »; some words changed → « texte modifié depuis
 *    l'annotation », with the new range and the old quote; nothing left → the quote is looked for in
 *    the target (it may have moved to another paragraph), and only a match that clears the floors of
 *    `findQuote` places it; else « orpheline ».
 *
 * The stored selectors are read, never rewritten: an anchor is computed for each display.
 *
 * Pure: no platform imports.
 */
import type { Article, Version } from '../model/model.ts';
import type { Annotation, PassageTarget, TextPart } from './annotation.ts';
import { ArticleText, sameWords, quoteKeys, type ParagraphPiece } from './article-text.ts';
import { findQuote } from './quote-match.ts';
import { VersionMapping } from './range-mapping.ts';
import { sourceVersionIndex } from './source-version.ts';

export type AnchorStatus = 'attached' | 'changed' | 'orphan';

/** The statuses as the UI names them. */
export const STATUS_LABELS: Readonly<Record<AnchorStatus, string>> = {
  attached: 'attachée',
  changed: 'texte modifié depuis l’annotation',
  orphan: 'orpheline',
};

/**
 * How the place was found: `same-version` (shown on the version it was made on, or one with the
 * same text), `diff` (carried through the word diff), `quote` (found by its quote and context).
 */
export type AnchorMethod = 'same-version' | 'diff' | 'quote';

export type OrphanReason =
  /** The words are gone from this version (deleted, or rewritten beyond recognition). */
  | 'words-removed'
  /** The version it was made on is no longer in the corpus and its quote is not found here. */
  | 'source-version-missing'
  /** This version is known by its dates only: its text is not in the corpus. */
  | 'text-unavailable';

export interface AnchoredRange {
  /** The text it is in: the paragraphs, or the NOTA (then `pieces` index `Version.nota`). */
  part: TextPart;
  /** Offsets [start, end) in the shown version's text (`ArticleText.text`) or NOTA. */
  start: number;
  end: number;
  /** The same range paragraph by paragraph, for highlighting (offsets in each paragraph's text). */
  pieces: ParagraphPiece[];
  /** The shown version's words in that range. */
  text: string;
}

export type Anchor =
  | { status: 'attached'; annotationId: string; target: 'article' }
  | { status: 'attached'; annotationId: string; target: 'passage'; range: AnchoredRange; method: AnchorMethod }
  | {
      status: 'changed';
      annotationId: string;
      target: 'passage';
      range: AnchoredRange;
      method: AnchorMethod;
      /** The words as annotated, to show beside the new text. */
      oldQuote: string;
      /** Share of the annotated characters still there unchanged, 0 to 1. */
      kept: number;
    }
  | { status: 'orphan'; annotationId: string; target: 'passage'; reason: OrphanReason; oldQuote: string };

/** What anchoring reads of an article: its versions. */
export type AnchorableArticle = Pick<Article, 'id' | 'versions'>;

/**
 * Reusable work between anchorings: each version's prepared text and each version pair's alignment.
 * Keep one per article while it is shown (and drop it when the corpus changes).
 */
export class AnchorCache {
  private readonly texts = new WeakMap<Version, Partial<Record<TextPart, ArticleText>>>();
  private readonly mappings = new WeakMap<Version, Map<Version, Partial<Record<TextPart, VersionMapping>>>>();

  /** The prepared text of a version: its paragraphs, or its NOTA (`part: 'nota'`). */
  text(version: Version, part: TextPart = 'text'): ArticleText {
    let byPart = this.texts.get(version);
    if (!byPart) this.texts.set(version, (byPart = {}));
    return (byPart[part] ??= new ArticleText(part === 'nota' ? (version.nota ?? []) : version.paragraphs));
  }

  mapping(from: Version, to: Version, part: TextPart = 'text'): VersionMapping {
    let byTarget = this.mappings.get(from);
    if (!byTarget) this.mappings.set(from, (byTarget = new Map()));
    let byPart = byTarget.get(to);
    if (!byPart) byTarget.set(to, (byPart = {}));
    return (byPart[part] ??= new VersionMapping(this.text(from, part), this.text(to, part)));
  }
}

function range(text: ArticleText, start: number, end: number, part: TextPart): AnchoredRange {
  return { part, start, end, pieces: text.pieces(start, end), text: text.text.slice(start, end) };
}

/** The passage's range in the version it was made on, if that version still holds its quote. */
function sourceRange(target: PassageTarget, text: ArticleText): { start: number; end: number } | undefined {
  const { start, end } = target.position;
  if (text.text.slice(start, end) === target.quote.exact) return { start, end };
  // The version's text was corrected by a corpus update: look for the quote in it.
  const found = findQuote(text, target.quote);
  return found && found.errors === 0 ? { start: found.start, end: found.end } : undefined;
}

/** Places the quote on the target by its quote and context alone (no diff to go by). */
function anchorByQuote(annotation: Annotation, target: PassageTarget, text: ArticleText, reason: OrphanReason): Anchor {
  const found = findQuote(text, target.quote);
  const oldQuote = target.quote.exact;
  if (!found) return { status: 'orphan', annotationId: annotation.id, target: 'passage', reason, oldQuote };
  const placed = range(text, found.start, found.end, target.part ?? 'text');
  if (found.errors === 0 || sameWords(text.wordKeys(found.start, found.end), quoteKeys(oldQuote))) {
    return { status: 'attached', annotationId: annotation.id, target: 'passage', range: placed, method: 'quote' };
  }
  return {
    status: 'changed',
    annotationId: annotation.id,
    target: 'passage',
    range: placed,
    method: 'quote',
    oldQuote,
    kept: 1 - found.errors / oldQuote.length,
  };
}

/** The anchor of one annotation on one version of its article (see the module comment). */
export function anchorAnnotation(annotation: Annotation, article: AnchorableArticle, shown: Version, cache = new AnchorCache()): Anchor {
  if (annotation.target.kind === 'article') return { status: 'attached', annotationId: annotation.id, target: 'article' };
  const target = annotation.target;
  const oldQuote = target.quote.exact;
  if (shown.textUnavailable)
    return { status: 'orphan', annotationId: annotation.id, target: 'passage', reason: 'text-unavailable', oldQuote };
  const part: TextPart = target.part ?? 'text';
  const shownText = cache.text(shown, part);

  const sourceIndex = sourceVersionIndex(article.versions, annotation.version);
  const source = sourceIndex < 0 ? undefined : article.versions[sourceIndex]!;
  const sourceText = source && !source.textUnavailable ? cache.text(source, part) : undefined;
  const inSource = sourceText && sourceRange(target, sourceText);
  if (!source || !sourceText || !inSource) return anchorByQuote(annotation, target, shownText, 'source-version-missing');

  if (source === shown || sourceText.text === shownText.text) {
    return {
      status: 'attached',
      annotationId: annotation.id,
      target: 'passage',
      range: range(shownText, inSource.start, inSource.end, part),
      method: 'same-version',
    };
  }
  const mapped = cache.mapping(source, shown, part).mapRange(inSource.start, inSource.end);
  if (mapped.kind === 'gone') return anchorByQuote(annotation, target, shownText, 'words-removed');
  const placed = range(shownText, mapped.start, mapped.end, part);
  // A run the diff could not map word by word counts as changed; if the words are the same after all, they are attached.
  if (mapped.kind === 'unchanged' || sameWords(shownText.wordKeys(mapped.start, mapped.end), quoteKeys(oldQuote)))
    return { status: 'attached', annotationId: annotation.id, target: 'passage', range: placed, method: 'diff' };
  return { status: 'changed', annotationId: annotation.id, target: 'passage', range: placed, method: 'diff', oldQuote, kept: mapped.kept };
}

/**
 * The anchors of many annotations of one article on one version, sharing the work (one alignment
 * per version they were made on). Annotations of other articles are left out.
 */
export function anchorAnnotations(
  annotations: Iterable<Annotation>,
  article: AnchorableArticle,
  shown: Version,
  cache = new AnchorCache(),
): Map<string, Anchor> {
  const anchors = new Map<string, Anchor>();
  for (const annotation of annotations) {
    if (annotation.article.id !== article.id) continue;
    anchors.set(annotation.id, anchorAnnotation(annotation, article, shown, cache));
  }
  return anchors;
}
