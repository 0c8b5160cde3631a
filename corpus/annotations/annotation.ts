/**
 * An annotation: a highlighted passage of one version of an article (with its colour, tags and
 * note), or a note on the whole article. Its zod schema (`annotation-schema.ts`), versioned, is what
 * the host stores and what the export file holds.
 *
 * A passage is stored as it was made, with the W3C Web Annotation selectors of the passage in the
 * version it was made on: a TextQuoteSelector (the exact words, and up to `CONTEXT_LENGTH` characters
 * of context on each side, cut at word boundaries) and a TextPositionSelector (offsets in that
 * version's text, see `article-text.ts`), plus the paragraphs it starts and ends in. These selectors
 * are never rewritten: showing the annotation on another version computes an anchor (`anchor.ts`),
 * it does not move the annotation. Editing an annotation changes only its role, tags and note.
 *
 * The note is plain text, never markup: whoever shows it (page, list, PDF, Markdown) shows it as text.
 *
 * Pure: no platform imports.
 */
import type { ArticleId, CodeId, IsoDate } from '../model/model.ts';
import { ArticleText, type ParagraphPoint } from './article-text.ts';
import type { RoleId } from './roles.ts';

/** Bumped whenever the stored shape of an annotation changes; readers refuse other versions. */
export const ANNOTATION_SCHEMA_VERSION = 1;

/** Characters of context kept on each side of the quote (as Hypothesis keeps), before the cut at a word boundary. */
export const CONTEXT_LENGTH = 32;
/** A note may be long (a memo pasted in), but not unbounded: past this the save is refused with a message. */
export const NOTE_MAX_LENGTH = 1_000_000;
export const TAG_MAX_LENGTH = 60;
export const TAGS_MAX = 50;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets [start, end) in the version's text (paragraphs joined with a line break). */
  start: number;
  end: number;
}

/**
 * Which text of the version a passage is in: its paragraphs (the default, `Version.paragraphs`) or
 * its NOTA (`Version.nota`), which the reader shows under the text and users annotate too (a NOTA
 * often says from when a provision applies).
 */
export type TextPart = 'text' | 'nota';

export interface PassageTarget {
  kind: 'passage';
  /** Absent: the text. */
  part?: 'nota';
  /** Paragraph (index in `Version.paragraphs`) where the passage starts, and where it ends. */
  paragraph: number;
  paragraphEnd: number;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A note on the whole article: no selector, always shown, on every version. */
export interface WholeArticleTarget {
  kind: 'article';
}

export interface AnnotatedArticle {
  id: ArticleId;
  code: CodeId;
  /** The article's number when annotated (`L611-3`): lists and exports show it without loading the corpus. */
  num: string;
}

/** The version the annotation was made on. */
export interface AnnotatedVersion {
  validFrom: IsoDate;
  /** LEGI id of the version (`LEGIARTI…`), when the corpus gives it. */
  legiVersionId?: string;
}

export interface Annotation {
  id: string;
  article: AnnotatedArticle;
  version: AnnotatedVersion;
  target: PassageTarget | WholeArticleTarget;
  /** Colour and legal role: always set on a passage, optional on a whole-article note. */
  role?: RoleId;
  tags: string[];
  /** Plain text; empty for a highlight without a note. */
  note: string;
  /** ISO 8601 instants (`2026-12-01T10:00:00.000Z`). */
  createdAt: string;
  updatedAt: string;
}

/** A mistake in what the user asked for (empty selection, note too long): the message is French, for the user. */
export class AnnotationInputError extends Error {
  override readonly name = 'AnnotationInputError';
}

/** A new random id (Web Crypto: there in browsers, Web Workers and Node 20). */
export function newAnnotationId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Tags as stored: trimmed, inner whitespace collapsed, empty ones dropped, one per spelling
 * (case and accents aside; the first spelling wins).
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag) continue;
    if (tag.length > TAG_MAX_LENGTH) throw new AnnotationInputError(`Une étiquette est limitée à ${TAG_MAX_LENGTH} caractères.`);
    const key = tag.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  if (out.length > TAGS_MAX) throw new AnnotationInputError(`Une annotation porte au plus ${TAGS_MAX} étiquettes.`);
  return out;
}

function checkNote(note: string): string {
  if (note.length > NOTE_MAX_LENGTH) {
    throw new AnnotationInputError(`Une note est limitée à ${NOTE_MAX_LENGTH.toLocaleString('fr-FR')} caractères.`);
  }
  return note;
}

/**
 * The quote selector of [start, end) of a text: the exact words, and the context on each side cut
 * at a word boundary (a word the cut would split is left out of the context).
 */
export function quoteSelector(text: ArticleText, start: number, end: number): TextQuoteSelector {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  const firstToken = text.tokenRange(prefixStart, start);
  if (firstToken && text.tokens[firstToken.first]!.start < prefixStart) {
    // The cut falls inside a word: start the context at the next word.
    prefixStart = text.tokens[firstToken.first + 1]?.start ?? start;
    if (prefixStart > start) prefixStart = start;
  }
  let suffixEnd = Math.min(text.text.length, end + CONTEXT_LENGTH);
  const lastToken = text.tokenRange(end, suffixEnd);
  if (lastToken && text.tokens[lastToken.last]!.end > suffixEnd) {
    suffixEnd = lastToken.last > lastToken.first ? text.tokens[lastToken.last - 1]!.end : end;
    if (suffixEnd < end) suffixEnd = end;
  }
  return {
    type: 'TextQuoteSelector',
    exact: text.text.slice(start, end),
    prefix: text.text.slice(prefixStart, start),
    suffix: text.text.slice(end, suffixEnd),
  };
}

export interface NewPassage {
  article: AnnotatedArticle;
  version: AnnotatedVersion;
  /** The text of that version the selection is in (`ArticleText` of its paragraphs, or of its NOTA). */
  text: ArticleText;
  /** `nota` when the selection is in the NOTA. */
  part?: TextPart;
  /** The selection, as the reader read it from the DOM: points in the paragraphs' texts. */
  start: ParagraphPoint;
  end: ParagraphPoint;
  role: RoleId;
  note?: string;
  tags?: readonly string[];
  /** For tests and imports; defaults to a new random id and the current time. */
  id?: string;
  now?: Date;
}

/**
 * A new highlighted passage. The selection is widened to whole words and trimmed of the spaces at
 * its edges; a selection that holds no word is refused (`AnnotationInputError`).
 */
export function createPassageAnnotation(input: NewPassage): Annotation {
  let from = input.text.toArticleOffset(input.start);
  let to = input.text.toArticleOffset(input.end);
  if (to < from) [from, to] = [to, from];
  const snapped = input.text.snapToTokens(from, to);
  if (!snapped) throw new AnnotationInputError('La sélection ne contient aucun mot : rien à surligner.');
  const now = (input.now ?? new Date()).toISOString();
  return {
    id: input.id ?? newAnnotationId(),
    article: { ...input.article },
    version: versionRef(input.version),
    target: {
      kind: 'passage',
      ...(input.part === 'nota' ? { part: 'nota' as const } : {}),
      paragraph: input.text.paragraphAt(snapped.start),
      paragraphEnd: input.text.paragraphAt(snapped.end - 1),
      quote: quoteSelector(input.text, snapped.start, snapped.end),
      position: { type: 'TextPositionSelector', start: snapped.start, end: snapped.end },
    },
    role: input.role,
    tags: normalizeTags(input.tags ?? []),
    note: checkNote(input.note ?? ''),
    createdAt: now,
    updatedAt: now,
  };
}

export interface NewArticleNote {
  article: AnnotatedArticle;
  version: AnnotatedVersion;
  note: string;
  role?: RoleId;
  tags?: readonly string[];
  id?: string;
  now?: Date;
}

/** A new note on the whole article (made while reading `version`, shown on every version). */
export function createArticleNote(input: NewArticleNote): Annotation {
  const now = (input.now ?? new Date()).toISOString();
  const annotation: Annotation = {
    id: input.id ?? newAnnotationId(),
    article: { ...input.article },
    version: versionRef(input.version),
    target: { kind: 'article' },
    tags: normalizeTags(input.tags ?? []),
    note: checkNote(input.note),
    createdAt: now,
    updatedAt: now,
  };
  if (input.role) annotation.role = input.role;
  return annotation;
}

export interface AnnotationEdit {
  note?: string;
  tags?: readonly string[];
  /** `null` removes the colour of a whole-article note (a passage keeps one). */
  role?: RoleId | null;
}

/** The annotation with its note, tags or role changed; the article, version and selectors stay as made. */
export function editAnnotation(annotation: Annotation, edit: AnnotationEdit, now: Date = new Date()): Annotation {
  const next: Annotation = { ...annotation, updatedAt: now.toISOString() };
  if (edit.note !== undefined) next.note = checkNote(edit.note);
  if (edit.tags !== undefined) next.tags = normalizeTags(edit.tags);
  if (edit.role === null) {
    if (annotation.target.kind === 'passage') throw new AnnotationInputError('Un passage surligné garde toujours une couleur.');
    delete next.role;
  } else if (edit.role !== undefined) next.role = edit.role;
  return next;
}

function versionRef(version: AnnotatedVersion): AnnotatedVersion {
  return version.legiVersionId ? { validFrom: version.validFrom, legiVersionId: version.legiVersionId } : { validFrom: version.validFrom };
}
