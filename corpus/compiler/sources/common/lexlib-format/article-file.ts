/**
 * One lexlib article as markdown: `# Article L611-3`, the paragraphs (wrapped at about 120 columns),
 * an optional `**Nota:**` part, then `**Liens relatifs à cet article**` and its lists.
 * The same layout is used by the article files, by the seeds 000/001 and, under `###### Article X`
 * headings, by the whole-code file (`Code de la mutualité - Intégral.md`, seed 003).
 */
import type { Link } from '../../../../model/model.ts';
import { rebuildParagraphs } from '../../../../text/paragraphs.ts';
import { parseLinksSection } from './links.ts';
import { type ParseContext, warn } from '../parse-context.ts';

export const NOTA_MARKER = '**Nota:**';
export const LINKS_MARKER = '**Liens relatifs à cet article**';

export interface ParsedArticleBody {
  paragraphs: string[];
  /** Absent when the article has no NOTA or an empty one (seed 001 has an empty `**Nota:**`). */
  nota?: string[];
  links: Link[];
  /** Status codes found in links that the model has no name for (`AbD`, `An`). */
  unknownStatuses: string[];
}

export interface ParsedArticleFile extends ParsedArticleBody {
  /** The number in the title (`# Article L611-3` → `L611-3`), whitespace runs collapsed. */
  num?: string;
}

/** `# Article L611-3`, `###### Article L111-1` (Archéo Lex goes down to `########`) → `L611-3`. */
export function articleHeading(line: string): string | undefined {
  const match = /^#+\s+Article\s+(.+?)\s*$/.exec(line);
  return match ? normalizeArticleNum(match[1]!) : undefined;
}

/** Article numbers as written, with whitespace runs collapsed (file names have `A931-11-20  Annexe 1`). */
export function normalizeArticleNum(num: string): string {
  return num.replace(/\s+/g, ' ').trim();
}

/**
 * Parses the lines that follow an article's title. `firstLine` is the 1-based line number of
 * `lines[0]` in the file, for warnings.
 */
export function parseArticleBody(lines: readonly string[], ctx: ParseContext, firstLine: number): ParsedArticleBody {
  const trimmed = lines.map((line) => line.trimEnd());
  const linksAt = trimmed.indexOf(LINKS_MARKER);
  const bodyEnd = linksAt < 0 ? trimmed.length : linksAt;
  const notaAt = trimmed.slice(0, bodyEnd).indexOf(NOTA_MARKER);
  const textEnd = notaAt < 0 ? bodyEnd : notaAt;

  const paragraphs = rebuildParagraphs(lines.slice(0, textEnd));
  if (paragraphs.length === 0) warn(ctx, firstLine, 'article sans texte');
  const nota = notaAt < 0 ? [] : rebuildParagraphs(lines.slice(notaAt + 1, bodyEnd));

  let links: Link[] = [];
  let unknownStatuses: string[] = [];
  if (linksAt >= 0) {
    const parsed = parseLinksSection(lines.slice(linksAt + 1));
    links = parsed.links;
    unknownStatuses = parsed.unknownStatuses;
    for (const problem of parsed.problems) warn(ctx, firstLine + linksAt + 1 + problem.index, problem.message);
  }
  const body: ParsedArticleBody = { paragraphs, links, unknownStatuses };
  if (nota.length > 0) body.nota = nota;
  return body;
}

/** Parses a whole article file (`# Article X` then the body). Never throws. */
export function parseArticleFile(text: string, ctx: ParseContext): ParsedArticleFile {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let titleAt = lines.findIndex((line) => line.trim() !== '');
  const num = titleAt >= 0 ? articleHeading(lines[titleAt]!) : undefined;
  if (num === undefined) {
    warn(ctx, titleAt >= 0 ? titleAt + 1 : 1, 'titre « # Article … » manquant');
    titleAt = -1;
  }
  const body = parseArticleBody(lines.slice(titleAt + 1), ctx, titleAt + 2);
  return num === undefined ? body : { num, ...body };
}
