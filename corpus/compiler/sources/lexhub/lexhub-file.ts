/**
 * One LexHub article file (seed 004): `# Article L160-17`, a blank line, then LEGI's HTML on one
 * line. Parsing never throws: whatever the damage, it returns what it could read and says what was
 * wrong, with the line.
 */
import type { CompileWarning, Link } from '../../../model/model.ts';
import { normalizeArticleNumber } from '../../../text/article-number.ts';
import { linksFromAnchors } from './anchor-links.ts';
import { htmlToText } from '../common/html-text.ts';
import { parseLinkTitle } from '../common/link-title.ts';

export interface LexhubArticleFile {
  /** From the `# Article …` heading, else from the file name (`l160-17.md` → `L160-17`). */
  num: string;
  paragraphs: string[];
  nota: string[];
  /** The `cites` links of the body's anchors. */
  links: Link[];
  /**
   * LexHub folder of each code the titled anchors point to, with the title LEGI gives it:
   * `['code-de-la-securite-sociale', 'Code de la sécurité sociale']`. Names the repository's code.
   */
  codeNames: [slug: string, title: string][];
}

export interface FileLocation {
  source: string;
  path: string;
}

const HEADING = /^\s*#+\s*Article\b\s*(.*?)\s*$/;

/** `…/l160-17.md` → `L160-17`; the base name itself when it is not an article number. */
export function numFromFileName(filePath: string): string {
  const base = filePath
    .split('/')
    .pop()!
    .replace(/\.(md|txt)$/i, '');
  return normalizeArticleNumber(base) ?? base;
}

export function parseLexhubFile(content: string, where: FileLocation): { article: LexhubArticleFile; warnings: CompileWarning[] } {
  const warnings: CompileWarning[] = [];
  const warn = (line: number | undefined, message: string): void => {
    warnings.push({ source: where.source, path: where.path, ...(line !== undefined ? { line } : {}), message });
  };
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (text.includes('\ufffd')) warn(lineAt(text, text.indexOf('\ufffd')), 'caractères illisibles (UTF-8 endommagé)');

  // The heading is the first non-blank line.
  let bodyStart = /^(?:[ \t\r]*\n)*/.exec(text)![0].length;
  let num: string | undefined;
  const headingEnd = text.indexOf('\n', bodyStart);
  const headingLine = text.slice(bodyStart, headingEnd < 0 ? text.length : headingEnd);
  const heading = HEADING.exec(headingLine);
  if (heading) {
    num = heading[1]!.replace(/\s+/g, ' ').trim() || undefined;
    if (!num) warn(lineAt(text, bodyStart), 'titre « # Article » sans numéro: numéro pris du nom de fichier');
    bodyStart = headingEnd < 0 ? text.length : headingEnd + 1;
  } else {
    warn(lineAt(text, bodyStart), 'titre « # Article … » absent: numéro pris du nom de fichier');
  }
  num ??= numFromFileName(where.path);

  const body = text.slice(bodyStart);
  // A third of LexHub's files have no `<p>`: see `HtmlTextOptions.sentenceBreaks`.
  const html = htmlToText(body, { detectNota: true, sentenceBreaks: !/<p[\s>/]/i.test(body) });
  for (const problem of html.problems) warn(lineAt(text, bodyStart + problem.offset), `HTML: ${problem.message}`);
  if (html.paragraphs.length === 0) warn(undefined, `article ${num} sans texte`);
  const codeNames: [string, string][] = [];
  for (const anchor of html.anchors) {
    const slug = /^\/([a-z0-9-]+)\/[^?#]*\.md$/.exec(anchor.href)?.[1];
    if (slug && anchor.title) codeNames.push([slug, parseLinkTitle(anchor.title).text]);
  }
  return {
    article: { num, paragraphs: html.paragraphs, nota: html.nota, links: linksFromAnchors(html.anchors), codeNames },
    warnings,
  };
}

/** 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
