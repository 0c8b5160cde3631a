/**
 * One article's annotations as a Markdown document: the article and the version they are shown on,
 * then the whole-article notes, the annotated passages in text order (with their colour, status,
 * tags and note) and the orphans.
 *
 * Notes and quotes are the user's plain text: every character that Markdown (CommonMark) or HTML
 * could read as markup is escaped, so `<script>`, `**`, `[lien](…)` or a line starting with `#`
 * come out as the characters typed, in any Markdown viewer, and the plain file still reads well.
 *
 * Pure: no platform imports.
 */
import type { IsoDate, VersionStatus } from '../model/model.ts';
import type { Annotation } from './annotation.ts';
import { STATUS_LABELS, type Anchor } from './anchor.ts';
import { DEFAULT_PALETTE, roleLabel, type RolePalette } from './roles.ts';

export interface MarkdownArticle {
  num: string;
  codeTitle: string;
}

export interface MarkdownVersion {
  validFrom: IsoDate;
  validTo?: IsoDate;
  status: VersionStatus;
  amendedBy?: string;
}

export interface ArticleMarkdownInput {
  article: MarkdownArticle;
  /** The version the annotations are shown on. */
  version: MarkdownVersion;
  annotations: readonly Annotation[];
  /** Their anchors on that version (`anchorAnnotations`). */
  anchors: ReadonlyMap<string, Anchor>;
  palette?: RolePalette;
  exportedAt?: Date;
}

/** Sorts NOTA passages after every passage of the text. */
const NOTA_AFTER_TEXT = 1e12;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2006-01-01` → « 1er janvier 2006 ». */
export function frenchDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day || !MONTHS[month - 1]) return date;
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

const STATUS_NAMES: Record<VersionStatus, string> = {
  VIGUEUR: 'en vigueur',
  VIGUEUR_DIFF: 'en vigueur à une date future',
  MODIFIE: 'modifiée depuis',
  ABROGE: 'abrogée',
  TRANSFERE: 'transférée',
  PERIME: 'périmée',
};

/** Characters Markdown or inline HTML could take for markup, wherever they are. */
const INLINE_MARKUP = /[\\`*_[\]<>&|~]/g;

/**
 * A line of the user's text, escaped: inline markup characters get a backslash (CommonMark renders
 * `\<` as `<`), and so do the characters that only mean something at the start of a line (list
 * markers, block quotes, headings, setext underlines); leading spaces (an indented code block) become
 * no-break spaces.
 */
function escapeLine(line: string): string {
  let escaped = line.replace(INLINE_MARKUP, (char) => `\\${char}`);
  escaped = escaped.replace(/^(\s*)([-+=#])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return escaped.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
}

/** The user's text as Markdown paragraphs: line breaks kept (hard breaks), blank lines kept as paragraph breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i, lines) => {
      const escaped = escapeLine(line.replace(/\s+$/, ''));
      const next = lines[i + 1];
      // A backslash at the end of a line is a hard line break, unless the paragraph ends there.
      return escaped && next !== undefined && next.trim() !== '' ? `${escaped}\\` : escaped;
    })
    .join('\n');
}

/** As a block quote. */
function quoteBlock(text: string): string {
  return markdownText(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** The article's annotations as Markdown (see the module comment). */
export function articleAnnotationsToMarkdown(input: ArticleMarkdownInput): string {
  const palette = input.palette ?? DEFAULT_PALETTE;
  const { article, version } = input;
  const out: string[] = [];
  out.push(`# Article ${markdownText(article.num)} — ${markdownText(article.codeTitle)}`, '');
  const range = version.validTo
    ? `du ${frenchDate(version.validFrom)} au ${frenchDate(version.validTo)}`
    : `depuis le ${frenchDate(version.validFrom)}`;
  out.push(
    `Version ${range} (${STATUS_NAMES[version.status]})${version.amendedBy ? `, issue de : ${markdownText(version.amendedBy)}` : ''}.`,
    '',
  );
  const exported = (input.exportedAt ?? new Date()).toISOString().slice(0, 10);
  out.push(`Annotations exportées de Palimpseste le ${frenchDate(exported)}.`, '');

  const notes = input.annotations.filter((a) => a.target.kind === 'article');
  const placed: { annotation: Annotation; anchor: Anchor; start: number }[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of input.annotations) {
    if (annotation.target.kind === 'article') continue;
    const anchor = input.anchors.get(annotation.id);
    if (!anchor || anchor.status === 'orphan' || anchor.target !== 'passage') orphans.push(annotation);
    else placed.push({ annotation, anchor, start: anchor.range.start + (anchor.range.part === 'nota' ? NOTA_AFTER_TEXT : 0) });
  }
  // The text's passages in reading order, then the NOTA's.
  placed.sort((a, b) => a.start - b.start);

  if (notes.length) {
    out.push('## Notes sur l’article', '');
    for (const note of notes) out.push(...annotationDetails(note, palette), '');
  }
  if (placed.length) {
    out.push('## Passages annotés', '');
    placed.forEach(({ annotation, anchor }, i) => {
      const label = annotation.role ? roleLabel(palette, annotation.role) : 'passage';
      const inNota = annotation.target.kind === 'passage' && annotation.target.part === 'nota' ? ' (NOTA)' : '';
      out.push(`### ${i + 1}. ${markdownText(label)}${inNota} — ${STATUS_LABELS[anchor.status]}`, '');
      if (anchor.target === 'passage' && anchor.status !== 'orphan') out.push(quoteBlock(anchor.range.text), '');
      if (anchor.status === 'changed') {
        out.push(`Texte annoté (version du ${frenchDate(annotation.version.validFrom)}) :`, '', quoteBlock(anchor.oldQuote), '');
      }
      out.push(...annotationDetails(annotation, palette), '');
    });
  }
  if (orphans.length) {
    out.push('## Annotations orphelines', '', 'Le texte annoté ne se retrouve pas dans cette version.', '');
    orphans.forEach((annotation, i) => {
      const label = annotation.role ? roleLabel(palette, annotation.role) : 'passage';
      out.push(`### ${i + 1}. ${markdownText(label)} — ${STATUS_LABELS.orphan}`, '');
      if (annotation.target.kind === 'passage') {
        out.push(
          `Texte annoté (version du ${frenchDate(annotation.version.validFrom)}) :`,
          '',
          quoteBlock(annotation.target.quote.exact),
          '',
        );
      }
      out.push(...annotationDetails(annotation, palette), '');
    });
  }
  if (!notes.length && !placed.length && !orphans.length) out.push('Aucune annotation sur cet article.', '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function annotationDetails(annotation: Annotation, palette: RolePalette): string[] {
  const lines: string[] = [];
  if (annotation.target.kind === 'article' && annotation.role)
    lines.push(`Couleur : ${markdownText(roleLabel(palette, annotation.role))}`, '');
  if (annotation.tags.length) lines.push(`Étiquettes : ${annotation.tags.map(markdownText).join(', ')}`, '');
  if (annotation.note.trim()) lines.push(markdownText(annotation.note), '');
  lines.push(
    `_Créée le ${frenchDate(annotation.createdAt.slice(0, 10))}${annotation.updatedAt !== annotation.createdAt ? `, modifiée le ${frenchDate(annotation.updatedAt.slice(0, 10))}` : ''}._`,
  );
  return lines;
}
